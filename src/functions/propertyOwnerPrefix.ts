import { defineRulesetFunction } from '../core/engine/rulesetFunction.js';
import type { IFunctionResult } from '@stoplight/spectral-core';
import type { JsonPath } from '@stoplight/types';
import { isOas2 } from '../oas/document.js';
import { isObject } from '../oas/json.js';
import { splitWords, toCamelCase } from '../oas/words.js';
import { defineMessages } from '../core/engine/messages.js';

export const PROPERTY_OWNER_PREFIX_MESSAGES = defineMessages<{
  /** `owner`: the schema component's name. */
  repeatsOwner: { name: string; owner: string; suggestion: string };
}>(
  'propertyOwnerPrefix',
  {
    repeatsOwner: ({ name, owner, suggestion }) => `Property "${name}" of ${owner} repeats its owner's name: call it "${suggestion}".`,
  },
  { repeatsOwner: 'name' },
);

function* ownProperties(schema: unknown, path: JsonPath): Generator<{ name: string; path: JsonPath }> {
  if (!isObject(schema)) return;
  if (isObject(schema['properties']))
    for (const name of Object.keys(schema['properties'])) yield { name, path: [...path, 'properties', name] };
  // Inline allOf parts are the component's own properties too; a $ref'd part belongs to its own component.
  if (Array.isArray(schema['allOf'])) {
    for (const [i, part] of schema['allOf'].entries())
      if (isObject(part) && typeof part['$ref'] !== 'string') yield* ownProperties(part, [...path, 'allOf', i]);
  }
}

/**
 * Reports properties of a schema component that repeat the component's name
 * (`Customer.customerId` → `id`, `Customer.customer_address` → `address`): the context already says whose they are.
 */
export default defineRulesetFunction<unknown, null>({ input: null, options: null }, function propertyOwnerPrefix(root, _options, context) {
  if (!isObject(root)) return [];
  const oas2 = isOas2(root);
  const components = oas2 ? root['definitions'] : isObject(root['components']) ? root['components']['schemas'] : undefined;
  const base: JsonPath = oas2 ? ['definitions'] : ['components', 'schemas'];
  if (!isObject(components)) return [];
  const results: IFunctionResult[] = [];
  for (const [owner, schema] of Object.entries(components)) {
    const ownerWords = splitWords(owner);
    if (ownerWords.length === 0) continue;
    for (const { name, path } of ownProperties(schema, [...base, owner])) {
      const words = splitWords(name);
      if (words.length <= ownerWords.length || !ownerWords.every((word, i) => words[i] === word)) continue;
      results.push(
        PROPERTY_OWNER_PREFIX_MESSAGES.report(context, [...context.path, ...path], 'repeatsOwner', {
          name,
          owner,
          suggestion: toCamelCase(words.slice(ownerWords.length)),
        }),
      );
    }
  }
  return results;
});
