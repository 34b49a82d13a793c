import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import type { Ruleset } from '@stoplight/spectral-core';
import { UsageError } from './errors.js';
import { findUp } from './paths.js';
import { builtinRulesetFile, isBuiltinRuleset, loadRulesetFile } from './rulesets.js';

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
  /** The Spectral ruleset part, with built-in names in `extends` replaced by their files; undefined when the config names none. */
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
    fail(path, (error as Error).message);
  }
  const document = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  const [firstError] = document.errors;
  if (firstError !== undefined) {
    const line = firstError.linePos?.[0]?.line;
    fail(path, `${line !== undefined ? `line ${line}: ` : ''}${firstError.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`);
  }
  const data: unknown = document.toJS() ?? {};
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
  const ruleset = rulesetEntries.length > 0 ? withBuiltinExtends(Object.fromEntries(rulesetEntries)) : undefined;
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

/** Loads the config's ruleset part with Spectral's loader, as if it were a ruleset file next to the config. */
export async function loadConfigRuleset(config: ApistyleConfig): Promise<Ruleset | undefined> {
  if (config.ruleset === undefined) return undefined;
  return loadRulesetFile(config.path, { [resolve(config.path)]: JSON.stringify(config.ruleset) });
}

export function configDir(config: ApistyleConfig): string {
  return dirname(config.path);
}

export function resolveFromConfig(config: ApistyleConfig, file: string): string {
  return isAbsolute(file) ? file : resolve(configDir(config), file);
}
