import { defineRulesetFunction } from '../core/engine/rulesetFunction.js';
import type { IFunctionResult } from '@stoplight/spectral-core';
import type { JsonPath } from '@stoplight/types';
import { isOas2, operationLabel, operations, parameterNodes, refSiblingsApply } from '../oas/document.js';
import { isObject } from '../oas/json.js';
import { isJsonMediaType } from '../oas/mediaTypes.js';
import { refFollower } from '../oas/refs.js';
import { everyBranch, wrappedRef } from '../oas/effectiveSchema.js';
import { hasType, schemaKeyword } from '../oas/schemas.js';
import { defineMessages } from '../core/engine/messages.js';

type Operation = { method: string; path: string };

export const REQUEST_BODY_ARRAY_MESSAGES = defineMessages<{ noJsonBody: Operation; notArray: Operation; noMaxItems: Operation }>(
  'requestBodyArray',
  {
    noJsonBody: ({ method, path }) =>
      `${operationLabel(method, path)} takes no JSON request body: a bulk operation takes an array of items with maxItems.`,
    notArray: ({ method, path }) =>
      `${operationLabel(method, path)}: the bulk request body is not an array: send the items as an array with maxItems.`,
    noMaxItems: ({ method, path }) =>
      `${operationLabel(method, path)}: the bulk request body declares no maxItems: say how many items one call may carry.`,
  },
);

export interface RequestBodyArrayOptions {
  /** Operations whose path matches this regular expression (e.g. bulk endpoints). */
  pathPattern: string;
}

/**
 * Reports request bodies of matching operations (bulk endpoints) that are not an array with a
 * `maxItems`: a bounded batch is what keeps a heavy payload within what the API accepts.
 */
export default defineRulesetFunction<unknown, RequestBodyArrayOptions>(
  {
    input: null,
    options: {
      type: 'object',
      additionalProperties: false,
      required: ['pathPattern'],
      properties: {
        pathPattern: {
          type: 'string',
          format: 'regex',
          description: 'Operations whose path matches this regular expression are judged, e.g. /bulk/?$.',
        },
      },
    },
  },
  function requestBodyArray(root, options, context) {
    const refs = refFollower(context);
    const pattern = new RegExp(options.pathPattern);
    const oas2 = isOas2(root);
    const siblingsOfRef = refSiblingsApply(root);
    const reported = new Set<string>();
    const results: IFunctionResult[] = [];
    for (const entry of operations(root)) {
      if (!pattern.test(entry.pathKey) || entry.method === 'get' || entry.method === 'delete') continue;
      const bodies: Array<{ schema: unknown; path: JsonPath }> = [];
      if (oas2) {
        for (const { node, path } of parameterNodes(entry)) {
          const parameter = refs.resolve(node, path);
          if (!isObject(parameter.value) || parameter.value['in'] !== 'body') continue;
          // A shared body parameter is judged where it is defined.
          const at =
            isObject(node) && typeof node['$ref'] === 'string'
              ? parameter.source === null
                ? [...parameter.path, 'schema']
                : [...path, '$ref']
              : [...path, 'schema'];
          bodies.push({ schema: parameter.value['schema'], path: at });
        }
      } else {
        const written = entry.operation['requestBody'];
        const body = refs.resolve(written, [...entry.path, 'requestBody']);
        const base =
          isObject(written) && typeof written['$ref'] === 'string'
            ? body.source === null
              ? body.path
              : undefined
            : [...entry.path, 'requestBody'];
        if (isObject(body.value) && isObject(body.value['content'])) {
          for (const [type, media] of Object.entries(body.value['content'])) {
            if (!isJsonMediaType(type, { plusJson: true }) || !isObject(media)) continue;
            bodies.push({
              schema: media['schema'],
              path: base === undefined ? [...entry.path, 'requestBody', '$ref'] : [...base, 'content', type, 'schema'],
            });
          }
        }
      }
      const operation: Operation = { method: entry.method, path: entry.pathKey };
      if (bodies.length === 0) {
        results.push(REQUEST_BODY_ARRAY_MESSAGES.report(context, [...context.path, ...entry.path], 'noJsonBody', operation));
        continue;
      }
      for (const { schema, path } of bodies) {
        // A shared body schema is judged once, where it is defined.
        // (also behind a wrapper: `allOf: [Sessions]` with a description is the `Sessions` component's use)
        const ref = wrappedRef(schema, refs);
        const target = ref === undefined ? undefined : refs.resolve(ref, path);
        const at = target?.source === null ? target.path : path;
        const key = JSON.stringify(at);
        if (reported.has(key)) continue;
        if (!hasType(schema, 'array', refs)) {
          reported.add(key);
          results.push(REQUEST_BODY_ARRAY_MESSAGES.report(context, [...context.path, ...at], 'notArray', operation));
        } else if (!everyBranch(schema, refs, (branch) => schemaKeyword(branch, 'maxItems', refs, siblingsOfRef) !== undefined)) {
          reported.add(key);
          results.push(REQUEST_BODY_ARRAY_MESSAGES.report(context, [...context.path, ...at], 'noMaxItems', operation));
        }
      }
    }
    return results;
  },
);
