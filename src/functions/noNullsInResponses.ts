import { createRulesetFunction } from '@stoplight/spectral-core';
import type { IFunctionResult } from '@stoplight/spectral-core';
import type { JsonPath } from '@stoplight/types';
import { isOas2, operations } from '../oas/document.js';
import { isObject } from '../oas/json.js';
import { refFollower } from '../oas/refs.js';
import { schemaRoots, walkSchemas } from '../oas/schemaWalk.js';
import { declaredTypes } from '../oas/schemas.js';
import { responseEntries } from '../oas/status.js';

/** Paths of the `null` values inside an example value. */
function* nullsIn(value: unknown, path: JsonPath): Generator<JsonPath> {
  if (value === null) {
    yield path;
    return;
  }
  if (Array.isArray(value)) for (const [i, child] of value.entries()) yield* nullsIn(child, [...path, i]);
  else if (isObject(value)) for (const [key, child] of Object.entries(value)) yield* nullsIn(child, [...path, key]);
}

/**
 * Reports what lets a response carry `null`: a response schema that is nullable (`nullable: true`,
 * `x-nullable`, a `type` list with "null", an `enum` with null) and `null` values in response
 * examples. Schemas reached through `$ref` are reported once, where they are defined.
 */
export default createRulesetFunction<unknown, null>(
  { input: null, options: null },
  function noNullsInResponses(root, _options, context) {
    if (!isObject(root)) return [];
    const refs = refFollower(context);
    const results: IFunctionResult[] = [];
    walkSchemas(schemaRoots(root, 'responses', refs), refs, true, ({ schema, at, inline }) => {
      const where = (key: string): JsonPath => [...context.path, ...(inline ? [...at, key] : at)];
      if (schema['nullable'] === true) results.push({ message: 'A response schema is nullable: omit absent values instead of returning null.', path: where('nullable') });
      if (schema['x-nullable'] === true) results.push({ message: 'A response schema is x-nullable: omit absent values instead of returning null.', path: where('x-nullable') });
      if (declaredTypes(schema).includes('null')) results.push({ message: 'A response schema allows the type "null": omit absent values instead of returning null.', path: where('type') });
      if (Array.isArray(schema['enum']) && schema['enum'].includes(null)) results.push({ message: 'A response schema lists null among its values: omit absent values instead.', path: where('enum') });
      if ('const' in schema && schema['const'] === null) results.push({ message: 'A response schema is the constant null: omit the property instead.', path: where('const') });
      if (!inline) return;
      if (schema['example'] !== undefined) {
        for (const path of nullsIn(schema['example'], [...at, 'example'])) results.push({ message: 'A response example contains null: leave the property out instead.', path: [...context.path, ...path] });
      }
      // JSON Schema's own `examples` list (3.1).
      if (Array.isArray(schema['examples'])) {
        for (const path of nullsIn(schema['examples'], [...at, 'examples'])) results.push({ message: 'A response example contains null: leave the property out instead.', path: [...context.path, ...path] });
      }
    });
    // Examples given next to the schema: 3.x media type `example`/`examples`, 2.0 response `examples`.
    const oas2 = isOas2(root);
    const responseSites: Array<{ node: unknown; at: JsonPath }> = [];
    const examplesSeen = new Set<unknown>();
    for (const entry of operations(root)) {
      const responses = entry.operation['responses'];
      if (isObject(responses)) for (const [code, node] of responseEntries(responses)) responseSites.push({ node, at: [...entry.path, 'responses', code] });
    }
    const shared = oas2 ? root['responses'] : isObject(root['components']) ? root['components']['responses'] : undefined;
    if (isObject(shared)) for (const [name, node] of Object.entries(shared)) responseSites.push({ node, at: [...(oas2 ? [] : ['components']), 'responses', name] });
    for (const { node, at } of responseSites) {
      if (!isObject(node) || typeof node['$ref'] === 'string') continue;
      const holders: Array<{ value: unknown; path: JsonPath }> = [];
      if (oas2) {
        if (isObject(node['examples'])) for (const [type, value] of Object.entries(node['examples'])) holders.push({ value, path: [...at, 'examples', type] });
      } else if (isObject(node['content'])) {
        for (const [type, media] of Object.entries(node['content'])) {
          if (!isObject(media)) continue;
          if (media['example'] !== undefined) holders.push({ value: media['example'], path: [...at, 'content', type, 'example'] });
          if (isObject(media['examples'])) {
            for (const [name, written] of Object.entries(media['examples'])) {
              // A shared example (`components/examples`) is reported once, where it is defined.
              const example = refs.resolve(written, [...at, 'content', type, 'examples', name]);
              if (!isObject(example.value) || !('value' in example.value) || examplesSeen.has(example.value)) continue;
              examplesSeen.add(example.value);
              const base = example.source === null ? example.path : [...at, 'content', type, 'examples', name, '$ref'];
              holders.push({ value: example.value['value'], path: example.source === null ? [...base, 'value'] : base });
            }
          }
        }
      }
      for (const { value, path } of holders) {
        for (const nullPath of nullsIn(value, path)) results.push({ message: 'A response example contains null: leave the property out instead.', path: [...context.path, ...nullPath] });
      }
    }
    return results;
  },
);
