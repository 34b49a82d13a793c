import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { builtinRulesetFile } from '../../src/core/config/rulesets.js';

type Then = { function: string };

function rulesetYaml(rulesetName: string): { rules?: Record<string, { then: Then | Then[] }> } {
  return parse(readFileSync(builtinRulesetFile(rulesetName), 'utf8')) as { rules?: Record<string, { then: Then | Then[] }> };
}

/** The ids of the rules a built-in ruleset file defines itself (not those it extends). */
export function rulesOf(rulesetName: string): string[] {
  return Object.keys(rulesetYaml(rulesetName).rules ?? {});
}

/** The rule functions a rule of a built-in ruleset calls. */
export function functionsOfRule(rulesetName: string, ruleId: string): string[] {
  const then = rulesetYaml(rulesetName).rules?.[ruleId]?.then ?? [];
  return (Array.isArray(then) ? then : [then]).map((step) => step.function);
}
