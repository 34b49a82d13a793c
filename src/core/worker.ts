// A worker of the lint pool: opens the same session as the main thread (config, ruleset, `$ref`
// policy) once, then lints the files it is sent.
import { openSession } from '../api.js';
import type { Session, SessionOptions } from '../api.js';
import type { LintedInput } from './linter.js';

export interface WorkerTask {
  options: SessionOptions;
  files: string[];
  /** Send back each file's content hash and stamp, for the main thread's cache. */
  withState: boolean;
}

let session: { key: string; opened: Promise<Session> } | undefined;

export default async function lintFiles(task: WorkerTask): Promise<LintedInput[]> {
  const key = JSON.stringify(task.options);
  if (session?.key !== key) session = { key, opened: openSession(task.options) };
  const engine = await (await session.opened).engine();
  const results: LintedInput[] = [];
  for (const file of task.files) results.push(await engine.lintInput(file, task.withState));
  return results;
}
