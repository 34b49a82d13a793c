import { DiagnosticSeverity } from '@stoplight/types';
import { displayPath } from './paths.js';
import type { Formatter } from './types.js';

const COMMANDS: Record<DiagnosticSeverity, string> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'notice',
  [DiagnosticSeverity.Hint]: 'notice',
};

/** Escaping of workflow-command data, as GitHub's toolkit does it. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values also may not contain the separators `:` and `,`. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub Actions workflow commands: each finding becomes an annotation on the file and line. */
export const githubActions: Formatter = (report, context) =>
  report.findings
    .map((finding) => {
      const properties = {
        file: displayPath(finding.source, context.cwd),
        line: finding.range.start.line + 1,
        endLine: finding.range.end.line + 1,
        col: finding.range.start.character + 1,
        endColumn: finding.range.end.character + 1,
        title: finding.code,
      };
      const list = Object.entries(properties)
        .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
        .join(',');
      const url = context.docUrl(finding.code);
      const message = url === undefined ? finding.message : `${finding.message}\n${url}`;
      return `::${COMMANDS[finding.severity]} ${list}::${escapeData(message)}\n`;
    })
    .join('');
