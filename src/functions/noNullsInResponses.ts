import { defineRulesetFunction } from '../core/rulesetFunction.js';
import type { IFunctionResult } from '@stoplight/spectral-core';
import type { JsonPath } from '@stoplight/types';
import { isObject } from '../oas/json.js';
import { exampleLeaves, responseExamples } from '../oas/examples.js';
import { refFollower } from '../oas/refs.js';
import { schemaVisits } from '../oas/schemaWalk.js';
import { declaredTypes } from '../oas/schemas.js';

/**
 * Reports what lets a response carry `null`: a response schema that is nullable (`nullable: true`,
 * `x-nullable`, a `type` list with "null", an `enum` with null) and `null` values in response
 * examples. Schemas reached through `$ref` are reported once, where they are defined.
 */
export default defineRulesetFunction<unknown, null>({ input: null, options: null }, function noNullsInResponses(root, _options, context) {
  if (!isObject(root)) return [];
  const refs = refFollower(context);
  const results: IFunctionResult[] = [];
  for (const { schema, at, inline } of schemaVisits(root, 'responses', refs, true)) {
    const where = (key: string): JsonPath => [...context.path, ...(inline ? [...at, key] : at)];
    if (schema['nullable'] === true)
      results.push({ message: 'A response schema is nullable: omit absent values instead of returning null.', path: where('nullable') });
    if (schema['x-nullable'] === true)
      results.push({
        message: 'A response schema is x-nullable: omit absent values instead of returning null.',
        path: where('x-nullable'),
      });
    if (declaredTypes(schema).includes('null'))
      results.push({
        message: 'A response schema allows the type "null": omit absent values instead of returning null.',
        path: where('type'),
      });
    if (Array.isArray(schema['enum']) && schema['enum'].includes(null))
      results.push({ message: 'A response schema lists null among its values: omit absent values instead.', path: where('enum') });
    if ('const' in schema && schema['const'] === null)
      results.push({ message: 'A response schema is the constant null: omit the property instead.', path: where('const') });
  }
  // A null anywhere inside an example value counts.
  for (const { value, path } of responseExamples(root, refs)) {
    for (const leaf of exampleLeaves(value, path)) {
      if (leaf.value === null)
        results.push({
          message: 'A response example contains null: leave the property out instead.',
          path: [...context.path, ...leaf.path],
        });
    }
  }
  return results;
});
