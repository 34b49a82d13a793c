import { alternatives, effectiveSchema, everyBranch } from './effectiveSchema.js';
import { isObject } from './json.js';
import type { JsonObject } from './json.js';
import type { RefFollower } from './refs.js';

/**
 * The `type`s a schema declares itself, 3.1 lists included (`[string, "null"]`): the schema as
 * written, for rules about how it is written (nullability). Other rules read `effectiveSchema`.
 */
export function declaredTypes(schema: JsonObject): string[] {
  const type = schema['type'];
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === 'string');
  return [];
}

/**
 * Whether a schema may describe an object or an array: read as a whole, or in any of its
 * alternatives (a body that may be structured is sent as structured data).
 */
export function isStructuredSchema(schema: unknown, refs: RefFollower, depth = 0): boolean {
  const { types } = effectiveSchema(schema, refs);
  if (types.has('object') || types.has('array')) return true;
  if (depth > 16) return false;
  return (alternatives(schema, refs) ?? []).some((branch) => isStructuredSchema(branch, refs, depth + 1));
}

/**
 * Whether a schema has a JSON type, however it is written (see `effectiveSchema`): an array also
 * when it only declares `items`, an object when it only declares `properties`; a union when every
 * alternative has it.
 */
export function hasType(schema: unknown, type: string, refs: RefFollower): boolean {
  return everyBranch(schema, refs, (branch) => effectiveSchema(branch, refs).types.has(type));
}

/**
 * The value of a keyword for a schema, however it is written: its own (in 3.1 a `$ref`'s siblings
 * apply; in 2.0 and 3.0 they are ignored), else its `$ref` target's, else its wrapped parts'.
 */
export function schemaKeyword(schema: unknown, keyword: string, refs: RefFollower, siblingsOfRef: boolean): unknown {
  if (!isObject(schema)) return undefined;
  return effectiveSchema(schema, refs, { siblingsOfRef }).keyword(keyword);
}
