// The ignore file of a project as a session sees it: read when first needed and again whenever
// the file changes on disk, so a long-running client (the editor) follows edits to it.
import { statSync } from 'node:fs';
import { oneLine } from '../errors.js';
import type { IgnoreList } from './ignoreList.js';

export interface IgnoreFileProblem {
  file: string;
  message: string;
  /** Whether an earlier, good version of the file stands in for it (else nothing is ignored). */
  lastGoodKept: boolean;
}

export class IgnoreFileState {
  readonly path: string;
  /** Keep serving the last good list when the file breaks (an editor), instead of throwing (a run). */
  readonly #keepLastGood: boolean;
  #stamp: number | undefined;
  #list: IgnoreList | undefined;
  #problem: IgnoreFileProblem | undefined;
  #loadedOnce = false;

  constructor(path: string, keepLastGood: boolean) {
    this.path = path;
    this.#keepLastGood = keepLastGood;
  }

  /** What is wrong with the file, while it is broken and the last good list stands in for it. */
  get problem(): IgnoreFileProblem | undefined {
    return this.#problem;
  }

  /** The entries in force; throws `UsageError` for a broken file unless the last good list is kept. */
  async list(): Promise<IgnoreList> {
    let stamp: number | undefined;
    try {
      stamp = statSync(this.path).mtimeMs;
    } catch {
      stamp = undefined;
    }
    if (this.#list !== undefined && stamp === this.#stamp) return this.#list;
    if (stamp === undefined) {
      this.#remember(stamp, { path: this.path, entries: [] });
      return this.#list!;
    }
    // The reader and its YAML library load only for a project that has an ignore file.
    const { readIgnoreFile } = await import('./ignoreFile.js');
    try {
      this.#remember(stamp, readIgnoreFile(this.path));
    } catch (error) {
      if (!this.#keepLastGood) throw error;
      this.#problem = { file: this.path, message: oneLine(error), lastGoodKept: this.#loadedOnce };
      this.#stamp = stamp;
      this.#list ??= { path: this.path, entries: [] };
    }
    return this.#list!;
  }

  /** Forgets what was read: the next use reads the file again (it was just written). */
  forget(): void {
    this.#list = undefined;
    this.#stamp = undefined;
  }

  #remember(stamp: number | undefined, list: IgnoreList): void {
    this.#stamp = stamp;
    this.#list = list;
    this.#problem = undefined;
    this.#loadedOnce = true;
  }
}
