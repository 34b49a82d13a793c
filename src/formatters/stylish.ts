import { Chalk } from 'chalk';
import pluralize from 'pluralize';
import { DiagnosticSeverity } from '@stoplight/types';
import { severityName } from '../core/results/severity.js';
import type { Finding } from '../core/results/types.js';
import { displayPath, groupBySource } from './paths.js';
import { describeComparison, describeCounts, describeHidden, tallies } from './summary.js';
import type { Formatter } from './types.js';

const OSC = '\u001B]';
const BEL = '\u0007';

/** An OSC 8 terminal hyperlink: the text stays readable where terminals do not support it. */
function hyperlink(text: string, url: string): string {
  return `${OSC}8;;${url}${BEL}${text}${OSC}8;;${BEL}`;
}

/** One line per file when there are several: its counts and what was not reported. */
function fileSummaryLines(report: Parameters<Formatter>[0], cwd: string): string[] {
  const { files } = tallies(report);
  if (files.length < 2) return [];
  const names = files.map((file) => displayPath(file.source, cwd));
  const width = Math.max(...names.map((name) => name.length));
  const lines = files.map((file, i) => {
    const hidden = describeHidden(file, report);
    return `  ${names[i]!.padEnd(width)}  ${describeCounts(file)}${hidden === '' ? '' : ` (${hidden})`}`;
  });
  return [...lines, ''];
}

/**
 * Human output: findings grouped by file, one line each (line:col, severity, message, rule id),
 * a summary, and the doc link of every rule that fired.
 */
export const stylish: Formatter = (report, context) => {
  const chalk = new Chalk({ level: context.color ? 1 : 0 });
  const paint: Record<DiagnosticSeverity, (text: string) => string> = {
    [DiagnosticSeverity.Error]: chalk.red,
    [DiagnosticSeverity.Warning]: chalk.yellow,
    [DiagnosticSeverity.Information]: chalk.blue,
    [DiagnosticSeverity.Hint]: chalk.gray,
  };
  const lines: string[] = [];
  const firedRules = new Set<string>();
  const counts = [0, 0, 0, 0];
  let filesWithFindings = 0;

  const listFindings = (documents: readonly string[], all: readonly Finding[], count: boolean): void => {
    for (const [source, findings] of groupBySource(documents, all)) {
      if (findings.length === 0) continue;
      if (count) filesWithFindings++;
      lines.push(chalk.underline(displayPath(source, context.cwd)));
      const positions = findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1}`);
      // Not Math.max(...): a large document's findings overflow the argument list.
      const width = positions.reduce((widest, p) => Math.max(widest, p.length), 0);
      findings.forEach((finding, i) => {
        if (count) counts[finding.severity] = (counts[finding.severity] ?? 0) + 1;
        const url = context.docUrl(finding.code);
        if (url !== undefined) firedRules.add(finding.code);
        const code = context.color && url !== undefined ? hyperlink(chalk.dim(finding.code), url) : chalk.dim(finding.code);
        const severity = paint[finding.severity](severityName(finding.severity).padEnd(5));
        lines.push(`  ${chalk.dim(positions[i]!.padEnd(width))}  ${severity}  ${finding.message}  ${code}`);
      });
      lines.push('');
    }
  };
  listFindings(report.documents, report.findings, true);
  const suppressed = report.suppressed ?? [];
  if (context.reportSuppressed === true && suppressed.length > 0) {
    lines.push(chalk.bold('Suppressed in the documents (x-lint-ignore):'), '');
    listFindings([], suppressed, false);
  }
  lines.push(...fileSummaryLines(report, context.cwd));
  const comparison = describeComparison(report);
  const suppressedNote = suppressed.length > 0 ? ` ${pluralize('finding', suppressed.length, true)} suppressed in the documents.` : '';

  const total = report.findings.length;
  if (total === 0) {
    lines.push(chalk.green(`✔ No problems found in ${pluralize('file', report.documents.length, true)}.`) + suppressedNote);
    if (comparison !== undefined) lines.push(comparison);
    return `${lines.join('\n')}\n`;
  }
  const parts = (['error', 'warning', 'info', 'hint'] as const)
    .map((word, severity) => ({ word, n: counts[severity] ?? 0 }))
    .filter(({ n }) => n > 0)
    .map(({ word, n }) => (word === 'info' ? `${n} info` : pluralize(word, n, true)));
  const mark = (counts[0] ?? 0) > 0 ? chalk.red('✖') : chalk.yellow('⚠');
  lines.push(
    `${mark} ${pluralize('problem', total, true)} (${parts.join(', ')}) in ${pluralize('file', filesWithFindings, true)} of ${report.documents.length} linted.${suppressedNote}`,
  );
  if (comparison !== undefined) lines.push(comparison);
  if (firedRules.size > 0) {
    lines.push('', chalk.bold('Rule docs:'));
    const width = Math.max(...[...firedRules].map((id) => id.length));
    for (const id of [...firedRules].sort()) lines.push(`  ${id.padEnd(width)}  ${context.docUrl(id)}`);
  }
  return `${lines.join('\n')}\n`;
};
