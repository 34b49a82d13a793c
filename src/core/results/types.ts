import type { DiagnosticSeverity, IRange, JsonPath } from '@stoplight/types';
import type { FindingData } from '../engine/findingData.js';

/** Severity names as users write them in rulesets and on the command line. */
export type SeverityName = 'error' | 'warn' | 'info' | 'hint';

/**
 * One finding, in the shape of Spectral's JSON output so that tools written
 * for `spectral lint -f json` read ours unchanged.
 */
export interface Finding {
  /** Rule id, or one of the input-problem codes in `InputProblemCode`. */
  code: string;
  message: string;
  /** JSON path of the offending node in `source`. */
  path: JsonPath;
  severity: DiagnosticSeverity;
  /** Zero-based range, as in Spectral and the Language Server Protocol. */
  range: IRange;
  /** Absolute path of the file the finding is in (`<stdin>` for standard input). */
  source: string;
  /** What a rule function said, as data: its message id and parameters (absent for input problems and foreign functions). */
  data?: FindingData;
}

/**
 * Codes of findings that say a document could not be linted as asked:
 * they make the run exit with 2 rather than 1.
 */
export const INPUT_PROBLEM_CODES = ['unreadable-file', 'parser', 'not-openapi', 'invalid-ref', 'linter-error'] as const;
export type InputProblemCode = (typeof INPUT_PROBLEM_CODES)[number];

/** Every code apistyle reports itself rather than a rule: each has a page in docs/codes. */
export const TOOL_CODES = [...INPUT_PROBLEM_CODES, 'duplicate-key'] as const;

/** A finding that stops the document from being linted (as opposed to a rule's finding). */
export interface InputProblem extends Finding {
  code: InputProblemCode;
}

export interface LintReport {
  /** Rule findings and input problems, sorted by file, then position. */
  findings: Finding[];
  /** The subset of `findings` that are input problems (unreadable, unparsable, not OpenAPI, bad `$ref`). */
  inputProblems: InputProblem[];
  /** Every document that was asked for, in order, with or without findings. */
  documents: string[];
  /** Findings silenced in the documents themselves (`x-lint-ignore`) or by the ignore file; not in `findings`. */
  suppressed?: Finding[];
  /** Set when the run was compared with a baseline or a git ref: `findings` then holds only the new ones. */
  comparison?: Comparison;
}

/** How a run's findings compare with an earlier state (a baseline file, or the documents at a git ref). */
export interface Comparison {
  /** What the findings were compared with, as the user named it (`baseline.json`, `origin/main`). */
  against: string;
  /** Findings that were there before and still are; not reported as failures. */
  existing: Finding[];
  /** Findings that were there before and are gone. */
  fixed: FindingIdentity[];
}

/**
 * A finding's identity that survives line moves and unrelated edits: the file (relative to a
 * base folder, with forward slashes), the rule id, the JSON path and the message with its
 * whitespace collapsed. Line numbers are deliberately left out. The baseline, the ignore file
 * and the GitLab report all identify findings this way, so a finding ignored in the editor is
 * the same finding the CLI skips.
 */
export interface FindingIdentity {
  file: string;
  code: string;
  path: string;
  message: string;
}

/** Findings by severity: error, warning, information, hint (Spectral's 0–3). */
export type SeverityCounts = [number, number, number, number];
