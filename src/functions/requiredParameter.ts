import { defineRulesetFunction } from '../core/engine/rulesetFunction.js';
import type { IFunctionResult } from '@stoplight/spectral-core';
import { operationLabel, operations } from '../oas/document.js';
import { effectiveParameters } from '../oas/parameters.js';
import { refFollower } from '../oas/refs.js';
import { defineMessages } from '../core/engine/messages.js';

type Parameter = {
  method: string;
  path: string;
  /** The parameter's location and name, as the rule asks for them. */
  location: string;
  name: string;
  /** Why the standard asks for it, as the rule says it; '' when it says nothing. */
  purpose: string;
};

function why(purpose: string): string {
  return purpose === '' ? '' : ` (${purpose})`;
}

export const REQUIRED_PARAMETER_MESSAGES = defineMessages<{ missingParameter: Parameter; optionalParameter: Parameter }>(
  'requiredParameter',
  {
    missingParameter: ({ method, path, location, name, purpose }) =>
      `${operationLabel(method, path)} does not take the ${location} ${name}${why(purpose)}.`,
    optionalParameter: ({ method, path, location, name, purpose }) =>
      `${operationLabel(method, path)} takes the ${location} ${name} as optional: it is mandatory${why(purpose)}.`,
  },
);

export interface RequiredParameterOptions {
  /** The parameter's name (compared without case for headers). */
  name: string;
  /** Its location. */
  in: 'header' | 'query' | 'cookie';
  /** Why the standard asks for it, added to the message. */
  purpose?: string;
}

/** Reports operations that do not take a parameter the standard makes mandatory (a `User-Agent` header naming the client), or take it as optional. */
export default defineRulesetFunction<unknown, RequiredParameterOptions>(
  {
    input: null,
    options: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'in'],
      properties: {
        name: { type: 'string', minLength: 1, description: 'The parameter every operation must take, e.g. "User-Agent".' },
        in: { enum: ['header', 'query', 'cookie'], description: "The parameter's location." },
        purpose: { type: 'string', description: 'Why the standard asks for it, added to the message.' },
      },
    },
  },
  function requiredParameter(root, options, context) {
    const refs = refFollower(context);
    const same = (name: unknown) =>
      typeof name === 'string' && (options.in === 'header' ? name.toLowerCase() === options.name.toLowerCase() : name === options.name);
    const results: IFunctionResult[] = [];
    for (const entry of operations(root)) {
      const parameter = effectiveParameters(entry, refs).find((p) => p['in'] === options.in && same(p['name']));
      const params: Parameter = {
        method: entry.method,
        path: entry.pathKey,
        location: options.in,
        name: options.name,
        purpose: options.purpose ?? '',
      };
      if (parameter === undefined) {
        results.push(REQUIRED_PARAMETER_MESSAGES.report(context, [...context.path, ...entry.path], 'missingParameter', params));
      } else if (parameter['required'] !== true) {
        results.push(REQUIRED_PARAMETER_MESSAGES.report(context, [...context.path, ...entry.path], 'optionalParameter', params));
      }
    }
    return results;
  },
);
