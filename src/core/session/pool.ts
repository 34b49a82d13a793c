import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { LintedInput } from '../engine/engine.js';
import type { SessionOptions } from './sessionOptions.js';

/** What a worker (`worker.ts`) is sent: the session to open, and the files to lint with it. */
export interface WorkerTask {
  options: SessionOptions;
  files: string[];
  /** Send back each file's content hash and stamp, for the main thread's cache. */
  withState: boolean;
}

/** Below this many files per worker, starting a worker (loading Spectral and the ruleset again) costs more than it saves. */
const FILES_PER_WORKER = 8;

/** How many workers a run of `files` documents is worth, at most one per core. */
export function workersFor(files: number, requested?: number): number {
  if (requested !== undefined) return Math.max(1, Math.min(requested, files));
  return Math.max(1, Math.min(availableParallelism(), Math.floor(files / FILES_PER_WORKER)));
}

function largestFirst(files: readonly string[]): string[] {
  const size = (file: string): number => {
    try {
      return statSync(file).size;
    } catch {
      return 0;
    }
  };
  return files
    .map((file) => ({ file, size: size(file) }))
    .sort((a, b) => b.size - a.size)
    .map(({ file }) => file);
}

/**
 * Lints files across worker threads, each with the session `options` describe, with their content's state
 * when `withState` (for the cache). Returns each file's result, by absolute path.
 */
export async function lintInPool(
  files: readonly string[],
  options: SessionOptions,
  workers: number,
  withState: boolean,
): Promise<Map<string, LintedInput>> {
  // Source files run through tsx in development, compiled files in production.
  const filename = new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url).href;
  // Loaded only when a run is worth workers: a single document never pays for it.
  const { Piscina } = await import('piscina');
  const pool = new Piscina<WorkerTask, LintedInput[]>({ filename, minThreads: workers, maxThreads: workers, idleTimeout: 1000 });
  try {
    // One file per task, largest first: a few large documents dominate a run, and fixed chunks left
    // one worker idle while another worked through them.
    const done = await Promise.all(largestFirst(files).map((file) => pool.run({ options, files: [file], withState })));
    return new Map(done.flat().map((result) => [result.source, result]));
  } finally {
    await pool.destroy();
  }
}
