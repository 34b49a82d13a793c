import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Ruleset } from '@stoplight/spectral-core';
import { BUILD_ID } from '../buildId.js';
import { DEFAULT_RULESET, isBuiltinRuleset } from '../config/builtinRulesets.js';
import { hashText, ResultCache } from './cache.js';
import { findConfigFile, isDataOnly, readConfig } from '../config/configFile.js';
import type { ApistyleConfig } from '../config/configFile.js';
import { DocumentResult } from '../results/documentResult.js';
import { isInputProblem } from '../results/findings.js';
import type { Engine, LintedInput, LintInput } from '../engine/engine.js';
import { IgnoreFileState } from '../silence/ignoreFileState.js';
import type { IgnoreFileProblem } from '../silence/ignoreFileState.js';
import type { IgnoreList } from '../silence/ignoreList.js';
import { ignoreFilePath, isInside } from '../paths.js';
import { projectRootOf } from '../config/projectRoot.js';
import { workersFor } from './pool.js';
import type { SessionOptions } from './sessionOptions.js';
import type { Finding, InputProblem, LintReport } from '../results/types.js';
import type { FixLookup } from '../../fixes/index.js';
import { inputProblem, STDIN_SOURCE } from '../parse/text.js';

// Spectral, the rulesets and the engine are imported when a run first needs them: a run that the
// result cache answers completely starts without them.

export interface RulesetChoice {
  /** Ruleset names or files given explicitly; they win over the config. */
  rulesets?: readonly string[];
  cwd: string;
  config?: ApistyleConfig;
}

/** The ruleset a run uses: the ones named, else the config's, else `recommended`. */
export async function chooseRuleset({ rulesets = [], cwd, config }: RulesetChoice): Promise<Ruleset> {
  const { loadRuleset, loadRulesets } = await import('../config/rulesets.js');
  if (rulesets.length > 0) return loadRulesets(rulesets, cwd);
  const fromConfig = config === undefined ? undefined : await (await import('../config/configRuleset.js')).loadConfigRuleset(config);
  return fromConfig ?? loadRuleset(DEFAULT_RULESET);
}

export interface Session {
  /** The config file found from `cwd` upward (or named), if any. */
  configPath: string | undefined;
  /** The directory a document's `$ref`s may not leave (see `projectRootOf`), or the one the options fixed for all. */
  projectRootOf(source: string): string;
  /**
   * The config, read and checked at the first call (throws `UsageError` for a bad one). A run the
   * cache answers completely need not read it: its text is part of the cache's key, so it is the
   * text of a run that did.
   */
  config(): ApistyleConfig | undefined;
  /** The result cache, when one was asked for: save it after linting. */
  cache: ResultCache | undefined;
  /** The ruleset, loaded at the first call. */
  ruleset(): Promise<Ruleset>;
  /** The engine for a document (its project root decides what its `$ref`s may reach), made at the first call; by default, for a document in `cwd`. */
  engine(source?: string): Promise<Engine>;
  /** Lints documents, across worker threads when there are enough of them. */
  lint(documents: readonly LintInput[]): Promise<LintReport>;
  /** Lints documents as `lint` does, and gives each one's result in their order, cached ones unparsed. */
  lintEach(documents: readonly LintInput[]): Promise<DocumentResult[]>;
  /**
   * Lints text afresh, every file it `$ref`s read again (a long-running client: files change
   * between runs), with the same suppressions as `lintEach`; says which files it `$ref`s.
   */
  lintText(source: string, text: string): Promise<{ result: DocumentResult; referencedFiles: string[] }>;
  /**
   * The documents' mechanical fixes, applied in memory; findings the documents or the ignore file
   * silence are left alone. Gives the documents a fix changed or failed on. `fixOf` replaces the
   * lookup of a finding's fix (tests give faulty ones).
   */
  fix(documents: readonly LintInput[], fixOf?: FixLookup): Promise<FixedDocument[]>;
  /** The project's ignore file (`.apistyle-ignore.yaml` beside the config, else at the project root). */
  ignorePath: string;
  /** Its entries, read again when it changed; throws `UsageError` for a broken one (unless the last good one is kept). */
  ignoreFile(): Promise<IgnoreList>;
  /** What is wrong with the ignore file, while the last good one stands in for it. */
  ignoreFileProblem(): IgnoreFileProblem | undefined;
  /** Forgets the ignore file read: the next lint reads it again (it was just written). */
  forgetIgnoreFile(): void;
}

/** A document with its mechanical fixes applied in memory. */
export interface FixedDocument {
  source: string;
  original: string;
  fixed: string;
  /** How many fixes were applied. */
  fixes: number;
  /** The fixes that failed, as `linter-error` findings at the findings they were for. */
  failures: InputProblem[];
}

type NamedRuleset = SessionOptions['ruleset'];

function isLoaded(named: NamedRuleset): named is Ruleset {
  return typeof named === 'object' && !Array.isArray(named);
}

/**
 * What decides the rules, when that is known without loading them: built-in rulesets by name, or
 * a config that only extends built-in ones and sets severities (its text is part of the key).
 * Undefined when rulesets of the user's own files are involved: they are loaded to be told apart.
 */
function rulesetIdentity(named: NamedRuleset, configOf: () => ApistyleConfig | undefined): string | undefined {
  if (isLoaded(named)) return undefined;
  const names = named === undefined ? [] : typeof named === 'string' ? [named] : [...named];
  if (names.length > 0) return names.every(isBuiltinRuleset) ? `built-in ${names.join(' ')}` : undefined;
  const config = configOf();
  if (config?.ruleset === undefined) return `built-in ${DEFAULT_RULESET}`;
  return isDataOnly(config.ruleset) ? 'config' : undefined;
}

/** Everything a run needs, decided once: the config, the ruleset it implies, and an engine with the `$ref` policy. */
export async function openSession(options: SessionOptions = {}): Promise<Session> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const configPath =
    options.configPath === null ? undefined : options.configPath === undefined ? findConfigFile(cwd) : resolve(cwd, options.configPath);
  let config: ApistyleConfig | undefined;
  const readConfigOnce = (): ApistyleConfig | undefined => (config ??= configPath === undefined ? undefined : readConfig(configPath));
  const named = options.ruleset;
  const allowRemoteRefs = options.allowRemoteRefs ?? false;
  const fixedRoot = options.projectRoot === undefined ? undefined : resolve(cwd, options.projectRoot);
  // A config named for every document is the nearest config of the documents under its folder.
  const namedConfigDir = typeof options.configPath === 'string' && configPath !== undefined ? dirname(configPath) : undefined;
  const rootOf = (source: string | undefined): string => {
    if (fixedRoot !== undefined) return fixedRoot;
    const document = source === undefined || source === STDIN_SOURCE ? undefined : resolve(cwd, source);
    if (namedConfigDir !== undefined && isInside(namedConfigDir, document ?? cwd)) return namedConfigDir;
    return projectRootOf(document, cwd);
  };

  let loadingRuleset: Promise<Ruleset> | undefined;
  const loadRuleset = (): Promise<Ruleset> => {
    if (isLoaded(named)) return Promise.resolve(named);
    const config = readConfigOnce();
    return chooseRuleset({
      rulesets: named === undefined ? [] : typeof named === 'string' ? [named] : named,
      cwd,
      ...(config !== undefined ? { config } : {}),
    });
  };
  const ruleset = (): Promise<Ruleset> => (loadingRuleset ??= loadRuleset());
  // One engine per project root: the documents of one config may lie in several repositories.
  const engines = new Map<string, Promise<Engine>>();
  const engineAt = (projectRoot: string): Promise<Engine> => {
    let making = engines.get(projectRoot);
    if (making === undefined) {
      making = Promise.all([ruleset(), import('../engine/engine.js')]).then(
        ([loaded, { Engine }]) =>
          new Engine({
            ruleset: loaded,
            projectRoot,
            allowRemoteRefs,
            ...(options.readOverride !== undefined ? { readOverride: options.readOverride } : {}),
            ...(options.lintBrokenDocuments !== undefined ? { lintBrokenDocuments: options.lintBrokenDocuments } : {}),
          }),
      );
      engines.set(projectRoot, making);
    }
    return making;
  };
  const engine = (source?: string): Promise<Engine> => engineAt(rootOf(source));
  const ignores = new IgnoreFileState(ignoreFilePath(configPath, rootOf(undefined)), options.keepLastGoodIgnoreFile ?? false);

  const cache: ResultCache | undefined =
    options.resultCache ??
    (options.cacheLocation === undefined ? undefined : await ResultCache.open(resolve(cwd, options.cacheLocation), options.cacheStrategy));
  /** What, besides a document and its files, decides its findings: the cache key of its entry. */
  let cacheKeyOf: (source: string) => string = () => '';
  if (cache === undefined) {
    // Without a cache, everything is needed: a bad config or ruleset is reported before any document.
    readConfigOnce();
    await ruleset();
  } else {
    const rules = rulesetIdentity(named, readConfigOnce) ?? JSON.stringify(await ruleset());
    const configText = configPath === undefined ? '' : readFileSync(configPath, 'utf8');
    const decided = JSON.stringify({ build: BUILD_ID, rules, configText, allowRemoteRefs });
    cacheKeyOf = (source) => hashText(`${decided}\n${rootOf(source)}`);
  }

  // Workers open the same session from these options, so they must describe the ruleset by name.
  const poolable = !isLoaded(named);
  const workerOptions: SessionOptions = {
    cwd,
    ...(configPath !== undefined ? { configPath } : {}),
    ...(named !== undefined && !isLoaded(named) ? { ruleset: named } : {}),
    ...(fixedRoot !== undefined ? { projectRoot: fixedRoot } : {}),
    allowRemoteRefs,
  };

  const lintEach = async (documents: readonly LintInput[]): Promise<DocumentResult[]> => {
    const inputs = documents.map((d): LintInput => (typeof d === 'string' ? resolve(cwd, d) : d));
    const results: Array<DocumentResult | undefined> = inputs.map((input) => {
      const hit =
        typeof input === 'string'
          ? cache?.lookup(input, cacheKeyOf(input))
          : cache?.lookupText(input.source, cacheKeyOf(input.source), hashText(input.text));
      return hit === undefined ? undefined : DocumentResult.cached(typeof input === 'string' ? input : input.source, hit);
    });
    // Anything to lint means the config must be good, whatever the ruleset.
    if (results.includes(undefined)) readConfigOnce();
    const files = inputs.filter((input, i): input is string => typeof input === 'string' && results[i] === undefined);
    const workers = poolable ? workersFor(files.length, options.workers) : 1;
    const linted =
      workers > 1
        ? await (await import('./pool.js')).lintInPool(files, workerOptions, workers, cache !== undefined)
        : new Map<string, LintedInput>();
    const texts = new Map(inputs.flatMap((input) => (typeof input === 'string' ? [] : [[input.source, input.text] as const])));
    for (const [i, input] of inputs.entries()) {
      if (results[i] !== undefined) continue;
      const source = typeof input === 'string' ? input : input.source;
      const done = linted.get(source) ?? (await (await engine(source)).lintInput(input, cache !== undefined));
      results[i] = await settle(done, texts);
    }
    // The ignore file applies after the cache, which keeps what the rules and the documents say: editing it invalidates nothing.
    const list = await ignores.list();
    return (results as DocumentResult[]).map((result) => result.withIgnoreFile(list));
  };

  const lintText = async (source: string, text: string): Promise<{ result: DocumentResult; referencedFiles: string[] }> => {
    const linted = await (await engine(source)).lintText(source, text);
    const { kept, suppressed } = await (await import('../silence/inlineIgnores.js')).splitSuppressed(
      linted.findings,
      new Map([[source, text]]),
    );
    const result = DocumentResult.linted(source, kept, suppressed).withIgnoreFile(await ignores.list());
    return { result, referencedFiles: linted.referencedFiles };
  };

  const fix = async (documents: readonly LintInput[], fixOf?: FixLookup): Promise<FixedDocument[]> => {
    const [{ fixText }, { readFile }] = await Promise.all([import('../../fixes/apply.js'), import('node:fs/promises')]);
    const fixed: FixedDocument[] = [];
    for (const input of documents) {
      const source = typeof input === 'string' ? resolve(cwd, input) : input.source;
      // A document that cannot be read has nothing to fix: the lint reports it.
      const original = typeof input === 'string' ? await readFile(source, 'utf8').catch(() => undefined) : input.text;
      if (original === undefined) continue;
      // What a fix may touch is what the user sees: never a finding the document or the ignore file silences.
      const reported = async (text: string) => (await lintText(source, text)).result.findings.filter((f) => f.source === source);
      const { text, applied, failures } = await fixText(original, reported, fixOf);
      if (text !== original || failures.length > 0) {
        // A fix that failed is an error that fails the run (exit 2), never a silent no-op.
        const failed = failures.map(
          (failure): InputProblem => ({
            ...inputProblem(
              source,
              'linter-error',
              `the fix for ${failure.finding.code} failed: ${failure.reason}; the finding is left as it is`,
            ),
            path: failure.finding.path,
            range: failure.finding.range,
          }),
        );
        fixed.push({ source, original, fixed: text, fixes: applied.length, failures: failed });
      }
    }
    return fixed;
  };

  /** Applies the documents' own suppressions to a linted document, and stores the outcome in the cache. */
  const settle = async (done: LintedInput, texts: ReadonlyMap<string, string>): Promise<DocumentResult> => {
    const { kept, suppressed } = await (await import('../silence/inlineIgnores.js')).splitSuppressed(done.findings, texts);
    const result = DocumentResult.linted(done.source, kept, suppressed);
    // Input problems are not cached: a fix elsewhere (a created file) must show.
    if (cache !== undefined && done.state !== undefined && !result.hasInputProblem) {
      cache.set(done.source, cacheKeyOf(done.source), {
        state: done.state,
        referencedFiles: done.referencedFiles,
        counts: result.counts,
        items: result.jsonItems,
        suppressedItems: result.suppressedJsonItems,
      });
    }
    return result;
  };

  const lint = async (documents: readonly LintInput[]): Promise<LintReport> => reportOf(await lintEach(documents));
  return {
    configPath,
    projectRootOf: rootOf,
    config: readConfigOnce,
    cache,
    ruleset,
    engine,
    lint,
    lintEach,
    lintText,
    fix,
    ignorePath: ignores.path,
    ignoreFile: () => ignores.list(),
    ignoreFileProblem: () => ignores.problem,
    forgetIgnoreFile: () => ignores.forget(),
  };
}

/** The report of documents' results: their findings in order, input problems, what the documents silenced. */
export function reportOf(results: readonly DocumentResult[]): LintReport {
  const findings: Finding[] = [];
  const suppressed: Finding[] = [];
  // Not push(...): a large document's findings overflow the argument list.
  for (const result of results) {
    for (const finding of result.findings) findings.push(finding);
    for (const finding of result.suppressed) suppressed.push(finding);
  }
  return {
    findings,
    inputProblems: findings.filter(isInputProblem),
    documents: results.map((result) => result.source),
    suppressed: [...suppressed, ...results.flatMap((result) => result.ignored)],
  };
}
