import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
export const CLI = join(REPO_ROOT, 'bin', 'apistyle.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  stdin?: string | Buffer;
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
}

/** Runs the built CLI as a user would: a separate process, its own cwd, no TTY. */
export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  return new Promise((resolvePromise, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env };
    for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
    const child = spawn(process.execPath, [CLI, ...args], { cwd: options.cwd ?? REPO_ROOT, env, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
    child.stdin.end(options.stdin ?? '');
  });
}

/** A fresh temporary directory holding the given files (path → content). */
export function tempProject(files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'apistyle-test-'));
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return dir;
}

/** A small valid OpenAPI 3.0 document; `extra` is appended as YAML under `paths`. */
export function openapi(paths = '  {}', header = 'openapi: 3.0.3'): string {
  return `${header}\ninfo:\n  title: Test API\n  version: 1.0.0\nservers:\n  - url: https://api.example.com/v1\npaths:\n${paths}\n`;
}

/** A document with exactly one error (http server) and one warning (singular resource). */
export const ONE_ERROR_ONE_WARNING = `openapi: 3.0.3
info:
  title: Test API
  version: 1.0.0
servers:
  - url: http://api.example.com/v1
paths:
  /customer/{id}:
    get:
      parameters:
        - name: id
          in: path
          required: true
          schema:
            type: string
      responses:
        '200':
          description: The customer.
        '404':
          description: Not found.
`;

/** Only a warning: a singular resource segment. */
export const ONE_WARNING = ONE_ERROR_ONE_WARNING.replace('http://', 'https://');

export const CLEAN = ONE_WARNING.replace('/customer/{id}', '/customers/{id}');
