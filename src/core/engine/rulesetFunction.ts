import { createRulesetFunction } from '@stoplight/spectral-core';
import type { RulesetFunction, RulesetFunctionWithValidator } from '@stoplight/spectral-core';

type Meta = Parameters<typeof createRulesetFunction>[0];

/** The `default` of each top-level option the schema gives one, or undefined when none has. */
export function optionDefaults(schema: Meta['options']): Readonly<Record<string, unknown>> | undefined {
  const properties = schema !== null && typeof schema === 'object' ? (schema as { properties?: unknown }).properties : undefined;
  if (properties === null || typeof properties !== 'object') return undefined;
  const defaults: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(properties)) {
    if (property !== null && typeof property === 'object' && 'default' in property) defaults[name] = property.default;
  }
  return Object.keys(defaults).length > 0 ? Object.freeze(defaults) : undefined;
}

/**
 * `createRulesetFunction`, with the options schema compiled when options are first validated
 * rather than when the module loads. Spectral validates a ruleset's function options when the
 * ruleset is loaded, with these very validators (so stock Spectral users get the same errors);
 * apistyle's own built-in rulesets are validated when they are built, and a run that uses only
 * them compiles no schema at all. Compiling the option schemas of every function cost more than
 * linting a small document.
 *
 * The schema's `default`s are merged into the options before the function runs (Spectral's ajv
 * leaves them out), so the default that the rule docs show from the schema is the one in force.
 */
export function defineRulesetFunction<I, O>(meta: Meta & { input: null }, fn: RulesetFunction<I, O>): RulesetFunctionWithValidator<I, O> {
  let checked: RulesetFunctionWithValidator<I, O> | undefined;
  const spectral = (): RulesetFunctionWithValidator<I, O> => (checked ??= createRulesetFunction<I, O>(meta, fn));
  const defaults = optionDefaults(meta.options);
  const wrapped = function (this: unknown, input: I, options: O, ...rest: unknown[]) {
    const merged = defaults === undefined ? options : ({ ...defaults, ...(options ?? {}) } as O);
    return fn.apply(this, [input, merged, ...rest] as Parameters<RulesetFunction<I, O>>);
  } as RulesetFunctionWithValidator<I, O>;
  Reflect.defineProperty(wrapped, 'name', { value: fn.name });
  wrapped.validator = function validator(options: unknown): void {
    const real: { validator(options: unknown): void } = spectral();
    real.validator(options);
  } as RulesetFunctionWithValidator<I, O>['validator'];
  Reflect.defineProperty(wrapped, 'schemas', { enumerable: false, value: { input: meta.input, options: meta.options } });
  return wrapped;
}
