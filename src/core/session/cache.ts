import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SeverityCounts } from '../results/types.js';

const FORMAT = 4;

/**
 * How a run tells that a file is unchanged. `metadata` (the default, as in ESLint): by its size,
 * times and inode when they are the same as when its content was hashed, else by hashing it again;
 * `content`: always by hashing it.
 */
export type CacheStrategy = 'metadata' | 'content';
export const CACHE_STRATEGIES: readonly CacheStrategy[] = ['metadata', 'content'];

/**
 * A change this soon after a file's last modification may leave its times as they were (file
 * systems keep them at a coarse granularity), so a stamp taken then cannot vouch for the content:
 * the file is hashed again on the next run, like Git's "racily clean" index entries.
 */
const RACY_MS = 2000;

/** A file's content hash, and its stat stamp when that can stand for the content. */
export interface FileState {
  content: string;
  stamp?: string;
}

/** Size, modification and change times (ns) and inode: a write, a `touch` or a replacement changes one. */
export function stampOf(path: string): string | undefined {
  try {
    const info = statSync(path, { bigint: true });
    // biome-ignore lint/complexity/useMathMinMax: the times are bigints, which Math.max does not take
    const changed = Number(info.mtimeNs > info.ctimeNs ? info.mtimeNs : info.ctimeNs) / 1e6;
    if (Date.now() - changed < RACY_MS) return undefined;
    return `${info.size}:${info.mtimeNs}:${info.ctimeNs}:${info.ino}`;
  } catch {
    return undefined;
  }
}

/** Hash of a document's content: its bytes as read, or its text (as UTF-8) when it came from memory. */
export function hashText(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/** A file's state, the stamp taken before the bytes are read: a write in between then shows as a changed stamp. */
export function fileState(path: string): FileState | undefined {
  const stamp = stampOf(path);
  try {
    const content = hashText(readFileSync(path));
    return stamp === undefined ? { content } : { content, stamp };
  } catch {
    return undefined;
  }
}

/** Where a rendered text sits in the cache file's blob: offset and length in bytes. */
type Span = [number, number];

interface Entry extends FileState {
  /** Hash of what else decides the document's findings: the build, the ruleset, the config, the `$ref` policy and its project root. */
  key: string;
  /** Each file the document `$ref`s (directly or through other files), by absolute path. */
  refs: Record<string, FileState>;
  counts: SeverityCounts;
  /** The findings as Spectral's JSON items (see formatters/jsonItems.ts). */
  items: Span;
  /** The findings silenced in the documents, rendered the same way. */
  suppressed: Span;
}

interface Header {
  format: number;
  entries: Record<string, Entry>;
}

/** A document's findings as an earlier run stored them. */
export interface CachedResult {
  counts: SeverityCounts;
  items: Uint8Array;
  suppressedItems: Uint8Array;
}

/** What a run stores for a document it linted. */
export interface FreshResult {
  state: FileState;
  referencedFiles: readonly string[];
  counts: SeverityCounts;
  items: string | Uint8Array;
  suppressedItems: string | Uint8Array;
}

const EMPTY: Span = [0, 0];

const asBytes = (content: string | Uint8Array): Uint8Array => (typeof content === 'string' ? Buffer.from(content, 'utf8') : content);

/**
 * Findings of earlier runs, keyed by the document's content, the content of every file it
 * `$ref`s, the ruleset and the build (like ESLint's cache): an unchanged document is not linted
 * again, and a changed `$ref`'d file invalidates the documents that use it. Each entry has its
 * own key, so the documents of several configs share one file.
 *
 * The file is one line of JSON (the entries) followed by the findings as rendered JSON items, so
 * that a run which changes nothing reads a small header and writes stored bytes as they are.
 */
export class ResultCache {
  readonly #path: string;
  readonly #strategy: CacheStrategy;
  #entries: Record<string, Entry> = {};
  #blob: Uint8Array = new Uint8Array(0);
  readonly #fresh = new Map<string, { items: string | Uint8Array; suppressedItems: string | Uint8Array }>();
  #dirty = false;

  private constructor(path: string, strategy: CacheStrategy) {
    this.#path = path;
    this.#strategy = strategy;
  }

  /** Opens the cache file; one written in another format, or unreadable, starts empty. */
  static async open(path: string, strategy: CacheStrategy = 'metadata'): Promise<ResultCache> {
    const cache = new ResultCache(path, strategy);
    try {
      const bytes = await readFile(path);
      const end = bytes.indexOf(0x0a);
      const header = JSON.parse(bytes.toString('utf8', 0, end === -1 ? bytes.length : end)) as Header;
      if (header.format === FORMAT && typeof header.entries === 'object' && end !== -1) {
        cache.#entries = header.entries;
        cache.#blob = bytes.subarray(end + 1);
      }
    } catch {
      // No cache yet, or one that cannot be used: start afresh.
    }
    return cache;
  }

  /** The stored result for the file `source` under `key`, when it and every file it references are unchanged. */
  lookup(source: string, key: string): CachedResult | undefined {
    const entry = this.#entries[source];
    if (entry === undefined || entry.key !== key || !this.#unchanged(source, entry) || !this.#refsUnchanged(entry)) return undefined;
    return this.#result(source, entry);
  }

  /** The stored result for a document given as text (`hashText` of it), when it and every file it references are unchanged. */
  lookupText(source: string, key: string, contentHash: string): CachedResult | undefined {
    const entry = this.#entries[source];
    if (entry === undefined || entry.key !== key || entry.content !== contentHash || !this.#refsUnchanged(entry)) return undefined;
    return this.#result(source, entry);
  }

  set(source: string, key: string, result: FreshResult): void {
    const refs: Record<string, FileState> = {};
    for (const file of result.referencedFiles) {
      const state = fileState(file);
      if (state !== undefined) refs[file] = state;
    }
    this.#entries[source] = { ...result.state, key, refs, counts: result.counts, items: EMPTY, suppressed: EMPTY };
    this.#fresh.set(source, { items: result.items, suppressedItems: result.suppressedItems });
    this.#dirty = true;
  }

  /** Writes the cache atomically, when anything changed. */
  async save(): Promise<void> {
    if (!this.#dirty) return;
    const chunks: Array<string | Uint8Array> = [];
    let offset = 0;
    const place = (content: string | Uint8Array): Span => {
      const bytes = asBytes(content);
      chunks.push(bytes);
      offset += bytes.length;
      return [offset - bytes.length, bytes.length];
    };
    const entries: Record<string, Entry> = {};
    for (const [source, entry] of Object.entries(this.#entries)) {
      const fresh = this.#fresh.get(source);
      const items = place(fresh?.items ?? this.#slice(entry.items));
      const suppressed = place(fresh?.suppressedItems ?? this.#slice(entry.suppressed));
      entries[source] = { ...entry, items, suppressed };
    }
    const header: Header = { format: FORMAT, entries };
    await mkdir(dirname(this.#path), { recursive: true });
    const temp = `${this.#path}.${process.pid}.tmp`;
    try {
      await writeFile(temp, [`${JSON.stringify(header)}\n`, ...chunks]);
      await rename(temp, this.#path);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
    this.#dirty = false;
  }

  #result(source: string, entry: Entry): CachedResult {
    const fresh = this.#fresh.get(source);
    if (fresh !== undefined) return { counts: entry.counts, items: asBytes(fresh.items), suppressedItems: asBytes(fresh.suppressedItems) };
    return { counts: entry.counts, items: this.#slice(entry.items), suppressedItems: this.#slice(entry.suppressed) };
  }

  #refsUnchanged(entry: Entry): boolean {
    return Object.entries(entry.refs).every(([file, state]) => this.#unchanged(file, state));
  }

  #slice([offset, length]: Span): Uint8Array {
    return this.#blob.subarray(offset, offset + length);
  }

  /** Whether a file still has the content recorded in `state`; a stamp found to stand for the same content is recorded. */
  #unchanged(file: string, state: FileState): boolean {
    const stamp = stampOf(file);
    if (this.#strategy === 'metadata' && stamp !== undefined && stamp === state.stamp) return true;
    let content: string;
    try {
      content = hashText(readFileSync(file));
    } catch {
      return false;
    }
    if (content !== state.content) return false;
    if (stamp !== undefined && stamp !== state.stamp) {
      state.stamp = stamp;
      this.#dirty = true;
    }
    return true;
  }
}
