import { readFile } from 'node:fs/promises';
import { isAbsolute, relative } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { UsageError } from '../core/errors.js';
import { applyIgnores } from '../core/ignoreFile.js';
import type { IgnoreList } from '../core/ignoreFile.js';
import type { Engine, LintInput } from '../core/linter.js';
import { fixText } from '../fixes/apply.js';
import { writeFileAtomic } from './io.js';

export interface FixedDocument {
  source: string;
  original: string;
  fixed: string;
  fixes: number;
}

/** Fixes each document in memory (ignored findings are left alone); documents that cannot be read are skipped, the lint reports them. */
export async function fixDocuments(engine: Engine, inputs: readonly LintInput[], ignores: IgnoreList): Promise<FixedDocument[]> {
  const results: FixedDocument[] = [];
  for (const input of inputs) {
    const source = typeof input === 'string' ? input : input.source;
    const original = typeof input === 'string' ? await readFile(source, 'utf8').catch(() => undefined) : input.text;
    if (original === undefined) continue;
    const lint = async (text: string) =>
      applyIgnores(
        (await engine.lintText(source, text)).findings.filter((f) => f.source === source),
        ignores,
      ).kept;
    const { text, applied } = await fixText(original, lint);
    if (text !== original) results.push({ source, original, fixed: text, fixes: applied.length });
  }
  return results;
}

/** Writes the fixed documents in place, atomically. */
export async function writeFixed(documents: readonly FixedDocument[]): Promise<void> {
  for (const document of documents) {
    if (!isAbsolute(document.source)) {
      throw new UsageError(`cannot fix ${document.source} in place (use --fix-dry-run to see the fixes)`);
    }
    try {
      await writeFileAtomic(document.source, document.fixed);
    } catch (error) {
      throw new UsageError(`cannot write ${document.source}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
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
