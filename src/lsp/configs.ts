import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { parse } from 'yaml';
import type { Ruleset } from '@stoplight/spectral-core';
import { chooseRuleset } from '../api.js';
import { findConfigFile, readConfig } from '../core/config.js';
import { oneLine } from '../core/errors.js';
import { ignoreFilePath, readIgnoreFile } from '../core/ignoreFile.js';
import type { IgnoreList } from '../core/ignoreFile.js';
import { Engine } from '../core/linter.js';
import { projectRootFor } from '../core/paths.js';
import { DEFAULT_RULESET, loadRuleset } from '../core/rulesets.js';

/** What lints the documents under one config (or, without one, under one project root). */
export interface Workspace {
  configPath: string | undefined;
  ruleset: Ruleset;
  engine: Engine;
  ignorePath: string;
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

function problemOf(file: string, error: unknown, consequence: string): FileProblem {
  const message = oneLine(error);
  const line = /\bline (\d+)\b/.exec(message)?.[1];
  return { file, message, line: line === undefined ? 0 : Number(line) - 1, consequence };
}

/**
 * The config of each document, found from the document's folder upward as the CLI finds it from
 * its own, loaded once and kept until one of its files changes. A config that fails to load
 * leaves the last good one in service and is reported as a problem.
 */
export class ConfigRegistry {
  readonly #workspaces = new Map<string, Workspace>();
  readonly #stale = new Set<string>();
  readonly #problems = new Map<string, FileProblem>();
  readonly #ignores = new Map<string, { mtimeMs: number; list: IgnoreList; loaded: boolean }>();

  constructor(private readonly readOverride: (path: string) => string | undefined) {}

  /** Problems with config and ignore files, by file: shown as diagnostics on them. */
  get problems(): ReadonlyMap<string, FileProblem> {
    return this.#problems;
  }

  async workspaceFor(documentPath: string): Promise<Workspace> {
    const folder = dirname(documentPath);
    const configPath = findConfigFile(folder);
    const key = configPath ?? `root:${projectRootFor(folder, undefined)}`;
    const known = this.#workspaces.get(key);
    if (known !== undefined && !this.#stale.has(key)) return known;
    this.#stale.delete(key);
    try {
      const workspace = await this.#load(folder, configPath);
      this.#workspaces.set(key, workspace);
      if (configPath !== undefined) this.#problems.delete(configPath);
      return workspace;
    } catch (error) {
      const file = configPath ?? documentPath;
      const consequence =
        known !== undefined
          ? 'apistyle keeps using the last config that loaded'
          : `apistyle lints with the default ruleset (${DEFAULT_RULESET}) until it loads`;
      this.#problems.set(file, problemOf(file, error, consequence));
      if (known !== undefined) return known;
      // Never a good config yet: serve with the default ruleset until it is fixed.
      const fallback = await this.#engineFor(folder, configPath, await loadRuleset(DEFAULT_RULESET));
      this.#workspaces.set(key, fallback);
      return fallback;
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

  /** The ignore file of a workspace, read again when it changed; a broken one leaves the last good list in force. */
  ignoresOf(workspace: Workspace): IgnoreList {
    const path = workspace.ignorePath;
    let mtimeMs = -1;
    try {
      mtimeMs = statSync(path).mtimeMs;
    } catch {
      // No ignore file: nothing ignored.
    }
    const cached = this.#ignores.get(path);
    if (cached !== undefined && cached.mtimeMs === mtimeMs) return cached.list;
    try {
      const list = readIgnoreFile(path);
      this.#ignores.set(path, { mtimeMs, list, loaded: true });
      this.#problems.delete(path);
      return list;
    } catch (error) {
      const loaded = cached?.loaded === true;
      const consequence = loaded ? 'apistyle keeps using the last ignore list that loaded' : 'nothing is ignored until it loads';
      this.#problems.set(path, problemOf(path, error, consequence));
      const list = cached?.list ?? { path, entries: [] };
      this.#ignores.set(path, { mtimeMs, list, loaded });
      return list;
    }
  }

  /** Forgets the cached ignore list of a file (it was just written). */
  forgetIgnores(path: string): void {
    this.#ignores.delete(path);
  }

  async #load(folder: string, configPath: string | undefined): Promise<Workspace> {
    const config = configPath === undefined ? undefined : readConfig(configPath);
    const ruleset = await chooseRuleset({ cwd: folder, ...(config !== undefined ? { config } : {}) });
    return this.#engineFor(folder, configPath, ruleset);
  }

  async #engineFor(folder: string, configPath: string | undefined, ruleset: Ruleset): Promise<Workspace> {
    const projectRoot = projectRootFor(folder, configPath);
    const engine = new Engine({ ruleset, projectRoot, readOverride: this.readOverride, lintBrokenDocuments: true });
    const files = configPath === undefined ? [] : configFiles(configPath);
    return { configPath, ruleset, engine, ignorePath: ignoreFilePath(configPath, projectRoot), files };
  }
}
