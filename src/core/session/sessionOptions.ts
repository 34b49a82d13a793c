import type { Ruleset } from '@stoplight/spectral-core';
import type { CacheStrategy, ResultCache } from './cache.js';

export interface LintOptions {
  /** Worker threads for many documents: a number (1: none), or by default as many as the files are worth, up to the cores. */
  workers?: number;
  /**
   * The ruleset: a loaded one, a built-in name or ruleset file, or several of them. By default,
   * the ruleset of the apistyle config found from `cwd` upward, else `recommended`.
   */
  ruleset?: Ruleset | string | readonly string[];
  /** Where relative paths and the config lookup start (default: `process.cwd()`). */
  cwd?: string;
  /**
   * `$ref`s may not leave this directory. By default each document's own: the folder of its
   * nearest config, else its repository or package root, else its folder.
   */
  projectRoot?: string;
  /** Fetch http(s) `$ref`s (default: refused). */
  allowRemoteRefs?: boolean;
}

export interface SessionOptions extends LintOptions {
  /** An explicit config file, or null for none; by default one is searched from `cwd` upward. */
  configPath?: string | null;
  /** Keep findings of unchanged documents in this file and reuse them. */
  cacheLocation?: string;
  /** How the cache tells that a file is unchanged (default: `metadata`). */
  cacheStrategy?: CacheStrategy;
  /** A cache already opened, shared with other sessions (the sessions of one run's configs); wins over `cacheLocation`. */
  resultCache?: ResultCache;
  /** Text to use instead of a file's content on disk (an editor's unsaved buffers). */
  readOverride?: (path: string) => string | undefined;
  /** Lint what could be read of a document with syntax errors (an editor's half-typed text). */
  lintBrokenDocuments?: boolean;
  /** A broken ignore file leaves the last good one in force and is reported as a problem, instead of stopping the run (an editor). */
  keepLastGoodIgnoreFile?: boolean;
}
