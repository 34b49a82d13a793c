import type { JsonPath } from '@stoplight/types';
import { HTTP_METHODS, operations } from './document.js';
import { isObject } from './json.js';
import type { RefFollower } from './refs.js';
import { responseEntries } from './status.js';

export type BodyKind = 'request' | 'response';

/** A 3.x request or response body to check, once, where it is defined. */
export interface BodySite {
  kind: BodyKind;
  /** The request body or response object, `$ref`s followed. */
  body: Record<string, unknown>;
  /** Where findings about it go: the object itself in the linted document, or the `$ref` that brings it from another file. */
  at: JsonPath;
  /** True when `at` is the object's own path (so `[...at, 'content']` exists); false when it is a `$ref` site. */
  inline: boolean;
  /** Status code for responses defined under an operation; undefined for components. */
  code?: string;
}

/**
 * Every request body and response of a 3.x document, visited once where it is defined: inline
 * under operations, under `components`, or, for those brought in from another file, at the `$ref`
 * that brings them (once per target). Local `$ref`s are skipped: the component is visited itself.
 */
export function* bodySites(root: unknown, refs: RefFollower): Generator<BodySite> {
  if (!isObject(root)) return;
  const externalSeen = new Set<unknown>();

  function* visit(node: unknown, path: JsonPath, kind: BodyKind, code?: string): Generator<BodySite> {
    if (!isObject(node)) return;
    if (typeof node['$ref'] === 'string') {
      if (node['$ref'].startsWith('#')) return;
      const target = refs.resolve(node, path);
      if (!isObject(target.value) || externalSeen.has(target.value)) return;
      externalSeen.add(target.value);
      yield { kind, body: target.value, at: [...path, '$ref'], inline: false, ...(code !== undefined ? { code } : {}) };
      return;
    }
    yield { kind, body: node, at: path, inline: true, ...(code !== undefined ? { code } : {}) };
  }

  function* visitOperation(operation: Record<string, unknown>, path: JsonPath, sentByApi = false): Generator<BodySite> {
    yield* visit(operation['requestBody'], [...path, 'requestBody'], 'request');
    // A callback's or webhook's request is sent by the API; its responses come from the subscriber.
    const responses = operation['responses'];
    if (isObject(responses) && !sentByApi) {
      for (const [code, response] of responseEntries(responses)) yield* visit(response, [...path, 'responses', code], 'response', code);
    }
    // Callbacks are requests the API sends: their bodies are the API's too.
    const callbacks = operation['callbacks'];
    if (!isObject(callbacks)) return;
    for (const [name, callback] of Object.entries(callbacks)) {
      if (!isObject(callback)) continue;
      for (const [expression, item] of Object.entries(callback)) yield* visitPathItem(item, [...path, 'callbacks', name, expression]);
    }
  }

  function* visitPathItem(item: unknown, path: JsonPath): Generator<BodySite> {
    if (!isObject(item)) return;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (isObject(operation)) yield* visitOperation(operation, [...path, method], true);
    }
  }

  for (const entry of operations(root)) yield* visitOperation(entry.operation, entry.path);
  if (isObject(root['webhooks'])) {
    for (const [name, item] of Object.entries(root['webhooks'])) yield* visitPathItem(item, ['webhooks', name]);
  }
  const components = root['components'];
  if (!isObject(components)) return;
  for (const [section, kind] of [
    ['requestBodies', 'request'],
    ['responses', 'response'],
  ] as const) {
    const group = components[section];
    if (!isObject(group)) continue;
    for (const [name, node] of Object.entries(group)) yield* visit(node, ['components', section, name], kind);
  }
}
