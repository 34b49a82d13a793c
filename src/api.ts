import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ResultCache, hashText } from './core/cache.js';
import { VERSION } from './core/packageInfo.js';
import type { Ruleset } from '@stoplight/spectral-core';
import { findConfigFile, loadConfigRuleset, readConfig } from './core/config.js';
import type { ApistyleConfig } from './core/config.js';
import { Engine } from './core/linter.js';
import type { LintInput } from './core/linter.js';
import { projectRootFor } from './core/paths.js';
import { DEFAULT_RULESET, loadRuleset, loadRulesets } from './core/rulesets.js';
import type { LintReport } from './core/types.js';

export interface LintOptions {
  /**
   * The ruleset: a loaded one, a built-in name or ruleset file, or several of them. By default,
   * the ruleset of the apistyle config found from `cwd` upward, else `recommended`.
   */
  ruleset?: Ruleset | string | readonly string[];
  /** Where relative paths and the config lookup start (default: `process.cwd()`). */
  cwd?: string;
  /** `$ref`s may not leave this directory (default: the config's directory, else the repository root, else `cwd`). */
  projectRoot?: string;
  /** Fetch http(s) `$ref`s (default: refused). */
  allowRemoteRefs?: boolean;
}

export interface RulesetChoice {
  /** Ruleset names or files given explicitly; they win over the config. */
  rulesets?: readonly string[];
  cwd: string;
  config?: ApistyleConfig;
}

/** The ruleset a run uses: the ones named, else the config's, else `recommended`. */
export async function chooseRuleset({ rulesets = [], cwd, config }: RulesetChoice): Promise<Ruleset> {
  if (rulesets.length > 0) return loadRulesets(rulesets, cwd);
  const fromConfig = config === undefined ? undefined : await loadConfigRuleset(config);
  return fromConfig ?? loadRuleset(DEFAULT_RULESET);
}

export interface Session {
  /** The config found from `cwd` upward (or named), if any. */
  config: ApistyleConfig | undefined;
  ruleset: Ruleset;
  engine: Engine;
  /** The result cache, when one was asked for: save it after linting. */
  cache: ResultCache | undefined;
}

export interface SessionOptions extends LintOptions {
  /** An explicit config file; by default one is searched from `cwd` upward. */
  configPath?: string;
  /** Keep findings of unchanged documents in this file and reuse them. */
  cacheLocation?: string;
}

/** What, besides a document and the files it references, decides its findings. */
function cacheKey(ruleset: Ruleset, config: ApistyleConfig | undefined, allowRemoteRefs: boolean): string {
  const configText = config === undefined ? '' : readFileSync(config.path, 'utf8');
  return hashText(JSON.stringify({ version: VERSION, ruleset, configText, allowRemoteRefs }));
}

/** Everything a run needs, decided once: the config, the ruleset it implies, and an engine with the `$ref` policy. */
export async function openSession(options: SessionOptions = {}): Promise<Session> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const configPath = options.configPath === undefined ? findConfigFile(cwd) : resolve(cwd, options.configPath);
  const config = configPath === undefined ? undefined : readConfig(configPath);
  const named = options.ruleset;
  const ruleset =
    typeof named === 'object' && !Array.isArray(named)
      ? (named as Ruleset)
      : await chooseRuleset({
          rulesets: named === undefined ? [] : typeof named === 'string' ? [named] : (named as readonly string[]),
          cwd,
          ...(config !== undefined ? { config } : {}),
        });
  const allowRemoteRefs = options.allowRemoteRefs ?? false;
  const cache = options.cacheLocation === undefined ? undefined : await ResultCache.open(resolve(cwd, options.cacheLocation), cacheKey(ruleset, config, allowRemoteRefs));
  const engine = new Engine({
    ruleset,
    projectRoot: options.projectRoot ?? projectRootFor(cwd, configPath),
    allowRemoteRefs,
    ...(cache !== undefined ? { cache } : {}),
  });
  return { config, ruleset, engine, cache };
}

/**
 * Lints documents (file paths, or `{source, text}` for text in memory) and returns every finding,
 * input problems included, as Spectral-shaped objects. Throws `UsageError` for a bad ruleset or config.
 */
export async function lint(documents: readonly LintInput[], options: LintOptions = {}): Promise<LintReport> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const { engine } = await openSession({ ...options, cwd });
  return engine.lint(documents.map((document) => (typeof document === 'string' ? resolve(cwd, document) : document)));
}
