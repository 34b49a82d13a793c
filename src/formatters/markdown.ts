import { severityName } from '../core/results/severity.js';
import type { Finding } from '../core/results/types.js';
import { displayPath } from './paths.js';
import { describeComparison, tallies } from './summary.js';
import type { FormatContext, Formatter } from './types.js';

/** Escapes a table cell: pipes split cells, and line breaks end the row. */
function cell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, '<br>')
    .replace(/([`*_[\]<>])/g, '\\$1');
}

function findingsTable(findings: readonly Finding[], context: FormatContext): string[] {
  const lines = ['| Severity | File | Line | Rule | Message |', '| --- | --- | ---: | --- | --- |'];
  for (const finding of findings) {
    const url = context.docUrl(finding.code);
    const rule = url === undefined ? cell(finding.code) : `[${cell(finding.code)}](${url})`;
    lines.push(
      `| ${severityName(finding.severity)} | ${cell(displayPath(finding.source, context.cwd))} | ${finding.range.start.line + 1} | ${rule} | ${cell(finding.message)} |`,
    );
  }
  return lines;
}

/** A table of counts per file and a total row; the suppressed and existing columns only when there are some. */
function summaryTable(report: Parameters<Formatter>[0], context: FormatContext): string[] {
  const { files, total } = tallies(report);
  const showSuppressed = total.suppressed > 0;
  const showExisting = report.comparison !== undefined;
  const header = [
    'File',
    'Errors',
    'Warnings',
    'Info',
    'Hints',
    ...(showSuppressed ? ['Suppressed'] : []),
    ...(showExisting ? ['Existing'] : []),
  ];
  const row = (name: string, tally: (typeof files)[number] | typeof total): string =>
    `| ${[name, ...tally.bySeverity.map(String), ...(showSuppressed ? [String(tally.suppressed)] : []), ...(showExisting ? [String(tally.existing)] : [])].join(' | ')} |`;
  return [
    `| ${header.join(' | ')} |`,
    `| --- | ${header
      .slice(1)
      .map(() => '---:')
      .join(' | ')} |`,
    ...files.map((file) => row(cell(displayPath(file.source, context.cwd)), file)),
    row('**Total**', total),
  ];
}

/** A Markdown report, fit for a pull-request comment or `$GITHUB_STEP_SUMMARY`: the findings, then a table of counts per file. */
export const markdown: Formatter = (report, context) => {
  const lines = ['## apistyle', ''];
  const { total } = tallies(report);
  const comparison = describeComparison(report);
  if (report.findings.length === 0) lines.push(`No problems found in ${report.documents.length} file(s).`);
  else {
    // One by one, not push(...): a large document's findings overflow the argument list.
    for (const row of findingsTable(report.findings, context)) lines.push(row);
    lines.push(
      '',
      `${report.findings.length} problem(s) in ${new Set(report.findings.map((f) => f.source)).size} of ${report.documents.length} file(s).`,
    );
  }
  if (comparison !== undefined) lines.push('', comparison);
  if (report.documents.length > 1 || total.suppressed > 0 || report.comparison !== undefined)
    lines.push('', ...summaryTable(report, context));
  const suppressed = report.suppressed ?? [];
  if (context.reportSuppressed === true && suppressed.length > 0) {
    lines.push(
      '',
      `<details><summary>${suppressed.length} suppressed in the documents (x-lint-ignore)</summary>`,
      '',
      ...findingsTable(suppressed, context),
      '',
      '</details>',
    );
  }
  return `${lines.join('\n')}\n`;
};
