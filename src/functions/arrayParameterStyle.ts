import { defineRulesetFunction } from '../core/engine/rulesetFunction.js';
import type { IFunctionResult } from '@stoplight/spectral-core';
import { isOas2 } from '../oas/document.js';
import { parameterSchema, parameterSites } from '../oas/parameters.js';
import { refFollower } from '../oas/refs.js';
import { hasType } from '../oas/schemas.js';
import { defineMessages } from '../core/engine/messages.js';

export const ARRAY_PARAMETER_STYLE_MESSAGES = defineMessages<{
  collectionFormat: { name: string; collectionFormat: string };
  style: { name: string; style: string };
  exploded: { name: string; byDefault: boolean };
}>('arrayParameterStyle', {
  collectionFormat: ({ name, collectionFormat }) =>
    `Array parameter "${name}" uses collectionFormat ${collectionFormat}: send several values comma-separated (collectionFormat: csv).`,
  style: ({ name, style }) =>
    `Array parameter "${name}" uses style ${style}: send several values comma-separated (style: form, explode: false).`,
  exploded: ({ name, byDefault }) =>
    `Array parameter "${name}" is exploded (name=a&name=b)${byDefault ? ' by default' : ''}: send several values comma-separated (explode: false).`,
});

export interface ArrayParameterStyleOptions {
  /** Parameter locations the rule applies to (default: query). */
  in?: string[];
}

/**
 * Reports array parameters not serialised as one comma-separated value (`?name=John,Mark`):
 * 3.x needs `style: form` with `explode: false` (form explodes by default), 2.0 `collectionFormat: csv`.
 */
export default defineRulesetFunction<unknown, ArrayParameterStyleOptions | null>(
  {
    input: null,
    options: {
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        in: {
          type: 'array',
          items: { enum: ['query', 'header', 'path', 'cookie', 'formData'] },
          default: ['query'],
          description: 'Parameter locations the rule applies to.',
        },
      },
    },
  },
  function arrayParameterStyle(root, options, context) {
    const refs = refFollower(context);
    const oas2 = isOas2(root);
    const locations = new Set(options?.in ?? ['query']);
    const results: IFunctionResult[] = [];
    for (const { parameter, at, inline } of parameterSites(root, refs)) {
      if (!locations.has(String(parameter['in']))) continue;
      if (!hasType(parameterSchema(parameter, oas2), 'array', refs)) continue;
      const name = String(parameter['name']);
      const place = (key: string) => [...context.path, ...(inline ? [...at, key] : at)];
      if (oas2) {
        const format = parameter['collectionFormat'];
        if (format !== undefined && format !== 'csv') {
          results.push(
            ARRAY_PARAMETER_STYLE_MESSAGES.report(context, place('collectionFormat'), 'collectionFormat', {
              name,
              collectionFormat: String(format),
            }),
          );
        }
        continue;
      }
      if (parameter['content'] !== undefined) continue;
      const style = parameter['style'];
      if (style !== undefined && style !== 'form') {
        results.push(ARRAY_PARAMETER_STYLE_MESSAGES.report(context, place('style'), 'style', { name, style: String(style) }));
      } else if (parameter['explode'] !== false) {
        const byDefault = parameter['explode'] === undefined;
        results.push(
          ARRAY_PARAMETER_STYLE_MESSAGES.report(context, place(byDefault ? 'name' : 'explode'), 'exploded', { name, byDefault }),
        );
      }
    }
    return results;
  },
);
