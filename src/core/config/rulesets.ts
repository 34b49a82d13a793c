import { existsSync } from 'node:fs';
import * as fs from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { importCompiledRuleset } from './compiledRulesets.js';
import { commonJsExports } from './commonjs.js';
import { markValidated } from '../engine/trustedRulesets.js';
import { parse as parseYaml } from 'yaml';
import { Ruleset } from '@stoplight/spectral-core';
import type { RulesetDefinition } from '@stoplight/spectral-core';
import { UsageError, oneLine } from '../errors.js';
import { guardRuleFunctions } from '../engine/ruleGuard.js';
import { COMPILED_RULESETS_DIR } from '../paths.js';
import { builtinRulesetFile, builtinRulesetNames, isBuiltinRuleset } from './builtinRulesets.js';

export { builtinRulesetFile, builtinRulesetNames, DEFAULT_RULESET, isBuiltinRuleset } from './builtinRulesets.js';

/** A ruleset as users name it: a built-in name, a ruleset file, or an http(s) URL. */
export type RulesetSpec = string;

/**
 * Loads a built-in ruleset from its ahead-of-time compiled module: the YAML file put through
 * Spectral's own migrator and bundler at build time, so a run does not bundle it again.
 */
export async function builtinDefinition(name: string): Promise<RulesetDefinition> {
  const compiled = join(COMPILED_RULESETS_DIR, `${name}.js`);
  if (!existsSync(compiled)) {
    throw new UsageError(`built-in ruleset "${name}" is not compiled: run "npm run build"`);
  }
  const definition = ((await importCompiledRuleset(compiled, name)) as { default: RulesetDefinition }).default;
  markValidated(definition);
  return definition;
}

async function loadBuiltin(name: string): Promise<Ruleset> {
  return new Ruleset(await builtinDefinition(name), { severity: 'recommended', source: builtinRulesetFile(name) });
}

/** Reads files for Spectral's ruleset loader, serving some paths from memory (the apistyle config's ruleset part). */
export interface VirtualFiles {
  [absolutePath: string]: string;
}

function ioFor(virtualFiles: VirtualFiles) {
  const readFile = (async (path: fs.PathLike | fs.promises.FileHandle, options?: unknown) => {
    const key = typeof path === 'string' ? resolve(path) : undefined;
    if (key !== undefined && key in virtualFiles) return virtualFiles[key];
    return fs.promises.readFile(path, options as BufferEncoding);
  }) as typeof fs.promises.readFile;
  return { fs: { ...fs, promises: { ...fs.promises, readFile } } as typeof fs };
}

/** Loads a Spectral ruleset file (YAML, JSON or JS, custom functions included) with Spectral's own bundler. */
export async function loadRulesetFile(file: string, virtualFiles: VirtualFiles = {}): Promise<Ruleset> {
  const [{ bundleAndLoadRuleset }, { builtins }, { commonjs }, { fetch }] = await Promise.all([
    import('@stoplight/spectral-ruleset-bundler/with-loader').then(commonJsExports),
    import('@stoplight/spectral-ruleset-bundler/plugins/builtins').then(commonJsExports),
    import('@stoplight/spectral-ruleset-bundler/plugins/commonjs').then(commonJsExports),
    import('@stoplight/spectral-runtime').then(commonJsExports),
  ]);
  if (!/^https?:\/\//.test(file) && !(resolve(file) in virtualFiles) && !existsSync(file)) {
    throw new UsageError(`ruleset ${file}: no such file`);
  }
  try {
    return await bundleAndLoadRuleset(file, { ...ioFor(virtualFiles), fetch }, [builtins(), commonjs()]);
  } catch (error) {
    const source = virtualFiles[resolve(file)] ?? readLocalText(file);
    throw new UsageError(`ruleset ${file}: ${describeRulesetError(error, source === undefined ? undefined : parseQuietly(source))}`);
  }
}

/** The ruleset's data, to quote the offending value in a message; undefined when it is not even YAML (the bundler's error says why). */
function parseQuietly(source: string): unknown {
  try {
    return parseYaml(source);
  } catch {
    return undefined;
  }
}

function readLocalText(file: string): string | undefined {
  try {
    return /^https?:\/\//.test(file) || !/\.(ya?ml|json)$/i.test(file) ? undefined : fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Spectral's validation errors, one line each, with the offending value where the message leaves it out. */
export function describeRulesetError(error: unknown, definition: unknown): string {
  const nested = (error as { errors?: unknown[] } | undefined)?.errors;
  if (Array.isArray(nested) && nested.length > 0) {
    return nested.map((inner) => describeRulesetError(inner, definition)).join('; ');
  }
  const path = (error as { path?: unknown } | undefined)?.path;
  if (!Array.isArray(path) || path.length === 0) return oneLine(error);
  let value: unknown = definition;
  for (const segment of path)
    value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[String(segment)] : undefined;
  const shown = typeof value === 'string' ? ` ("${value}")` : '';
  return `${path.join('.')}: ${oneLine(error)}${shown}`;
}

/** Loads one ruleset by built-in name, file path (relative to `cwd`) or URL. */
export async function loadRuleset(spec: RulesetSpec, cwd: string = process.cwd()): Promise<Ruleset> {
  return guardRuleFunctions(await loadRulesetUnguarded(spec, cwd));
}

async function loadRulesetUnguarded(spec: RulesetSpec, cwd: string): Promise<Ruleset> {
  if (isBuiltinRuleset(spec)) return loadBuiltin(spec);
  if (/^https?:\/\//.test(spec)) return loadRulesetFile(spec);
  const file = isAbsolute(spec) ? spec : resolve(cwd, spec);
  if (!existsSync(file) && /^[a-z][a-z0-9-]*$/.test(spec)) {
    throw new UsageError(`unknown ruleset "${spec}": not a built-in (${builtinRulesetNames().join(', ')}) and no such file`);
  }
  return loadRulesetFile(file);
}

/** Loads several rulesets as one: rules of later rulesets win, as in Spectral's `extends`. */
export async function loadRulesets(specs: readonly RulesetSpec[], cwd: string = process.cwd()): Promise<Ruleset> {
  const rulesets = await Promise.all(specs.map((spec) => loadRuleset(spec, cwd)));
  if (rulesets.length === 1 && rulesets[0] !== undefined) return rulesets[0];
  return new Ruleset({ extends: rulesets.map((ruleset) => ruleset.definition) } as RulesetDefinition, {
    severity: 'recommended',
  });
}
