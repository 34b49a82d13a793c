import { createHash } from 'node:crypto';
import { isAbsolute, relative, sep } from 'node:path';
import type { Finding, FindingIdentity } from './types.js';

export type { FindingIdentity } from './types.js';

/** `source` relative to `baseDir`, with forward slashes; `<stdin>` and other non-paths as they are. */
export function relativeSource(source: string, baseDir: string): string {
  if (!isAbsolute(source)) return source;
  const rel = relative(baseDir, source);
  return (rel === '' ? source : rel).split(sep).join('/');
}

/** A JSON path as one string, `paths./pets.get.responses.200`, with `~` and `.` escaped as in JSON pointers. */
export function joinJsonPath(path: readonly (string | number)[]): string {
  return path.map((segment) => String(segment).replace(/~/g, '~0').replace(/\./g, '~1')).join('.');
}

export function identityOf(finding: Finding, baseDir: string): FindingIdentity {
  return {
    file: relativeSource(finding.source, baseDir),
    code: finding.code,
    path: joinJsonPath(finding.path),
    message: finding.message.replace(/\s+/g, ' ').trim(),
  };
}

function hash(identity: FindingIdentity, occurrence: number): string {
  const key = JSON.stringify([identity.file, identity.code, identity.path, identity.message, occurrence]);
  return createHash('sha256').update(key).digest('hex');
}

/**
 * One fingerprint per finding, in the order given. Identical findings (same file, rule, path and
 * message) are told apart by their occurrence among themselves, so each keeps its own fingerprint
 * as long as their number does not change.
 */
export function fingerprints(findings: readonly Finding[], baseDir: string): string[] {
  const occurrences = new Map<string, number>();
  return findings.map((finding) => {
    const identity = identityOf(finding, baseDir);
    const key = JSON.stringify(identity);
    const occurrence = occurrences.get(key) ?? 0;
    occurrences.set(key, occurrence + 1);
    return hash(identity, occurrence);
  });
}
