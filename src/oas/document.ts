import type { JsonPath } from '@stoplight/types';
import { isObject } from './json.js';
import type { JsonObject } from './json.js';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export function isOas2(root: unknown): boolean {
  return isObject(root) && root['swagger'] !== undefined;
}

export interface OperationEntry {
  /** The path template as written, e.g. `/customers/{id}`. */
  pathKey: string;
  method: HttpMethod;
  operation: JsonObject;
  pathItem: JsonObject;
  /** Absolute JSON path of the operation: `['paths', pathKey, method]`. */
  path: JsonPath;
}

/** The operations of a document as written, in document order. */
export function* operations(root: unknown): Generator<OperationEntry> {
  if (!isObject(root) || !isObject(root['paths'])) return;
  for (const [pathKey, pathItem] of Object.entries(root['paths'])) {
    if (!isObject(pathItem)) continue;
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (isObject(operation)) yield { pathKey, method, operation, pathItem, path: ['paths', pathKey, method] };
    }
  }
}

/** The parameters that apply to an operation as written: the path item's and the operation's own. */
export function* parameterNodes(entry: OperationEntry): Generator<{ node: unknown; path: JsonPath }> {
  const pathParams = entry.pathItem['parameters'];
  if (Array.isArray(pathParams)) {
    for (const [i, node] of pathParams.entries()) yield { node, path: ['paths', entry.pathKey, 'parameters', i] };
  }
  const ownParams = entry.operation['parameters'];
  if (Array.isArray(ownParams)) {
    for (const [i, node] of ownParams.entries()) yield { node, path: [...entry.path, 'parameters', i] };
  }
}
