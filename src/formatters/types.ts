import type { Rule } from '@stoplight/spectral-core';
import type { DiagnosticSeverity } from '@stoplight/types';
import type { LintReport } from '../core/results/types.js';

export interface FormatContext {
  /** Paths in the output are relative to this directory. */
  cwd: string;
  /** The rules in force, by id (of every config the run used): what formats that describe rules read. */
  rules: Readonly<Record<string, Rule>>;
  /** Findings at or above this severity fail the run (JUnit failures, SARIF levels). */
  failSeverity: DiagnosticSeverity;
  /** Use ANSI colours and terminal hyperlinks (stylish only). */
  color: boolean;
  /** List the findings silenced in the documents (`report.suppressed`), not just count them. */
  reportSuppressed?: boolean;
  /** The doc link for a rule id, if there is one. */
  docUrl(ruleId: string): string | undefined;
  /** Texts of documents not read from a file (standard input), by source; formats that quote documents read the others from disk. */
  texts?: ReadonlyMap<string, string>;
}

export type Formatter = (report: LintReport, context: FormatContext) => string;
