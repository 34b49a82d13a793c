import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { Rule } from '@stoplight/spectral-core';
import { parse as parseYaml } from 'yaml';
import { builtinRulesetFile, builtinRulesetNames } from '../../core/config/rulesets.js';

/** Rules of unknown origin (a ruleset composed in memory, Spectral's own rulesets) are grouped under this name. */
export const OTHER_RULESET = 'other';

let builtinOwners: Map<string, string> | undefined;

/** Rule id → built-in ruleset name, read from the rulesets' own files, so no prefix table has to be kept in step. */
function builtinRuleOwners(): Map<string, string> {
  if (builtinOwners !== undefined) return builtinOwners;
  builtinOwners = new Map();
  for (const name of builtinRulesetNames()) {
    const definition = parseYaml(readFileSync(builtinRulesetFile(name), 'utf8')) as { rules?: Record<string, unknown> } | null;
    for (const id of Object.keys(definition?.rules ?? {})) builtinOwners.set(id, name);
  }
  return builtinOwners;
}

/**
 * The ruleset a rule belongs to, as the report groups scores: a built-in ruleset by name (a rule
 * a config redefines under a built-in id still counts for that standard), else the file of the
 * ruleset that defined it, else `other`.
 */
export function rulesetOf(ruleId: string, rules: Readonly<Record<string, Rule>>): string {
  const builtin = builtinRuleOwners().get(ruleId);
  if (builtin !== undefined) return builtin;
  const source = rules[ruleId]?.owner?.source;
  if (typeof source === 'string' && source !== '') return basename(source, extname(source));
  return OTHER_RULESET;
}
