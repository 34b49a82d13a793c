import { defineRulesetFunction } from '../core/engine/rulesetFunction.js';
import type { IFunctionResult } from '@stoplight/spectral-core';
import { operationLabel, pathEntries, pathKeys } from '../oas/document.js';
import { isObject } from '../oas/json.js';
import { pathSegments, segmentWords, staticSegments } from '../oas/paths.js';
import { valueAt } from '../oas/json.js';
import { pointerToPath } from '../oas/refSyntax.js';
import { CRUD_VERBS } from '../oas/vocabulary.js';
import { defineMessages } from '../core/engine/messages.js';
import { HTTP_METHOD } from '../oas/optionSchemas.js';

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
type Advice = keyof typeof ADVICE;

export const NO_VERB_SEGMENTS_MESSAGES = defineMessages<{
  /** `advice`: how the rule words the finding (its `advice` option). */
  verbSegment: { segment: string; verb: string; wholeSegment: boolean; advice: Advice };
  /** `action`: the path's trailing action (`cancel`, a custom method after a colon included); `verb` its first word. */
  actionSegment: { method: string; path: string; action: string; verb: string; advice: Advice };
}>(
  'noVerbSegments',
  {
    verbSegment: ({ segment, verb, wholeSegment, advice }) =>
      `Path segment "${segment}" ${wholeSegment ? 'is' : 'starts with'} the verb "${verb}": ${ADVICE[advice]}.`,
    actionSegment: ({ method, path, action, verb, advice }) =>
      `${operationLabel(method, path)}: "${action}" is the action "${verb}": ${ADVICE[advice]}.`,
  },
  { verbSegment: 'segment' },
);

/** A path item as written, or the local `$ref`'d one (3.1 `components/pathItems`) it stands for. */
function resolvePathItem(item: unknown, root: unknown): unknown {
  if (!isObject(item) || typeof item['$ref'] !== 'string' || !item['$ref'].startsWith('#')) return item;
  const path = pointerToPath(item['$ref']);
  return path === undefined ? undefined : valueAt(root, path);
}

/**
 * The action a path ends with: its last segment when static (`…/cancel`), or a custom method
 * after a colon (`…/{orderId}:cancel`, `…/customers:search`); undefined for a parameter.
 */
function trailingAction(pathKey: string): string | undefined {
  const segments = pathSegments(pathKey);
  const last = segments[segments.length - 1];
  if (last === undefined) return undefined;
  const custom = /:([A-Za-z][\w-]*)$/.exec(last.text.replace(/\{[^}]*\}/g, ''));
  if (custom !== null) return custom[1];
  return last.kind === 'static' ? last.text : undefined;
}

/**
 * Reports static path segments that are, or start with, a verb as a word of their own
 * (`getCustomers`, `delete-customer`); `settings` or `listings` are nouns and pass. With
 * `lastSegmentOf`, judges the trailing segment of operations with those methods (`POST …/promote`).
 */
export default defineRulesetFunction<unknown, NoVerbSegmentsOptions | null>(
  {
    input: null,
    options: {
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        verbs: {
          type: 'array',
          items: { type: 'string', pattern: '^[a-z]+$' },
          default: CRUD_VERBS,
          description: 'Lower-case verbs that may not open a static path segment.',
        },
        lastSegmentOf: {
          type: 'array',
          items: HTTP_METHOD,
          description: 'Judge only the last segment, for operations with these lower-case methods, and report at the operation.',
        },
        advice: {
          enum: Object.keys(ADVICE),
          default: 'forbidden',
          description: 'The advice in the message: "forbidden", "controller" (tolerated action) or "search" (use a GET).',
        },
      },
    },
  },
  function noVerbSegments(paths, options, context) {
    if (!isObject(paths)) return [];
    const verbs = new Set(options?.verbs ?? CRUD_VERBS);
    const advice = options?.advice ?? 'forbidden';
    const results: IFunctionResult[] = [];
    for (const [pathKey, item] of pathEntries(paths)) {
      const segments = staticSegments(pathKey);
      if (options?.lastSegmentOf !== undefined) {
        const resolvedItem = resolvePathItem(item, context.document.data);
        const action = trailingAction(pathKey);
        if (action === undefined || !isObject(resolvedItem)) continue;
        const first = segmentWords(action)[0];
        if (first === undefined || !verbs.has(first)) continue;
        // `…/filter` with a `…/filter/{id}` elsewhere names a collection of filters, not an action.
        const base = pathKey.replace(/[#?].*$/s, '').replace(/\/$/, '');
        if (pathKeys(paths).some((other) => other.startsWith(`${base}/{`))) continue;
        for (const method of options.lastSegmentOf) {
          if (resolvedItem[method] === undefined) continue;
          results.push(
            NO_VERB_SEGMENTS_MESSAGES.report(context, [...context.path, pathKey, method], 'actionSegment', {
              method,
              path: pathKey,
              action,
              verb: first,
              advice,
            }),
          );
        }
        continue;
      }
      for (const segment of segments) {
        const words = segmentWords(segment.text);
        const first = words[0];
        if (first !== undefined && verbs.has(first)) {
          results.push(
            NO_VERB_SEGMENTS_MESSAGES.report(context, [...context.path, pathKey], 'verbSegment', {
              segment: segment.text,
              verb: first,
              wholeSegment: words.length === 1,
              advice,
            }),
          );
        }
      }
    }
    return results;
  },
);
