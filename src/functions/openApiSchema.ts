import { defineRulesetFunction } from '../core/engine/rulesetFunction.js';
import type { IFunctionResult, RulesetFunction } from '@stoplight/spectral-core';
// Spectral's own schema check, imported from its module rather than through the package index,
// which would also load the AsyncAPI and Arazzo rulesets (about 90 ms at every start).
import * as documentSchemaModule from '@stoplight/spectral-rulesets/dist/oas/functions/oasDocumentSchema.js';
import { defineMessages } from '../core/engine/messages.js';

export const OPEN_API_SCHEMA_MESSAGES = defineMessages<{
  /** `problem`: what Spectral's schema check says, as it says it (it gives no more than a message and a path). */
  invalid: { problem: string };
}>('openApiSchema', {
  invalid: ({ problem }) => problem,
});

/**
 * The module is CommonJS with a `default` export: Node's ESM loader, Spectral's bundler and the
 * ahead-of-time build each wrap it differently, so the function is unwrapped from whatever arrives.
 */
function unwrapDefault(module: unknown): RulesetFunction<unknown, null> {
  let value = module;
  for (let depth = 0; depth < 3 && typeof value !== 'function'; depth++) {
    value = typeof value === 'object' && value !== null ? (value as { default?: unknown }).default : undefined;
  }
  if (typeof value !== 'function') throw new Error("Spectral's oasDocumentSchema function could not be loaded");
  return value as RulesetFunction<unknown, null>;
}

const documentSchema = unwrapDefault(documentSchemaModule);

/** Validates the document against the official OpenAPI schema of its version, as Spectral's oas2-schema and oas3-schema rules do. */
export default defineRulesetFunction<unknown, null>({ input: null, options: null }, function openApiSchema(input, _options, context) {
  const results = documentSchema(input, null, context) as IFunctionResult[] | undefined;
  return results?.map((result) =>
    OPEN_API_SCHEMA_MESSAGES.report(context, result.path ?? context.path, 'invalid', { problem: result.message }),
  );
});
