import { defineRulesetFunction } from '../core/engine/rulesetFunction.js';
import type { IFunctionResult } from '@stoplight/spectral-core';
import type { JsonPath } from '@stoplight/types';
import { isObject } from '../oas/json.js';
import { exampleLeaves, responseExamples } from '../oas/examples.js';
import { refFollower } from '../oas/refs.js';
import { schemaVisits } from '../oas/schemaWalk.js';
import { declaredTypes } from '../oas/schemas.js';
import { defineMessages } from '../core/engine/messages.js';

type None = Record<string, never>;

export const NO_NULLS_IN_RESPONSES_MESSAGES = defineMessages<{
  nullable: None;
  xNullable: None;
  nullType: None;
  nullInEnum: None;
  nullConst: None;
  nullInExample: None;
}>('noNullsInResponses', {
  nullable: () => 'A response schema is nullable: omit absent values instead of returning null.',
  xNullable: () => 'A response schema is x-nullable: omit absent values instead of returning null.',
  nullType: () => 'A response schema allows the type "null": omit absent values instead of returning null.',
  nullInEnum: () => 'A response schema lists null among its values: omit absent values instead.',
  nullConst: () => 'A response schema is the constant null: omit the property instead.',
  nullInExample: () => 'A response example contains null: leave the property out instead.',
});

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
    if (schema['nullable'] === true) results.push(NO_NULLS_IN_RESPONSES_MESSAGES.report(context, where('nullable'), 'nullable', {}));
    if (schema['x-nullable'] === true) results.push(NO_NULLS_IN_RESPONSES_MESSAGES.report(context, where('x-nullable'), 'xNullable', {}));
    if (declaredTypes(schema).includes('null')) results.push(NO_NULLS_IN_RESPONSES_MESSAGES.report(context, where('type'), 'nullType', {}));
    if (Array.isArray(schema['enum']) && schema['enum'].includes(null))
      results.push(NO_NULLS_IN_RESPONSES_MESSAGES.report(context, where('enum'), 'nullInEnum', {}));
    if ('const' in schema && schema['const'] === null)
      results.push(NO_NULLS_IN_RESPONSES_MESSAGES.report(context, where('const'), 'nullConst', {}));
  }
  // A null anywhere inside an example value counts.
  for (const { value, path } of responseExamples(root, refs)) {
    for (const leaf of exampleLeaves(value, path)) {
      if (leaf.value === null)
        results.push(NO_NULLS_IN_RESPONSES_MESSAGES.report(context, [...context.path, ...leaf.path], 'nullInExample', {}));
    }
  }
  return results;
});
