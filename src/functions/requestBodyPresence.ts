import { defineRulesetFunction } from '../core/engine/rulesetFunction.js';
import type { IFunctionResult } from '@stoplight/spectral-core';
import { isOas2, operationLabel, operations, parameterNodes } from '../oas/document.js';
import { isObject } from '../oas/json.js';
import { refFollower } from '../oas/refs.js';
import { defineMessages } from '../core/engine/messages.js';
import { HTTP_METHOD } from '../oas/optionSchemas.js';

type Operation = { method: string; path: string };

export const REQUEST_BODY_PRESENCE_MESSAGES = defineMessages<{
  unexpectedBody: Operation;
  /** 2.0: a body or formData parameter where no body may be. */
  unexpectedBodyParameter: Operation;
  missingBody: Operation;
}>('requestBodyPresence', {
  unexpectedBody: ({ method, path }) =>
    `${operationLabel(method, path)} must not take a request body: pass what it needs in the path, query or headers.`,
  unexpectedBodyParameter: ({ method, path }) =>
    `${operationLabel(method, path)} must not take a request body, but declares a body or formData parameter.`,
  missingBody: ({ method, path }) => `${operationLabel(method, path)} must take a request body.`,
});

export interface RequestBodyPresenceOptions {
  /** Methods the rule applies to. */
  methods: string[];
  /** Whether operations with these methods must not, or must, take a body. */
  body: 'forbidden' | 'required';
}

/** Reports operations whose request body does not fit their method (a body on a GET, say). 2.0 `in: body` and `formData` parameters are bodies. */
export default defineRulesetFunction<unknown, RequestBodyPresenceOptions>(
  {
    input: null,
    options: {
      type: 'object',
      additionalProperties: false,
      required: ['methods', 'body'],
      properties: {
        methods: {
          type: 'array',
          minItems: 1,
          items: HTTP_METHOD,
          description: 'Lower-case HTTP methods the rule applies to.',
        },
        body: { enum: ['forbidden', 'required'], description: 'Whether these operations must not, or must, declare a request body.' },
      },
    },
  },
  function requestBodyPresence(root, { methods, body }, context) {
    const refs = refFollower(context);
    const oas2 = isOas2(root);
    const results: IFunctionResult[] = [];
    for (const entry of operations(root)) {
      if (!methods.includes(entry.method)) continue;
      const operation: Operation = { method: entry.method, path: entry.pathKey };
      if (oas2) {
        const bodies = [...parameterNodes(entry)].filter(({ node }) => {
          const parameter = refs.value(node);
          return isObject(parameter) && (parameter['in'] === 'body' || parameter['in'] === 'formData');
        });
        if (body === 'forbidden') {
          for (const { path } of bodies)
            results.push(REQUEST_BODY_PRESENCE_MESSAGES.report(context, [...context.path, ...path], 'unexpectedBodyParameter', operation));
        } else if (bodies.length === 0) {
          results.push(REQUEST_BODY_PRESENCE_MESSAGES.report(context, [...context.path, ...entry.path], 'missingBody', operation));
        }
        continue;
      }
      const declared = entry.operation['requestBody'] !== undefined;
      if (body === 'forbidden' && declared) {
        results.push(
          REQUEST_BODY_PRESENCE_MESSAGES.report(context, [...context.path, ...entry.path, 'requestBody'], 'unexpectedBody', operation),
        );
      } else if (body === 'required' && !declared) {
        results.push(REQUEST_BODY_PRESENCE_MESSAGES.report(context, [...context.path, ...entry.path], 'missingBody', operation));
      }
    }
    return results;
  },
);
