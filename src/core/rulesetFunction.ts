import { createRulesetFunction } from '@stoplight/spectral-core';
import type { RulesetFunction, RulesetFunctionWithValidator } from '@stoplight/spectral-core';

type Meta = Parameters<typeof createRulesetFunction>[0];

/**
 * `createRulesetFunction`, with the options schema compiled when options are first validated
 * rather than when the module loads. Spectral validates a ruleset's function options when the
 * ruleset is loaded, with these very validators (so stock Spectral users get the same errors);
 * apistyle's own built-in rulesets are validated when they are built, and a run that uses only
 * them compiles no schema at all. Compiling the option schemas of every function cost more than
 * linting a small document.
 */
export function defineRulesetFunction<I, O>(meta: Meta & { input: null }, fn: RulesetFunction<I, O>): RulesetFunctionWithValidator<I, O> {
  let checked: RulesetFunctionWithValidator<I, O> | undefined;
  const spectral = (): RulesetFunctionWithValidator<I, O> => (checked ??= createRulesetFunction<I, O>(meta, fn));
  const wrapped = function (this: unknown, ...args: Parameters<RulesetFunction<I, O>>) {
    return fn.apply(this, args);
  } as RulesetFunctionWithValidator<I, O>;
  Reflect.defineProperty(wrapped, 'name', { value: fn.name });
  wrapped.validator = function validator(options: unknown): void {
    const real: { validator(options: unknown): void } = spectral();
    real.validator(options);
  } as RulesetFunctionWithValidator<I, O>['validator'];
  Reflect.defineProperty(wrapped, 'schemas', { enumerable: false, value: { input: meta.input, options: meta.options } });
  return wrapped;
}
