import { createRulesetFunction } from '@stoplight/spectral-core';
import type { IFunctionResult } from '@stoplight/spectral-core';
import AjvModule from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { operations } from '../oas/document.js';

export interface RateLimitPolicyOptions {
  /** The extension that carries an operation's policy (default: x-rate-limit). */
  extension?: string;
  /** "presence": every operation declares a policy; "shape": a declared policy matches `schema`. */
  check: 'presence' | 'shape';
  /** With "shape": a JSON Schema (draft 7) the policy must match. */
  schema?: Record<string, unknown>;
}

// ajv is CommonJS and exports its class also as `default`, which both Node's loader and bundlers reach.
const Ajv = AjvModule.default;
const ajv = new Ajv({ allErrors: true, strict: false });
const validators = new WeakMap<object, ValidateFunction>();

function validatorFor(schema: Record<string, unknown>): ValidateFunction {
  let validate = validators.get(schema);
  if (validate === undefined) {
    validate = ajv.compile(schema);
    validators.set(schema, validate);
  }
  return validate;
}

function describe(error: ErrorObject, extension: string): string {
  const where = `${extension}${error.instancePath.replace(/\//g, '.')}`;
  if (error.keyword === 'required') return `${where} has no ${String(error.params['missingProperty'])}`;
  if (error.keyword === 'additionalProperties') return `${where} has an unknown property ${String(error.params['additionalProperty'])}`;
  if (error.keyword === 'enum') return `${where} must be one of ${(error.params['allowedValues'] as unknown[]).map(String).join(', ')}`;
  return `${where} ${error.message ?? 'is not valid'}`;
}

/**
 * Reports operations without a rate-limit policy extension ("presence"), or whose policy does not
 * match the standard's shape ("shape", a JSON Schema given as data so each standard brings its own).
 */
export default createRulesetFunction<unknown, RateLimitPolicyOptions>(
  {
    input: null,
    options: {
      type: 'object',
      additionalProperties: false,
      required: ['check'],
      properties: {
        extension: { type: 'string', pattern: '^x-', description: 'The extension that carries an operation\'s policy (default: x-rate-limit).' },
        check: { enum: ['presence', 'shape'], description: '"presence": every operation declares a policy; "shape": a declared policy matches the schema.' },
        schema: { type: 'object', description: 'With "shape": the JSON Schema (draft 7) a policy must match.' },
      },
    },
  },
  function rateLimitPolicy(root, options, context) {
    const extension = options.extension ?? 'x-rate-limit';
    const results: IFunctionResult[] = [];
    const validate = options.check === 'shape' && options.schema !== undefined ? validatorFor(options.schema) : undefined;
    for (const entry of operations(root)) {
      const policy = entry.operation[extension];
      const operation = `${entry.method.toUpperCase()} ${entry.pathKey}`;
      if (options.check === 'presence') {
        if (policy === undefined) results.push({ message: `${operation} declares no rate-limit policy (${extension}).`, path: [...context.path, ...entry.path] });
        continue;
      }
      if (policy === undefined || validate === undefined || validate(policy)) continue;
      const problems = (validate.errors ?? []).filter((e) => e.keyword !== 'if').map((e) => describe(e, extension));
      results.push({ message: `${operation}: the rate-limit policy is malformed: ${[...new Set(problems)].join('; ')}.`, path: [...context.path, ...entry.path, extension] });
    }
    return results;
  },
);
