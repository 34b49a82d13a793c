import { isObject } from './json.js';
import type { JsonObject } from './json.js';
import type { RefFollower } from './refs.js';

const STRUCTURED_TYPES = new Set(['object', 'array']);

/** The `type`s a schema declares, 3.1 lists included (`[string, "null"]`). */
export function declaredTypes(schema: JsonObject): string[] {
  const type = schema['type'];
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === 'string');
  return [];
}

function isNullSchema(schema: unknown, refs: RefFollower): boolean {
  const resolved = refs.value(schema);
  return (
    isObject(resolved) &&
    (resolved['type'] === 'null' || (Array.isArray(resolved['enum']) && resolved['enum'].length === 1 && resolved['enum'][0] === null))
  );
}

/**
 * The schemas that apply together with this one: its `allOf` parts, and the value branch of a
 * "value or null" union (`oneOf`/`anyOf` of one schema and `{type: null}`, 3.1's nullable).
 */
export function appliedParts(resolved: JsonObject, refs: RefFollower): unknown[] {
  const parts: unknown[] = Array.isArray(resolved['allOf']) ? [...resolved['allOf']] : [];
  for (const keyword of ['oneOf', 'anyOf']) {
    const branches = resolved[keyword];
    if (!Array.isArray(branches)) continue;
    const values = branches.filter((branch: unknown) => !isNullSchema(branch, refs));
    if (values.length === 1 && values.length < branches.length) parts.push(values[0]);
  }
  return parts;
}

/**
 * Whether a schema describes an object or an array once `$ref`s are followed and `allOf` parts
 * taken together; a `oneOf`/`anyOf` is structured when one of its branches is.
 */
export function isStructuredSchema(schema: unknown, refs: RefFollower, seen: Set<unknown> = new Set()): boolean {
  const resolved = refs.value(schema);
  if (!isObject(resolved) || seen.has(resolved)) return false;
  seen.add(resolved);
  if (declaredTypes(resolved).some((t) => STRUCTURED_TYPES.has(t))) return true;
  if (declaredTypes(resolved).length > 0) return false;
  if ('properties' in resolved || 'items' in resolved || 'additionalProperties' in resolved) return true;
  for (const keyword of ['allOf', 'oneOf', 'anyOf']) {
    const parts = resolved[keyword];
    if (Array.isArray(parts) && parts.some((part) => isStructuredSchema(part, refs, seen))) return true;
  }
  return false;
}

/**
 * Whether a schema has a JSON type once `$ref`s are followed and `allOf` parts taken together
 * (an array also when it only declares `items`, an object when it only declares `properties`).
 */
export function hasType(schema: unknown, type: string, refs: RefFollower, seen: Set<unknown> = new Set()): boolean {
  const resolved = refs.value(schema);
  if (!isObject(resolved) || seen.has(resolved)) return false;
  seen.add(resolved);
  const types = declaredTypes(resolved);
  if (types.includes(type)) return true;
  if (type === 'array' && types.length === 0 && 'items' in resolved) return true;
  if (type === 'object' && types.length === 0 && ('properties' in resolved || 'additionalProperties' in resolved)) return true;
  return appliedParts(resolved, refs).some((part) => hasType(part, type, refs, seen));
}

/**
 * The value of a keyword for a schema as written: its own (in 3.1 a `$ref`'s siblings apply; in
 * 2.0 and 3.0 they are ignored), else its `$ref` target's, else its `allOf` parts'.
 */
export function schemaKeyword(
  schema: unknown,
  keyword: string,
  refs: RefFollower,
  siblingsOfRef: boolean,
  seen: Set<unknown> = new Set(),
): unknown {
  if (!isObject(schema) || seen.has(schema)) return undefined;
  seen.add(schema);
  const isRef = typeof schema['$ref'] === 'string';
  if (schema[keyword] !== undefined && (!isRef || siblingsOfRef)) return schema[keyword];
  if (isRef) return schemaKeyword(refs.value(schema), keyword, refs, siblingsOfRef, seen);
  for (const part of appliedParts(schema, refs)) {
    const value = schemaKeyword(part, keyword, refs, siblingsOfRef, seen);
    if (value !== undefined) return value;
  }
  return undefined;
}
