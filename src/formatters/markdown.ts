import { severityName } from '../core/severity.js';
import { displayPath } from './paths.js';
import type { Formatter } from './types.js';

/** Escapes a table cell: pipes split cells, and line breaks end the row. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>').replace(/([`*_[\]<>])/g, '\\$1');
}

/** A Markdown table, fit for a pull-request comment or `$GITHUB_STEP_SUMMARY`. */
export const markdown: Formatter = (report, context) => {
  const lines = ['## apistyle', ''];
  if (report.findings.length === 0) {
    lines.push(`No problems found in ${report.documents.length} file(s).`);
    return `${lines.join('\n')}\n`;
  }
  lines.push('| Severity | File | Line | Rule | Message |', '| --- | --- | ---: | --- | --- |');
  for (const finding of report.findings) {
    const url = context.docUrl(finding.code);
    const rule = url === undefined ? cell(finding.code) : `[${cell(finding.code)}](${url})`;
    lines.push(
      `| ${severityName(finding.severity)} | ${cell(displayPath(finding.source, context.cwd))} | ${finding.range.start.line + 1} | ${rule} | ${cell(finding.message)} |`,
    );
  }
  lines.push('', `${report.findings.length} problem(s) in ${new Set(report.findings.map((f) => f.source)).size} of ${report.documents.length} file(s).`);
  return `${lines.join('\n')}\n`;
};
