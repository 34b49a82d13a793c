import { defineRulesetFunction } from '../core/engine/rulesetFunction.js';
import type { IFunctionResult } from '@stoplight/spectral-core';
import { HTTP_METHODS, operationLabel, pathEntries } from '../oas/document.js';
import { isObject } from '../oas/json.js';
import { refFollower } from '../oas/refs.js';
import { defineMessages } from '../core/engine/messages.js';
import { HTTP_METHOD } from '../oas/optionSchemas.js';

export const ALLOWED_METHODS_MESSAGES = defineMessages<{
  /** `method` and `allowed` are lower-case, as the document writes them. */
  notAllowed: { method: string; path: string; allowed: readonly string[] };
}>('allowedMethods', {
  notAllowed: ({ method, path, allowed }) =>
    `${operationLabel(method, path)}: ${method.toUpperCase()} is not an allowed method; use only ${allowed.map((m) => m.toUpperCase()).join(', ')}.`,
});

export interface AllowedMethodsOptions {
  methods: string[];
}

/** Reports operations whose HTTP method is not one the standard allows, at the method's key. */
export default defineRulesetFunction<unknown, AllowedMethodsOptions>(
  {
    input: null,
    options: {
      type: 'object',
      additionalProperties: false,
      required: ['methods'],
      properties: {
        methods: {
          type: 'array',
          minItems: 1,
          items: HTTP_METHOD,
          description: 'The lower-case HTTP methods operations may use, e.g. ["get", "post", "put", "patch", "delete"].',
        },
      },
    },
  },
  function allowedMethods(paths, { methods }, context) {
    if (!isObject(paths)) return [];
    const allowed = new Set(methods);
    const refs = refFollower(context);
    const results: IFunctionResult[] = [];
    const seen = new Set<unknown>();
    for (const [pathKey, written] of pathEntries(paths)) {
      // A shared path item is judged once, where it is defined; one from another file at its `$ref`.
      const target = refs.resolve(written, [...context.path, pathKey]);
      const item = target.value;
      if (!isObject(item) || seen.has(item)) continue;
      seen.add(item);
      const base = target.source === null ? target.path : [...context.path, pathKey, '$ref'];
      for (const method of HTTP_METHODS) {
        if (item[method] !== undefined && !allowed.has(method)) {
          results.push(
            ALLOWED_METHODS_MESSAGES.report(context, target.source === null ? [...base, method] : base, 'notAllowed', {
              method,
              path: pathKey,
              allowed: methods,
            }),
          );
        }
      }
    }
    return results;
  },
);
