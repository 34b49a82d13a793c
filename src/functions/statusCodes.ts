import { defineRulesetFunction } from '../core/engine/rulesetFunction.js';
import type { IFunctionResult } from '@stoplight/spectral-core';
import type { JSONSchema7 } from 'json-schema';
import { HTTP_METHODS, operationLabel, operations } from '../oas/document.js';
import { isObject } from '../oas/json.js';
import { pathSegments } from '../oas/paths.js';
import { matchesAny, responseEntries } from '../oas/status.js';
import { defineMessages } from '../core/engine/messages.js';
import { STATUS_CODE } from '../oas/optionSchemas.js';

type Operation = { method: string; path: string };

export const STATUS_CODES_MESSAGES = defineMessages<{
  defaultResponse: Operation;
  /** `allowed`: the codes or ranges any operation may use. */
  notAllowed: Operation & { code: string; allowed: readonly string[] };
  /** `expected`: the codes or ranges the method may use (may be empty). */
  notForMethod: Operation & { code: string; expected: readonly string[] };
}>('statusCodes', {
  defaultResponse: ({ method, path }) => `${operationLabel(method, path)}: a "default" response is not allowed; document each status code.`,
  notAllowed: ({ method, path, code, allowed }) =>
    `${operationLabel(method, path)}: status code ${code} is not allowed; use one of ${allowed.join(', ')}.`,
  notForMethod: ({ method, path, code, expected }) =>
    `${operationLabel(method, path)}: status code ${code} is not one a ${method.toUpperCase()} should return${expected.length > 0 ? ` (${expected.join(', ')})` : ''}.`,
});

export interface StatusCodesOptions {
  /** Codes every operation may use. */
  allowed?: string[];
  /** Codes each method may use, by lower-case method. */
  perMethod?: Record<string, string[]>;
  /** Further codes a method may use when its path has a path parameter (a sub-resource whose parent may not exist). */
  perMethodWithPathParameter?: Record<string, string[]>;
  /** Only these codes or ranges are judged; others pass (default: every code). */
  within?: string[];
  /** Whether the `default` response is allowed (default: true). */
  allowDefault?: boolean;
}

const CODE: JSONSchema7 = STATUS_CODE;
const METHOD_MAP: JSONSchema7 = {
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries(HTTP_METHODS.map((m) => [m, { type: 'array', items: CODE }])),
};

/** Reports response codes an operation may not use, at the code's key: codes outside the standard's list, or outside its method's column. */
export default defineRulesetFunction<unknown, StatusCodesOptions>(
  {
    input: null,
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        allowed: { type: 'array', items: CODE, description: 'Status codes (or ranges like 2XX) any operation may document.' },
        perMethod: {
          ...METHOD_MAP,
          description: 'Status codes each method may document, by lower-case method; methods not listed are not judged by method.',
        },
        perMethodWithPathParameter: { ...METHOD_MAP, description: 'Extra codes a method may document when its path has a {parameter}.' },
        within: { type: 'array', items: CODE, description: 'Judge only these codes or ranges; the others pass (default: all).' },
        allowDefault: { type: 'boolean', default: true, description: 'Whether a "default" response is allowed.' },
      },
    },
  },
  function statusCodes(root, options, context) {
    const allowDefault = options.allowDefault ?? true;
    const results: IFunctionResult[] = [];
    for (const entry of operations(root)) {
      const responses = entry.operation['responses'];
      if (!isObject(responses)) continue;
      const hasPathParameter = pathSegments(entry.pathKey).some((segment) => segment.kind === 'parameter');
      // A method the table has no column for (HEAD, say) is another rule's concern.
      const forMethod =
        options.perMethod?.[entry.method] === undefined
          ? undefined
          : [
              ...(options.perMethod[entry.method] ?? []),
              ...(hasPathParameter ? (options.perMethodWithPathParameter?.[entry.method] ?? []) : []),
            ];
      const operation: Operation = { method: entry.method, path: entry.pathKey };
      for (const [code] of responseEntries(responses)) {
        const at = [...context.path, ...entry.path, 'responses', code];
        if (code === 'default') {
          if (!allowDefault) results.push(STATUS_CODES_MESSAGES.report(context, at, 'defaultResponse', operation));
          continue;
        }
        if (options.within !== undefined && !matchesAny(code, options.within)) continue;
        if (options.allowed !== undefined && !matchesAny(code, options.allowed)) {
          results.push(STATUS_CODES_MESSAGES.report(context, at, 'notAllowed', { ...operation, code, allowed: options.allowed }));
        } else if (forMethod !== undefined && !matchesAny(code, forMethod)) {
          results.push(STATUS_CODES_MESSAGES.report(context, at, 'notForMethod', { ...operation, code, expected: forMethod }));
        }
      }
    }
    return results;
  },
);
