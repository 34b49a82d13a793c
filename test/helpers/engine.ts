import { loadRuleset } from '../../src/core/config/rulesets.js';
import type { Ruleset } from '@stoplight/spectral-core';

const rulesets = new Map<string, Promise<Ruleset>>();

/** A built-in ruleset, loaded once per test process. */
export function builtinRuleset(rulesetName: string): Promise<Ruleset> {
  if (!rulesets.has(rulesetName)) rulesets.set(rulesetName, loadRuleset(rulesetName));
  return rulesets.get(rulesetName)!;
}
