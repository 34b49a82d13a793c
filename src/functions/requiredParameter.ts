import { defineRulesetFunction } from '../core/rulesetFunction.js';
import type { IFunctionResult } from '@stoplight/spectral-core';
import { operations } from '../oas/document.js';
import { effectiveParameters } from '../oas/parameters.js';
import { refFollower } from '../oas/refs.js';

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
    const why = options.purpose === undefined ? '' : ` (${options.purpose})`;
    const results: IFunctionResult[] = [];
    for (const entry of operations(root)) {
      const parameter = effectiveParameters(entry, refs).find((p) => p['in'] === options.in && same(p['name']));
      const operation = `${entry.method.toUpperCase()} ${entry.pathKey}`;
      if (parameter === undefined) {
        results.push({
          message: `${operation} does not take the ${options.in} ${options.name}${why}.`,
          path: [...context.path, ...entry.path],
        });
      } else if (parameter['required'] !== true) {
        results.push({
          message: `${operation} takes the ${options.in} ${options.name} as optional: it is mandatory${why}.`,
          path: [...context.path, ...entry.path],
        });
      }
    }
    return results;
  },
);
