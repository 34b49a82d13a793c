import { isAbsolute, relative, sep } from 'node:path';

/** A finding's source as shown to users: relative to `cwd`, with forward slashes; `<stdin>` as is. */
export function displayPath(source: string, cwd: string): string {
  if (!isAbsolute(source)) return source;
  const rel = relative(cwd, source);
  return (rel === '' ? source : rel).split(sep).join('/');
}

/** Findings grouped by file, in the order the files were linted, files without findings included. */
export function groupBySource<T extends { source: string }>(documents: readonly string[], findings: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>(documents.map((document) => [document, []]));
  for (const finding of findings) {
    const group = groups.get(finding.source);
    if (group === undefined) groups.set(finding.source, [finding]);
    else group.push(finding);
  }
  return groups;
}
