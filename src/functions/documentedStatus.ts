import { defineRulesetFunction } from '../core/engine/rulesetFunction.js';
import type { IFunctionResult } from '@stoplight/spectral-core';
import { isOas2, operationLabel, operations, parameterNodes } from '../oas/document.js';
import type { OperationEntry } from '../oas/document.js';
import { isObject } from '../oas/json.js';
import type { JsonObject } from '../oas/json.js';
import { isPluralNoun } from '../oas/nouns.js';
import { pathSegments, segmentWords } from '../oas/paths.js';
import { refFollower } from '../oas/refs.js';
import type { RefFollower } from '../oas/refs.js';
import { operationResponses, responseMediaTypes } from '../oas/responses.js';
import { matchesAny, responseEntries } from '../oas/status.js';
import { ACTION_VERBS, SEARCH_WORDS } from '../oas/vocabulary.js';
import { defineMessages } from '../core/engine/messages.js';
import { EXTENSION_NAME, HTTP_METHOD, STATUS_CODE } from '../oas/optionSchemas.js';

export const STATUS_CONDITIONS = [
  'always',
  'takes-input',
  'takes-body',
  'secured',
  'collection-post',
  'negotiates',
  'rate-limited',
] as const;
export type StatusCondition = (typeof STATUS_CONDITIONS)[number];

export interface DocumentedStatusOptions {
  /** Status codes or ranges (`4XX`); the operation must document at least one. */
  anyOf: string[];
  /** Which operations must. */
  when: StatusCondition;
  /** Only operations with these methods (default: all). */
  methods?: string[];
  /** What the status is for, added to the message (e.g. "the answer when the request limit is reached"). */
  purpose?: string;
  /** With "rate-limited": the extension that declares an operation's rate limit (default: x-rate-limit). */
  extension?: string;
}

const REASONS: Record<StatusCondition, string> = {
  always: 'documents',
  'takes-input': 'takes input but documents',
  'takes-body': 'takes a request body but documents',
  secured: 'is under a security requirement but documents',
  'collection-post': 'creates in a collection but documents',
  negotiates: 'offers several media types but documents',
  'rate-limited': 'declares a rate limit but documents',
};

export const DOCUMENTED_STATUS_MESSAGES = defineMessages<{
  missingStatus: {
    method: string;
    path: string;
    /** Why the operation must document one of the codes. */
    condition: StatusCondition;
    /** The codes or ranges, any one of which would do. */
    codes: readonly string[];
    /** What the status is for, as the rule says it; '' when it says nothing. */
    purpose: string;
  };
}>('documentedStatus', {
  missingStatus: ({ method, path, condition, codes, purpose }) =>
    `${operationLabel(method, path)} ${REASONS[condition]} no ${codes.join(' or ')} response${purpose !== '' ? ` (${purpose})` : ''}.`,
});

function takesBody(entry: OperationEntry, refs: RefFollower): boolean {
  if (entry.operation['requestBody'] !== undefined) return true;
  return [...parameterNodes(entry)].some(({ node }) => {
    const parameter = refs.value(node);
    return isObject(parameter) && (parameter['in'] === 'body' || parameter['in'] === 'formData');
  });
}

function takesInput(entry: OperationEntry, refs: RefFollower): boolean {
  return takesBody(entry, refs) || !parameterNodes(entry).next().done;
}

/** Under a security requirement: its own, else the document's, and not opted out with `security: []`. */
function isSecured(root: JsonObject, entry: OperationEntry): boolean {
  const security = entry.operation['security'] ?? root['security'];
  return (
    Array.isArray(security) &&
    security.length > 0 &&
    security.some((requirement) => isObject(requirement) && Object.keys(requirement).length > 0)
  );
}

/** A POST whose last segment is a static, plural collection name, not an action or a search. */
export function isCollectionPost(entry: OperationEntry): boolean {
  if (entry.method !== 'post') return false;
  const segments = pathSegments(entry.pathKey);
  const last = segments[segments.length - 1];
  if (last === undefined || last.kind !== 'static') return false;
  const first = segmentWords(last.text)[0] ?? '';
  if (ACTION_VERBS.includes(first) || SEARCH_WORDS.includes(first)) return false;
  // Only a plural creates in a collection: `POST …/status` updates a state, even though "status" passes as a resource name.
  return isPluralNoun(last.text, new Set());
}

function negotiates(root: JsonObject, entry: OperationEntry, refs: RefFollower): boolean {
  const oas2 = isOas2(root);
  for (const { response } of operationResponses(entry, refs)) {
    if (responseMediaTypes(response, entry, root, oas2).length > 1) return true;
  }
  return false;
}

function applies(when: StatusCondition, root: JsonObject, entry: OperationEntry, refs: RefFollower, extension: string): boolean {
  switch (when) {
    case 'rate-limited':
      return entry.operation[extension] !== undefined;
    case 'always':
      return true;
    case 'takes-input':
      return takesInput(entry, refs);
    case 'takes-body':
      return takesBody(entry, refs);
    case 'secured':
      return isSecured(root, entry);
    case 'collection-post':
      return isCollectionPost(entry);
    case 'negotiates':
      return negotiates(root, entry, refs);
  }
}

/** Reports operations that document none of the required status codes, at their `responses`. */
export default defineRulesetFunction<unknown, DocumentedStatusOptions>(
  {
    input: null,
    options: {
      type: 'object',
      additionalProperties: false,
      required: ['anyOf', 'when'],
      properties: {
        anyOf: {
          type: 'array',
          minItems: 1,
          items: STATUS_CODE,
          description: 'Status codes or ranges such as 4XX; documenting any one of them satisfies the rule.',
        },
        when: {
          enum: [...STATUS_CONDITIONS],
          description:
            'Which operations must: "always"; "takes-input" (a body or any parameter); "takes-body"; "secured" (under a security requirement); "collection-post" (a POST on a plural, non-action last segment); "negotiates" (a response offers several media types); "rate-limited" (declares a rate-limit extension).',
        },
        methods: {
          type: 'array',
          items: HTTP_METHOD,
          description: 'Only operations with these lower-case methods (default: all).',
        },
        purpose: {
          type: 'string',
          description: 'What the status is for, added to the message, e.g. "the answer when the request limit is reached".',
        },
        extension: {
          ...EXTENSION_NAME,
          default: 'x-rate-limit',
          description: 'With "rate-limited": the extension that declares an operation\'s rate limit.',
        },
      },
    },
  },
  function documentedStatus(root, { anyOf, when, methods, purpose, extension }, context) {
    if (!isObject(root)) return [];
    const refs = refFollower(context);
    const results: IFunctionResult[] = [];
    for (const entry of operations(root)) {
      if (methods !== undefined && !methods.includes(entry.method)) continue;
      if (!applies(when, root, entry, refs, extension ?? 'x-rate-limit')) continue;
      const responses = refs.value(entry.operation['responses']);
      const codes = responseEntries(responses).map(([code]) => code);
      if (codes.some((code) => matchesAny(code, anyOf))) continue;
      results.push(
        DOCUMENTED_STATUS_MESSAGES.report(
          context,
          [...context.path, ...entry.path, ...(isObject(entry.operation['responses']) ? ['responses'] : [])],
          'missingStatus',
          { method: entry.method, path: entry.pathKey, condition: when, codes: anyOf, purpose: purpose ?? '' },
        ),
      );
    }
    return results;
  },
);
