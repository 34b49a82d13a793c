import { createHash } from 'node:crypto';
import { DiagnosticSeverity } from '@stoplight/types';
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
 * fingerprint is unique and stable across line moves (file, rule, JSON path, message, and the
 * occurrence among identical ones), unlike Spectral's code-climate output.
 */
export const gitlab: Formatter = (report, context) => {
  const occurrences = new Map<string, number>();
  const issues = report.findings.map((finding) => {
    const path = displayPath(finding.source, context.cwd);
    const identity = JSON.stringify([path, finding.code, finding.path, finding.message]);
    const occurrence = occurrences.get(identity) ?? 0;
    occurrences.set(identity, occurrence + 1);
    return {
      type: 'issue',
      description: finding.message,
      check_name: finding.code,
      fingerprint: createHash('sha256').update(`${identity}#${occurrence}`).digest('hex'),
      severity: SEVERITIES[finding.severity],
      categories: ['Style'],
      location: { path, lines: { begin: finding.range.start.line + 1, end: finding.range.end.line + 1 } },
    };
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
};
