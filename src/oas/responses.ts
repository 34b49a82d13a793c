import type { JsonPath } from '@stoplight/types';
import type { OperationEntry } from './document.js';
import { isObject } from './json.js';
import { isMediaTypeKey } from './mediaTypes.js';
import type { JsonObject } from './json.js';
import type { RefFollower } from './refs.js';
import { responseEntries } from './status.js';

/** One response of an operation, as written and as resolved. */
export interface ResponseEntry {
  code: string;
  /** The response object, `$ref`s followed. */
  response: JsonObject;
  /** Absolute path of the response key under the operation. */
  path: JsonPath;
  /** True when the response is a `$ref`: findings about how it is used go on `[...path, '$ref']`. */
  viaRef: boolean;
  /** Where the response object is defined in the linted document (its own path, or a local `$ref`'s target); undefined when in another file. */
  definedAt: JsonPath | undefined;
}

export function* operationResponses(entry: OperationEntry, refs: RefFollower): Generator<ResponseEntry> {
  const responses = entry.operation['responses'];
  if (!isObject(responses)) return;
  for (const [code, node] of responseEntries(responses)) {
    const path = [...entry.path, 'responses', code];
    const resolved = refs.resolve(node, path);
    if (!isObject(resolved.value)) continue;
    const viaRef = isObject(node) && typeof node['$ref'] === 'string';
    yield { code, response: resolved.value, path, viaRef, definedAt: resolved.source === null ? resolved.path : undefined };
  }
}

/** The media types a response offers: 3.x `content` keys; 2.0 the `produces` in force when it has a schema. */
export function responseMediaTypes(response: JsonObject, entry: OperationEntry, root: JsonObject, oas2: boolean): string[] {
  if (oas2) {
    if (response['schema'] === undefined) return [];
    const produces = entry.operation['produces'] ?? root['produces'];
    return Array.isArray(produces) ? produces.filter((t): t is string => typeof t === 'string') : [];
  }
  // Keys that are not media types (seen in generated documents) say nothing about negotiation.
  return isObject(response['content']) ? Object.keys(response['content']).filter(isMediaTypeKey) : [];
}

/** The schemas of a response body: one per media type in 3.x, the `schema` in 2.0, with their paths. */
export function* responseSchemas(
  response: JsonObject,
  at: JsonPath,
  oas2: boolean,
  refs: RefFollower,
): Generator<{ schema: unknown; path: JsonPath }> {
  if (oas2) {
    if (response['schema'] !== undefined) yield { schema: response['schema'], path: [...at, 'schema'] };
    return;
  }
  const content = response['content'];
  if (!isObject(content)) return;
  for (const [type, media] of Object.entries(content)) {
    const resolved = refs.value(media);
    if (isObject(resolved) && resolved['schema'] !== undefined)
      yield { schema: resolved['schema'], path: [...at, 'content', type, 'schema'] };
  }
}

/** The headers a response declares, by lower-cased name, `$ref`s followed. */
export function responseHeaders(response: JsonObject, refs: RefFollower): Map<string, JsonObject> {
  const headers = new Map<string, JsonObject>();
  if (!isObject(response['headers'])) return headers;
  for (const [name, node] of Object.entries(response['headers'])) {
    const header = refs.value(node);
    headers.set(name.toLowerCase(), isObject(header) ? header : {});
  }
  return headers;
}
