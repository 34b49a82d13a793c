import { dirname, resolve } from 'node:path';
import type { Rule } from '@stoplight/spectral-core';
import { findConfigFile } from '../config/configFile.js';
import type { LintInput } from '../engine/engine.js';
import { STDIN_SOURCE } from '../parse/text.js';
import type { DocumentResult } from '../results/documentResult.js';
import type { LintReport } from '../results/types.js';
import type { FixLookup } from '../../fixes/index.js';
import { ResultCache } from './cache.js';
import { openSession, reportOf } from './session.js';
import type { FixedDocument, Session } from './session.js';
import type { SessionOptions } from './sessionOptions.js';

/**
 * The sessions of one run: each document is linted under the config nearest to it (found from its
 * own folder upward, as ESLint's flat config and the language server find it), unless the options
 * name one config for all. Sessions open on first use and share one result cache.
 */
export interface Workspace {
  /** The session of the working directory (its config, or the one named): what decides the default selection of documents. */
  primary: Session;
  /** The session a document is linted in. */
  sessionFor(source: string): Promise<Session>;
  /** The sessions opened so far, the primary first. */
  sessions(): Session[];
  /** Lints documents, each in its session, and gives each one's result in their order. */
  lintEach(documents: readonly LintInput[]): Promise<DocumentResult[]>;
  lint(documents: readonly LintInput[]): Promise<LintReport>;
  /** The documents' mechanical fixes, each by its session (see `Session.fix`). */
  fix(documents: readonly LintInput[], fixOf?: FixLookup): Promise<FixedDocument[]>;
  /** Every rule in force in the sessions opened, by id (the first session's definition wins): what report formats describe. */
  rules(): Promise<Record<string, Rule>>;
  /** Writes the result cache, when there is one. */
  saveCache(): Promise<void>;
}

const sourceOf = (input: LintInput): string => (typeof input === 'string' ? input : input.source);

/** Groups items by the session of each one's source, keeping their order within each group. */
async function bySession<T>(items: readonly T[], source: (item: T) => string, sessionFor: (source: string) => Promise<Session>) {
  const groups = new Map<Session, Array<{ item: T; index: number }>>();
  for (const [index, item] of items.entries()) {
    const session = await sessionFor(source(item));
    const group = groups.get(session) ?? [];
    group.push({ item, index });
    groups.set(session, group);
  }
  return groups;
}

export async function openWorkspace(options: SessionOptions = {}): Promise<Workspace> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const cache =
    options.resultCache ??
    (options.cacheLocation === undefined ? undefined : await ResultCache.open(resolve(cwd, options.cacheLocation), options.cacheStrategy));
  const shared: SessionOptions = { ...options, cwd, ...(cache !== undefined ? { resultCache: cache } : {}) };
  const primary = await openSession(shared);
  // A config named (or refused, with null) applies to every document.
  const routed = options.configPath === undefined;
  const byConfig = new Map<string | undefined, Promise<Session>>([[primary.configPath, Promise.resolve(primary)]]);
  const opened: Session[] = [primary];

  const sessionFor = (source: string): Promise<Session> => {
    if (!routed || source === STDIN_SOURCE) return Promise.resolve(primary);
    const configPath = findConfigFile(dirname(resolve(cwd, source)));
    let session = byConfig.get(configPath);
    if (session === undefined) {
      // The user's working directory still resolves what the user named (`-r ./team.yaml`); the
      // config resolves its own files from its folder.
      session = openSession({ ...shared, configPath: configPath ?? null });
      byConfig.set(configPath, session);
      session.then(
        (ready) => opened.push(ready),
        () => undefined,
      );
    }
    return session;
  };

  const lintEach = async (documents: readonly LintInput[]): Promise<DocumentResult[]> => {
    const inputs = documents.map((input): LintInput => (typeof input === 'string' ? resolve(cwd, input) : input));
    const results = new Array<DocumentResult>(inputs.length);
    for (const [session, group] of await bySession(inputs, sourceOf, sessionFor)) {
      const linted = await session.lintEach(group.map(({ item }) => item));
      for (const [at, { index }] of group.entries()) results[index] = linted[at]!;
    }
    return results;
  };

  return {
    primary,
    sessionFor,
    sessions: () => [...opened],
    lintEach,
    lint: async (documents) => reportOf(await lintEach(documents)),
    fix: async (documents, fixOf) => {
      const inputs = documents.map((input): LintInput => (typeof input === 'string' ? resolve(cwd, input) : input));
      const fixed: FixedDocument[] = [];
      for (const [session, group] of await bySession(inputs, sourceOf, sessionFor))
        fixed.push(
          ...(await session.fix(
            group.map(({ item }) => item),
            fixOf,
          )),
        );
      // In the documents' order, as a user reads the diff.
      const order = new Map(inputs.map((input, index) => [sourceOf(input), index]));
      return fixed.sort((a, b) => (order.get(a.source) ?? 0) - (order.get(b.source) ?? 0));
    },
    rules: async () => {
      const rules: Record<string, Rule> = {};
      for (const session of [...opened].reverse()) Object.assign(rules, (await session.ruleset()).rules);
      return rules;
    },
    saveCache: async () => {
      await cache?.save();
    },
  };
}
