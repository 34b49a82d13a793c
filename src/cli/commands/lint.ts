import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { DiagnosticSeverity } from '@stoplight/types';
import { openSession } from '../../api.js';
import { configDir } from '../../core/config.js';
import type { ApistyleConfig } from '../../core/config.js';
import { decodeText, inputProblem, STDIN_SOURCE } from '../../core/documents.js';
import { ruleDocUrl } from '../../core/docs.js';
import { UsageError } from '../../core/errors.js';
import { EXIT_ERROR, exitCodeFor } from '../../core/exitCode.js';
import { discoverDocuments, expandPatterns } from '../../core/files.js';
import type { LintInput } from '../../core/linter.js';
import { builtinRulesetNames } from '../../core/rulesets.js';
import { severityFromName, SEVERITY_NAMES } from '../../core/severity.js';
import type { Finding, LintReport, SeverityName } from '../../core/types.js';
import { FORMAT_NAMES, FORMATTERS } from '../../formatters/index.js';
import type { FormatName } from '../../formatters/index.js';
import { readStdin, restoreStdinArgument, useColor, writeFileAtomic } from '../io.js';
import type { CommandResult } from '../result.js';
import { compareReport } from '../comparison.js';
import { dirname } from 'node:path';
import { entriesFor, IGNORE_FILE_NAME, ignoreFilePath, readIgnoreFile, suppressIgnored, withEntries, writeIgnoreFile } from '../../core/ignoreFile.js';
import { projectRootFor } from '../../core/paths.js';
import type { FixedDocument } from '../fix.js';

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
      describe: 'OpenAPI documents or globs to lint ("-" reads standard input). Default: the config\'s "files", else every OpenAPI document under the current directory',
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
      describe: 'Config file. Default: apistyle.config.yaml or .apistyle.yaml, searched from the current directory upward',
      type: 'string',
      requiresArg: true,
    })
    .option('format', {
      alias: 'f',
      describe: 'Output format',
      choices: FORMAT_NAMES,
      default: 'stylish' as FormatName,
    })
    .option('output', { alias: 'o', describe: 'Write the report to this file instead of standard output', type: 'string', requiresArg: true })
    .option('fail-severity', {
      alias: 'F',
      describe: 'Exit with 1 when a finding is at least this severe',
      choices: SEVERITY_NAMES,
      default: 'error' as SeverityName,
    })
    .option('quiet', { alias: 'q', describe: 'Report errors only', type: 'boolean', default: false })
    .option('allow-remote-refs', { describe: 'Fetch http(s) $refs (refused by default)', type: 'boolean', default: false })
    .option('color', { describe: 'Colour the stylish output (default: on a terminal, unless NO_COLOR is set)', type: 'boolean' })
    .option('cache', { describe: 'Reuse the findings of documents unchanged since the last run (their $ref\'d files, the ruleset and apistyle included)', type: 'boolean', default: false })
    .option('cache-location', { describe: 'The cache file', type: 'string', default: '.apistylecache', requiresArg: true })
    .option('workers', { describe: 'Worker threads for many documents (1: none). Default: as many as the files are worth, up to the cores', type: 'number', requiresArg: true })
    .option('baseline', { describe: 'Report only the findings this baseline file does not hold (the exit code is decided on them)', type: 'string', requiresArg: true, conflicts: 'since' })
    .option('write-baseline', { describe: 'Write the findings of this run to this baseline file (those of files not linted now are kept)', type: 'string', requiresArg: true })
    .option('since', { describe: 'Report only findings on operations, schemas and components added or changed since this git commit, branch or tag', type: 'string', requiresArg: true })
    .option('report-suppressed', { describe: 'List the findings silenced by x-lint-ignore / x-zally-ignore (stylish, markdown, sarif), not just count them', type: 'boolean', default: false })
    .option('skip-non-openapi', { describe: 'Skip named files that are not OpenAPI documents instead of reporting them (for pre-commit hooks)', type: 'boolean', default: false })
    .option('fix', { describe: 'Apply the mechanical fixes to the documents in place, then report what is left', type: 'boolean', default: false })
    .option('fix-dry-run', { describe: 'Print the mechanical fixes as a unified diff instead of the report; change nothing', type: 'boolean', default: false })
    .option('write-ignore', { describe: `Record every current finding in ${IGNORE_FILE_NAME} (next to the config), so that it is no longer reported`, type: 'boolean', default: false })
    .example('$0 lint', 'Lint the OpenAPI documents under the current directory')
    .example('$0 lint api.yaml -r recommended -r ./team-ruleset.yaml', 'Lint one document with a built-in and a Spectral ruleset')
    .example('$0 lint "specs/**/*.yaml" -f sarif -o apistyle.sarif', 'Write SARIF for code scanning')
    .example('cat api.json | $0 lint -', 'Lint standard input') as unknown as Argv<LintArgs>;
}

function unmatched(pattern: string): Finding {
  return inputProblem(pattern, 'unreadable-file', 'no file matches this name or pattern');
}

async function collectInputs(args: LintArgs, cwd: string, config: ApistyleConfig | undefined): Promise<{ inputs: LintInput[]; problems: Finding[] }> {
  if (args.documents.length > 0) {
    const selection = await expandPatterns(restoreStdinArgument(args.documents), cwd);
    const inputs: LintInput[] = [...selection.files];
    const problems = selection.unmatched.map(unmatched);
    if (selection.stdin) {
      const text = decodeText(await readStdin(), STDIN_SOURCE);
      if (typeof text === 'string') inputs.push({ source: STDIN_SOURCE, text });
      else problems.push(text);
    }
    return { inputs, problems };
  }
  if (config?.files !== undefined) {
    const selection = await expandPatterns(config.files, configDir(config));
    return { inputs: selection.files, problems: selection.unmatched.map(unmatched) };
  }
  const found = await discoverDocuments(cwd);
  if (found.length === 0) {
    throw new UsageError(`no OpenAPI documents found under ${cwd} (files with a top-level "openapi" or "swagger" key); name the files to lint`);
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

async function run(args: LintArgs): Promise<number> {
  const cwd = process.cwd();
  const session = await openSession({
    cwd,
    ...(args.config !== undefined ? { configPath: args.config } : {}),
    ...(args.ruleset !== undefined ? { ruleset: args.ruleset } : {}),
    allowRemoteRefs: args['allow-remote-refs'],
    ...(args.cache ? { cacheLocation: args['cache-location'] } : {}),
    ...(args.workers !== undefined ? { workers: args.workers } : {}),
  });
  const { config, ruleset, cache } = session;
  const { inputs, problems } = await collectInputs(args, cwd, config);
  const ignorePath = ignoreFilePath(config?.path, projectRootFor(cwd, config?.path));
  let ignores = readIgnoreFile(ignorePath);
  // Loaded for --fix only: a plain lint does not pay for the fixes and the diff.
  const fixing = args.fix || args['fix-dry-run'] ? await import('../fix.js') : undefined;
  const fixed: FixedDocument[] = fixing === undefined ? [] : await fixing.fixDocuments(session.engine, inputs, ignores);
  if (args.fix) {
    await fixing!.writeFixed(fixed);
    if (fixed.length > 0) process.stderr.write(`apistyle: fixed ${fixed.reduce((n, d) => n + d.fixes, 0)} findings in ${fixed.length} files\n`);
  }
  const fixedText = new Map(fixed.map((document) => [document.source, document.fixed]));
  const linted = args['fix-dry-run'] ? inputs.map((input) => (typeof input === 'string' && fixedText.has(input) ? { source: input, text: fixedText.get(input)! } : input)) : inputs;
  let report = withProblems(await session.lint(linted), problems);
  if (args['write-ignore']) {
    // Every finding, the ignored ones included, so that identical findings keep their occurrence numbers.
    ignores = withEntries(ignores, entriesFor(report.findings, dirname(ignorePath)));
    await writeIgnoreFile(ignores);
    process.stderr.write(`apistyle: ${ignores.entries.length} findings recorded in ${ignorePath}\n`);
  }
  report = suppressIgnored(report, ignores);
  await cache?.save().catch((error: unknown) => process.stderr.write(`apistyle: cannot write the cache: ${(error as Error).message}\n`));
  const texts = new Map(inputs.filter((input) => typeof input !== 'string').map((input) => [input.source, input.text]));
  report = await compareReport(report, { baseline: args.baseline, writeBaseline: args['write-baseline'], since: args.since, skipNonOpenApi: args['skip-non-openapi'], texts }, cwd);
  if (args.quiet) {
    const errors = report.findings.filter((finding) => finding.severity === DiagnosticSeverity.Error);
    report = { ...report, findings: errors };
  }

  const failSeverity = severityFromName(args['fail-severity']);
  if (args['fix-dry-run']) {
    process.stdout.write(fixing!.unifiedDiff(fixed, cwd));
    return exitCodeFor(report, failSeverity);
  }
  const output = FORMATTERS[args.format](report, {
    cwd,
    ruleset,
    failSeverity,
    color: useColor(args.color, args.output !== undefined),
    reportSuppressed: args['report-suppressed'],
    docUrl: (id) => ruleDocUrl(id, ruleset),
    texts: new Map(inputs.flatMap((input) => (typeof input === 'string' ? [] : [[input.source, input.text] as const]))),
  });
  if (args.output !== undefined) {
    try {
      await writeFileAtomic(args.output, output);
    } catch (error) {
      throw new UsageError(`cannot write ${args.output}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  } else {
    process.stdout.write(output);
  }
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
