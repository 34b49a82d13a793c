import pluralize from 'pluralize';
import { DiagnosticSeverity } from '@stoplight/types';
import type { Finding, LintReport } from '../core/results/types.js';
import { groupBySource } from './paths.js';

/** What a run found in one file, or in all of them. */
export interface Tally {
  /** Reported findings by severity: error, warn, info, hint. */
  bySeverity: [number, number, number, number];
  /** Findings silenced in the documents. */
  suppressed: number;
  /** Findings already in the baseline or on parts unchanged since the git ref: not reported. */
  existing: number;
}

export interface FileTally extends Tally {
  source: string;
}

const emptyTally = (): Tally => ({ bySeverity: [0, 0, 0, 0], suppressed: 0, existing: 0 });

function count(findings: readonly Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(finding.source, (counts.get(finding.source) ?? 0) + 1);
  return counts;
}

/** One tally per file (the linted documents in order, then the referenced files findings are in) and the total. */
export function tallies(report: LintReport): { files: FileTally[]; total: Tally } {
  const suppressed = count(report.suppressed ?? []);
  const existing = count(report.comparison?.existing ?? []);
  const sources = [...report.documents, ...suppressed.keys(), ...existing.keys()];
  const files: FileTally[] = [];
  const total = emptyTally();
  for (const [source, findings] of groupBySource(sources, report.findings)) {
    const tally: FileTally = { source, ...emptyTally(), suppressed: suppressed.get(source) ?? 0, existing: existing.get(source) ?? 0 };
    for (const finding of findings) tally.bySeverity[finding.severity]++;
    for (const [severity, n] of tally.bySeverity.entries()) total.bySeverity[severity as DiagnosticSeverity] += n;
    total.suppressed += tally.suppressed;
    total.existing += tally.existing;
    files.push(tally);
  }
  return { files, total };
}

const SEVERITY_WORDS: Record<DiagnosticSeverity, string> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'hint',
};

/** "1 error, 2 warnings", or "no problems". */
export function describeCounts(tally: Tally): string {
  const parts = tally.bySeverity
    .map((n, severity) => ({ n, word: SEVERITY_WORDS[severity as DiagnosticSeverity] }))
    .filter(({ n }) => n > 0)
    .map(({ n, word }) => (word === 'info' ? `${n} info` : pluralize(word, n, true)));
  return parts.length === 0 ? 'no problems' : parts.join(', ');
}

/** "2 suppressed, 5 existing": what was found but not reported; empty when nothing was. */
export function describeHidden(tally: Tally, report: LintReport): string {
  const parts: string[] = [];
  if (tally.suppressed > 0) parts.push(`${tally.suppressed} suppressed`);
  if (report.comparison !== undefined && tally.existing > 0) parts.push(`${tally.existing} existing`);
  return parts.join(', ');
}

/** The sentence on the comparison: what the findings were compared with and what that hid or fixed. */
export function describeComparison(report: LintReport): string | undefined {
  const comparison = report.comparison;
  if (comparison === undefined) return undefined;
  const existing = comparison.existing.length;
  const fixed = comparison.fixed.length;
  const parts = [`${pluralize('existing finding', existing, true)} not reported`];
  if (fixed > 0) parts.push(`${fixed} fixed`);
  return `Compared with ${comparison.against}: ${parts.join(', ')}.`;
}
