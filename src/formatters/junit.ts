import { isAtLeast, severityName } from '../core/results/severity.js';
import { displayPath, groupBySource } from './paths.js';
import type { Formatter } from './types.js';
import { xmlEscape } from './xml.js';

/**
 * JUnit XML for CI test reports (Jenkins, GitLab, Azure): one test suite per document, one failing
 * test case per finding at or above the fail severity, and one passing case for a clean document.
 * Written here because Spectral's leaves names unescaped and drops documents without findings.
 */
export const junit: Formatter = (report, context) => {
  const suites: string[] = [];
  let totalTests = 0;
  let totalFailures = 0;
  for (const [source, findings] of groupBySource(report.documents, report.findings)) {
    const file = displayPath(source, context.cwd);
    const failing = findings.filter((finding) => isAtLeast(finding.severity, context.failSeverity));
    const cases =
      failing.length === 0
        ? [`    <testcase classname="${xmlEscape(file)}" name="${xmlEscape(file)}" time="0"/>`]
        : failing.map((finding) => {
            const where = `${file}:${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
            const url = context.docUrl(finding.code);
            const body = [
              `${where} ${severityName(finding.severity)} ${finding.code}`,
              finding.message,
              `at ${finding.path.map(String).join('.') || '(document)'}`,
              ...(url !== undefined ? [url] : []),
            ].join('\n');
            return [
              `    <testcase classname="${xmlEscape(file)}" name="${xmlEscape(`${finding.code} at ${where}`)}" time="0">`,
              `      <failure type="${xmlEscape(finding.code)}" message="${xmlEscape(finding.message)}">${xmlEscape(body)}</failure>`,
              '    </testcase>',
            ].join('\n');
          });
    const tests = Math.max(failing.length, 1);
    totalTests += tests;
    totalFailures += failing.length;
    suites.push(
      [
        `  <testsuite name="${xmlEscape(file)}" tests="${tests}" failures="${failing.length}" errors="0" skipped="0" time="0">`,
        ...cases,
        '  </testsuite>',
      ].join('\n'),
    );
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="apistyle" tests="${totalTests}" failures="${totalFailures}" errors="0" time="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
};
