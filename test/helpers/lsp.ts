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
  ExecuteCommandRequest,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
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
}

/** An LSP client of `apistyle lsp --stdio`, run as a subprocess, as an editor runs it. */
export class LspClient {
  readonly #child: ChildProcessWithoutNullStreams;
  readonly connection: ProtocolConnection;
  /** Every publishDiagnostics received, in order. */
  readonly published: PublishDiagnosticsParams[] = [];
  readonly #waiters: Array<() => void> = [];
  readonly #versions = new Map<string, number>();
  readonly exited: Promise<number | null>;
  stderr = '';

  private constructor(child: ChildProcessWithoutNullStreams) {
    this.#child = child;
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      for (const wake of this.#waiters.splice(0)) wake();
    });
    this.connection.onRequest(RegistrationRequest.type, () => undefined);
    this.connection.listen();
  }

  get pid(): number {
    return this.#child.pid!;
  }

  static async start(options: ClientOptions): Promise<{ client: LspClient; initialized: InitializeResult }> {
    const child = spawn(process.execPath, [CLI, 'lsp', '--stdio'], { cwd: options.cwd, stdio: 'pipe' });
    const client = new LspClient(child);
    const initialized = await client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: uriOf(options.cwd),
      capabilities: {
        textDocument: {
          publishDiagnostics: { versionSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
        },
        workspace: { didChangeWatchedFiles: { dynamicRegistration: options.watchesFiles ?? false } },
      },
      initializationOptions: options.initializationOptions ?? null,
      workspaceFolders: null,
    });
    await client.connection.sendNotification(InitializedNotification.type, {});
    return { client, initialized };
  }

  /** The latest diagnostics of a document, once `accept` holds for them (checked on each publication). */
  async diagnostics(
    uri: string,
    accept: (diagnostics: Diagnostic[], params: PublishDiagnosticsParams) => boolean = () => true,
    timeoutMs = 20_000,
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
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  /** Replaces the whole text; returns the new version. */
  async change(uri: string, text: string): Promise<number> {
    const version = (this.#versions.get(uri) ?? 1) + 1;
    this.#versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
    return version;
  }

  /** Applies edits as an editor does (ranged changes). */
  async edit(uri: string, edits: readonly TextEdit[]): Promise<number> {
    const version = (this.#versions.get(uri) ?? 1) + 1;
    this.#versions.set(uri, version);
    // Last edit first, so that earlier ranges stay valid.
    const ordered = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: ordered.map((edit) => ({ range: edit.range, text: edit.newText })),
    });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async filesChanged(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  hover(uri: string, position: { line: number; character: number }): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
    const actions =
      (await this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics } })) ?? [];
    return actions.filter(
      (action): action is CodeAction => !('command' in action && typeof (action as Command).command === 'string' && !('kind' in action)),
    );
  }

  executeCommand(command: string, args: unknown[]): Promise<unknown> {
    return this.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
  }

  /** shutdown, then exit: resolves with the server's exit code. */
  async stop(): Promise<number | null> {
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await Promise.race([this.exited, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000))]);
    this.connection.dispose();
    if (code === 'timeout') {
      this.#child.kill('SIGKILL');
      throw new Error('the server did not exit within 10 s of exit');
    }
    return code;
  }

  /** The client goes away without a word: its end of the pipe closes. */
  disconnect(): void {
    this.connection.dispose();
    this.#child.stdin.end();
  }

  /** For tests that fail midway: never leave a server behind. */
  kill(): void {
    if (this.#child.exitCode === null) this.#child.kill('SIGKILL');
  }
}
