import type { DiagnosticSeverity } from '@stoplight/types';
import { isAtLeast } from './severity.js';
import type { LintReport } from './types.js';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
/** Usage, config or input errors: the run could not do all that was asked. */
export const EXIT_ERROR = 2;

/** The exit code of a lint run; the only place it is decided. */
export function exitCodeFor(report: LintReport, failSeverity: DiagnosticSeverity): number {
  if (report.inputProblems.length > 0) return EXIT_ERROR;
  return report.findings.some((finding) => isAtLeast(finding.severity, failSeverity)) ? EXIT_FINDINGS : EXIT_OK;
}
