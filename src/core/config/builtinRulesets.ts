// The built-in rulesets by name, known without loading any of them.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RULESETS_DIR } from '../paths.js';

export const DEFAULT_RULESET = 'recommended';

/** The built-in rulesets: one Spectral-compatible YAML file each in `rulesets/`. */
export function builtinRulesetNames(): string[] {
  return readdirSync(RULESETS_DIR)
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => file.slice(0, -'.yaml'.length))
    .sort();
}

export function isBuiltinRuleset(spec: string): boolean {
  return /^[a-z][a-z0-9-]*$/.test(spec) && existsSync(builtinRulesetFile(spec));
}

export function builtinRulesetFile(name: string): string {
  return join(RULESETS_DIR, `${name}.yaml`);
}
