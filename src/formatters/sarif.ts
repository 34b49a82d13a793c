import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { DiagnosticSeverity } from '@stoplight/types';
import { fingerprints } from '../core/results/fingerprint.js';
import type { Finding } from '../core/results/types.js';
import { PACKAGE_NAME, REPOSITORY_URL, VERSION } from '../core/packageInfo.js';
import { TOOL_CODES } from '../core/results/types.js';
import { displayPath } from './paths.js';
import type { Formatter } from './types.js';

const LEVELS: Record<DiagnosticSeverity, Result.level> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'note',
  [DiagnosticSeverity.Hint]: 'note',
};

const INPUT_PROBLEM_DESCRIPTIONS: Record<string, string> = {
  'unreadable-file': 'The file could not be read as text.',
  parser: 'The document is not well-formed JSON or YAML, or has a key YAML does not read as a string.',
  'not-openapi': 'The document is not an OpenAPI 2.0, 3.0 or 3.1 document.',
  'invalid-ref': 'A $ref could not be resolved.',
  'linter-error': 'A rule failed while linting the document.',
  'duplicate-key': 'A mapping has the same key twice.',
};

/**
 * SARIF 2.1.0 for code scanning. Written here rather than taken from Spectral's formatter, which
 * names the tool "spectral", puts doc links into messages, omits rule default levels and URI
 * base ids, and leaves input problems without a rule descriptor.
 */
export const sarif: Formatter = (report, context) => {
  const descriptors: ReportingDescriptor[] = [];
  const index = new Map<string, number>();
  const describe = (id: string): number => {
    const known = index.get(id);
    if (known !== undefined) return known;
    const rule = context.rules[id];
    const helpUri = context.docUrl(id);
    const descriptor: ReportingDescriptor = {
      id,
      shortDescription: { text: rule?.description ?? INPUT_PROBLEM_DESCRIPTIONS[id] ?? id },
      ...(helpUri !== undefined ? { helpUri, help: { text: `See ${helpUri}`, markdown: `[${id}](${helpUri})` } } : {}),
      defaultConfiguration: {
        level: rule !== undefined ? (LEVELS[rule.severity] ?? 'note') : 'error',
        enabled: rule === undefined || rule.enabled,
      },
    };
    index.set(id, descriptors.length);
    descriptors.push(descriptor);
    return descriptors.length - 1;
  };
  for (const [id, rule] of Object.entries(context.rules)) if (rule.enabled) describe(id);
  for (const id of TOOL_CODES) describe(id);

  // Code scanning tracks an alert across commits by these; ours survive line moves (see core/results/fingerprint.ts).
  const suppressed = context.reportSuppressed === true ? (report.suppressed ?? []) : [];
  const all = [...report.findings, ...suppressed];
  const prints = fingerprints(all, context.cwd);
  const toResult = (finding: Finding, index: number): Result => ({
    ruleId: finding.code,
    ruleIndex: describe(finding.code),
    level: LEVELS[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeURI(displayPath(finding.source, context.cwd)), uriBaseId: '%SRCROOT%' },
          region: {
            startLine: finding.range.start.line + 1,
            startColumn: finding.range.start.character + 1,
            endLine: finding.range.end.line + 1,
            endColumn: finding.range.end.character + 1,
          },
        },
        logicalLocations: finding.path.length > 0 ? [{ fullyQualifiedName: finding.path.map(String).join('.') }] : [],
      },
    ],
    partialFingerprints: { 'apistyle/v1': prints[index]! },
    ...(report.comparison !== undefined && index < report.findings.length ? { baselineState: 'new' as const } : {}),
    ...(index >= report.findings.length
      ? { suppressions: [{ kind: 'inSource' as const, justification: 'silenced in the document (x-lint-ignore or x-zally-ignore)' }] }
      : {}),
  });
  const results: Result[] = all.map(toResult);

  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: PACKAGE_NAME, version: VERSION, informationUri: REPOSITORY_URL, rules: descriptors } },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(context.cwd).href.replace(/\/?$/, '/')}` } },
        invocations: [{ executionSuccessful: report.inputProblems.length === 0 }],
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
