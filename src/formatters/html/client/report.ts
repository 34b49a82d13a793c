// Reading the report data embedded in the page, and what its compact finding rows mean.
import type { FindingRow, ReportData, SeverityCounts } from '../model.js';
import { byId } from './dom.js';

export const SEVERITIES = ['error', 'warn', 'info', 'hint'] as const;
export const SEVERITY_TITLES = ['Errors', 'Warnings', 'Info', 'Hints'];
export const SEVERITY_COLORS = ['#cf222e', '#bf8700', '#0969da', '#8c959f'];
export const STATUS_NAMES = ['new', 'existing'];

/** Field positions in a FindingRow (see model.ts). */
export const RULE = 0;
export const SEVERITY = 1;
export const DOCUMENT = 2;
export const LINE = 3;
export const COLUMN = 4;
export const END_LINE = 5;
export const MESSAGE = 6;
export const JSON_PATH = 7;
export const LOCATION = 8;
export const STATUS = 9;
export const EXCERPT = 10;

/** The embedded data: JSON, or for a large report gzipped JSON in base64 (a fifth of the size for GitHub's description). */
export async function readData(): Promise<ReportData> {
  const element = byId('report-data');
  const text = element.textContent ?? '{}';
  if (element.dataset.encoding !== 'gzip-base64') return JSON.parse(text) as ReportData;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return JSON.parse(await new Response(stream).text()) as ReportData;
}

export function text(data: ReportData, index: number): string {
  return data.strings[index] ?? '';
}

/** Input problems (a document that could not be linted) are listed but belong to no ruleset and no chart. */
export function isRuleFinding(data: ReportData, row: FindingRow): boolean {
  return (data.rules[row[RULE]]?.ruleset ?? -1) >= 0;
}

/** Rule findings counted by severity under a key. */
export function countBy<K>(data: ReportData, key: (row: FindingRow) => K): Map<K, SeverityCounts> {
  const counts = new Map<K, SeverityCounts>();
  for (const row of data.findings) {
    if (!isRuleFinding(data, row)) continue;
    const k = key(row);
    let entry = counts.get(k);
    if (entry === undefined) {
      entry = [0, 0, 0, 0];
      counts.set(k, entry);
    }
    entry[row[SEVERITY] as 0 | 1 | 2 | 3] += 1;
  }
  return counts;
}

export function total(counts: SeverityCounts): number {
  return counts[0] + counts[1] + counts[2] + counts[3];
}

export function scoreClass(score: number | null): string {
  if (score === null) return 'score-none';
  if (score >= 90) return 'score-good';
  if (score >= 70) return 'score-fair';
  if (score >= 50) return 'score-poor';
  return 'score-bad';
}

/** What a click in a chart or the overview asks the findings table to show. */
export interface FindingsQuery {
  rule?: number;
  severity?: number;
  document?: number;
  location?: number;
}
