import { parseUserYaml } from '../parse/userYaml.js';
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { UsageError, describeReadError, describeWriteError } from '../errors.js';
import { fingerprints, identityOf } from '../results/fingerprint.js';
import { isInputProblem } from '../results/findings.js';
import type { IgnoreEntry, IgnoreList } from './ignoreList.js';
import type { Finding } from '../results/types.js';

export { IGNORE_FILE_NAME, ignoreFilePath } from '../paths.js';
export { applyIgnores } from './ignoreList.js';
export type { IgnoreEntry, IgnoreList } from './ignoreList.js';

const HEADER = `# Findings apistyle does not report, written by "apistyle lint --write-ignore" and by the
# editor's "ignore this finding". file is relative to this folder; fingerprint identifies one
# finding (file, rule, JSON path and message). An entry without a fingerprint ignores the rule
# in the file (at path, when given).
`;

function fail(path: string, problem: string): never {
  throw new UsageError(`ignore file ${path}: ${problem}`);
}

const ENTRY_KEYS = new Set(['file', 'rule', 'path', 'message', 'fingerprint']);

function readEntry(path: string, value: unknown, index: number): IgnoreEntry {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, `entry ${index + 1} must be a mapping`);
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!ENTRY_KEYS.has(key)) fail(path, `entry ${index + 1} has an unknown key "${key}" (expected ${[...ENTRY_KEYS].join(', ')})`);
  }
  for (const key of ENTRY_KEYS) {
    if (record[key] !== undefined && typeof record[key] !== 'string') fail(path, `entry ${index + 1}: "${key}" must be a string`);
  }
  if (record['file'] === undefined || record['rule'] === undefined) fail(path, `entry ${index + 1} needs a "file" and a "rule"`);
  return record as unknown as IgnoreEntry;
}

/** Parses an ignore file's text; throws `UsageError` naming the file and the problem. */
export function parseIgnoreFile(path: string, text: string): IgnoreList {
  const parsed = parseUserYaml(text);
  if ('error' in parsed) fail(path, parsed.error);
  const data = parsed.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) fail(path, 'must be a mapping with an "ignore" list');
  const record = data as Record<string, unknown>;
  const unknown = Object.keys(record).find((key) => key !== 'ignore');
  if (unknown !== undefined) fail(path, `unknown key "${unknown}" (expected "ignore")`);
  const list = record['ignore'] ?? [];
  if (!Array.isArray(list)) fail(path, '"ignore" must be a list');
  return { path, entries: list.map((entry, index) => readEntry(path, entry, index)) };
}

/** Reads an ignore file; a missing one ignores nothing. Throws `UsageError` for an unreadable or malformed file. */
export function readIgnoreFile(path: string): IgnoreList {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { path, entries: [] };
    fail(path, describeReadError(error));
  }
  return parseIgnoreFile(path, text);
}

/** The entries that record these findings (input problems left out), one per finding, in order. */
export function entriesFor(findings: readonly Finding[], baseDir: string): IgnoreEntry[] {
  const recordable = findings.filter((finding) => !isInputProblem(finding));
  const prints = fingerprints(recordable, baseDir);
  return recordable.map((finding, index) => {
    const identity = identityOf(finding, baseDir);
    return { file: identity.file, rule: identity.code, path: identity.path, message: identity.message, fingerprint: prints[index]! };
  });
}

/** Adds entries to an ignore list, skipping those it already holds. */
export function withEntries(ignores: IgnoreList, added: readonly IgnoreEntry[]): IgnoreList {
  const key = (entry: IgnoreEntry) => entry.fingerprint ?? JSON.stringify([entry.file, entry.rule, entry.path]);
  const known = new Set(ignores.entries.map(key));
  const entries = [...ignores.entries];
  for (const entry of added) {
    if (known.has(key(entry))) continue;
    known.add(key(entry));
    entries.push(entry);
  }
  return { path: ignores.path, entries };
}

/** Writes an ignore file atomically: a reader never sees half of it. */
export async function writeIgnoreFile(ignores: IgnoreList): Promise<void> {
  const text = HEADER + stringify({ ignore: ignores.entries }, { lineWidth: 0 });
  const temp = join(dirname(ignores.path), `.${basename(ignores.path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, text, 'utf8');
    await rename(temp, ignores.path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw new UsageError(`cannot write the ignore file ${ignores.path}: ${describeWriteError(error)}`);
  }
}
