import { pathKeys } from '../oas/document.js';
import { defineRulesetFunction } from '../core/engine/rulesetFunction.js';
import type { IFunctionResult } from '@stoplight/spectral-core';
import { isObject } from '../oas/json.js';
import { segmentWords, staticSegments } from '../oas/paths.js';
import { defineMessages } from '../core/engine/messages.js';

export type SegmentCasing = 'lowercase' | 'kebab';

export interface SegmentCaseOptions {
  casing: SegmentCasing;
}

const CASINGS: Record<SegmentCasing, { pattern: RegExp; describe: string }> = {
  lowercase: { pattern: /^[a-z0-9-]+$/, describe: 'lowercase letters, digits and hyphens' },
  kebab: { pattern: /^[a-z0-9]+(?:-[a-z0-9]+)*$/, describe: 'kebab-case (lowercase words joined by single hyphens)' },
};

/** `casing`: the casing asked for (the rule's `casing` option). */
type Miscased = { segment: string; casing: SegmentCasing };

export const SEGMENT_CASE_MESSAGES = defineMessages<{ rename: Miscased & { suggestion: string }; miscased: Miscased }>(
  'segmentCase',
  {
    rename: ({ segment, casing, suggestion }) => `Path segment "${segment}" is not ${CASINGS[casing].describe}: write "${suggestion}".`,
    miscased: ({ segment, casing }) => `Path segment "${segment}" is not ${CASINGS[casing].describe}.`,
  },
  { rename: 'segment', miscased: 'segment' },
);

/** Reports static path segments not written in the required casing, suggesting the kebab-case form. */
export default defineRulesetFunction<unknown, SegmentCaseOptions>(
  {
    input: null,
    options: {
      type: 'object',
      additionalProperties: false,
      required: ['casing'],
      properties: {
        casing: {
          enum: Object.keys(CASINGS),
          description: '"lowercase": lowercase letters, digits and hyphens; "kebab": lowercase words joined by single hyphens.',
        },
      },
    },
  },
  function segmentCase(paths, { casing }, context) {
    if (!isObject(paths)) return [];
    const { pattern } = CASINGS[casing];
    const results: IFunctionResult[] = [];
    for (const pathKey of pathKeys(paths)) {
      for (const segment of staticSegments(pathKey)) {
        if (pattern.test(segment.text)) continue;
        const suggestion = segmentWords(segment.text).join('-');
        const at = [...context.path, pathKey];
        results.push(
          suggestion !== '' && suggestion !== segment.text
            ? SEGMENT_CASE_MESSAGES.report(context, at, 'rename', { segment: segment.text, casing, suggestion })
            : SEGMENT_CASE_MESSAGES.report(context, at, 'miscased', { segment: segment.text, casing }),
        );
      }
    }
    return results;
  },
);
