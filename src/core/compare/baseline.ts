import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UsageError, describeReadError } from '../errors.js';
import { fingerprints, identityOf, relativeSource } from '../results/fingerprint.js';
import type { FindingIdentity } from '../results/fingerprint.js';
import { isInputProblem } from '../results/findings.js';
import { PACKAGE_NAME } from '../packageInfo.js';
import type { Finding, LintReport } from '../results/types.js';

/** One accepted finding: its identity, readable in review, and the fingerprint that is compared. */
export interface BaselineEntry extends FindingIdentity {
  fingerprint: string;
}

export const BASELINE_VERSION = 1;

interface BaselineFile {
  version: number;
  generator?: string;
  findings: BaselineEntry[];
}

function fail(path: string, problem: string): never {
  throw new UsageError(`baseline ${path}: ${problem}`);
}

function isEntry(value: unknown): value is BaselineEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return ['fingerprint', 'file', 'code', 'path', 'message'].every((key) => typeof entry[key] === 'string');
}

/**
 * Reads a baseline; anything that is not one (missing, unreadable, not JSON, another shape) is a
 * usage error, never an empty baseline: a silently empty baseline would fail every old finding,
 * and a silently ignored one would hide new findings.
 */
export function readBaseline(path: string): BaselineEntry[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    fail(path, missing ? 'no such file (create it with --write-baseline)' : describeReadError(error));
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    fail(path, `not valid JSON: ${(error as Error).message}`);
  }
  const file = data as Partial<BaselineFile> | null;
  if (typeof file !== 'object' || file === null || Array.isArray(file))
    fail(path, 'not an apistyle baseline (expected an object with "version" and "findings")');
  if (file.version !== BASELINE_VERSION) fail(path, `unsupported version ${JSON.stringify(file.version)} (expected ${BASELINE_VERSION})`);
  if (!Array.isArray(file.findings)) fail(path, '"findings" must be a list');
  const bad = file.findings.findIndex((entry) => !isEntry(entry));
  if (bad !== -1) fail(path, `findings[${bad}] must have the strings fingerprint, file, code, path and message`);
  return file.findings;
}

/** The rule findings a baseline holds: input problems always fail a run and are never accepted. */
function ruleFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => !isInputProblem(finding));
}

/** The entries for findings, fingerprinted relative to the baseline's folder. */
export function baselineEntries(findings: readonly Finding[], baseDir: string): BaselineEntry[] {
  const rules = ruleFindings(findings);
  const prints = fingerprints(rules, baseDir);
  return rules.map((finding, index) => ({ fingerprint: prints[index]!, ...identityOf(finding, baseDir) }));
}

/**
 * `findings` keeps the findings the baseline does not hold (and every input problem);
 * `comparison` tells which were already there and which baseline entries were fixed.
 */
export function compareWithBaseline(
  report: LintReport,
  entries: readonly BaselineEntry[],
  baselinePath: string,
  against: string,
): LintReport {
  const baseDir = dirname(resolve(baselinePath));
  const accepted = new Set(entries.map((entry) => entry.fingerprint));
  const rules = ruleFindings(report.findings);
  const prints = fingerprints(rules, baseDir);
  const existingSet = new Set(rules.filter((_, index) => accepted.has(prints[index]!)));
  const current = new Set(prints);
  const linted = new Set([...report.documents, ...report.findings.map((f) => f.source)].map((file) => relativeSource(file, baseDir)));
  return {
    ...report,
    findings: report.findings.filter((finding) => !existingSet.has(finding)),
    comparison: {
      against,
      existing: [...existingSet],
      // Only entries of the files linted now can be known to be fixed.
      fixed: entries
        .filter((entry) => !current.has(entry.fingerprint) && linted.has(entry.file))
        .map(({ fingerprint: _, ...identity }) => identity),
    },
  };
}

/**
 * The text of a baseline holding the findings of this run, plus the entries of an earlier baseline
 * for files this run did not lint and that still exist (so linting some files does not forget the
 * others). Entries are sorted so that the file diffs well.
 */
export function baselineText(report: LintReport, baselinePath: string, previous: readonly BaselineEntry[] = []): string {
  const baseDir = dirname(resolve(baselinePath));
  const linted = new Set(
    [...report.documents, ...report.findings.map((f) => f.source), ...(report.comparison?.existing ?? []).map((f) => f.source)].map(
      (file) => relativeSource(file, baseDir),
    ),
  );
  const all = [...report.findings, ...(report.comparison?.existing ?? [])];
  const kept = previous.filter((entry) => !linted.has(entry.file) && existsSync(join(baseDir, entry.file)));
  const entries = [...baselineEntries(all, baseDir), ...kept];
  const key = (e: BaselineEntry): string => JSON.stringify([e.file, e.code, e.path, e.message, e.fingerprint]);
  entries.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const file: BaselineFile = { version: BASELINE_VERSION, generator: PACKAGE_NAME, findings: entries };
  return `${JSON.stringify(file, null, 2)}\n`;
}
