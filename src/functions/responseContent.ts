import { defineRulesetFunction } from '../core/rulesetFunction.js';
import type { IFunctionResult } from '@stoplight/spectral-core';
import { HTTP_METHODS, isOas2, operations } from '../oas/document.js';
import { isObject } from '../oas/json.js';
import { refFollower } from '../oas/refs.js';
import { matchesAny, responseEntries } from '../oas/status.js';

export interface ResponseContentOptions {
  /** Status codes the rule applies to. */
  codes: string[];
  /** Whether responses with these codes must carry a body or must not. */
  content: 'forbidden' | 'required';
  /** Only operations with these methods (default: all). */
  methods?: string[];
}

/**
 * Reports responses whose body does not fit their status code: content on a 204, or no content on
 * a 200, as the options say. A response brought in by `$ref` is judged by what it resolves to and
 * reported at the `$ref`, since the component itself is fine under other codes.
 */
export default defineRulesetFunction<unknown, ResponseContentOptions>(
  {
    input: null,
    options: {
      type: 'object',
      additionalProperties: false,
      required: ['codes', 'content'],
      properties: {
        codes: {
          type: 'array',
          minItems: 1,
          items: { type: 'string', pattern: '^[1-5](?:\\d\\d|XX)$' },
          description: 'Status codes the rule applies to, e.g. ["204", "304"].',
        },
        content: { enum: ['forbidden', 'required'], description: 'Whether these responses must not, or must, have a body.' },
        methods: {
          type: 'array',
          items: { enum: [...HTTP_METHODS] },
          description: 'Only operations with these lower-case methods (default: all).',
        },
      },
    },
  },
  function responseContent(root, { codes, content, methods }, context) {
    const refs = refFollower(context);
    const oas2 = isOas2(root);
    const bodyField = oas2 ? 'schema' : 'content';
    const results: IFunctionResult[] = [];
    for (const entry of operations(root)) {
      if (methods !== undefined && !methods.includes(entry.method)) continue;
      const responses = entry.operation['responses'];
      if (!isObject(responses)) continue;
      for (const [code, node] of responseEntries(responses)) {
        if (!matchesAny(code, codes) || !isObject(node)) continue;
        const viaRef = typeof node['$ref'] === 'string';
        const response = refs.value(node);
        if (!isObject(response)) continue;
        const body = response[bodyField];
        const hasBody = oas2 ? body !== undefined : isObject(body) && Object.keys(body).length > 0;
        const responsePath = [...context.path, ...entry.path, 'responses', code];
        const operation = `${entry.method.toUpperCase()} ${entry.pathKey}`;
        // The standard's word: MUST for errors, SHOULD for the rest.
        const must = context.rule.severity === 0 ? 'must' : 'should';
        if (content === 'forbidden' && hasBody) {
          results.push({
            message: `${operation} response ${code} ${must} have no body, but ${viaRef ? `the response it references declares ${bodyField}` : `declares ${bodyField}`}.`,
            path: [...responsePath, viaRef ? '$ref' : bodyField],
          });
        } else if (content === 'required' && !hasBody) {
          results.push({
            message: `${operation} response ${code} ${must} have a body, but ${viaRef ? 'the response it references declares' : 'it declares'} no ${bodyField}.`,
            path: viaRef ? [...responsePath, '$ref'] : responsePath,
          });
        }
      }
    }
    return results;
  },
);
