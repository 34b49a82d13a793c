import { defineRulesetFunction } from '../core/engine/rulesetFunction.js';
import type { IFunctionResult } from '@stoplight/spectral-core';
import { operationLabel, operations } from '../oas/document.js';
import { isObject } from '../oas/json.js';
import { effectiveParameters } from '../oas/parameters.js';
import { refFollower } from '../oas/refs.js';
import { operationResponses, responseHeaders } from '../oas/responses.js';
import { defineMessages } from '../core/engine/messages.js';
import { EXACT_STATUS_CODE, HTTP_METHOD } from '../oas/optionSchemas.js';

export const CONDITIONAL_REQUESTS_MESSAGES = defineMessages<{
  noRevalidation: {
    method: string;
    path: string;
    /** The validator the operation returns (`ETag`). */
    validator: string;
    requestHeader: string;
    status: string;
    /** Whether the operation does not accept `requestHeader`. */
    missingHeader: boolean;
    /** Whether it does not document `status`. */
    missingStatus: boolean;
  };
}>('conditionalRequests', {
  noRevalidation: ({ method, path, validator, requestHeader, status, missingHeader, missingStatus }) =>
    `${operationLabel(method, path)} returns ${validator} but does not ${[
      ...(missingHeader ? [`accept ${requestHeader}`] : []),
      ...(missingStatus ? [`document ${status}`] : []),
    ].join(' or ')}: let clients revalidate cheaply.`,
});

export interface ConditionalRequestsOptions {
  /** A validator a response declares (`ETag`, `Last-Modified`). */
  validator: string;
  /** The request header that sends it back (`If-None-Match`, `If-Modified-Since`). */
  requestHeader: string;
  /** The status of an unchanged resource (`304`). */
  status: string;
  /** Operations the rule applies to (default: GET; a PUT's conditional header is If-Match, and 304 means nothing there). */
  methods?: string[];
}

/** Reports operations that hand out a cache validator but do not accept the conditional request header or document the not-modified status. */
export default defineRulesetFunction<unknown, ConditionalRequestsOptions>(
  {
    input: null,
    options: {
      type: 'object',
      additionalProperties: false,
      required: ['validator', 'requestHeader', 'status'],
      properties: {
        validator: { type: 'string', description: 'The response header that carries the validator, e.g. "ETag".' },
        requestHeader: { type: 'string', description: 'The request header that sends it back, e.g. "If-None-Match".' },
        status: { ...EXACT_STATUS_CODE, description: 'The status of an unchanged resource, e.g. "304".' },
        methods: {
          type: 'array',
          items: HTTP_METHOD,
          default: ['get'],
          description: 'Lower-case methods of the operations judged.',
        },
      },
    },
  },
  function conditionalRequests(root, options, context) {
    const refs = refFollower(context);
    const results: IFunctionResult[] = [];
    const methods = options.methods ?? ['get'];
    for (const entry of operations(root)) {
      if (!methods.includes(entry.method)) continue;
      const gives = [...operationResponses(entry, refs)].some(({ response }) =>
        responseHeaders(response, refs).has(options.validator.toLowerCase()),
      );
      if (!gives) continue;
      const accepts = effectiveParameters(entry, refs).some(
        (p) => p['in'] === 'header' && String(p['name']).toLowerCase() === options.requestHeader.toLowerCase(),
      );
      const responses = entry.operation['responses'];
      const documents = isObject(responses) && options.status in responses;
      if (accepts && documents) continue;
      results.push(
        CONDITIONAL_REQUESTS_MESSAGES.report(
          context,
          [...context.path, ...entry.path, ...(isObject(responses) ? ['responses'] : [])],
          'noRevalidation',
          {
            method: entry.method,
            path: entry.pathKey,
            validator: options.validator,
            requestHeader: options.requestHeader,
            status: options.status,
            missingHeader: !accepts,
            missingStatus: !documents,
          },
        ),
      );
    }
    return results;
  },
);
