import { defineRulesetFunction } from '../core/engine/rulesetFunction.js';
import type { IFunctionResult } from '@stoplight/spectral-core';
import { isOas2, operationLabel, operations } from '../oas/document.js';
import { isObject } from '../oas/json.js';
import { refFollower } from '../oas/refs.js';
import { matchesAny, responseEntries } from '../oas/status.js';
import { defineMessages } from '../core/engine/messages.js';
import { HTTP_METHOD, STATUS_CODE } from '../oas/optionSchemas.js';

type Response = {
  method: string;
  path: string;
  code: string;
  /** The standard's word: true for MUST (the rule is an error), false for SHOULD. */
  mandatory: boolean;
  /** Where a body is declared: `content` (3.x) or `schema` (2.0). */
  field: string;
  /** Whether the response is a `$ref`'d one, judged by what it references. */
  inReferencedResponse: boolean;
};

function subject({ method, path, code, mandatory }: Response): string {
  return `${operationLabel(method, path)} response ${code} ${mandatory ? 'must' : 'should'}`;
}

export const RESPONSE_CONTENT_MESSAGES = defineMessages<{ unexpectedBody: Response; missingBody: Response }>('responseContent', {
  unexpectedBody: (params) =>
    `${subject(params)} have no body, but ${params.inReferencedResponse ? 'the response it references declares' : 'declares'} ${params.field}.`,
  missingBody: (params) =>
    `${subject(params)} have a body, but ${params.inReferencedResponse ? 'the response it references declares' : 'it declares'} no ${params.field}.`,
});

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
          items: STATUS_CODE,
          description: 'Status codes the rule applies to, e.g. ["204", "304"].',
        },
        content: { enum: ['forbidden', 'required'], description: 'Whether these responses must not, or must, have a body.' },
        methods: {
          type: 'array',
          items: HTTP_METHOD,
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
        const params: Response = {
          method: entry.method,
          path: entry.pathKey,
          code,
          // The standard's word: MUST for errors, SHOULD for the rest.
          mandatory: context.rule.severity === 0,
          field: bodyField,
          inReferencedResponse: viaRef,
        };
        if (content === 'forbidden' && hasBody) {
          results.push(RESPONSE_CONTENT_MESSAGES.report(context, [...responsePath, viaRef ? '$ref' : bodyField], 'unexpectedBody', params));
        } else if (content === 'required' && !hasBody) {
          results.push(RESPONSE_CONTENT_MESSAGES.report(context, viaRef ? [...responsePath, '$ref'] : responsePath, 'missingBody', params));
        }
      }
    }
    return results;
  },
);
