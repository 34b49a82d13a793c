import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Finding } from './types.js';

const FORMAT = 2;

/**
 * A finding as stored: `[code, message, path, severity, start line, start character, end line,
 * end character, source]`, the source left out when it is the document itself. A large run's
 * cache holds hundreds of thousands of findings, and objects with repeated keys and nested
 * ranges made reading it back cost as much as the rest of a warm run.
 */
type StoredFinding = [string, string, Finding['path'], Finding['severity'], number, number, number, number, string?];

interface Entry {
  /** Hash of the document's content. */
  content: string;
  /** Hash of each file it `$ref`s (directly or through other files), by absolute path. */
  refs: Record<string, string>;
  findings: StoredFinding[];
}

function store(finding: Finding, source: string): StoredFinding {
  const { start, end } = finding.range;
  const stored: StoredFinding = [finding.code, finding.message, finding.path, finding.severity, start.line, start.character, end.line, end.character];
  if (finding.source !== source) stored.push(finding.source);
  return stored;
}

function restore(stored: StoredFinding, source: string): Finding {
  const [code, message, path, severity, startLine, startCharacter, endLine, endCharacter, otherSource] = stored;
  return { code, message, path, severity, range: { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } }, source: otherSource ?? source };
}

interface CacheFile {
  format: number;
  /** Hash of what else decides the findings: apistyle's version and the ruleset. */
  key: string;
  entries: Record<string, Entry>;
}

/** Hash of a document's content: its bytes as read, or its text (as UTF-8) when it came from memory. */
export function hashText(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
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

  /** The findings stored for `source`, if its content (`hashText`) and every file it references are unchanged. */
  get(source: string, contentHash: string): Finding[] | undefined {
    const entry = this.#entries[source];
    if (entry === undefined || entry.content !== contentHash) return undefined;
    for (const [file, hash] of Object.entries(entry.refs)) if (hashFile(file) !== hash) return undefined;
    return entry.findings.map((stored) => restore(stored, source));
  }

  set(source: string, contentHash: string, referencedFiles: readonly string[], findings: Finding[]): void {
    const refs: Record<string, string> = {};
    for (const file of referencedFiles) {
      const hash = hashFile(file);
      if (hash !== undefined) refs[file] = hash;
    }
    this.#entries[source] = { content: contentHash, refs, findings: findings.map((finding) => store(finding, source)) };
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
