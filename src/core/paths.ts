import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The installed package's root directory (the one holding package.json, rulesets/ and docs/). */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const RULESETS_DIR = join(PACKAGE_ROOT, 'rulesets');
export const COMPILED_RULESETS_DIR = join(PACKAGE_ROOT, 'dist', 'rulesets');
/** The compiled rule functions, which the rulesets' `functionsDir` names. */
export const FUNCTIONS_DIR = join(PACKAGE_ROOT, 'dist', 'functions');
export const RULE_DOCS_DIR = join(PACKAGE_ROOT, 'docs', 'rules');
/** The pages of the codes apistyle reports itself (`parser`, `invalid-ref`, …). */
export const CODE_DOCS_DIR = join(PACKAGE_ROOT, 'docs', 'codes');

/** Whether `target` is `root` or lies below it. */
export function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Walks from `start` up to the filesystem root and returns the first directory for which `test` holds. */
export function findUp(start: string, test: (dir: string) => boolean): string | undefined {
  let dir = resolve(start);
  for (;;) {
    if (test(dir)) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The file of findings not to report ("apistyle lint --write-ignore"); see core/silence/ignoreFile.ts. */
export const IGNORE_FILE_NAME = '.apistyle-ignore.yaml';

/** The ignore file that goes with a config: next to it, else at the project root. */
export function ignoreFilePath(configPath: string | undefined, projectRoot: string): string {
  return join(configPath === undefined ? projectRoot : dirname(configPath), IGNORE_FILE_NAME);
}
