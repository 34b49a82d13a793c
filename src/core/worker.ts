// A worker of the lint pool: opens the same session as the main thread (config, ruleset, `$ref`
// policy) once, then lints the files it is sent.
import { openSession } from '../api.js';
import type { Session, SessionOptions } from '../api.js';
import type { Finding } from './types.js';

export interface WorkerTask {
  options: SessionOptions;
  files: string[];
}

export interface WorkerResult {
  source: string;
  contentHash: string | undefined;
  findings: Finding[];
  referencedFiles: string[];
}

let session: { key: string; opened: Promise<Session> } | undefined;

export default async function lintFiles(task: WorkerTask): Promise<WorkerResult[]> {
  const key = JSON.stringify(task.options);
  if (session?.key !== key) session = { key, opened: openSession(task.options) };
  const { engine } = await session.opened;
  const results: WorkerResult[] = [];
  for (const file of task.files) results.push(await engine.lintFile(file));
  return results;
}
