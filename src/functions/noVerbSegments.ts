import { createRulesetFunction } from '@stoplight/spectral-core';
import type { IFunctionResult } from '@stoplight/spectral-core';
import { HTTP_METHODS } from '../oas/document.js';
import { isObject } from '../oas/json.js';
import { segmentWords, staticSegments } from '../oas/paths.js';
import { CRUD_VERBS } from '../oas/vocabulary.js';

export interface NoVerbSegmentsOptions {
  verbs?: string[];
  /** Judge only the last segment of a path, and only for operations with these methods, reported at the operation. */
  lastSegmentOf?: string[];
  /** How the finding is worded: a segment that must go, or one that is tolerated but not RESTful. */
  advice?: 'forbidden' | 'controller' | 'search';
}

const ADVICE = {
  forbidden: 'name the resource and let the HTTP method carry the action',
  controller: 'tolerated, but not RESTful: prefer a PATCH on the resource, or on a sub-resource that holds the state it changes',
  search: 'filters belong in the query string of a GET on the collection',
} as const;

/**
 * Reports static path segments that are, or start with, a verb as a word of their own
 * (`getCustomers`, `delete-customer`); `settings` or `listings` are nouns and pass. With
 * `lastSegmentOf`, judges the trailing segment of operations with those methods (`POST …/promote`).
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
        lastSegmentOf: {
          type: 'array',
          items: { enum: [...HTTP_METHODS] },
          description: 'Judge only the last segment, for operations with these lower-case methods, and report at the operation.',
        },
        advice: {
          enum: Object.keys(ADVICE),
          description: 'The advice in the message: "forbidden" (default), "controller" (tolerated action) or "search" (use a GET).',
        },
      },
    },
  },
  function noVerbSegments(paths, options, context) {
    if (!isObject(paths)) return [];
    const verbs = new Set(options?.verbs ?? CRUD_VERBS);
    const advice = ADVICE[options?.advice ?? 'forbidden'];
    const results: IFunctionResult[] = [];
    for (const [pathKey, item] of Object.entries(paths)) {
      const segments = staticSegments(pathKey);
      if (options?.lastSegmentOf !== undefined) {
        const all = pathKey.split('/').filter((s) => s !== '');
        const last = segments[segments.length - 1];
        if (last === undefined || last.index !== all.length - 1 || !isObject(item)) continue;
        const first = segmentWords(last.text)[0];
        if (first === undefined || !verbs.has(first)) continue;
        for (const method of options.lastSegmentOf) {
          if (item[method] === undefined) continue;
          results.push({
            message: `${method.toUpperCase()} ${pathKey}: the segment "${last.text}" is the action "${first}": ${advice}.`,
            path: [...context.path, pathKey, method],
          });
        }
        continue;
      }
      for (const segment of segments) {
        const words = segmentWords(segment.text);
        const first = words[0];
        if (first !== undefined && verbs.has(first)) {
          results.push({
            message: `Path segment "${segment.text}" ${words.length === 1 ? 'is' : 'starts with'} the verb "${first}": ${advice}.`,
            path: [...context.path, pathKey],
          });
        }
      }
    }
    return results;
  },
);
