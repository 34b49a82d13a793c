import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ResultCache, hashText } from './core/cache.js';
import { VERSION } from './core/packageInfo.js';
import type { Ruleset } from '@stoplight/spectral-core';
import { findConfigFile, loadConfigRuleset, readConfig } from './core/config.js';
import type { ApistyleConfig } from './core/config.js';
import { Engine, isInputProblem } from './core/linter.js';
import { lintInPool, workersFor } from './core/pool.js';
import { readBytes } from './core/documents.js';
import type { LintInput } from './core/linter.js';
import { projectRootFor } from './core/paths.js';
import { DEFAULT_RULESET, loadRuleset, loadRulesets } from './core/rulesets.js';
import { applySuppressions } from './core/suppression.js';
import type { Finding, LintReport } from './core/types.js';

export interface LintOptions {
  /** Worker threads for many documents: a number (1: none), or by default as many as the files are worth, up to the cores. */
  workers?: number;
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
  /** Lints documents, across worker threads when there are enough of them. */
  lint(documents: readonly LintInput[]): Promise<LintReport>;
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
  // Workers open the same session from these options, so they must describe the ruleset by name.
  const poolable = typeof named !== 'object' || Array.isArray(named);
  const workerOptions: SessionOptions = {
    cwd,
    ...(configPath !== undefined ? { configPath } : {}),
    ...(named !== undefined ? { ruleset: named as string | readonly string[] } : {}),
    projectRoot: options.projectRoot ?? projectRootFor(cwd, configPath),
    allowRemoteRefs,
  };
  const lintDocuments = async (documents: readonly LintInput[]): Promise<LintReport> => {
    const report = await lintUnsuppressed(documents);
    const texts = new Map(documents.filter((d) => typeof d !== 'string').map((d) => [d.source, d.text]));
    return applySuppressions(report, texts);
  };
  const lintUnsuppressed = async (documents: readonly LintInput[]): Promise<LintReport> => {
    const files = documents.filter((d): d is string => typeof d === 'string').map((d) => resolve(cwd, d));
    // Documents the cache holds are not worth a worker.
    const known = new Map<string, Finding[]>();
    const pending: string[] = [];
    for (const file of files) {
      const bytes = cache === undefined ? undefined : await readBytes(file);
      const hit = bytes instanceof Uint8Array ? engine.cached(file, hashText(bytes)) : undefined;
      if (hit !== undefined) known.set(file, hit);
      else pending.push(file);
    }
    const workers = poolable ? workersFor(pending.length, options.workers) : 1;
    if (workers <= 1 && known.size === 0) return engine.lint(documents.map((d) => (typeof d === 'string' ? resolve(cwd, d) : d)));
    const fromPool = workers <= 1 ? known : new Map([...known, ...(await lintInPool(engine, pending, workerOptions, workers))]);
    const findings: Finding[] = [];
    const names: string[] = [];
    for (const document of documents) {
      const source = typeof document === 'string' ? resolve(cwd, document) : document.source;
      names.push(source);
      for (const finding of fromPool.get(source) ?? (await engine.lintOne(typeof document === 'string' ? source : document))) findings.push(finding);
    }
    return { findings, inputProblems: findings.filter(isInputProblem), documents: names };
  };
  return { config, ruleset, engine, cache, lint: lintDocuments };
}

/**
 * Lints documents (file paths, or `{source, text}` for text in memory) and returns every finding,
 * input problems included, as Spectral-shaped objects. Throws `UsageError` for a bad ruleset or config.
 */
export async function lint(documents: readonly LintInput[], options: LintOptions = {}): Promise<LintReport> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const session = await openSession({ ...options, cwd });
  return session.lint(documents);
}
