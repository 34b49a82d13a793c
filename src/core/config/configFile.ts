// The apistyle config file: found, read and checked without loading any ruleset.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { isBuiltinRuleset } from './builtinRulesets.js';
import { UsageError, describeReadError } from '../errors.js';
import { findUp } from '../paths.js';
import { parseUserYaml } from '../parse/userYaml.js';

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
    fail(path, describeReadError(error));
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

export const SPECTRAL_RULESETS: Record<string, 'oas' | 'asyncapi' | 'arazzo'> = {
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
  return (
    rules === undefined ||
    (typeof rules === 'object' && rules !== null && Object.values(rules).every((v) => ['string', 'number', 'boolean'].includes(typeof v)))
  );
}

/**
 * A config that only extends built-in or Spectral rulesets and sets severities needs no bundling:
 * its definition is composed from the ahead-of-time compiled rulesets, which saves the bundler's
 * start-up. Anything else (rules of its own, functions, other files) goes through Spectral's loader.
 */
export function isDataOnly(ruleset: Record<string, unknown>): boolean {
  if (!Object.keys(ruleset).every((key) => DATA_ONLY_KEYS.has(key))) return false;
  if (!hasOnlyKnownExtends(ruleset['extends']) || !hasOnlySeverities(ruleset['rules'])) return false;
  const overrides = ruleset['overrides'];
  if (overrides === undefined) return true;
  return (
    Array.isArray(overrides) &&
    overrides.every(
      (o: unknown) =>
        typeof o === 'object' &&
        o !== null &&
        Object.keys(o).every((key) => OVERRIDE_KEYS.has(key)) &&
        hasOnlyKnownExtends((o as Record<string, unknown>)['extends']) &&
        hasOnlySeverities((o as Record<string, unknown>)['rules']),
    )
  );
}

export function configDir(config: ApistyleConfig): string {
  return dirname(config.path);
}

export function resolveFromConfig(config: ApistyleConfig, file: string): string {
  return isAbsolute(file) ? file : resolve(configDir(config), file);
}
