// Spectral's JSON output, written a document at a time: `-f json` output is the documents' items
// joined, so a document's items can be rendered once, stored in the result cache, and written
// again by a later run without being parsed or formatted.
import type { Finding } from './types.js';

/** A finding in the key order of Spectral's JSON formatter. */
function spectralShape(finding: Finding): Pick<Finding, 'code' | 'path' | 'message' | 'severity' | 'range' | 'source'> {
  return {
    code: finding.code,
    path: finding.path,
    message: finding.message,
    severity: finding.severity,
    range: finding.range,
    source: finding.source,
  };
}

/**
 * The findings as the items of Spectral's JSON array (tab-indented, one level deep), without the
 * brackets and without a separator after the last one; '' for none.
 */
export function renderJsonItems(findings: readonly Finding[]): string {
  if (findings.length === 0) return '';
  // JSON.stringify indents the items of a top-level array exactly as they appear inside the full output.
  return JSON.stringify(findings.map(spectralShape), null, '\t').slice(2, -2);
}

/** Findings back from their rendered items (what `renderJsonItems` wrote). */
export function parseJsonItems(items: string): Finding[] {
  return items === '' ? [] : (JSON.parse(`[${items}]`) as Finding[]);
}

/** The whole `-f json` output from the documents' rendered items, as chunks to write in order. */
export function jsonOutputChunks(items: ReadonlyArray<string | Uint8Array>): Array<string | Uint8Array> {
  const present = items.filter((item) => item.length > 0);
  if (present.length === 0) return ['[]\n'];
  const chunks: Array<string | Uint8Array> = ['[\n'];
  present.forEach((item, index) => {
    if (index > 0) chunks.push(',\n');
    chunks.push(item);
  });
  chunks.push('\n]\n');
  return chunks;
}
