/**
 * The data an HTML report embeds as JSON, shared by the formatter that writes it and the page's
 * script that reads it. Kept compact because GitHub's description gives tens of thousands of
 * findings: findings are rows of numbers pointing into shared tables, strings are stored once.
 * Only types here: the page's script imports nothing at run time.
 */

/** Severity names in Spectral's order: index 0 is the most serious. */
export type SeverityLabel = 'error' | 'warn' | 'info' | 'hint';

/** Counts of findings by severity, indexed like `SEVERITY_LABELS` (error, warn, info, hint). */
export type SeverityCounts = [number, number, number, number];

export interface ScoreFormula {
  /** Weight of one finding by severity, indexed like `SeverityCounts`. */
  weights: [number, number, number, number];
  /** The formula in words, shown in the report. */
  text: string;
}

export interface RulesetSummary {
  /** `psa`, `recommended`, a ruleset file's name, or `other` for rules of unknown origin. */
  name: string;
  /** Rules of this ruleset in force in the run. */
  rules: number;
  counts: SeverityCounts;
  /** 0 to 100, see `ScoreFormula`; null when no document could be linted. */
  score: number | null;
}

export interface RuleInfo {
  id: string;
  /** Index into `ReportData.rulesets`; -1 for input problems (a document that could not be linted). */
  ruleset: number;
  description: string;
  /** The rule's doc page, if it has one. */
  url: string | null;
}

export interface DocumentSummary {
  /** The path as shown to users (relative to the working directory). */
  name: string;
  /** Operations found under `paths`: the size the score is measured against. */
  operations: number;
  counts: SeverityCounts;
  /** Score per ruleset, indexed like `ReportData.rulesets`, then the overall score last. */
  scores: (number | null)[];
  /** Why the document could not be linted, if it could not. */
  problem: string | null;
  /** Numbered lines of the document that code frames show (1-based line → text); lines not needed are left out. */
  lines: Record<string, string>;
}

/**
 * One finding: [rule, severity, document, startLine, startColumn, endLine, message, jsonPath,
 * location, status, excerpt]. Lines and columns are 1-based; `rule` indexes `rules`, `document`
 * indexes `documents`, `location` indexes `locations`, `message`, `jsonPath` and `excerpt`
 * index `strings` (`excerpt` is -1 unless the line is too long to show whole), `status` is 0 for
 * a new finding and 1 for an existing one (see `comparison`).
 */
export type FindingRow = [
  rule: number,
  severity: number,
  document: number,
  startLine: number,
  startColumn: number,
  endLine: number,
  message: number,
  jsonPath: number,
  location: number,
  status: number,
  excerpt: number,
];

/** Where findings sit: an API path (with its group and tag), a component, or another section of the document. */
export interface Location {
  /** Index into `ReportData.documents`. */
  document: number;
  /** The API path template (`/repos/{owner}/{repo}`), or `components › schemas › Pet`, `info`, … */
  name: string;
  /** The first segment of the path (`/repos`), or the section (`components › schemas`). */
  group: string;
  /** The first tag of the path's operations, or the section for findings outside `paths`. */
  tag: string;
  /** Whether the location is an API path (as opposed to a component or another section). */
  isPath: boolean;
  /** Operations of this path (0 outside `paths`). */
  operations: number;
}

export interface ComparisonSummary {
  /** What the findings were compared with, as the user named it. */
  against: string;
  /** Per ruleset (indexed like `ReportData.rulesets`): findings new, existing and fixed. */
  byRuleset: { new: number; existing: number; fixed: number }[];
  /** The findings that are gone, as identities (they have no position any more). */
  fixed: { file: string; code: string; path: string; message: string }[];
}

export interface ReportData {
  tool: { name: string; version: string };
  generatedAt: string;
  formula: ScoreFormula;
  /** The overall score (all rulesets' findings together); null when no document could be linted. */
  score: number | null;
  /** Operations in all documents together. */
  operations: number;
  rulesets: RulesetSummary[];
  rules: RuleInfo[];
  documents: DocumentSummary[];
  locations: Location[];
  strings: string[];
  findings: FindingRow[];
  /** Findings silenced by `x-lint-ignore` or the ignore file: counted, not listed. */
  suppressed: number;
  comparison: ComparisonSummary | null;
}
