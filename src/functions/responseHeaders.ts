import { defineRulesetFunction } from '../core/engine/rulesetFunction.js';
import type { IFunctionResult } from '@stoplight/spectral-core';
import { isOas2, operationLabel, operations } from '../oas/document.js';
import { isObject } from '../oas/json.js';
import type { JsonObject } from '../oas/json.js';
import { refFollower } from '../oas/refs.js';
import type { RefFollower } from '../oas/refs.js';
import { operationResponses, responseHeaders as headersOf } from '../oas/responses.js';
import { effectiveSchema } from '../oas/effectiveSchema.js';
import { parameterSchema } from '../oas/parameters.js';
import { hasType } from '../oas/schemas.js';
import { matchesAny } from '../oas/status.js';
import { defineMessages } from '../core/engine/messages.js';
import { EXTENSION_NAME, HTTP_METHOD, STATUS_CODE_OR_DEFAULT } from '../oas/optionSchemas.js';

/** "A, B and C". */
function joined(names: readonly string[], word: string): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} ${word} ${names[names.length - 1]}`;
}

export const RESPONSE_HEADERS_MESSAGES = defineMessages<{
  missing: { subject: string; missing: readonly string[]; inReferencedResponse: boolean };
  missingAny: { subject: string; headers: readonly string[]; inReferencedResponse: boolean };
  wrongType: { subject: string; header: string; type: string; declared: readonly string[] };
}>('responseHeaders', {
  missing: ({ subject, missing, inReferencedResponse }) =>
    `${subject} does not declare ${joined(missing, 'and')}${inReferencedResponse ? ' (in the response it references)' : ''}.`,
  missingAny: ({ subject, headers, inReferencedResponse }) =>
    `${subject} does not declare any of ${joined(headers, 'or')}${inReferencedResponse ? ' (in the response it references)' : ''}.`,
  wrongType: ({ subject, header, type, declared }) =>
    `${subject}: header ${header} must be of type ${type}${declared.length > 0 ? `, not ${declared.join('/')}` : ''}.`,
});

export interface ResponseHeadersOptions {
  /** Header names, compared without case. */
  headers: string[];
  /** "all": each header must be declared; "any": at least one of them. */
  mode: 'all' | 'any';
  /** Response codes or ranges the rule applies to; "default" for the default response (default: every response). */
  codes?: string[];
  /** Only operations with these methods (default: all). */
  methods?: string[];
  /** A JSON type the declared headers' schema must have (2.0: the header's own `type`). */
  type?: 'integer' | 'number' | 'string' | 'boolean';
  /** Only operations that carry this extension (e.g. x-rate-limit: a rate-limited operation's 429 says when to retry). */
  operationsWith?: string;
}

/** The types a header's schema declares, however it is written (`content` included), for messages. */
function headerTypes(header: JsonObject, oas2: boolean, refs: RefFollower): string[] {
  return [...effectiveSchema(parameterSchema(header, oas2), refs).types];
}

/** A response's header entry as written (possibly a `$ref`), found without regard to case. */
function headerNode(response: JsonObject, name: string): unknown {
  const headers = response['headers'];
  if (!isObject(headers)) return undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : headers[key];
}

/**
 * Reports responses that do not declare the headers the standard wants (`Location` on a 201,
 * caching headers on a GET 200, rate-limit headers everywhere), at the response, or at its `$ref`
 * when it is a shared response used where the header is needed.
 */
export default defineRulesetFunction<unknown, ResponseHeadersOptions>(
  {
    input: null,
    options: {
      type: 'object',
      additionalProperties: false,
      required: ['headers', 'mode'],
      properties: {
        headers: {
          type: 'array',
          minItems: 1,
          items: { type: 'string' },
          description: 'Header names the responses must declare (case does not matter).',
        },
        mode: { enum: ['all', 'any'], description: '"all": every header listed; "any": at least one of them.' },
        codes: {
          type: 'array',
          items: STATUS_CODE_OR_DEFAULT,
          description: 'Response codes or ranges (2XX) the rule applies to, "default" included (default: every response).',
        },
        methods: {
          type: 'array',
          items: HTTP_METHOD,
          description: 'Only operations with these lower-case methods (default: all).',
        },
        type: {
          enum: ['integer', 'number', 'string', 'boolean'],
          description: "The type the headers' schema must declare, when they are declared.",
        },
        operationsWith: { ...EXTENSION_NAME, description: 'Only operations that carry this extension, e.g. x-rate-limit.' },
      },
    },
  },
  function responseHeaders(root, options, context) {
    const refs = refFollower(context);
    const oas2 = isOas2(root);
    const results: IFunctionResult[] = [];
    // A rule for every response judges a shared response in its own right, once, where it is defined;
    // a rule for some codes judges it where it is used under one of them.
    const everyResponse = options.codes === undefined && options.methods === undefined && options.operationsWith === undefined;
    const judged = new Set<string>();
    const typedHeaders = new Set<string>();
    for (const entry of operations(root)) {
      if (options.methods !== undefined && !options.methods.includes(entry.method)) continue;
      if (options.operationsWith !== undefined && entry.operation[options.operationsWith] === undefined) continue;
      for (const { code, response, path, viaRef, definedAt } of operationResponses(entry, refs)) {
        if (options.codes !== undefined && !(code === 'default' ? options.codes.includes('default') : matchesAny(code, options.codes)))
          continue;
        const declared = headersOf(response, refs);
        const missing = options.headers.filter((name) => !declared.has(name.toLowerCase()));
        const base = everyResponse && definedAt !== undefined ? definedAt : path;
        const key = JSON.stringify(base);
        if (everyResponse && judged.has(key)) continue;
        judged.add(key);
        const where = viaRef && base === path ? [...path, '$ref'] : isObject(response['headers']) ? [...base, 'headers'] : base;
        const subject = `${operationLabel(entry.method, entry.pathKey)} response ${code}`;
        if (options.mode === 'all' ? missing.length > 0 : missing.length === options.headers.length) {
          const inReferencedResponse = viaRef && base === path;
          results.push(
            options.mode === 'all'
              ? RESPONSE_HEADERS_MESSAGES.report(context, [...context.path, ...where], 'missing', {
                  subject,
                  missing,
                  inReferencedResponse,
                })
              : RESPONSE_HEADERS_MESSAGES.report(context, [...context.path, ...where], 'missingAny', {
                  subject,
                  headers: options.headers,
                  inReferencedResponse,
                }),
          );
        }
        // The headers that are declared are judged even when others are missing: every problem in one run.
        if (options.type === undefined) continue;
        for (const name of options.headers) {
          const header = declared.get(name.toLowerCase());
          // A header is described by its `schema`, or by the schema of its `content` (like a parameter).
          if (header === undefined || hasType(parameterSchema(header, oas2), options.type, refs)) continue;
          // A shared header component is reported once, where it is defined.
          const written = headerNode(response, name);
          const target = written === undefined ? undefined : refs.resolve(written, []);
          const shared = isObject(written) && typeof written['$ref'] === 'string' && target?.source === null ? target.path : undefined;
          const key = shared === undefined ? undefined : JSON.stringify(shared);
          if (key !== undefined && typedHeaders.has(key)) continue;
          if (key !== undefined) typedHeaders.add(key);
          const types = headerTypes(header, oas2, refs);
          results.push(
            RESPONSE_HEADERS_MESSAGES.report(context, [...context.path, ...(shared ?? where)], 'wrongType', {
              subject: shared === undefined ? subject : `Header ${String(shared[shared.length - 1])}`,
              header: name,
              type: options.type,
              declared: types,
            }),
          );
        }
      }
    }
    return results;
  },
);
