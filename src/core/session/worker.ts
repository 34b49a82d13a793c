// A worker of the lint pool: opens the same session as the main thread (config, ruleset, `$ref`
// policy) once, then lints the files it is sent.
import type { LintedInput } from '../engine/engine.js';
import type { WorkerTask } from './pool.js';
import { openSession } from './session.js';
import type { Session } from './session.js';

let session: { key: string; opened: Promise<Session> } | undefined;

export default async function lintFiles(task: WorkerTask): Promise<LintedInput[]> {
  const key = JSON.stringify(task.options);
  if (session?.key !== key) session = { key, opened: openSession(task.options) };
  const opened = await session.opened;
  const results: LintedInput[] = [];
  for (const file of task.files) results.push(await (await opened.engine(file)).lintInput(file, task.withState));
  return results;
}
