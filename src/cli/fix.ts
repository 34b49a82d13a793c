import { isAbsolute, relative } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { describeWriteError, UsageError } from '../core/errors.js';
import type { LintReport } from '../core/results/types.js';
import type { FixedDocument } from '../core/session/session.js';
import { writeFileAtomic } from './io.js';

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
      throw new UsageError(`cannot write ${document.source}: ${describeWriteError(error)}`);
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
