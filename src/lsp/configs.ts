import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { parse } from 'yaml';
import type { Ruleset } from '@stoplight/spectral-core';
import { findConfigFile } from '../core/config/configRuleset.js';
import { oneLine } from '../core/errors.js';
import { projectRootOf } from '../core/config/projectRoot.js';
import { DEFAULT_RULESET } from '../core/config/rulesets.js';
import { openSession } from '../core/session/session.js';
import type { Session } from '../core/session/session.js';

/** What lints the documents under one config (or, without one, under one project root): the core's session for it. */
export interface Workspace {
  configPath: string | undefined;
  session: Session;
  ruleset: Ruleset;
  /** The config and the ruleset files it loaded: a change to any of them reloads it. */
  files: string[];
}

/** A config or ignore file that could not be used, with the one-line reason, the line it names, and what the server does meanwhile. */
export interface FileProblem {
  file: string;
  message: string;
  line: number;
  consequence: string;
}

/** The `extends` entries of a ruleset (and of its overrides) that name files, resolved from the file that names them. */
function extendedFiles(file: string): string[] {
  let data: unknown;
  try {
    data = parse(readFileSync(file, 'utf8'));
  } catch {
    return [];
  }
  if (typeof data !== 'object' || data === null) return [];
  const record = data as { extends?: unknown; overrides?: unknown };
  const lists = [
    record.extends,
    ...(Array.isArray(record.overrides)
      ? record.overrides.map((o: unknown) => (typeof o === 'object' && o !== null ? (o as { extends?: unknown }).extends : undefined))
      : []),
  ];
  return lists
    .flatMap((list) => (Array.isArray(list) ? list : list === undefined ? [] : [list]))
    .map((entry: unknown) => (Array.isArray(entry) ? entry[0] : entry))
    .filter((entry): entry is string => typeof entry === 'string' && (entry.startsWith('.') || isAbsolute(entry)))
    .map((entry) => resolve(dirname(file), entry));
}

/** The config and the ruleset files it extends, directly or through one another: a change to any of them reloads it. */
function configFiles(configPath: string): string[] {
  const files = new Set([configPath]);
  const queue = [configPath];
  while (queue.length > 0) {
    for (const file of extendedFiles(queue.pop()!)) {
      if (files.has(file)) continue;
      files.add(file);
      queue.push(file);
    }
  }
  return [...files];
}

function problemOf(file: string, message: string, consequence: string): FileProblem {
  const line = /\bline (\d+)\b/.exec(message)?.[1];
  return { file, message, line: line === undefined ? 0 : Number(line) - 1, consequence };
}

/**
 * The session of each document: the config found from the document's folder upward, as the CLI
 * finds it from its own, opened once and kept until one of its files changes. A config that fails
 * to load leaves the last good one in service and is reported as a problem.
 */
export class ConfigRegistry {
  readonly #workspaces = new Map<string, Workspace>();
  readonly #stale = new Set<string>();
  readonly #problems = new Map<string, FileProblem>();

  constructor(private readonly readOverride: (path: string) => string | undefined) {}

  /** Problems with config and ignore files, by file: shown as diagnostics on them. */
  get problems(): ReadonlyMap<string, FileProblem> {
    return this.#problems;
  }

  async workspaceFor(documentPath: string): Promise<Workspace> {
    const folder = dirname(documentPath);
    const configPath = findConfigFile(folder);
    const key = configPath ?? `root:${projectRootOf(documentPath, folder)}`;
    const known = this.#workspaces.get(key);
    if (known !== undefined && !this.#stale.has(key)) return known;
    this.#stale.delete(key);
    try {
      const workspace = await this.#open(folder, configPath);
      this.#workspaces.set(key, workspace);
      if (configPath !== undefined) this.#problems.delete(configPath);
      return workspace;
    } catch (error) {
      const file = configPath ?? documentPath;
      const consequence =
        known !== undefined
          ? 'apistyle keeps using the last config that loaded'
          : `apistyle lints with the default ruleset (${DEFAULT_RULESET}) until it loads`;
      this.#problems.set(file, problemOf(file, oneLine(error), consequence));
      if (known !== undefined) return known;
      // Never a good config yet: serve with the default ruleset until it is fixed.
      const fallback = await this.#open(folder, configPath, DEFAULT_RULESET);
      this.#workspaces.set(key, fallback);
      return fallback;
    }
  }

  /** Records, or clears, the problem of a workspace's ignore file after a lint read it. */
  noteIgnoreFile(workspace: Workspace): void {
    const { ignorePath } = workspace.session;
    const problem = workspace.session.ignoreFileProblem();
    if (problem === undefined) this.#problems.delete(ignorePath);
    else {
      const consequence = problem.lastGoodKept
        ? 'apistyle keeps using the last ignore list that loaded'
        : 'nothing is ignored until it loads';
      this.#problems.set(ignorePath, problemOf(ignorePath, problem.message, consequence));
    }
  }

  /** Files changed on disk: the configs that depend on them are reloaded on next use. Returns whether any did. */
  filesChanged(files: readonly string[]): boolean {
    const changed = new Set(files);
    let any = false;
    for (const [key, workspace] of this.#workspaces) {
      if (workspace.files.some((file) => changed.has(file))) {
        this.#stale.add(key);
        any = true;
      }
    }
    return any;
  }

  /** Forgets every config: the lookup starts afresh (a config was created or deleted). */
  reset(): void {
    for (const key of this.#workspaces.keys()) this.#stale.add(key);
  }

  async #open(folder: string, configPath: string | undefined, ruleset?: string): Promise<Workspace> {
    const session = await openSession({
      cwd: folder,
      // The fallback for a config that never loaded uses none; each document keeps the project root it
      // would have had (the broken config's folder).
      ...(ruleset === undefined ? { configPath: configPath ?? null } : { configPath: null, ruleset }),
      readOverride: this.readOverride,
      lintBrokenDocuments: true,
      keepLastGoodIgnoreFile: true,
    });
    const files = configPath === undefined ? [] : configFiles(configPath);
    return { configPath, session, ruleset: await session.ruleset(), files };
  }
}
