import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Finding } from './types.js';

const FORMAT = 1;

interface Entry {
  /** Hash of the document's text. */
  text: string;
  /** Hash of each file it `$ref`s (directly or through other files), by absolute path. */
  refs: Record<string, string>;
  findings: Finding[];
}

interface CacheFile {
  format: number;
  /** Hash of what else decides the findings: apistyle's version and the ruleset. */
  key: string;
  entries: Record<string, Entry>;
}

export function hashText(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

function hashFile(path: string): string | undefined {
  try {
    return hashText(readFileSync(path));
  } catch {
    return undefined;
  }
}

/**
 * Findings of earlier runs, keyed by the document's content, the content of every file it
 * `$ref`s, the ruleset and apistyle's version (like ESLint's cache): an unchanged document is not
 * linted again, and a changed `$ref`'d file invalidates the documents that use it.
 */
export class ResultCache {
  readonly #path: string;
  readonly #key: string;
  #entries: Record<string, Entry> = {};
  #dirty = false;

  private constructor(path: string, key: string) {
    this.#path = path;
    this.#key = key;
  }

  /** Opens the cache file; one written for another ruleset or version, or unreadable, starts empty. */
  static async open(path: string, key: string): Promise<ResultCache> {
    const cache = new ResultCache(path, key);
    try {
      const data = JSON.parse(await readFile(path, 'utf8')) as CacheFile;
      if (data.format === FORMAT && data.key === key && typeof data.entries === 'object') cache.#entries = data.entries;
    } catch {
      // No cache yet, or one that cannot be used: start afresh.
    }
    return cache;
  }

  get(source: string, text: string): Finding[] | undefined {
    const entry = this.#entries[source];
    if (entry === undefined || entry.text !== hashText(text)) return undefined;
    for (const [file, hash] of Object.entries(entry.refs)) if (hashFile(file) !== hash) return undefined;
    return entry.findings;
  }

  set(source: string, text: string, referencedFiles: readonly string[], findings: Finding[]): void {
    const refs: Record<string, string> = {};
    for (const file of referencedFiles) {
      const hash = hashFile(file);
      if (hash !== undefined) refs[file] = hash;
    }
    this.#entries[source] = { text: hashText(text), refs, findings };
    this.#dirty = true;
  }

  /** Writes the cache atomically, when anything changed. */
  async save(): Promise<void> {
    if (!this.#dirty) return;
    await mkdir(dirname(this.#path), { recursive: true });
    const temp = `${this.#path}.${process.pid}.tmp`;
    const data: CacheFile = { format: FORMAT, key: this.#key, entries: this.#entries };
    await writeFile(temp, JSON.stringify(data));
    await rename(temp, this.#path);
    this.#dirty = false;
  }
}
