import { createRulesetFunction } from '@stoplight/spectral-core';
import type { IFunctionResult } from '@stoplight/spectral-core';
import { operations, parameterNodes } from '../oas/document.js';
import type { OperationEntry } from '../oas/document.js';
import { isObject } from '../oas/json.js';
import { refFollower } from '../oas/refs.js';

export type StatusCondition = 'always' | 'takes-input';

export interface DocumentedStatusOptions {
  /** Status codes or ranges (`4XX`); the operation must document at least one. */
  anyOf: string[];
  /** Which operations must: every one, or those that take a request body or a parameter. */
  when: StatusCondition;
}

function matches(code: string, wanted: string): boolean {
  const upper = code.toUpperCase();
  const want = wanted.toUpperCase();
  if (upper === want) return true;
  if (/^\dXX$/.test(want)) return upper[0] === want[0] && /^\d(?:\d\d|XX)$/.test(upper);
  return false;
}

function takesInput(entry: OperationEntry): boolean {
  if (entry.operation['requestBody'] !== undefined) return true;
  for (const _ of parameterNodes(entry)) return true;
  return false;
}

/** Reports operations that document none of the required status codes. */
export default createRulesetFunction<unknown, DocumentedStatusOptions>(
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
          items: { type: 'string', pattern: '^(?:[1-5]\\d\\d|[1-5]XX)$' },
          description: 'Status codes or ranges such as 4XX; documenting any one of them satisfies the rule.',
        },
        when: {
          enum: ['always', 'takes-input'],
          description: '"always": every operation; "takes-input": operations with a request body or any parameter.',
        },
      },
    },
  },
  function documentedStatus(root, { anyOf, when }, context) {
    const refs = refFollower(context);
    const results: IFunctionResult[] = [];
    for (const entry of operations(root)) {
      if (when === 'takes-input' && !takesInput(entry)) continue;
      const responses = refs.value(entry.operation['responses']);
      const codes = isObject(responses) ? Object.keys(responses) : [];
      if (codes.some((code) => anyOf.some((wanted) => matches(code, wanted)))) continue;
      const reason = when === 'takes-input' ? 'takes input but documents' : 'documents';
      results.push({
        message: `${entry.method.toUpperCase()} ${entry.pathKey} ${reason} no ${anyOf.join(' or ')} response.`,
        path: [...context.path, ...entry.path, ...(isObject(entry.operation['responses']) ? ['responses'] : [])],
      });
    }
    return results;
  },
);
