import type { Ruleset } from '@stoplight/spectral-core';
import type { JsonPath } from '@stoplight/types';
import { oneLine } from '../errors.js';

/** A rule whose function threw while linting a document. */
export interface RuleFailure {
  rule: string;
  /** The ruleset file that defines the rule, when it came from one. */
  rulesetFile: string | null;
  functionName: string;
  message: string;
  /** Where in the document it threw first, and how many more times it did. */
  path: JsonPath;
  more: number;
}

type RuleFunction = (input: unknown, options: unknown, context: RuleFunctionContext) => unknown;

interface RuleFunctionContext {
  document: object;
  rule: { name: string; owner?: { source?: string | null } };
  path: JsonPath;
}

const GUARDED = Symbol('apistyle.guarded');
/** Failures by Spectral document: a function's context names the document it lints, so concurrent runs do not mix. */
const failures = new WeakMap<object, Map<string, RuleFailure>>();

function record(context: RuleFunctionContext, functionName: string, error: unknown, rulesetFile: string | null): void {
  let byRule = failures.get(context.document);
  if (byRule === undefined) {
    byRule = new Map();
    failures.set(context.document, byRule);
  }
  const known = byRule.get(context.rule.name);
  if (known !== undefined) {
    known.more += 1;
    return;
  }
  byRule.set(context.rule.name, {
    rule: context.rule.name,
    rulesetFile: rulesetFile ?? context.rule.owner?.source ?? null,
    functionName,
    message: oneLine(error),
    path: [...context.path],
    more: 0,
  });
}

/** A rule function that records what it throws (or rejects with) instead of stopping Spectral's whole run. */
function guarded(original: RuleFunction, rulesetFile: string | null): RuleFunction {
  const wrapper = function (this: unknown, input: unknown, options: unknown, context: RuleFunctionContext): unknown {
    try {
      const result = original.call(this, input, options, context);
      if (result instanceof Promise) {
        return result.catch((error: unknown) => {
          record(context, original.name, error, rulesetFile);
          return undefined;
        });
      }
      return result;
    } catch (error) {
      record(context, original.name, error, rulesetFile);
      return undefined;
    }
  };
  // Spectral names the function in its messages and in the ruleset's JSON (the cache key); keep what it reads.
  for (const key of Reflect.ownKeys(original)) {
    if (key !== 'length' && key !== 'prototype') Object.defineProperty(wrapper, key, Object.getOwnPropertyDescriptor(original, key)!);
  }
  Object.defineProperty(wrapper, GUARDED, { value: true });
  return wrapper;
}

/**
 * Makes every rule function of a ruleset safe to call: one that throws no longer stops the other
 * rules, and its failure is kept for `takeRuleFailures`. Idempotent (the first call, which
 * knows the ruleset's file, wins); the ruleset is changed in place and returned.
 */
export function guardRuleFunctions(ruleset: Ruleset): Ruleset {
  // Rulesets combined later (several -r, extends) forget their files: the wrapper remembers it.
  const rulesetFile = ruleset.source;
  for (const rule of Object.values(ruleset.rules)) {
    for (const then of rule.then as unknown as Array<{ function: RuleFunction & { [GUARDED]?: boolean } }>) {
      if (typeof then.function === 'function' && then.function[GUARDED] !== true) then.function = guarded(then.function, rulesetFile);
    }
  }
  return ruleset;
}

/** The rule failures recorded while linting a document, then forgotten. */
export function takeRuleFailures(document: object): RuleFailure[] {
  const found = failures.get(document);
  failures.delete(document);
  return found === undefined ? [] : [...found.values()];
}

/** One line naming the rule, its ruleset file and what went wrong. */
export function describeRuleFailure(failure: RuleFailure): string {
  const where = failure.rulesetFile === null ? '' : ` (${failure.rulesetFile})`;
  const more = failure.more === 0 ? '' : `, and ${failure.more} more time${failure.more === 1 ? '' : 's'}`;
  return `rule "${failure.rule}"${where} did not run here: its function "${failure.functionName}" threw: ${failure.message}${more}`;
}
