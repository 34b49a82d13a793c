import { Engine } from '../../src/core/linter.js';
import { loadRuleset } from '../../src/core/rulesets.js';
import type { Finding } from '../../src/core/types.js';
import type { Ruleset } from '@stoplight/spectral-core';

const rulesets = new Map<string, Promise<Ruleset>>();

/** Lints files with a built-in ruleset through the engine (no CLI), rulesets loaded once per test process. */
export async function lintWith(rulesetName: string, files: string[], projectRoot: string): Promise<Finding[]> {
  if (!rulesets.has(rulesetName)) rulesets.set(rulesetName, loadRuleset(rulesetName));
  const engine = new Engine({ ruleset: await rulesets.get(rulesetName)!, projectRoot });
  return (await engine.lint(files)).findings;
}
