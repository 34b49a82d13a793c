import { dirname } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { openWorkspace } from '../../core/session/workspace.js';
import type { Workspace } from '../../core/session/workspace.js';
import { reportOf } from '../../core/session/session.js';
import type { Session } from '../../core/session/session.js';
import { builtinRulesetNames } from '../../core/config/builtinRulesets.js';
import { CACHE_STRATEGIES } from '../../core/session/cache.js';
import type { CacheStrategy } from '../../core/session/cache.js';
import { configDir } from '../../core/config/configFile.js';
import { decodeText, inputProblem, STDIN_SOURCE } from '../../core/parse/text.js';
import type { DocumentResult } from '../../core/results/documentResult.js';
import { UsageError, describeWriteError } from '../../core/errors.js';
import { EXIT_ERROR, exitCodeFor, exitCodeFrom } from '../../core/results/exitCode.js';
import { discoverDocuments, exclusionsOf, expandPatterns, STDIN_ARGUMENT, withoutExcluded } from '../../core/files.js';
import type { LintInput } from '../../core/engine/engine.js';
import { IGNORE_FILE_NAME } from '../../core/paths.js';
import { severityFromName, SEVERITY_NAMES } from '../../core/results/severity.js';
import { DiagnosticSeverity } from '@stoplight/types';
import type { Finding, LintReport, SeverityName } from '../../core/results/types.js';
import { jsonOutputChunks, renderJsonItems } from '../../core/results/jsonItems.js';
import { FORMAT_NAMES, loadFormatter } from '../../formatters/names.js';
import type { FormatName } from '../../formatters/names.js';
import { readStdin, restoreStdinArgument, useColor, writeChunksAtomic } from '../io.js';
import type { CommandResult } from '../result.js';
import type { FixedDocument } from '../../core/session/session.js';

interface LintArgs {
  documents: string[];
  ruleset: string[] | undefined;
  config: string | undefined;
  format: FormatName;
  output: string | undefined;
  'fail-severity': SeverityName;
  quiet: boolean;
  'allow-remote-refs': boolean;
  color: boolean | undefined;
  cache: boolean;
  'cache-location': string;
  'cache-strategy': CacheStrategy;
  workers: number | undefined;
  baseline: string | undefined;
  'write-baseline': string | undefined;
  since: string | undefined;
  'report-suppressed': boolean;
  'skip-non-openapi': boolean;
  fix: boolean;
  'fix-dry-run': boolean;
  'write-ignore': boolean;
}

function builder(yargs: Argv): Argv<LintArgs> {
  return yargs
    .positional('documents', {
      describe:
        'OpenAPI documents or globs to lint ("-" reads standard input). Default: the config\'s "files", else every OpenAPI document under the current directory',
      type: 'string',
      array: true,
      default: [],
    })
    .option('ruleset', {
      alias: 'r',
      describe: `Built-in ruleset (${builtinRulesetNames().join(', ')}) or Spectral ruleset file; repeatable. Default: the config's ruleset, else recommended`,
      type: 'string',
      requiresArg: true,
      // Not `array: true`: that would swallow the file names that follow `-r NAME`.
      coerce: (value: string | string[]) => (Array.isArray(value) ? value : [value]),
    })
    .option('config', {
      alias: 'c',
      describe:
        'Config file for every document. Default: for each document, the apistyle.config.yaml or .apistyle.yaml nearest to it (searched from its folder upward)',
      type: 'string',
      requiresArg: true,
    })
    .option('format', {
      alias: 'f',
      describe: 'Output format',
      choices: FORMAT_NAMES,
      default: 'stylish' as FormatName,
    })
    .option('output', {
      alias: 'o',
      describe: 'Write the report to this file instead of standard output',
      type: 'string',
      requiresArg: true,
    })
    .option('fail-severity', {
      alias: 'F',
      describe: 'Exit with 1 when a finding is at least this severe',
      choices: SEVERITY_NAMES,
      default: 'error' as SeverityName,
    })
    .option('quiet', { alias: 'q', describe: 'Report errors only', type: 'boolean', default: false })
    .option('allow-remote-refs', { describe: 'Fetch http(s) $refs (refused by default)', type: 'boolean', default: false })
    .option('color', { describe: 'Colour the stylish output (default: on a terminal, unless NO_COLOR is set)', type: 'boolean' })
    .option('cache', {
      describe: "Reuse the findings of documents unchanged since the last run (their $ref'd files, the ruleset and apistyle included)",
      type: 'boolean',
      default: false,
    })
    .option('cache-location', { describe: 'The cache file', type: 'string', default: '.apistylecache', requiresArg: true })
    .option('cache-strategy', {
      describe:
        'How --cache tells a file is unchanged: metadata (size, times and inode as when last hashed, else hash it again) or content (always hash it)',
      choices: CACHE_STRATEGIES,
      default: 'metadata' as CacheStrategy,
    })
    .option('workers', {
      describe: 'Worker threads for many documents (1: none). Default: as many as the files are worth, up to the cores',
      type: 'number',
      requiresArg: true,
    })
    .option('baseline', {
      describe:
        'Report only the findings this baseline file does not hold (the exit code is decided on them); with --since, only those new to both',
      type: 'string',
      requiresArg: true,
    })
    .option('write-baseline', {
      describe: 'Write the findings of this run to this baseline file (those of files not linted now are kept)',
      type: 'string',
      requiresArg: true,
    })
    .option('since', {
      describe: 'Report only findings on operations, schemas and components added or changed since this git commit, branch or tag',
      type: 'string',
      requiresArg: true,
    })
    .option('report-suppressed', {
      describe: 'List the findings silenced by x-lint-ignore / x-zally-ignore (stylish, markdown, sarif), not just count them',
      type: 'boolean',
      default: false,
    })
    .option('skip-non-openapi', {
      describe: 'Skip named files that are not OpenAPI documents instead of reporting them (for pre-commit hooks)',
      type: 'boolean',
      default: false,
    })
    .option('fix', {
      describe: 'Apply the mechanical fixes to the documents in place, then report what is left',
      type: 'boolean',
      default: false,
    })
    .option('fix-dry-run', {
      describe: 'Print the mechanical fixes as a unified diff instead of the report; change nothing',
      type: 'boolean',
      default: false,
    })
    .option('write-ignore', {
      describe: `Record every current finding in ${IGNORE_FILE_NAME} (next to the config), so that it is no longer reported`,
      type: 'boolean',
      default: false,
    })
    .example('$0 lint', 'Lint the OpenAPI documents under the current directory')
    .example('$0 lint api.yaml -r recommended -r ./team-ruleset.yaml', 'Lint one document with a built-in and a Spectral ruleset')
    .example('$0 lint "specs/**/*.yaml" -f sarif -o apistyle.sarif', 'Write SARIF for code scanning')
    .example('cat api.json | $0 lint -', 'Lint standard input') as unknown as Argv<LintArgs>;
}

function unmatched(pattern: string): Finding {
  return inputProblem(pattern, 'unreadable-file', 'no file matches this name or pattern');
}

async function collectInputs(args: LintArgs, cwd: string, session: Session): Promise<{ inputs: LintInput[]; problems: Finding[] }> {
  const named = restoreStdinArgument(args.documents);
  // Exclusions alone (`apistyle lint "!apis/legacy/**"`) narrow the default selection.
  if (named.some((pattern) => !pattern.startsWith('!'))) {
    const selection = await expandPatterns(named, cwd);
    const inputs: LintInput[] = [...selection.files];
    const problems = selection.unmatched.map(unmatched);
    if (selection.stdin) {
      const text = decodeText(await readStdin(), STDIN_SOURCE);
      if (typeof text === 'string') inputs.push({ source: STDIN_SOURCE, text });
      else problems.push(text);
    }
    return { inputs, problems };
  }
  const exclusions = exclusionsOf(named);
  const config = session.config();
  if (config?.files !== undefined) {
    const selection = await expandPatterns(config.files, configDir(config));
    return { inputs: await withoutExcluded(selection.files, exclusions, cwd), problems: selection.unmatched.map(unmatched) };
  }
  const found = await withoutExcluded(await discoverDocuments(cwd), exclusions, cwd);
  if (found.length === 0) {
    throw new UsageError(
      `no OpenAPI documents found under ${cwd} (files with a top-level "openapi" or "swagger" key${exclusions.length > 0 ? ', not excluded' : ''}); name the files to lint`,
    );
  }
  return { inputs: found, problems: [] };
}

function withProblems(report: LintReport, problems: Finding[]): LintReport {
  if (problems.length === 0) return report;
  const inputProblems = problems as LintReport['inputProblems'];
  return {
    findings: [...inputProblems, ...report.findings],
    inputProblems: [...inputProblems, ...report.inputProblems],
    documents: [...problems.map((p) => p.source), ...report.documents],
    ...(report.suppressed !== undefined ? { suppressed: report.suppressed } : {}),
  };
}

/**
 * Whether the report can be written as each document's JSON items, joined: JSON output with
 * nothing that filters findings across documents. Cached documents are then written as stored.
 */
function writesJsonItems(args: LintArgs): boolean {
  const filtered =
    args.quiet ||
    args.baseline !== undefined ||
    args['write-baseline'] !== undefined ||
    args.since !== undefined ||
    args['skip-non-openapi'];
  const fixing = args.fix || args['fix-dry-run'] || args['write-ignore'];
  return args.format === 'json' && !filtered && !fixing;
}

/** The severities found in documents' results, each once per document that has it (from the counts: cached findings stay unparsed). */
function* severitiesOf(results: readonly DocumentResult[]): Generator<DiagnosticSeverity> {
  for (const result of results) for (const [severity, count] of result.counts.entries()) if (count > 0) yield severity;
}

async function write(args: LintArgs, chunks: ReadonlyArray<string | Uint8Array>): Promise<void> {
  if (args.output === undefined) {
    for (const chunk of chunks) process.stdout.write(chunk);
    return;
  }
  try {
    await writeChunksAtomic(args.output, chunks);
  } catch (error) {
    throw new UsageError(`cannot write ${args.output}: ${describeWriteError(error)}`);
  }
}

async function saveCache(workspace: Workspace): Promise<void> {
  await workspace
    .saveCache()
    .catch((error: unknown) => process.stderr.write(`apistyle: cannot write the cache: ${(error as Error).message}\n`));
}

/**
 * Records every current finding in the ignore file of each document's config, and gives the
 * results with them ignored.
 */
async function writeIgnoreFiles(workspace: Workspace, results: readonly DocumentResult[]): Promise<DocumentResult[]> {
  const ignoring = await import('../../core/silence/ignoreFile.js');
  const bySession = new Map<Session, DocumentResult[]>();
  for (const result of results) {
    const session = await workspace.sessionFor(result.source);
    bySession.set(session, [...(bySession.get(session) ?? []), result]);
  }
  const written = new Map<DocumentResult, DocumentResult>();
  for (const [session, group] of bySession) {
    // Every finding, the ignored ones included, so that identical findings keep their occurrence numbers.
    const all = group.flatMap((result) => result.findingsBeforeIgnoreFile);
    const ignores = ignoring.withEntries(await session.ignoreFile(), ignoring.entriesFor(all, dirname(session.ignorePath)));
    await ignoring.writeIgnoreFile(ignores);
    process.stderr.write(`apistyle: ${ignores.entries.length} findings recorded in ${session.ignorePath}\n`);
    for (const result of group) written.set(result, result.withIgnoreFile(ignores));
  }
  return results.map((result) => written.get(result) ?? result);
}

async function run(args: LintArgs): Promise<number> {
  if (args.fix && restoreStdinArgument(args.documents).includes(STDIN_ARGUMENT)) {
    // There is no file to write the fixed text to, and standard output carries the report: refused,
    // whether or not there would be fixes, as ESLint refuses --fix on standard input.
    throw new UsageError('--fix cannot write standard input back; use --fix-dry-run to print the fixes as a diff');
  }
  const cwd = process.cwd();
  const workspace = await openWorkspace({
    cwd,
    ...(args.config !== undefined ? { configPath: args.config } : {}),
    ...(args.ruleset !== undefined ? { ruleset: args.ruleset } : {}),
    allowRemoteRefs: args['allow-remote-refs'],
    ...(args.cache ? { cacheLocation: args['cache-location'], cacheStrategy: args['cache-strategy'] } : {}),
    ...(args.workers !== undefined ? { workers: args.workers } : {}),
  });
  const { inputs, problems } = await collectInputs(args, cwd, workspace.primary);
  const failSeverity = severityFromName(args['fail-severity']);

  if (writesJsonItems(args)) {
    const results = await workspace.lintEach(inputs);
    await saveCache(workspace);
    await write(args, jsonOutputChunks([renderJsonItems(problems), ...results.map((result) => result.jsonItems)]));
    return exitCodeFrom(problems.length > 0 || results.some((result) => result.hasInputProblem), severitiesOf(results), failSeverity);
  }

  // Loaded for --fix only: a plain lint does not pay for the fixes and the diff.
  const fixing = args.fix || args['fix-dry-run'] ? await import('../fix.js') : undefined;
  const fixed: FixedDocument[] = fixing === undefined ? [] : await workspace.fix(inputs);
  if (args.fix) {
    await fixing!.writeFixed(fixed);
    const changed = fixed.filter((document) => document.fixed !== document.original);
    if (changed.length > 0)
      process.stderr.write(`apistyle: fixed ${changed.reduce((n, d) => n + d.fixes, 0)} findings in ${changed.length} files\n`);
  }
  const fixedText = new Map(fixed.map((document) => [document.source, document.fixed]));
  // --fix-dry-run judges the fixed texts (standard input's included), as --fix would leave them.
  const linted = args['fix-dry-run']
    ? inputs.map((input) => {
        const source = typeof input === 'string' ? input : input.source;
        const text = fixedText.get(source);
        return text === undefined ? input : { source, text };
      })
    : inputs;
  let results = await workspace.lintEach(linted);
  if (args['write-ignore']) results = await writeIgnoreFiles(workspace, results);
  let report = withProblems(reportOf(results), problems);
  if (fixing !== undefined) report = fixing.withFixFailures(report, fixed);
  await saveCache(workspace);
  const texts = new Map(inputs.filter((input) => typeof input !== 'string').map((input) => [input.source, input.text]));
  if (args.baseline !== undefined || args['write-baseline'] !== undefined || args.since !== undefined || args['skip-non-openapi']) {
    const { compareReport } = await import('../comparison.js');
    report = await compareReport(
      report,
      {
        baseline: args.baseline,
        writeBaseline: args['write-baseline'],
        since: args.since,
        skipNonOpenApi: args['skip-non-openapi'],
        texts,
      },
      cwd,
    );
  }
  if (args.quiet) {
    const errors = report.findings.filter((finding) => finding.severity === DiagnosticSeverity.Error);
    report = { ...report, findings: errors };
  }

  if (args['fix-dry-run']) {
    process.stderr.write(fixing!.describeFixFailures(fixed, cwd));
    process.stdout.write(fixing!.unifiedDiff(fixed, cwd));
    return exitCodeFor(report, failSeverity);
  }
  const rules = await workspace.rules();
  const [formatter, { ruleDocUrl }] = await Promise.all([loadFormatter(args.format), import('../../core/docs.js')]);
  const output = formatter(report, {
    cwd,
    rules,
    failSeverity,
    color: useColor(args.color, args.output !== undefined),
    reportSuppressed: args['report-suppressed'],
    docUrl: (id) => ruleDocUrl(id, rules),
    texts: new Map(inputs.flatMap((input) => (typeof input === 'string' ? [] : [[input.source, input.text] as const]))),
  });
  await write(args, [output]);
  return exitCodeFor(report, failSeverity);
}

export function lintCommand(result: CommandResult): CommandModule<object, LintArgs> {
  return {
    command: 'lint [documents..]',
    describe: 'Lint OpenAPI documents',
    builder,
    handler: async (args: ArgumentsCamelCase<LintArgs>) => {
      result.exitCode = EXIT_ERROR;
      result.exitCode = await run(args);
    },
  };
}
