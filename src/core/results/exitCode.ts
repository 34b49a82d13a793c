import type { DiagnosticSeverity } from '@stoplight/types';
import { isAtLeast } from './severity.js';
import type { LintReport } from './types.js';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
/** Usage, config or input errors: the run could not do all that was asked. */
export const EXIT_ERROR = 2;

/**
 * The exit code of a lint run, the only place it is decided: from whether a document could not be
 * linted as asked, and the severities of the findings (each at least once).
 */
export function exitCodeFrom(hasInputProblem: boolean, severities: Iterable<DiagnosticSeverity>, failSeverity: DiagnosticSeverity): number {
  if (hasInputProblem) return EXIT_ERROR;
  for (const severity of severities) if (isAtLeast(severity, failSeverity)) return EXIT_FINDINGS;
  return EXIT_OK;
}

function* severitiesOf(report: LintReport): Generator<DiagnosticSeverity> {
  for (const finding of report.findings) yield finding.severity;
}

/** The exit code of a run's report. */
export function exitCodeFor(report: LintReport, failSeverity: DiagnosticSeverity): number {
  return exitCodeFrom(report.inputProblems.length > 0, severitiesOf(report), failSeverity);
}
