import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { builtinRulesetFile } from '../../src/core/rulesets.js';

/** The ids of the rules a built-in ruleset file defines itself (not those it extends). */
export function rulesOf(rulesetName: string): string[] {
  const ruleset = parse(readFileSync(builtinRulesetFile(rulesetName), 'utf8')) as { rules?: Record<string, unknown> };
  return Object.keys(ruleset.rules ?? {});
}
