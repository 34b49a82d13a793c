import { DiagnosticSeverity } from '@stoplight/types';
import { fingerprints } from '../core/results/fingerprint.js';
import { displayPath } from './paths.js';
import type { Formatter } from './types.js';

const SEVERITIES: Record<DiagnosticSeverity, string> = {
  [DiagnosticSeverity.Error]: 'major',
  [DiagnosticSeverity.Warning]: 'minor',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'info',
};

/**
 * GitLab code quality report (a subset of Code Climate's format). Lines are 1-based and each
 * fingerprint is unique and stable across line moves (see `core/results/fingerprint.ts`), unlike Spectral's code-climate output.
 */
export const gitlab: Formatter = (report, context) => {
  const prints = fingerprints(report.findings, context.cwd);
  const issues = report.findings.map((finding, index) => ({
    type: 'issue',
    description: finding.message,
    check_name: finding.code,
    fingerprint: prints[index],
    severity: SEVERITIES[finding.severity],
    categories: ['Style'],
    location: {
      path: displayPath(finding.source, context.cwd),
      lines: { begin: finding.range.start.line + 1, end: finding.range.end.line + 1 },
    },
  }));
  return `${JSON.stringify(issues, null, 2)}\n`;
};
