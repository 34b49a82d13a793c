// The ignore file's entries and how they match findings: what every run with an ignore file
// needs, without the YAML library that reading and writing the file takes (ignoreFile.ts).
import { dirname } from 'node:path';
import { isInputProblem } from '../results/findings.js';
import { fingerprints, identityOf } from '../results/fingerprint.js';
import type { Finding } from '../results/types.js';

/**
 * One ignored finding. `fingerprint` identifies it exactly; the other fields say what it is to a
 * reader. An entry written by hand without a fingerprint ignores every finding of `rule` in
 * `file` (at `path`, when given).
 */
export interface IgnoreEntry {
  file: string;
  rule: string;
  path?: string;
  message?: string;
  fingerprint?: string;
}

export interface IgnoreList {
  /** Absolute path of the ignore file; file names in entries are relative to its folder. */
  path: string;
  entries: IgnoreEntry[];
}

/** Splits findings into those reported and those the ignore file silences. Input problems are never ignored. */
export function applyIgnores(findings: readonly Finding[], ignores: IgnoreList): { kept: Finding[]; suppressed: Finding[] } {
  if (ignores.entries.length === 0) return { kept: [...findings], suppressed: [] };
  const baseDir = dirname(ignores.path);
  const exact = new Set(ignores.entries.flatMap((entry) => (entry.fingerprint !== undefined ? [entry.fingerprint] : [])));
  const broad = ignores.entries.filter((entry) => entry.fingerprint === undefined);
  const prints = fingerprints(findings, baseDir);
  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  findings.forEach((finding, index) => {
    if (isInputProblem(finding)) {
      kept.push(finding);
      return;
    }
    const identity = identityOf(finding, baseDir);
    const matches =
      exact.has(prints[index]!) ||
      broad.some(
        (entry) =>
          entry.file === identity.file && entry.rule === identity.code && (entry.path === undefined || entry.path === identity.path),
      );
    (matches ? suppressed : kept).push(finding);
  });
  return { kept, suppressed };
}
