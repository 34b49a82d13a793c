import { defineRulesetFunction } from '../core/engine/rulesetFunction.js';
import type { IFunctionResult } from '@stoplight/spectral-core';
import { isOas2, refSiblingsApply } from '../oas/document.js';
import { isObject } from '../oas/json.js';
import { parameterSchema, parameterSites } from '../oas/parameters.js';
import { refFollower } from '../oas/refs.js';
import { everyBranch, wrappedRef } from '../oas/effectiveSchema.js';
import { schemaKeyword } from '../oas/schemas.js';
import { defineMessages } from '../core/engine/messages.js';

export const PARAMETER_SCHEMA_KEYWORDS_MESSAGES = defineMessages<{ missingKeywords: { name: string; missing: readonly string[] } }>(
  'parameterSchemaKeywords',
  {
    missingKeywords: ({ name, missing }) =>
      `Parameter "${name}" declares no ${missing.join(' and no ')}: set ${missing.map((k) => `a ${k}`).join(' and ')} so clients know what they get.`,
  },
);

export interface ParameterSchemaKeywordsOptions {
  /** The parameter's name, compared without case. */
  name: string;
  /** The parameter's location (default: query). */
  in?: string;
  /** Schema keywords the parameter must declare. */
  keywords: string[];
}

/** Reports a named parameter (`limit`) whose schema lacks keywords the standard asks for (`default`, `maximum`). */
export default defineRulesetFunction<unknown, ParameterSchemaKeywordsOptions>(
  {
    input: null,
    options: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'keywords'],
      properties: {
        name: { type: 'string', description: 'The parameter name the rule applies to (case does not matter), e.g. "limit".' },
        in: { enum: ['query', 'header', 'path', 'cookie'], default: 'query', description: 'The parameter location.' },
        keywords: {
          type: 'array',
          minItems: 1,
          items: { type: 'string' },
          description: 'Schema keywords the parameter must declare, e.g. ["default", "maximum"].',
        },
      },
    },
  },
  function parameterSchemaKeywords(root, options, context) {
    const refs = refFollower(context);
    const oas2 = isOas2(root);
    const results: IFunctionResult[] = [];
    for (const { parameter, at, inline } of parameterSites(root, refs)) {
      if (String(parameter['name']).toLowerCase() !== options.name.toLowerCase() || parameter['in'] !== (options.in ?? 'query')) continue;
      const written = oas2 ? parameter : parameter['schema'];
      const schema = parameterSchema(parameter, oas2);
      const siblingsOfRef = refSiblingsApply(root);
      // A `oneOf` of schemas that each declare the keyword declares it.
      const missing = options.keywords.filter(
        (keyword) => !everyBranch(schema, refs, (branch) => schemaKeyword(branch, keyword, refs, siblingsOfRef) !== undefined),
      );
      if (missing.length === 0) continue;
      // A schema that only wraps a shared one (`allOf: [PageSize]`) is that schema's use, like its `$ref`.
      const schemaIsInline = oas2 || (isObject(written) && wrappedRef(written, refs) === undefined);
      const path = [
        ...context.path,
        ...(!inline ? at : oas2 ? [...at, 'name'] : schemaIsInline && written !== undefined ? [...at, 'schema'] : [...at, 'name']),
      ];
      results.push(
        PARAMETER_SCHEMA_KEYWORDS_MESSAGES.report(context, path, 'missingKeywords', { name: String(parameter['name']), missing }),
      );
    }
    return results;
  },
);
