import type { JsonPath } from '@stoplight/types';

/** Every path of a JSON value, the root's included, depth first. */
export function* pathsOf(value: unknown, path: JsonPath = []): Generator<JsonPath> {
  yield path;
  if (Array.isArray(value)) for (const [i, child] of value.entries()) yield* pathsOf(child, [...path, i]);
  else if (typeof value === 'object' && value !== null)
    for (const [key, child] of Object.entries(value)) yield* pathsOf(child, [...path, key]);
}
