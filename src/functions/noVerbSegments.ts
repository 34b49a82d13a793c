import { createRulesetFunction } from '@stoplight/spectral-core';
import type { IFunctionResult } from '@stoplight/spectral-core';
import { isObject } from '../oas/json.js';
import { segmentWords, staticSegments } from '../oas/paths.js';

export interface NoVerbSegmentsOptions {
  verbs: string[];
}

export const DEFAULT_CRUD_VERBS = [
  'get', 'create', 'update', 'delete', 'remove', 'add', 'list', 'fetch', 'set', 'save',
  'modify', 'insert', 'retrieve', 'edit', 'put', 'post', 'patch',
];

/**
 * Reports static path segments that are, or start with, a verb as a word of their own
 * (`getCustomers`, `delete-customer`); `settings` or `listings` are nouns and pass.
 */
export default createRulesetFunction<unknown, NoVerbSegmentsOptions | null>(
  {
    input: null,
    options: {
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        verbs: {
          type: 'array',
          items: { type: 'string', pattern: '^[a-z]+$' },
          description: 'Lower-case verbs that may not open a static path segment (default: the CRUD verbs).',
        },
      },
    },
  },
  function noVerbSegments(paths, options, context) {
    if (!isObject(paths)) return [];
    const verbs = new Set(options?.verbs ?? DEFAULT_CRUD_VERBS);
    const results: IFunctionResult[] = [];
    for (const pathKey of Object.keys(paths)) {
      for (const segment of staticSegments(pathKey)) {
        const first = segmentWords(segment.text)[0];
        if (first !== undefined && verbs.has(first)) {
          results.push({
            message: `Path segment "${segment.text}" ${segmentWords(segment.text).length === 1 ? 'is' : 'starts with'} the verb "${first}": name the resource and let the HTTP method carry the action.`,
            path: [...context.path, pathKey],
          });
        }
      }
    }
    return results;
  },
);
