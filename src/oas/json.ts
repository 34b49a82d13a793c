import type { JsonPath } from '@stoplight/types';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `path` under `root`, or undefined. */
export function valueAt(root: unknown, path: JsonPath): unknown {
  let node = root;
  for (const segment of path) {
    // Own keys only: a key the document lacks is absent, also `constructor`, which every object inherits.
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, String(segment))) return undefined;
    node = (node as Record<string, unknown>)[String(segment)];
  }
  return node;
}
