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
