import type { JsonPath } from '@stoplight/types';
import { isOas2, operations } from './document.js';
import { isObject } from './json.js';
import type { RefFollower } from './refs.js';
import { schemaRoots, walkSchemas } from './schemaWalk.js';
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
  walkSchemas(schemaRoots(root, schemaScope, refs), refs, scope !== 'all', ({ schema, at, inline }) => {
    if (!inline) return;
    if (schema['example'] !== undefined) fromSchemas.push({ value: schema['example'], path: [...at, 'example'] });
    if (Array.isArray(schema['examples'])) schema['examples'].forEach((value, i) => fromSchemas.push({ value, path: [...at, 'examples', i] }));
  });
  yield* fromSchemas;

  const oas2 = isOas2(root);
  const components = isObject(root['components']) ? root['components'] : {};
  const sites: Array<{ node: unknown; at: JsonPath }> = [];
  for (const entry of operations(root)) {
    for (const [code, node] of responseEntries(entry.operation['responses'])) sites.push({ node, at: [...entry.path, 'responses', code] });
    if (scope === 'all' && entry.operation['requestBody'] !== undefined) sites.push({ node: entry.operation['requestBody'], at: [...entry.path, 'requestBody'] });
  }
  const shared = oas2 ? root['responses'] : components['responses'];
  if (isObject(shared)) for (const [name, node] of Object.entries(shared)) sites.push({ node, at: [...(oas2 ? [] : ['components']), 'responses', name] });
  if (scope === 'all') {
    if (isObject(components['requestBodies'])) for (const [name, node] of Object.entries(components['requestBodies'])) sites.push({ node, at: ['components', 'requestBodies', name] });
    for (const { parameter, at, inline } of parameterSites(root, refs)) {
      if (!inline) continue;
      if (parameter['example'] !== undefined) yield { value: parameter['example'], path: [...at, 'example'] };
      if (parameter['x-example'] !== undefined) yield { value: parameter['x-example'], path: [...at, 'x-example'] };
      if (isObject(parameter['examples'])) {
        for (const [name, example] of Object.entries(parameter['examples'])) if (isObject(example) && 'value' in example) yield { value: example['value'], path: [...at, 'examples', name, 'value'] };
      }
    }
  }
  const seen = new Set<unknown>();
  for (const { node, at } of sites) {
    if (!isObject(node) || typeof node['$ref'] === 'string') continue;
    if (oas2) {
      if (isObject(node['examples'])) for (const [type, value] of Object.entries(node['examples'])) yield { value, path: [...at, 'examples', type] };
      continue;
    }
    if (!isObject(node['content'])) continue;
    for (const [type, media] of Object.entries(node['content'])) {
      if (!isObject(media)) continue;
      if (media['example'] !== undefined) yield { value: media['example'], path: [...at, 'content', type, 'example'] };
      if (!isObject(media['examples'])) continue;
      for (const [name, written] of Object.entries(media['examples'])) {
        const example = refs.resolve(written, [...at, 'content', type, 'examples', name]);
        if (!isObject(example.value) || !('value' in example.value) || seen.has(example.value)) continue;
        seen.add(example.value);
        yield example.source === null
          ? { value: example.value['value'], path: [...example.path, 'value'] }
          : { value: example.value['value'], path: [...at, 'content', type, 'examples', name, '$ref'] };
      }
    }
  }
}

/** The leaves of an example value with their paths. */
export function* exampleLeaves(value: unknown, path: JsonPath): Generator<{ value: unknown; path: JsonPath }> {
  if (Array.isArray(value)) for (const [i, child] of value.entries()) yield* exampleLeaves(child, [...path, i]);
  else if (isObject(value)) for (const [key, child] of Object.entries(value)) yield* exampleLeaves(child, [...path, key]);
  else yield { value, path };
}
