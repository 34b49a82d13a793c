import { existsSync, readFileSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type ignoreFactory from 'ignore';
import type { Ignore } from 'ignore';
import { findUp } from './paths.js';
import { looksLikeOpenApi } from './parse/text.js';

export const STDIN_ARGUMENT = '-';

/** What the command line or config asked for, expanded: files to lint, and patterns that matched nothing. */
export interface FileSelection {
  files: string[];
  unmatched: string[];
  stdin: boolean;
}

const ALWAYS_SKIPPED = ['**/node_modules/**', '**/.git/**'];

/** The `!pattern` arguments of a list of patterns, without their `!`. */
export function exclusionsOf(patterns: readonly string[]): string[] {
  return patterns.filter((pattern) => pattern.startsWith('!')).map((pattern) => pattern.slice(1));
}

/**
 * Leaves out of `files` those that exclusion patterns (relative to `base`) match, named files
 * included: `!apis/legacy/**` and `!apis/legacy` both exclude everything under that folder.
 */
export async function withoutExcluded(files: readonly string[], exclusions: readonly string[], base: string): Promise<string[]> {
  if (exclusions.length === 0 || files.length === 0) return [...files];
  const { glob } = await import('tinyglobby');
  const patterns = exclusions.flatMap((pattern) => [pattern, `${pattern.replace(/\/+$/, '')}/**`]);
  const excluded = new Set(
    (await glob(patterns, { cwd: base, absolute: true, dot: true, ignore: ALWAYS_SKIPPED })).map((file) => resolve(file)),
  );
  return files.filter((file) => !excluded.has(resolve(file)));
}

/**
 * Expands file arguments and globs (relative to `base`) into absolute file paths, keeping their
 * order. `!pattern` excludes what it matches, whether a glob or a name found it.
 */
export async function expandPatterns(patterns: readonly string[], base: string): Promise<FileSelection> {
  const files: string[] = [];
  const unmatched: string[] = [];
  let stdin = false;
  // `!pattern` excludes, as in .gitignore and the config's `files`.
  const excluded = exclusionsOf(patterns);
  for (const pattern of patterns.filter((p) => !p.startsWith('!'))) {
    if (pattern === STDIN_ARGUMENT) {
      stdin = true;
      continue;
    }
    // Files named as they are (a hook or CI passes hundreds) need no glob library.
    if (existsSync(resolve(base, pattern))) {
      files.push(resolve(base, pattern));
      continue;
    }
    const { glob, isDynamicPattern } = await import('tinyglobby');
    if (!isDynamicPattern(pattern)) {
      files.push(resolve(base, pattern));
      continue;
    }
    const matches = await glob(pattern, { cwd: base, absolute: true, ignore: [...ALWAYS_SKIPPED, ...excluded], dot: false });
    if (matches.length === 0) unmatched.push(pattern);
    for (const match of matches.sort()) files.push(match);
  }
  return { files: await withoutExcluded([...new Set(files)], excluded, base), unmatched, stdin };
}

/**
 * Finds the OpenAPI documents under `cwd`: YAML and JSON files whose top level declares
 * `openapi` or `swagger`, skipping node_modules and whatever .gitignore files exclude.
 */
export async function discoverDocuments(cwd: string): Promise<string[]> {
  const root = resolve(cwd);
  const { glob } = await import('tinyglobby');
  const candidates = await glob(['**/*.{yaml,yml,json}'], { cwd: root, absolute: true, ignore: ALWAYS_SKIPPED, dot: false });
  const isIgnored = gitignoreFilter(root, (await import('ignore')).default);
  const documents: string[] = [];
  for (const file of candidates.sort()) {
    if (isIgnored(file)) continue;
    if (await startsLikeOpenApi(file)) documents.push(file);
  }
  return documents;
}

async function startsLikeOpenApi(file: string): Promise<boolean> {
  // Declarations sit at the top in practice; reading a bounded head keeps discovery cheap on large data files.
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.alloc(Math.min(size, 256 * 1024));
    await handle.read(buffer, 0, buffer.length, 0);
    return looksLikeOpenApi(buffer.toString('utf8'));
  } catch {
    return false;
  } finally {
    await handle.close();
  }
}

/** Honours every .gitignore from the repository root down to each file's directory, as git does. */
function gitignoreFilter(root: string, ignore: typeof ignoreFactory): (file: string) => boolean {
  const repoRoot = findUp(root, (dir) => existsSync(join(dir, '.git'))) ?? root;
  const matchers = new Map<string, Ignore | null>();
  const matcherFor = (dir: string) => {
    if (!matchers.has(dir)) {
      const file = join(dir, '.gitignore');
      matchers.set(dir, existsSync(file) && statSync(file).isFile() ? ignore().add(readFileSync(file, 'utf8')) : null);
    }
    return matchers.get(dir) ?? null;
  };
  return (file: string) => {
    let dir = dirname(file);
    const chain: string[] = [];
    while (dir.startsWith(repoRoot)) {
      chain.push(dir);
      if (dir === repoRoot) break;
      dir = dirname(dir);
    }
    return chain.some((base) => {
      const matcher = matcherFor(base);
      return matcher?.ignores(relative(base, file).split(sep).join('/'));
    });
  };
}
