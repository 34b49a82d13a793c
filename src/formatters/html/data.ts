import type { JsonPath } from '@stoplight/types';
import { joinJsonPath } from '../../core/results/fingerprint.js';
import { PACKAGE_NAME, VERSION } from '../../core/packageInfo.js';
import { isInputProblem } from '../../core/results/findings.js';
import { INPUT_PROBLEM_CODES } from '../../core/results/types.js';
import type { Finding, LintReport } from '../../core/results/types.js';
import { displayPath } from '../paths.js';
import type { FormatContext } from '../types.js';
import { documentText, shapeOf } from './documents.js';
import type { DocumentShape } from './documents.js';
import { FrameLines, splitLines } from './frames.js';
import type {
  ComparisonSummary,
  DocumentSummary,
  FindingRow,
  Location,
  ReportData,
  RuleInfo,
  RulesetSummary,
  SeverityCounts,
} from './model.js';
import { rulesetOf } from './rulesetOf.js';
import { emptyCounts, score, SCORE_FORMULA } from './score.js';

const NEW = 0;
const EXISTING = 1;

/** Strings stored once in the report, referred to by index. */
class StringTable {
  readonly strings: string[] = [];
  private readonly index = new Map<string, number>();

  add(text: string): number {
    let at = this.index.get(text);
    if (at === undefined) {
      at = this.strings.length;
      this.strings.push(text);
      this.index.set(text, at);
    }
    return at;
  }
}

function isInputProblemCode(code: string): boolean {
  return (INPUT_PROBLEM_CODES as readonly string[]).includes(code);
}

/** Where a finding sits, as the treemap groups it: an API path, a component, or a top-level section. */
function locationOf(path: JsonPath, shape: DocumentShape): Omit<Location, 'document'> {
  const [top, second, third] = path.map(String);
  if (top === undefined) return { name: '(document)', group: '(document)', tag: '(document)', isPath: false, operations: 0 };
  if (top === 'paths' && second !== undefined) {
    const firstSegment = second.split('/')[1] ?? '';
    const info = shape.paths.get(second);
    return { name: second, group: `/${firstSegment}`, tag: info?.tag ?? '(no tag)', isPath: true, operations: info?.operations ?? 0 };
  }
  if (top === 'components' && second !== undefined) {
    const name = third === undefined ? `components › ${second}` : `components › ${second} › ${third}`;
    return { name, group: `components › ${second}`, tag: 'components', isPath: false, operations: 0 };
  }
  // OpenAPI 2's reusable parts sit at the top level.
  if (['definitions', 'parameters', 'responses', 'securityDefinitions', 'webhooks'].includes(top) && second !== undefined) {
    return { name: `${top} › ${second}`, group: top, tag: top, isPath: false, operations: 0 };
  }
  return { name: top, group: top, tag: top, isPath: false, operations: 0 };
}

function addCounts(sum: SeverityCounts, counts: SeverityCounts | undefined): void {
  if (counts === undefined) return;
  for (let severity = 0; severity < 4; severity++) sum[severity as 0 | 1 | 2 | 3] += counts[severity as 0 | 1 | 2 | 3];
}

interface DocumentState {
  summary: DocumentSummary;
  shape: DocumentShape;
  frames: FrameLines;
  lines: string[];
  /** Counts per ruleset index. */
  byRuleset: SeverityCounts[];
  locations: Map<string, number>;
}

/** Builds the data an HTML report embeds from a run's report. */
export function buildReportData(report: LintReport, context: FormatContext, now: Date = new Date()): ReportData {
  const strings = new StringTable();
  const rulesetNames: string[] = [];
  const rulesetIndex = (name: string): number => {
    let at = rulesetNames.indexOf(name);
    if (at < 0) at = rulesetNames.push(name) - 1;
    return at;
  };

  const rules: RuleInfo[] = [];
  const ruleIndex = new Map<string, number>();
  const addRule = (id: string): number => {
    let at = ruleIndex.get(id);
    if (at === undefined) {
      const rule = context.rules[id];
      at =
        rules.push({
          id,
          ruleset: isInputProblemCode(id) ? -1 : rulesetIndex(rulesetOf(id, context.rules)),
          description: rule?.description ?? '',
          url: context.docUrl(id) ?? null,
        }) - 1;
      ruleIndex.set(id, at);
    }
    return at;
  };
  // Every rule in force, so that a ruleset without findings still shows, with its full score.
  const rulesInForce = new Map<string, number>();
  for (const [id, rule] of Object.entries(context.rules)) {
    if (!rule.enabled) continue;
    addRule(id);
    const name = rulesetOf(id, context.rules);
    rulesInForce.set(name, (rulesInForce.get(name) ?? 0) + 1);
  }

  const documents: DocumentState[] = [];
  const documentIndex = new Map<string, number>();
  const documentOf = (source: string): DocumentState => {
    let at = documentIndex.get(source);
    if (at === undefined) {
      const text = documentText(source, context.texts);
      const lines = splitLines(text);
      at =
        documents.push({
          summary: { name: displayPath(source, context.cwd), operations: 0, counts: emptyCounts(), scores: [], problem: null, lines: {} },
          shape: shapeOf(text),
          frames: new FrameLines(lines),
          lines,
          byRuleset: [],
          locations: new Map(),
        }) - 1;
      const state = documents[at]!;
      state.summary.operations = state.shape.operations;
      documentIndex.set(source, at);
    }
    return documents[at]!;
  };
  for (const source of report.documents) documentOf(source);

  const locations: Location[] = [];
  const findings: FindingRow[] = [];
  const addFinding = (finding: Finding, status: number): void => {
    const rule = addRule(finding.code);
    const document = documentOf(finding.source);
    const severity = Math.min(Math.max(finding.severity, 0), 3) as 0 | 1 | 2 | 3;
    if (isInputProblem(finding)) {
      document.summary.problem ??= finding.message;
    } else {
      // A parser warning (a key YAML does not read as a string) counts as a finding of no ruleset: the document was linted.
      const ruleset = rules[rule]!.ruleset;
      if (ruleset >= 0) {
        document.byRuleset[ruleset] ??= emptyCounts();
        document.byRuleset[ruleset][severity] += 1;
      }
      document.summary.counts[severity] += 1;
    }
    const where = locationOf(finding.path, document.shape);
    let location = document.locations.get(where.name);
    if (location === undefined) {
      location = locations.push({ ...where, document: documentIndex.get(finding.source)! }) - 1;
      document.locations.set(where.name, location);
    }
    const excerpt = document.frames.keep(finding.range);
    findings.push([
      rule,
      severity,
      documentIndex.get(finding.source)!,
      finding.range.start.line + 1,
      finding.range.start.character + 1,
      finding.range.end.line + 1,
      strings.add(finding.message),
      strings.add(joinJsonPath(finding.path)),
      location,
      status,
      excerpt === undefined ? -1 : strings.add(excerpt),
    ]);
  };
  for (const finding of report.findings) addFinding(finding, NEW);
  for (const finding of report.comparison?.existing ?? []) addFinding(finding, EXISTING);
  // Existing findings come after the new ones; the table lists them all by file and position.
  if (report.comparison !== undefined) findings.sort((a, b) => a[2] - b[2] || a[3] - b[3] || a[4] - b[4]);

  const comparison = report.comparison === undefined ? null : comparisonSummary(report, rules, ruleIndex, rulesetNames, context);
  const linted = documents.filter((document) => document.summary.problem === null);
  const operations = linted.reduce((sum, document) => sum + document.shape.operations, 0);
  const rulesets: RulesetSummary[] = rulesetNames.map((name, index) => {
    const counts = emptyCounts();
    for (const document of linted) addCounts(counts, document.byRuleset[index]);
    return { name, rules: rulesInForce.get(name) ?? 0, counts, score: linted.length === 0 ? null : score(counts, operations) };
  });
  const overall = emptyCounts();
  for (const ruleset of rulesets) addCounts(overall, ruleset.counts);

  for (const document of documents) {
    const { summary } = document;
    summary.scores =
      summary.problem !== null
        ? [...rulesetNames.map(() => null), null]
        : [
            ...rulesetNames.map((_, index) => score(document.byRuleset[index] ?? emptyCounts(), summary.operations)),
            score(summary.counts, summary.operations),
          ];
    summary.lines = document.frames.collected();
  }

  return {
    tool: { name: PACKAGE_NAME, version: VERSION },
    generatedAt: now.toISOString(),
    formula: SCORE_FORMULA,
    score: linted.length === 0 ? null : score(overall, operations),
    operations,
    rulesets,
    rules,
    documents: documents.map((document) => document.summary),
    locations,
    strings: strings.strings,
    findings,
    suppressed: report.suppressed?.length ?? 0,
    comparison,
  };
}

function comparisonSummary(
  report: LintReport,
  rules: readonly RuleInfo[],
  ruleIndex: ReadonlyMap<string, number>,
  rulesetNames: string[],
  context: FormatContext,
): ComparisonSummary {
  const comparison = report.comparison!;
  const rulesetFor = (code: string): number => {
    const at = ruleIndex.get(code);
    const known = at === undefined ? undefined : rules[at]?.ruleset;
    if (known !== undefined) return known;
    const name = rulesetOf(code, context.rules);
    const index = rulesetNames.indexOf(name);
    return index >= 0 ? index : rulesetNames.push(name) - 1;
  };
  const byRuleset = rulesetNames.map(() => ({ new: 0, existing: 0, fixed: 0 }));
  const bump = (code: string, key: 'new' | 'existing' | 'fixed'): void => {
    if (isInputProblemCode(code)) return;
    const index = rulesetFor(code);
    byRuleset[index] ??= { new: 0, existing: 0, fixed: 0 };
    byRuleset[index][key] += 1;
  };
  for (const finding of report.findings) bump(finding.code, 'new');
  for (const finding of comparison.existing) bump(finding.code, 'existing');
  for (const identity of comparison.fixed) bump(identity.code, 'fixed');
  return { against: comparison.against, byRuleset, fixed: comparison.fixed.map((identity) => ({ ...identity })) };
}
