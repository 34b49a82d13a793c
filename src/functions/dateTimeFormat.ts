import { createRulesetFunction } from '@stoplight/spectral-core';
import type { IFunctionResult } from '@stoplight/spectral-core';
import type { JsonPath } from '@stoplight/types';
import { exampleLeaves, responseExamples } from '../oas/examples.js';
import { refFollower } from '../oas/refs.js';
import { schemaRoots, walkSchemas } from '../oas/schemaWalk.js';

export interface DateTimeFormatOptions {
  /** Schema formats that mark a date (default: date-time, date). */
  formats?: string[];
  /** The `pattern` a date schema must carry to say how the date is written. */
  pattern: string;
  /** How the standard writes dates, for the message, e.g. "YYYY-MM-DD HH:MM:SS". */
  display: string;
  /** Example strings matching this regular expression are written in a format the standard does not use. */
  forbiddenExample?: string;
}

/**
 * Reports response dates not written as the standard wants: a date schema (`format: date-time`
 * or `date`) without the standard's `pattern`, and example values in another date format
 * (ISO 8601 with a `T` and a zone, for a standard that writes `YYYY-MM-DD HH:MM:SS`).
 */
export default createRulesetFunction<unknown, DateTimeFormatOptions>(
  {
    input: null,
    options: {
      type: 'object',
      additionalProperties: false,
      required: ['pattern', 'display'],
      properties: {
        formats: { type: 'array', items: { type: 'string' }, description: 'Schema formats that mark a date (default: date-time and date).' },
        pattern: { type: 'string', description: 'The pattern a date schema must declare, exactly as written, e.g. ^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$.' },
        display: { type: 'string', description: 'How the standard writes a date, shown in messages, e.g. "YYYY-MM-DD HH:MM:SS".' },
        forbiddenExample: { type: 'string', format: 'regex', description: 'Example strings matching this regular expression use a date format the standard does not, e.g. ISO 8601 with T.' },
      },
    },
  },
  function dateTimeFormat(root, options, context) {
    const refs = refFollower(context);
    const formats = new Set(options.formats ?? ['date-time', 'date']);
    const results: IFunctionResult[] = [];
    walkSchemas(schemaRoots(root, 'responses', refs), refs, true, ({ schema, at, inline }) => {
      const format = schema['format'];
      if (typeof format !== 'string' || !formats.has(format) || schema['pattern'] === options.pattern) return;
      const where: JsonPath = inline ? [...at, 'format'] : at;
      results.push({
        message: `A response date (format: ${format}) is not declared as ${options.display}: add pattern ${options.pattern}${schema['pattern'] !== undefined ? ` instead of ${String(schema['pattern'])}` : ''}.`,
        path: [...context.path, ...where],
      });
    });
    if (options.forbiddenExample !== undefined) {
      const forbidden = new RegExp(options.forbiddenExample);
      for (const { value, path } of responseExamples(root, refs)) {
        for (const leaf of exampleLeaves(value, path)) {
          if (typeof leaf.value === 'string' && forbidden.test(leaf.value)) {
            results.push({ message: `The response example "${leaf.value}" writes a date otherwise than ${options.display}.`, path: [...context.path, ...leaf.path] });
          }
        }
      }
    }
    return results;
  },
);
