import { resolve } from 'node:path';
import type { LintInput } from './core/engine/engine.js';
import { openWorkspace } from './core/session/workspace.js';
import type { LintOptions } from './core/session/sessionOptions.js';
import type { LintReport } from './core/results/types.js';

export { chooseRuleset, openSession, reportOf } from './core/session/session.js';
export type { RulesetChoice, Session } from './core/session/session.js';
export { openWorkspace } from './core/session/workspace.js';
export type { Workspace } from './core/session/workspace.js';
export type { LintOptions, SessionOptions } from './core/session/sessionOptions.js';

/**
 * Lints documents (file paths, or `{source, text}` for text in memory), each under the config
 * nearest to it, and returns every finding, input problems included, as Spectral-shaped objects.
 * Throws `UsageError` for a bad ruleset or config.
 */
export async function lint(documents: readonly LintInput[], options: LintOptions = {}): Promise<LintReport> {
  const cwd = resolve(options.cwd ?? process.cwd());
  return (await openWorkspace({ ...options, cwd })).lint(documents);
}
