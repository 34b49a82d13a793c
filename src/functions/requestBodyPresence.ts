import { defineRulesetFunction } from '../core/rulesetFunction.js';
import type { IFunctionResult } from '@stoplight/spectral-core';
import { HTTP_METHODS, isOas2, operations, parameterNodes } from '../oas/document.js';
import { isObject } from '../oas/json.js';
import { refFollower } from '../oas/refs.js';

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
          items: { enum: [...HTTP_METHODS] },
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
      const operation = `${entry.method.toUpperCase()} ${entry.pathKey}`;
      if (oas2) {
        const bodies = [...parameterNodes(entry)].filter(({ node }) => {
          const parameter = refs.value(node);
          return isObject(parameter) && (parameter['in'] === 'body' || parameter['in'] === 'formData');
        });
        if (body === 'forbidden') {
          for (const { path } of bodies)
            results.push({
              message: `${operation} must not take a request body, but declares a body or formData parameter.`,
              path: [...context.path, ...path],
            });
        } else if (bodies.length === 0) {
          results.push({ message: `${operation} must take a request body.`, path: [...context.path, ...entry.path] });
        }
        continue;
      }
      const declared = entry.operation['requestBody'] !== undefined;
      if (body === 'forbidden' && declared) {
        results.push({
          message: `${operation} must not take a request body: pass what it needs in the path, query or headers.`,
          path: [...context.path, ...entry.path, 'requestBody'],
        });
      } else if (body === 'required' && !declared) {
        results.push({ message: `${operation} must take a request body.`, path: [...context.path, ...entry.path] });
      }
    }
    return results;
  },
);
