import { defineRulesetFunction } from '../core/engine/rulesetFunction.js';
import type { IFunctionResult } from '@stoplight/spectral-core';
import type { JsonPath } from '@stoplight/types';
import { documentExamples, exampleLeaves } from '../oas/examples.js';
import { refFollower } from '../oas/refs.js';
import { schemaVisits } from '../oas/schemaWalk.js';
import { defineMessages } from '../core/engine/messages.js';

/** A response date schema: its `format`, how the standard writes dates, and the pattern it must declare. */
type DateSchema = { format: string; display: string; pattern: string };

export const DATE_TIME_FORMAT_MESSAGES = defineMessages<{
  missingPattern: DateSchema;
  /** `current`: the pattern the schema declares instead. */
  wrongPattern: DateSchema & { current: string };
  exampleFormat: {
    value: string;
    display: string;
    /** Whether only response examples are judged (the message then says "response example"). */
    responsesOnly: boolean;
  };
}>('dateTimeFormat', {
  missingPattern: ({ format, display, pattern }) =>
    `A response date (format: ${format}) is not declared as ${display}: add pattern ${pattern}.`,
  wrongPattern: ({ format, display, pattern, current }) =>
    `A response date (format: ${format}) is not declared as ${display}: add pattern ${pattern} instead of ${current}.`,
  exampleFormat: ({ value, display, responsesOnly }) =>
    `The ${responsesOnly ? 'response example' : 'example'} "${value}" writes a date otherwise than ${display}.`,
});

export interface DateTimeFormatOptions {
  /** Schema formats that mark a date (default: date-time, date). */
  formats?: string[];
  /** The `pattern` a date schema must carry to say how the date is written (response schemas). */
  pattern?: string;
  /** How the standard writes dates, for the message, e.g. "YYYY-MM-DD HH:MM:SS". */
  display: string;
  /** Example strings matching this regular expression are written in a format the standard does not use. */
  forbiddenExample?: string;
  /** Example strings that look like a date-time (matching this)… */
  dateExample?: string;
  /** …must match this one (e.g. UTC with a Z). */
  requiredExample?: string;
  /** Whose examples are judged: responses (default), or requests and responses alike. */
  examples?: 'responses' | 'all';
}

/**
 * Reports response dates not written as the standard wants: a date schema (`format: date-time`
 * or `date`) without the standard's `pattern`, and example values in another date format
 * (ISO 8601 with a `T` and a zone, for a standard that writes `YYYY-MM-DD HH:MM:SS`).
 */
export default defineRulesetFunction<unknown, DateTimeFormatOptions>(
  {
    input: null,
    options: {
      type: 'object',
      additionalProperties: false,
      required: ['display'],
      properties: {
        formats: {
          type: 'array',
          items: { type: 'string' },
          default: ['date-time', 'date'],
          description: 'Schema formats that mark a date.',
        },
        pattern: {
          type: 'string',
          description:
            'The pattern a response date schema must declare, exactly as written, e.g. ^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$.',
        },
        dateExample: {
          type: 'string',
          format: 'regex',
          description: 'Example strings matching this regular expression look like a date-time and must match requiredExample.',
        },
        requiredExample: {
          type: 'string',
          format: 'regex',
          description: 'The regular expression date-time examples must match, e.g. UTC with a Z suffix.',
        },
        examples: {
          enum: ['responses', 'all'],
          default: 'responses',
          description: 'Whose examples are judged: "responses", or "all" (requests and responses alike).',
        },
        display: { type: 'string', description: 'How the standard writes a date, shown in messages, e.g. "YYYY-MM-DD HH:MM:SS".' },
        forbiddenExample: {
          type: 'string',
          format: 'regex',
          description: 'Example strings matching this regular expression use a date format the standard does not, e.g. ISO 8601 with T.',
        },
      },
    },
  },
  function dateTimeFormat(root, options, context) {
    const refs = refFollower(context);
    const formats = new Set(options.formats ?? ['date-time', 'date']);
    const results: IFunctionResult[] = [];
    for (const { schema, at, inline } of schemaVisits(root, 'responses', refs, true)) {
      const format = schema['format'];
      if (options.pattern === undefined || typeof format !== 'string' || !formats.has(format) || schema['pattern'] === options.pattern)
        continue;
      const where: JsonPath = inline ? [...at, 'format'] : at;
      const date = { format, display: options.display, pattern: options.pattern };
      results.push(
        schema['pattern'] === undefined
          ? DATE_TIME_FORMAT_MESSAGES.report(context, [...context.path, ...where], 'missingPattern', date)
          : DATE_TIME_FORMAT_MESSAGES.report(context, [...context.path, ...where], 'wrongPattern', {
              ...date,
              current: String(schema['pattern']),
            }),
      );
    }
    const forbidden = options.forbiddenExample === undefined ? undefined : new RegExp(options.forbiddenExample);
    const dateLike = options.dateExample === undefined ? undefined : new RegExp(options.dateExample);
    const required = options.requiredExample === undefined ? undefined : new RegExp(options.requiredExample);
    if (forbidden !== undefined || (dateLike !== undefined && required !== undefined)) {
      const scope = options.examples ?? 'responses';
      for (const { value, path } of documentExamples(root, refs, scope)) {
        for (const leaf of exampleLeaves(value, path)) {
          if (typeof leaf.value !== 'string') continue;
          const wrong =
            (forbidden?.test(leaf.value) ?? false) ||
            (dateLike !== undefined && required !== undefined && dateLike.test(leaf.value) && !required.test(leaf.value));
          if (wrong)
            results.push(
              DATE_TIME_FORMAT_MESSAGES.report(context, [...context.path, ...leaf.path], 'exampleFormat', {
                value: leaf.value,
                display: options.display,
                responsesOnly: scope !== 'all',
              }),
            );
        }
      }
    }
    return results;
  },
);
