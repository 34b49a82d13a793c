import type { JsonPath } from '@stoplight/types';
import { isOas2, operations } from './document.js';
import { isObject } from './json.js';
import type { RefFollower } from './refs.js';
import { callbackOperations, schemaVisits } from './schemaWalk.js';
import type { SchemaScope } from './schemaWalk.js';
import { responseEntries } from './status.js';
import { parameterSites } from './parameters.js';

/** An example value and where it is written. */
export interface ExampleSite {
  value: unknown;
  path: JsonPath;
}

/**
 * The example values of a document's responses, each once where it is written: schema `example`
 * and 3.1 `examples` of response schemas (`$ref`'d schemas at their definition), 3.x media-type
 * `example`/`examples` (shared `components/examples` at their definition), 2.0 response `examples`.
 */
export function* responseExamples(root: unknown, refs: RefFollower): Generator<ExampleSite> {
  yield* documentExamples(root, refs, 'responses');
}

/**
 * The example values of responses ("responses"), or of requests and responses alike ("all":
 * request bodies, parameters and every schema too), each once where it is written.
 */
export function* documentExamples(root: unknown, refs: RefFollower, scope: 'responses' | 'all'): Generator<ExampleSite> {
  if (!isObject(root)) return;
  const fromSchemas: ExampleSite[] = [];
  const schemaScope: SchemaScope = scope === 'all' ? 'all' : 'responses';
  for (const { schema, at, inline } of schemaVisits(root, schemaScope, refs, scope !== 'all')) {
    if (!inline) continue;
    if (schema['example'] !== undefined) fromSchemas.push({ value: schema['example'], path: [...at, 'example'] });
    if (Array.isArray(schema['examples']))
      for (const [i, value] of schema['examples'].entries()) fromSchemas.push({ value, path: [...at, 'examples', i] });
  }
  yield* fromSchemas;

  const oas2 = isOas2(root);
  const components = isObject(root['components']) ? root['components'] : {};
  const seen = new Set<unknown>();

  /** A 3.x `examples` map: inline values, and shared `components/examples` once, where they are defined. */
  function* examplesMap(map: unknown, at: JsonPath): Generator<ExampleSite> {
    if (!isObject(map)) return;
    for (const [name, written] of Object.entries(map)) {
      const example = refs.resolve(written, [...at, name]);
      if (!isObject(example.value) || !('value' in example.value) || seen.has(example.value)) continue;
      seen.add(example.value);
      yield example.source === null
        ? { value: example.value['value'], path: [...example.path, 'value'] }
        : { value: example.value['value'], path: [...at, name, '$ref'] };
    }
  }

  /** `example` and `examples` next to a schema: media types, parameters, headers. */
  function* holder(node: Record<string, unknown>, at: JsonPath): Generator<ExampleSite> {
    if (node['example'] !== undefined) yield { value: node['example'], path: [...at, 'example'] };
    yield* examplesMap(node['examples'], [...at, 'examples']);
  }

  function* content(node: unknown, at: JsonPath): Generator<ExampleSite> {
    if (!isObject(node)) return;
    for (const [type, media] of Object.entries(node)) if (isObject(media)) yield* holder(media, [...at, type]);
  }

  function* response(node: unknown, at: JsonPath): Generator<ExampleSite> {
    if (!isObject(node) || typeof node['$ref'] === 'string') return;
    if (oas2) {
      if (isObject(node['examples']))
        for (const [type, value] of Object.entries(node['examples'])) yield { value, path: [...at, 'examples', type] };
      return;
    }
    yield* content(node['content'], [...at, 'content']);
    if (scope === 'all' && isObject(node['headers'])) {
      for (const [name, header] of Object.entries(node['headers']))
        if (isObject(header) && typeof header['$ref'] !== 'string') yield* holder(header, [...at, 'headers', name]);
    }
  }

  function* requestBody(node: unknown, at: JsonPath): Generator<ExampleSite> {
    if (isObject(node) && typeof node['$ref'] !== 'string') yield* content(node['content'], [...at, 'content']);
  }

  for (const entry of operations(root)) {
    for (const [code, node] of responseEntries(entry.operation['responses'])) yield* response(node, [...entry.path, 'responses', code]);
    if (scope === 'all') yield* requestBody(entry.operation['requestBody'], [...entry.path, 'requestBody']);
  }
  const shared = oas2 ? root['responses'] : components['responses'];
  if (isObject(shared))
    for (const [name, node] of Object.entries(shared)) yield* response(node, [...(oas2 ? [] : ['components']), 'responses', name]);
  if (scope !== 'all') return;
  // Requests the API sends (callbacks, webhooks) are requests too.
  for (const entry of callbackOperations(root)) yield* requestBody(entry.operation['requestBody'], [...entry.path, 'requestBody']);
  if (isObject(components['requestBodies']))
    for (const [name, node] of Object.entries(components['requestBodies'])) yield* requestBody(node, ['components', 'requestBodies', name]);
  if (isObject(components['headers']))
    for (const [name, header] of Object.entries(components['headers']))
      if (isObject(header)) yield* holder(header, ['components', 'headers', name]);
  for (const { parameter, at, inline } of parameterSites(root, refs)) {
    if (!inline) continue;
    yield* holder(parameter, at);
    if (parameter['x-example'] !== undefined) yield { value: parameter['x-example'], path: [...at, 'x-example'] };
    yield* content(parameter['content'], [...at, 'content']);
  }
}

/** The leaves of an example value with their paths. */
export function* exampleLeaves(value: unknown, path: JsonPath): Generator<{ value: unknown; path: JsonPath }> {
  if (Array.isArray(value)) for (const [i, child] of value.entries()) yield* exampleLeaves(child, [...path, i]);
  else if (isObject(value)) for (const [key, child] of Object.entries(value)) yield* exampleLeaves(child, [...path, key]);
  else yield { value, path };
}
