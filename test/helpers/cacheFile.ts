// Reads and rewrites apistyle's cache file (one line of JSON entries, then the findings as
// rendered JSON items at the byte spans the entries give), so that tests can tell a finding
// reused from the cache from a fresh one.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './cli.js';

const READ_TRACER = join(REPO_ROOT, 'test', 'fixtures', 'harness', 'trace-reads.cjs');

/** The environment that makes the CLI say on stderr each time it opens or reads a file whose path contains `part`. */
export function tracingReadsOf(part: string): Record<string, string> {
  return { NODE_OPTIONS: `--require ${READ_TRACER}`, APISTYLE_TRACE_READS: part };
}

/** How many times a run traced with `tracingReadsOf` read `file` (in `thread`, or in any). */
export function readsOf(stderr: string, file: string, thread?: 'main thread' | 'worker thread'): number {
  return stderr.split('\n').filter((line) => line.startsWith(`READ ${file} (`) && (thread === undefined || line.endsWith(`(${thread})`)))
    .length;
}

type Span = [number, number];
interface Entry {
  items: Span;
  suppressed: Span;
  stamp?: string;
}
export interface CacheHeader {
  format: number;
  key: string;
  entries: Record<string, Entry>;
}

export function readCacheHeader(file: string): CacheHeader {
  const bytes = readFileSync(file);
  return JSON.parse(bytes.toString('utf8', 0, bytes.indexOf(0x0a))) as CacheHeader;
}

/** Rewrites the stored findings of every entry (their JSON items), keeping the file's layout. */
export function rewriteCachedItems(file: string, rewrite: (items: string) => string): void {
  const bytes = readFileSync(file);
  const end = bytes.indexOf(0x0a);
  const header = JSON.parse(bytes.toString('utf8', 0, end)) as CacheHeader;
  const blob = bytes.subarray(end + 1);
  const chunks: Buffer[] = [];
  let offset = 0;
  for (const entry of Object.values(header.entries)) {
    for (const key of ['items', 'suppressed'] as const) {
      const [start, length] = entry[key];
      const text = blob.toString('utf8', start, start + length);
      const written = Buffer.from(key === 'items' ? rewrite(text) : text);
      entry[key] = [offset, written.length];
      offset += written.length;
      chunks.push(written);
    }
  }
  writeFileSync(file, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), ...chunks]));
}

/** Marks every cached finding's message, so that a reused one can be told from a fresh one. */
export function markCache(file: string): void {
  rewriteCachedItems(file, (items) => items.replaceAll('"message": "', '"message": "FROM CACHE '));
}
