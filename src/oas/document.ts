import type { JsonPath } from '@stoplight/types';
import { isObject, valueAt } from './json.js';
import { pointerToPath } from './refSyntax.js';
import type { JsonObject } from './json.js';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** How messages name an operation: `GET /pets/{id}`. */
export function operationLabel(method: string, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}

export function isOas2(root: unknown): boolean {
  return isObject(root) && root['swagger'] !== undefined;
}

/** 3.1 schemas are JSON Schema 2020-12, where the siblings of a `$ref` apply (in 2.0 and 3.0 they are ignored). */
export function refSiblingsApply(root: unknown): boolean {
  return isObject(root) && typeof root['openapi'] === 'string' && root['openapi'].startsWith('3.1');
}

export interface OperationEntry {
  /** The path template as written, e.g. `/customers/{id}`. */
  pathKey: string;
  method: HttpMethod;
  operation: JsonObject;
  pathItem: JsonObject;
  /** Absolute JSON path of the operation where it is defined: `['paths', pathKey, method]`, or under a referenced path item. */
  path: JsonPath;
  /** Absolute JSON path of the path item holding it. */
  itemPath: JsonPath;
}

/** The path entries of a `paths` object: its keys that are paths (`/…`), not `x-` extensions. */
export function pathEntries(paths: unknown): Array<[string, unknown]> {
  return isObject(paths) ? Object.entries(paths).filter(([key]) => key.startsWith('/')) : [];
}

export function pathKeys(paths: unknown): string[] {
  return pathEntries(paths).map(([key]) => key);
}

/**
 * The operations of a document as written, in document order. A path item that is a local
 * `$ref` (3.1 `components/pathItems`) is followed, and its operations are located where defined.
 */
export function* operations(root: unknown): Generator<OperationEntry> {
  if (!isObject(root)) return;
  const shared = new Set<string>();
  for (const [pathKey, written] of pathEntries(root['paths'])) {
    let pathItem = written;
    let base: JsonPath = ['paths', pathKey];
    if (isObject(written) && typeof written['$ref'] === 'string' && written['$ref'].startsWith('#')) {
      const target = pointerToPath(written['$ref']);
      // A path item shared by several paths is judged once, where it is defined.
      if (target === undefined || shared.has(written['$ref'])) continue;
      shared.add(written['$ref']);
      pathItem = valueAt(root, target);
      base = target;
    }
    if (!isObject(pathItem)) continue;
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (isObject(operation)) yield { pathKey, method, operation, pathItem, path: [...base, method], itemPath: base };
    }
  }
}

/** The parameters that apply to an operation as written: the path item's and the operation's own. */
export function* parameterNodes(entry: OperationEntry): Generator<{ node: unknown; path: JsonPath }> {
  const pathParams = entry.pathItem['parameters'];
  if (Array.isArray(pathParams)) {
    for (const [i, node] of pathParams.entries()) yield { node, path: [...entry.itemPath, 'parameters', i] };
  }
  const ownParams = entry.operation['parameters'];
  if (Array.isArray(ownParams)) {
    for (const [i, node] of ownParams.entries()) yield { node, path: [...entry.path, 'parameters', i] };
  }
}
