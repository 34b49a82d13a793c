import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  ExecuteCommandRequest,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShowMessageRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import type {
  CodeAction,
  Command,
  Diagnostic,
  FileEvent,
  Hover,
  InitializeResult,
  ProtocolConnection,
  PublishDiagnosticsParams,
  Range,
  ShowMessageParams,
  TextEdit,
} from 'vscode-languageserver-protocol/node';
import { CLI } from './cli.js';

export const uriOf = (path: string): string => pathToFileURL(path).href;

export interface ClientOptions {
  /** The server's working directory (the server must not depend on it). */
  cwd: string;
  initializationOptions?: Record<string, unknown>;
  /** Whether the client offers to send `workspace/didChangeWatchedFiles`. */
  watchesFiles?: boolean;
  /** How long each request, notification write and wait may take (default DEFAULT_DEADLINE_MS). */
  deadlineMs?: number;
  /** Whether the client answers window/showMessageRequest (default true); one that does not answers with an error. */
  answersMessageRequests?: boolean;
}

/** How long a request, a notification's write or a wait may take before the test fails, naming it. */
export const DEFAULT_DEADLINE_MS = 20_000;

/**
 * `promise`, or a rejection naming `what` once `ms` have passed: a stuck server fails the test
 * with the request it did not answer instead of hanging the run.
 */
export function withDeadline<T>(what: string, promise: Promise<T>, ms: number, detail: () => string = () => ''): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      const more = detail();
      reject(new Error(`${what}: no answer from the language server within ${ms} ms${more === '' ? '' : `\n${more}`}`));
    }, ms);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

/** An LSP client of `apistyle lsp --stdio`, run as a subprocess, as an editor runs it. */
export class LspClient {
  readonly #child: ChildProcessWithoutNullStreams;
  readonly connection: ProtocolConnection;
  /** Every publishDiagnostics received, in order. */
  readonly published: PublishDiagnosticsParams[] = [];
  /** Every message the server asked the editor to show (window/showMessage and window/showMessageRequest). */
  readonly messages: ShowMessageParams[] = [];
  readonly #waiters: Array<() => void> = [];
  readonly #versions = new Map<string, number>();
  readonly exited: Promise<number | null>;
  stderr = '';
  /** How long each request, notification write and wait may take. */
  deadlineMs: number;

  private constructor(child: ChildProcessWithoutNullStreams, options: ClientOptions) {
    this.#child = child;
    this.deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      for (const wake of this.#waiters.splice(0)) wake();
    });
    this.connection.onRequest(RegistrationRequest.type, () => undefined);
    this.connection.onNotification(ShowMessageNotification.type, (params) => {
      this.messages.push(params);
    });
    if (options.answersMessageRequests !== false) {
      this.connection.onRequest(ShowMessageRequest.type, (params) => {
        this.messages.push(params);
        return null;
      });
    }
    this.connection.listen();
  }

  get pid(): number {
    return this.#child.pid!;
  }

  /** A request, a notification's write or a wait, within the deadline; the server's stderr is shown when it expires. */
  #within<T>(what: string, promise: Promise<T>, ms = this.deadlineMs): Promise<T> {
    return withDeadline(what, promise, ms, () => (this.stderr === '' ? '' : `server stderr:\n${this.stderr}`));
  }

  static async start(options: ClientOptions): Promise<{ client: LspClient; initialized: InitializeResult }> {
    const child = spawn(process.execPath, [CLI, 'lsp', '--stdio'], { cwd: options.cwd, stdio: 'pipe' });
    const client = new LspClient(child, options);
    try {
      return { client, initialized: await client.#initialize(options) };
    } catch (error) {
      client.kill();
      throw error;
    }
  }

  async #initialize(options: ClientOptions): Promise<InitializeResult> {
    const initialized = await this.#within(
      'initialize',
      this.connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: uriOf(options.cwd),
        capabilities: {
          textDocument: {
            publishDiagnostics: { versionSupport: true },
            codeAction: {
              codeActionLiteralSupport: {
                codeActionKind: { valueSet: ['quickfix', 'refactor', 'source', 'source.fixAll', 'source.organizeImports'] },
              },
            },
          },
          workspace: { didChangeWatchedFiles: { dynamicRegistration: options.watchesFiles ?? false } },
        },
        initializationOptions: options.initializationOptions ?? null,
        workspaceFolders: null,
      }),
    );
    await this.#within('initialized', this.connection.sendNotification(InitializedNotification.type, {}));
    return initialized;
  }

  /** The latest diagnostics of a document, once `accept` holds for them (checked on each publication). */
  async diagnostics(
    uri: string,
    accept: (diagnostics: Diagnostic[], params: PublishDiagnosticsParams) => boolean = () => true,
    timeoutMs = this.deadlineMs,
  ): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const latest = this.published.filter((params) => params.uri === uri).at(-1);
      if (latest !== undefined && accept(latest.diagnostics, latest)) return latest.diagnostics;
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `no acceptable diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(latest?.diagnostics.map((d) => d.code))}\n${this.stderr}`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** How many publications a document has had so far. */
  publications(uri: string): number {
    return this.published.filter((params) => params.uri === uri).length;
  }

  async open(path: string, text: string, languageId = 'yaml'): Promise<string> {
    const uri = uriOf(path);
    this.#versions.set(uri, 1);
    await this.#within(
      `didOpen ${uri}`,
      this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } }),
    );
    return uri;
  }

  /** Replaces the whole text; returns the new version. */
  async change(uri: string, text: string): Promise<number> {
    const version = (this.#versions.get(uri) ?? 1) + 1;
    this.#versions.set(uri, version);
    await this.#within(
      `didChange ${uri} (version ${version})`,
      this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [{ text }],
      }),
    );
    return version;
  }

  /** Applies edits as an editor does (ranged changes). */
  async edit(uri: string, edits: readonly TextEdit[]): Promise<number> {
    const version = (this.#versions.get(uri) ?? 1) + 1;
    this.#versions.set(uri, version);
    // Last edit first, so that earlier ranges stay valid.
    const ordered = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
    await this.#within(
      `didChange ${uri} (version ${version}, ${edits.length} edits)`,
      this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: ordered.map((edit) => ({ range: edit.range, text: edit.newText })),
      }),
    );
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.#within(
      `didClose ${uri}`,
      this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } }),
    );
  }

  /** The editor saved the document (`textDocument/didSave`, without its text). */
  async save(uri: string): Promise<void> {
    await this.#within(`didSave ${uri}`, this.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } }));
  }

  async filesChanged(changes: FileEvent[]): Promise<void> {
    await this.#within(
      `didChangeWatchedFiles ${changes.map((change) => change.uri).join(' ')}`,
      this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes }),
    );
  }

  hover(uri: string, position: { line: number; character: number }): Promise<Hover | null> {
    return this.#within(
      `hover ${uri} ${position.line}:${position.character}`,
      this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }),
    );
  }

  /** The code actions (not bare commands) for a range; `only` asks for some kinds only, as `context.only`. */
  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const actions =
      (await this.#within(
        `codeAction ${uri} ${range.start.line}:${range.start.character}${only === undefined ? '' : ` only ${only.join(',')}`}`,
        this.connection.sendRequest(CodeActionRequest.type, {
          textDocument: { uri },
          range,
          context: { diagnostics, ...(only !== undefined ? { only } : {}) },
        }),
      )) ?? [];
    return actions.filter(
      (action): action is CodeAction => !('command' in action && typeof (action as Command).command === 'string' && !('kind' in action)),
    );
  }

  executeCommand(command: string, args: unknown[]): Promise<unknown> {
    return this.#within(
      `workspace/executeCommand ${command}`,
      this.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: args }),
    );
  }

  /** The server's exit code, once it has exited; fails after `timeoutMs` and kills it. */
  async exit(timeoutMs = 10_000): Promise<number | null> {
    try {
      return await this.#within('the server to exit', this.exited, timeoutMs);
    } catch (error) {
      this.kill();
      throw error;
    }
  }

  /** shutdown, then exit: resolves with the server's exit code. */
  async stop(): Promise<number | null> {
    try {
      await this.#within('shutdown', this.connection.sendRequest(ShutdownRequest.type));
      await this.#within('exit', this.connection.sendNotification(ExitNotification.type));
      return await this.exit();
    } finally {
      this.connection.dispose();
    }
  }

  /** The client goes away without a word: its end of the pipe closes. */
  disconnect(): void {
    this.connection.dispose();
    this.#child.stdin.end();
  }

  /** The server stops answering (SIGSTOP), as a server stuck in a loop would. */
  freeze(): void {
    this.#child.kill('SIGSTOP');
  }

  /** For tests that fail midway: never leave a server behind. */
  kill(): void {
    if (this.#child.exitCode === null) this.#child.kill('SIGKILL');
  }
}
