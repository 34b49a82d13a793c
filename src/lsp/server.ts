import { readFileSync } from 'node:fs';
import { basename, dirname, extname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  DidChangeWatchedFilesNotification,
  MessageType,
  ProposedFeatures,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import type { Diagnostic, InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAMES } from '../core/config/configRuleset.js';
import { looksLikeOpenApi } from '../core/parse/document.js';
import { oneLine } from '../core/errors.js';
import { fingerprints } from '../core/results/fingerprint.js';
import { entriesFor, IGNORE_FILE_NAME, readIgnoreFile, withEntries, writeIgnoreFile } from '../core/silence/ignoreFile.js';
import type { Finding } from '../core/results/types.js';
import { SourceDocument } from '../fixes/index.js';
import { codeActionsFor, findingsFor, IGNORE_COMMAND } from './codeActions.js';
import type { PublishedFinding } from './codeActions.js';
import { ConfigRegistry } from './configs.js';
import type { Workspace } from './configs.js';
import { problemDiagnostic, toDiagnostic } from './diagnostics.js';
import { hoverAt } from './hover.js';
import { RefGraph } from './refGraph.js';
import { LintScheduler } from './scheduler.js';
import { FolderWatcher } from './watcher.js';

/** How long a change waits for the next keystroke before the document is linted. */
const DEFAULT_DEBOUNCE_MS = 200;
const DOCUMENT_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
const WATCHED_NAMES: ReadonlySet<string> = new Set([...CONFIG_FILE_NAMES, IGNORE_FILE_NAME]);

interface Published {
  version: number;
  workspace: Workspace;
  /** Every finding of the last run, the ignored ones included (the ignore command needs their fingerprints). */
  findings: Finding[];
  /** The findings shown. */
  entries: PublishedFinding[];
}

function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** YAML or JSON that declares `openapi`/`swagger` at its top level; other files are left alone. */
function isOpenApi(document: TextDocument, path: string): boolean {
  const byLanguage = ['yaml', 'json', 'jsonc'].includes(document.languageId);
  return (byLanguage || DOCUMENT_EXTENSIONS.has(extname(path).toLowerCase())) && looksLikeOpenApi(document.getText());
}

function lineOf(file: string, line: number): string {
  try {
    return readFileSync(file, 'utf8').split(/\r?\n/)[line] ?? '';
  } catch {
    return '';
  }
}

/** Runs the language server on standard input and output until the client says exit. */
export function startServer(): Promise<never> {
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  const documents = new TextDocuments(TextDocument);
  /** Open documents by file path, to read their unsaved text when another document `$ref`s them. */
  const openUris = new Map<string, string>();
  const configs = new ConfigRegistry((path) => {
    const uri = openUris.get(path);
    return uri === undefined ? undefined : documents.get(uri)?.getText();
  });
  const graph = new RefGraph();
  const published = new Map<string, Published>();
  const lintDiagnostics = new Map<string, Diagnostic[]>();
  const problemDiagnostics = new Map<string, Diagnostic[]>();
  const seen = new Set<string>();
  let debounceMs = DEFAULT_DEBOUNCE_MS;

  const uriOf = (path: string) => openUris.get(path) ?? pathToFileURL(path).href;

  const publish = (uri: string, version?: number) => {
    const diagnostics = [...(lintDiagnostics.get(uri) ?? []), ...(problemDiagnostics.get(uri) ?? [])];
    void connection.sendDiagnostics({ uri, diagnostics, ...(version !== undefined ? { version } : {}) });
  };

  /** Shows what is wrong with config and ignore files, and clears what no longer is. */
  const refreshProblems = () => {
    const current = new Map<string, Diagnostic[]>();
    for (const problem of configs.problems.values())
      current.set(uriOf(problem.file), [problemDiagnostic(problem, lineOf(problem.file, problem.line))]);
    const uris = new Set([...problemDiagnostics.keys(), ...current.keys()]);
    for (const uri of uris) {
      const before = JSON.stringify(problemDiagnostics.get(uri) ?? []);
      const after = current.get(uri);
      if (after === undefined) problemDiagnostics.delete(uri);
      else problemDiagnostics.set(uri, after);
      if (JSON.stringify(after ?? []) !== before) publish(uri);
    }
  };

  const forget = (uri: string) => {
    published.delete(uri);
    if (lintDiagnostics.delete(uri)) publish(uri);
  };

  const watcher = new FolderWatcher((files) => filesChanged(files), WATCHED_NAMES);

  const lintDocument = async (uri: string, isCurrent: () => boolean): Promise<void> => {
    const document = documents.get(uri);
    const path = pathOf(uri);
    if (document === undefined || path === undefined) return;
    if (!isOpenApi(document, path)) {
      graph.delete(path);
      forget(uri);
      return;
    }
    const { version } = document;
    const workspace = await configs.workspaceFor(path);
    watcher.watch([...workspace.files, workspace.session.ignorePath]);
    watcher.watchFolder(dirname(path));
    const { result, referencedFiles } = await workspace.session.lintText(path, document.getText());
    configs.noteIgnoreFile(workspace);
    refreshProblems();
    // An older run never overwrites a newer one's result.
    if (!isCurrent() || documents.get(uri)?.version !== version) return;
    graph.set(path, referencedFiles);
    watcher.watch(referencedFiles);
    // Fingerprints count identical findings in the order the rules reported them, ignored ones included, as the CLI does.
    const findings = result.findingsBeforeIgnoreFile;
    const prints = fingerprints(findings, dirname(workspace.session.ignorePath));
    const ignored = new Set(result.ignored);
    const entries = findings
      .map((finding, index) => ({
        finding,
        fingerprint: prints[index]!,
        diagnostic: toDiagnostic(finding, path, prints[index]!, workspace.ruleset),
      }))
      .filter((entry) => !ignored.has(entry.finding));
    published.set(uri, { version, workspace, findings, entries });
    lintDiagnostics.set(
      uri,
      entries.map((entry) => entry.diagnostic),
    );
    publish(uri, version);
  };

  const scheduler = new LintScheduler(async (uri, isCurrent) => {
    try {
      await lintDocument(uri, isCurrent);
    } catch (error) {
      connection.console.error(`apistyle: cannot lint ${uri}: ${oneLine(error)}`);
    }
  }, DEFAULT_DEBOUNCE_MS);

  const lintAll = (delayMs?: number) => {
    for (const document of documents.all()) scheduler.schedule(document.uri, delayMs);
  };

  /** The documents that `$ref` a file (open ones only: the others have no diagnostics to refresh). */
  const lintUsersOf = (path: string) => {
    for (const user of graph.usersOf(path)) {
      const uri = openUris.get(user);
      if (uri !== undefined) scheduler.schedule(uri);
    }
  };

  function filesChanged(files: readonly string[]): void {
    const names = files.map((file) => basename(file));
    if (names.some((name) => CONFIG_FILE_NAMES.includes(name))) configs.reset();
    const configChanged = configs.filesChanged(files) || names.some((name) => CONFIG_FILE_NAMES.includes(name));
    if (configChanged || names.includes(IGNORE_FILE_NAME)) {
      lintAll();
      return;
    }
    for (const file of files) if (!openUris.has(file)) lintUsersOf(file);
  }

  connection.onInitialize((params): InitializeResult => {
    const options = params.initializationOptions as { debounceMs?: unknown } | undefined;
    if (typeof options?.debounceMs === 'number' && options.debounceMs >= 0) debounceMs = options.debounceMs;
    const watchesFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    if (watchesFiles) {
      connection.onInitialized(() => {
        void connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: '**/*.{yaml,yml,json}' }, { globPattern: `**/${IGNORE_FILE_NAME}` }],
        });
      });
    }
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        executeCommandProvider: { commands: [IGNORE_COMMAND] },
      },
      serverInfo: { name: 'apistyle' },
    };
  });

  documents.onDidChangeContent(({ document }) => {
    const path = pathOf(document.uri);
    if (path !== undefined) openUris.set(path, document.uri);
    // The first content of a document is linted at once; edits wait for the typing to pause.
    scheduler.schedule(document.uri, seen.has(document.uri) ? debounceMs : 0);
    seen.add(document.uri);
    if (path !== undefined) lintUsersOf(path);
  });

  documents.onDidSave(({ document }) => {
    // A saved config, ruleset or `$ref`'d file: clients that do not watch files still say so.
    const path = pathOf(document.uri);
    if (path !== undefined) filesChanged([path]);
  });

  documents.onDidClose(({ document }) => {
    const path = pathOf(document.uri);
    scheduler.cancel(document.uri);
    seen.delete(document.uri);
    forget(document.uri);
    if (path === undefined) return;
    openUris.delete(path);
    graph.delete(path);
    // Documents that `$ref` it now read it from disk again.
    lintUsersOf(path);
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    filesChanged(changes.flatMap((change) => pathOf(change.uri) ?? []));
  });

  connection.onHover(({ textDocument, position }) => {
    const state = published.get(textDocument.uri);
    const path = pathOf(textDocument.uri);
    if (state === undefined || path === undefined) return null;
    return hoverAt(
      state.entries.map((entry) => entry.finding),
      path,
      position,
      state.workspace.ruleset,
    );
  });

  connection.onCodeAction(({ textDocument, range, context }) => {
    if (
      context.only !== undefined &&
      !context.only.some((kind) => kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${kind}.`))
    )
      return [];
    const document = documents.get(textDocument.uri);
    const state = published.get(textDocument.uri);
    if (document === undefined || state === undefined) return [];
    let source: SourceDocument | undefined;
    return codeActionsFor(
      document,
      findingsFor(state.entries, context.diagnostics, range),
      () => (source ??= new SourceDocument(document.getText())),
      (finding, error) =>
        connection.console.error(`apistyle: the fix for ${finding.code} in ${textDocument.uri} failed: ${oneLine(error)}`),
    );
  });

  connection.onExecuteCommand(async ({ command, arguments: args }) => {
    if (command !== IGNORE_COMMAND || !Array.isArray(args)) return null;
    const [uri, fingerprint] = args as unknown[];
    const state = typeof uri === 'string' ? published.get(uri) : undefined;
    if (state === undefined || typeof fingerprint !== 'string') return null;
    const { ignorePath } = state.workspace.session;
    const entry = entriesFor(state.findings, dirname(ignorePath)).find((candidate) => candidate.fingerprint === fingerprint);
    if (entry === undefined) return null;
    try {
      await writeIgnoreFile(withEntries(readIgnoreFile(ignorePath), [entry]));
    } catch (error) {
      // A notification, not showErrorMessage's request: a client that cannot answer it must not bring the server down.
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: `apistyle: ${oneLine(error)}` });
      return null;
    }
    state.workspace.session.forgetIgnoreFile();
    lintAll(0);
    return null;
  });

  connection.onShutdown(() => {
    scheduler.close();
    watcher.close();
  });

  documents.listen(connection);
  connection.listen();
  // The connection ends the process itself on `exit` (or when the client goes away).
  return new Promise<never>(() => undefined);
}
