import { existsSync, readdirSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { Ruleset } from '@stoplight/spectral-core';
import type { RulesetDefinition } from '@stoplight/spectral-core';
import { UsageError } from '../errors.js';
import { FUNCTIONS_DIR } from '../paths.js';
import { isDataOnly, SPECTRAL_RULESETS } from './configFile.js';
import type { ApistyleConfig } from './configFile.js';
import { commonJsExports } from './commonjs.js';
import { builtinDefinition, builtinRulesetFile, describeRulesetError, isBuiltinRuleset, loadRulesetFile } from './rulesets.js';

export { CONFIG_FILE_NAMES, configDir, findConfigFile, readConfig, resolveFromConfig } from './configFile.js';
export type { ApistyleConfig } from './configFile.js';

/** `extends: [psa]` names a built-in; Spectral's loader wants a file, so the name becomes the built-in's path. */
function withBuiltinExtends(ruleset: Record<string, unknown>): Record<string, unknown> {
  const mapName = (entry: unknown): unknown => {
    if (typeof entry === 'string') return isBuiltinRuleset(entry) ? builtinRulesetFile(entry) : entry;
    if (Array.isArray(entry) && typeof entry[0] === 'string') return [mapName(entry[0]), ...entry.slice(1)];
    return entry;
  };
  const mapExtends = (value: unknown): unknown => (Array.isArray(value) ? value.map(mapName) : mapName(value));
  const result: Record<string, unknown> = { ...ruleset };
  if ('extends' in result) result['extends'] = mapExtends(result['extends']);
  if (Array.isArray(result['overrides'])) {
    result['overrides'] = result['overrides'].map((override: unknown) =>
      typeof override === 'object' && override !== null && 'extends' in override
        ? { ...override, extends: mapExtends((override as { extends: unknown }).extends) }
        : override,
    );
  }
  return result;
}

async function definitionOf(name: string): Promise<RulesetDefinition> {
  const spectralName = SPECTRAL_RULESETS[name];
  if (spectralName === undefined) return builtinDefinition(name);
  const spectralRulesets = commonJsExports(await import('@stoplight/spectral-rulesets')) as unknown as Record<string, RulesetDefinition>;
  return spectralRulesets[spectralName]!;
}

async function composedExtends(value: unknown): Promise<unknown> {
  const one = async (entry: unknown) =>
    Array.isArray(entry) ? [await definitionOf(String(entry[0])), entry[1]] : definitionOf(String(entry));
  return Array.isArray(value) ? Promise.all(value.map(one)) : one(value);
}

async function composeDataOnly(config: ApistyleConfig, ruleset: Record<string, unknown>): Promise<Ruleset> {
  const definition: Record<string, unknown> = { ...ruleset };
  if (definition['extends'] !== undefined) definition['extends'] = await composedExtends(definition['extends']);
  if (Array.isArray(definition['overrides'])) {
    definition['overrides'] = await Promise.all(
      definition['overrides'].map(async (o: Record<string, unknown>) =>
        o['extends'] === undefined ? o : { ...o, extends: await composedExtends(o['extends']) },
      ),
    );
  }
  try {
    return new Ruleset(definition as RulesetDefinition, { severity: 'recommended', source: config.path });
  } catch (error) {
    throw new UsageError(`ruleset ${config.path}: ${describeRulesetError(error, ruleset)}`);
  }
}

/** The function names a ruleset's own rules call (`then.function`). */
function calledFunctions(ruleset: Record<string, unknown>): Set<string> {
  const names = new Set<string>();
  const rules = ruleset['rules'];
  if (typeof rules !== 'object' || rules === null) return names;
  for (const rule of Object.values(rules)) {
    const then = typeof rule === 'object' && rule !== null ? (rule as { then?: unknown }).then : undefined;
    for (const step of Array.isArray(then) ? then : [then]) {
      const name = typeof step === 'object' && step !== null ? (step as { function?: unknown }).function : undefined;
      if (typeof name === 'string') names.add(name);
    }
  }
  return names;
}

/**
 * A config that (re)defines a rule with one of apistyle's functions (to give the built-in
 * `qualicharge-rate-limit-policy` its own table, say) gets those functions by name, as its
 * extended rulesets do, without having to point `functionsDir` into node_modules.
 */
function withApistyleFunctions(ruleset: Record<string, unknown>, configPath: string): Record<string, unknown> {
  if ('functionsDir' in ruleset || 'functions' in ruleset || !existsSync(FUNCTIONS_DIR)) return ruleset;
  const ours = new Set(
    readdirSync(FUNCTIONS_DIR)
      .filter((f) => f.endsWith('.js'))
      .map((f) => f.slice(0, -'.js'.length)),
  );
  const used = [...calledFunctions(ruleset)].filter((name) => ours.has(name));
  if (used.length === 0) return ruleset;
  const functionsDir = relative(dirname(configPath), FUNCTIONS_DIR).split(sep).join('/');
  return { ...ruleset, functionsDir, functions: used };
}

/**
 * Loads the config's ruleset part as if it were a ruleset file next to the config: composed
 * directly when it is data only, else with Spectral's own loader (`viaBundler` forces that path).
 */
export async function loadConfigRuleset(config: ApistyleConfig, { viaBundler = false } = {}): Promise<Ruleset | undefined> {
  if (config.ruleset === undefined) return undefined;
  if (!viaBundler && isDataOnly(config.ruleset)) return composeDataOnly(config, config.ruleset);
  const ruleset = withApistyleFunctions(withBuiltinExtends(config.ruleset), config.path);
  return loadRulesetFile(config.path, { [resolve(config.path)]: JSON.stringify(ruleset) });
}
