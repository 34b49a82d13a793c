import { parseUserYaml } from './userYaml.js';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { Ruleset } from '@stoplight/spectral-core';
import type { RulesetDefinition } from '@stoplight/spectral-core';
import { UsageError } from './errors.js';
import { FUNCTIONS_DIR, findUp } from './paths.js';
import { commonJsExports } from './commonjs.js';
import { builtinDefinition, builtinRulesetFile, describeRulesetError, isBuiltinRuleset, loadRulesetFile } from './rulesets.js';

export const CONFIG_FILE_NAMES = ['apistyle.config.yaml', 'apistyle.config.yml', '.apistyle.yaml', '.apistyle.yml'];

/** Keys of a Spectral ruleset; the config may hold any of them besides its own. */
const RULESET_KEYS = new Set([
  'extends',
  'rules',
  'overrides',
  'functions',
  'functionsDir',
  'formats',
  'parserOptions',
  'aliases',
  'documentationUrl',
  'description',
]);
const CONFIG_KEYS = new Set(['files']);

export interface ApistyleConfig {
  /** Absolute path of the config file. */
  path: string;
  /** Globs of the documents to lint, relative to the config's directory. */
  files: string[] | undefined;
  /** The Spectral ruleset part as written (built-ins named by name); undefined when the config has none. */
  ruleset: Record<string, unknown> | undefined;
}

export function findConfigFile(cwd: string): string | undefined {
  let found: string | undefined;
  findUp(cwd, (dir) => {
    found = CONFIG_FILE_NAMES.map((name) => join(dir, name)).find((file) => existsSync(file));
    return found !== undefined;
  });
  return found;
}

function fail(path: string, message: string): never {
  throw new UsageError(`config ${path}: ${message}`);
}

export function readConfig(path: string): ApistyleConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(path, code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a file' : (error as Error).message);
  }
  const parsed = parseUserYaml(text);
  if ('error' in parsed) fail(path, parsed.error);
  const data = parsed.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) fail(path, 'must be a mapping');
  const record = data as Record<string, unknown>;

  for (const key of Object.keys(record)) {
    if (!CONFIG_KEYS.has(key) && !RULESET_KEYS.has(key)) {
      fail(path, `unknown key "${key}" (expected files, or a Spectral ruleset key: ${[...RULESET_KEYS].join(', ')})`);
    }
  }
  const files = record['files'];
  if (files !== undefined && (!Array.isArray(files) || !files.every((f) => typeof f === 'string' && f !== ''))) {
    fail(path, '"files" must be a list of file names or globs');
  }
  const rulesetEntries = Object.entries(record).filter(([key]) => RULESET_KEYS.has(key));
  const ruleset = rulesetEntries.length > 0 ? Object.fromEntries(rulesetEntries) : undefined;
  return { path, files: files as string[] | undefined, ruleset };
}

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

const SPECTRAL_RULESETS: Record<string, 'oas' | 'asyncapi' | 'arazzo'> = {
  'spectral:oas': 'oas',
  'spectral:asyncapi': 'asyncapi',
  'spectral:arazzo': 'arazzo',
};
const DATA_ONLY_KEYS = new Set(['extends', 'rules', 'overrides', 'parserOptions', 'description', 'documentationUrl']);
const OVERRIDE_KEYS = new Set(['files', 'rules', 'extends', 'parserOptions']);

function isKnownRulesetName(entry: unknown): boolean {
  const name = Array.isArray(entry) ? entry[0] : entry;
  return typeof name === 'string' && (name in SPECTRAL_RULESETS || isBuiltinRuleset(name));
}

function hasOnlyKnownExtends(value: unknown): boolean {
  return value === undefined || (Array.isArray(value) ? value.every(isKnownRulesetName) : isKnownRulesetName(value));
}

function hasOnlySeverities(rules: unknown): boolean {
  return rules === undefined || (typeof rules === 'object' && rules !== null && Object.values(rules).every((v) => ['string', 'number', 'boolean'].includes(typeof v)));
}

/**
 * A config that only extends built-in or Spectral rulesets and sets severities needs no bundling:
 * its definition is composed from the ahead-of-time compiled rulesets, which saves the bundler's
 * start-up. Anything else (rules of its own, functions, other files) goes through Spectral's loader.
 */
function isDataOnly(ruleset: Record<string, unknown>): boolean {
  if (!Object.keys(ruleset).every((key) => DATA_ONLY_KEYS.has(key))) return false;
  if (!hasOnlyKnownExtends(ruleset['extends']) || !hasOnlySeverities(ruleset['rules'])) return false;
  const overrides = ruleset['overrides'];
  if (overrides === undefined) return true;
  return (
    Array.isArray(overrides) &&
    overrides.every(
      (o: unknown) =>
        typeof o === 'object' && o !== null && Object.keys(o).every((key) => OVERRIDE_KEYS.has(key)) &&
        hasOnlyKnownExtends((o as Record<string, unknown>)['extends']) && hasOnlySeverities((o as Record<string, unknown>)['rules']),
    )
  );
}

async function definitionOf(name: string): Promise<RulesetDefinition> {
  const spectralName = SPECTRAL_RULESETS[name];
  if (spectralName === undefined) return builtinDefinition(name);
  const spectralRulesets = commonJsExports(await import('@stoplight/spectral-rulesets')) as unknown as Record<string, RulesetDefinition>;
  return spectralRulesets[spectralName]!;
}

async function composedExtends(value: unknown): Promise<unknown> {
  const one = async (entry: unknown) => (Array.isArray(entry) ? [await definitionOf(String(entry[0])), entry[1]] : definitionOf(String(entry)));
  return Array.isArray(value) ? Promise.all(value.map(one)) : one(value);
}

async function composeDataOnly(config: ApistyleConfig, ruleset: Record<string, unknown>): Promise<Ruleset> {
  const definition: Record<string, unknown> = { ...ruleset };
  if (definition['extends'] !== undefined) definition['extends'] = await composedExtends(definition['extends']);
  if (Array.isArray(definition['overrides'])) {
    definition['overrides'] = await Promise.all(
      definition['overrides'].map(async (o: Record<string, unknown>) => (o['extends'] === undefined ? o : { ...o, extends: await composedExtends(o['extends']) })),
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
  const ours = new Set(readdirSync(FUNCTIONS_DIR).filter((f) => f.endsWith('.js')).map((f) => f.slice(0, -'.js'.length)));
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

export function configDir(config: ApistyleConfig): string {
  return dirname(config.path);
}

export function resolveFromConfig(config: ApistyleConfig, file: string): string {
  return isAbsolute(file) ? file : resolve(configDir(config), file);
}
