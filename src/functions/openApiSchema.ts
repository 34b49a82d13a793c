import { createRulesetFunction } from '@stoplight/spectral-core';
import type { IFunctionResult, RulesetFunction } from '@stoplight/spectral-core';
import { oas } from '@stoplight/spectral-rulesets';

interface RuleShape {
  then?: { function?: unknown } | Array<{ function?: unknown }>;
}

/** Spectral's own OpenAPI 2.0/3.0/3.1 schema check (the function behind its oas2-schema and oas3-schema rules). */
function spectralDocumentSchema(): RulesetFunction<unknown, null> {
  const rule = (oas as { rules: Record<string, RuleShape> }).rules['oas3-schema'];
  const then = Array.isArray(rule?.then) ? rule?.then[0] : rule?.then;
  if (typeof then?.function !== 'function') throw new Error('Spectral\'s oas ruleset has no oas3-schema function');
  return then.function as RulesetFunction<unknown, null>;
}

const documentSchema = spectralDocumentSchema();

/** Validates the document against the official OpenAPI schema of its version, as Spectral does. */
export default createRulesetFunction<unknown, null>(
  { input: null, options: null },
  function openApiSchema(input, _options, context) {
    return documentSchema(input, null, context) as IFunctionResult[] | void;
  },
);
