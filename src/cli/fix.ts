import { isAbsolute, relative } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { UsageError, describeWriteError } from '../core/errors.js';
import type { FixedDocument } from '../core/session/session.js';
import { writeFileAtomic } from './io.js';

/** Writes the fixed documents in place, atomically. */
export async function writeFixed(documents: readonly FixedDocument[]): Promise<void> {
  for (const document of documents) {
    if (!isAbsolute(document.source)) {
      throw new UsageError(`cannot fix ${document.source} in place (use --fix-dry-run to see the fixes)`);
    }
    try {
      await writeFileAtomic(document.source, document.fixed);
    } catch (error) {
      throw new UsageError(`cannot write ${document.source}: ${describeWriteError(error)}`);
    }
  }
}

/** The fixes as one unified diff, file names relative to `cwd` (a/ and b/ prefixes, as git writes them). */
export function unifiedDiff(documents: readonly FixedDocument[], cwd: string): string {
  return documents
    .map((document) => {
      const name = relative(cwd, document.source).split('\\').join('/') || document.source;
      return createTwoFilesPatch(`a/${name}`, `b/${name}`, document.original, document.fixed, undefined, undefined, { context: 3 }).replace(
        /^=+\n/,
        '',
      );
    })
    .join('');
}
