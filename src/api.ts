import { resolve } from 'node:path';
import type { LintInput } from './core/linter.js';
import { openSession } from './core/session.js';
import type { LintOptions } from './core/sessionOptions.js';
import type { LintReport } from './core/types.js';

export { chooseRuleset, openSession, reportOf } from './core/session.js';
export type { RulesetChoice, Session } from './core/session.js';
export type { LintOptions, SessionOptions } from './core/sessionOptions.js';

/**
 * Lints documents (file paths, or `{source, text}` for text in memory) and returns every finding,
 * input problems included, as Spectral-shaped objects. Throws `UsageError` for a bad ruleset or config.
 */
export async function lint(documents: readonly LintInput[], options: LintOptions = {}): Promise<LintReport> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const session = await openSession({ ...options, cwd });
  return session.lint(documents);
}
