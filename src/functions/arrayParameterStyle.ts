import { defineRulesetFunction } from '../core/rulesetFunction.js';
import type { IFunctionResult } from '@stoplight/spectral-core';
import { isOas2 } from '../oas/document.js';
import { parameterSchema, parameterSites } from '../oas/parameters.js';
import { refFollower } from '../oas/refs.js';
import { hasType } from '../oas/schemas.js';

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
          results.push({
            message: `Array parameter "${name}" uses collectionFormat ${String(format)}: send several values comma-separated (collectionFormat: csv).`,
            path: place('collectionFormat'),
          });
        }
        continue;
      }
      if (parameter['content'] !== undefined) continue;
      const style = parameter['style'];
      if (style !== undefined && style !== 'form') {
        results.push({
          message: `Array parameter "${name}" uses style ${String(style)}: send several values comma-separated (style: form, explode: false).`,
          path: place('style'),
        });
      } else if (parameter['explode'] !== false) {
        results.push({
          message: `Array parameter "${name}" is exploded (name=a&name=b)${parameter['explode'] === undefined ? ' by default' : ''}: send several values comma-separated (explode: false).`,
          path: place(parameter['explode'] === undefined ? 'name' : 'explode'),
        });
      }
    }
    return results;
  },
);
