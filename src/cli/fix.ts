import { readFile } from 'node:fs/promises';
import { isAbsolute, relative } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { inputProblem } from '../core/documentText.js';
import { UsageError } from '../core/errors.js';
import { applyIgnores } from '../core/ignoreFile.js';
import type { IgnoreList } from '../core/ignoreFile.js';
import type { Engine, LintInput } from '../core/linter.js';
import type { InputProblem, LintReport } from '../core/types.js';
import { fixText } from '../fixes/apply.js';
import type { FixFailure } from '../fixes/apply.js';
import { fixFor } from '../fixes/index.js';
import type { FixLookup } from '../fixes/index.js';
import { writeFileAtomic } from './io.js';

export interface FixedDocument {
  source: string;
  original: string;
  fixed: string;
  fixes: number;
  /** The fixes that failed, as `linter-error` findings at the findings they were for. */
  failures: InputProblem[];
}

/** A fix that failed, as a finding of its own: an error that fails the run (exit 2), never a silent no-op. */
function failureFinding(source: string, failure: FixFailure): InputProblem {
  return {
    ...inputProblem(source, 'linter-error', `the fix for ${failure.finding.code} failed: ${failure.reason}; the finding is left as it is`),
    path: failure.finding.path,
    range: failure.finding.range,
  };
}

/**
 * Fixes each document in memory (ignored findings are left alone); documents that cannot be read
 * are skipped, the lint reports them. Gives the documents that a fix changed or that a fix failed on.
 */
export async function fixDocuments(
  engine: Engine,
  inputs: readonly LintInput[],
  ignores: IgnoreList,
  fixOf: FixLookup = fixFor,
): Promise<FixedDocument[]> {
  const results: FixedDocument[] = [];
  for (const input of inputs) {
    const source = typeof input === 'string' ? input : input.source;
    const original = typeof input === 'string' ? await readFile(source, 'utf8').catch(() => undefined) : input.text;
    if (original === undefined) continue;
    const lint = async (text: string) =>
      applyIgnores(
        (await engine.lintText(source, text)).findings.filter((f) => f.source === source),
        ignores,
      ).kept;
    const { text, applied, failures } = await fixText(original, lint, fixOf);
    if (text !== original || failures.length > 0)
      results.push({ source, original, fixed: text, fixes: applied.length, failures: failures.map((f) => failureFinding(source, f)) });
  }
  return results;
}

/** The report with the fixes that failed added: each an input problem, so the run exits with 2. */
export function withFixFailures(report: LintReport, documents: readonly FixedDocument[]): LintReport {
  const failures = documents.flatMap((document) => document.failures);
  if (failures.length === 0) return report;
  return { ...report, findings: [...failures, ...report.findings], inputProblems: [...failures, ...report.inputProblems] };
}

/** The failed fixes, one line each, for standard error (--fix-dry-run prints no report). */
export function describeFixFailures(documents: readonly FixedDocument[], cwd: string): string {
  return documents
    .flatMap((document) => document.failures)
    .map((failure) => {
      const name = isAbsolute(failure.source) ? relative(cwd, failure.source) || failure.source : failure.source;
      return `apistyle: ${name}:${failure.range.start.line + 1}:${failure.range.start.character + 1}: ${failure.message}\n`;
    })
    .join('');
}

/** Writes the fixed documents in place, atomically. */
export async function writeFixed(documents: readonly FixedDocument[]): Promise<void> {
  for (const document of documents) {
    if (document.fixed === document.original) continue;
    if (!isAbsolute(document.source)) {
      throw new UsageError(`cannot fix ${document.source} in place (use --fix-dry-run to see the fixes)`);
    }
    try {
      await writeFileAtomic(document.source, document.fixed);
    } catch (error) {
      throw new UsageError(`cannot write ${document.source}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  }
}

/** The fixes as one unified diff, file names relative to `cwd` (a/ and b/ prefixes, as git writes them). */
export function unifiedDiff(documents: readonly FixedDocument[], cwd: string): string {
  return documents
    .filter((document) => document.fixed !== document.original)
    .map((document) => {
      const name = relative(cwd, document.source).split('\\').join('/') || document.source;
      return createTwoFilesPatch(`a/${name}`, `b/${name}`, document.original, document.fixed, undefined, undefined, { context: 3 }).replace(
        /^=+\n/,
        '',
      );
    })
    .join('');
}
