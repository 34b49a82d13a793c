// The language server on hostile input, typed as an editor sends it: it never crashes, its last
// diagnostics are those `apistyle lint -f json` gives for the final text, and a client that
// vanishes mid-stream leaves no process behind.
import { afterAll, describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { REPO_ROOT, runCli, tempProject } from './helpers/cli.js';
import { LspClient } from './helpers/lsp.js';

const SAMPLE = readFileSync(join(REPO_ROOT, 'specs', 'recommended', 'violating.yaml'), 'utf8');

/** Small hostile documents, typed one character at a time. */
const TYPED: Record<string, string> = {
  'the sample, character by character': SAMPLE.slice(0, 700),
  'an alias bomb': [
    'openapi: 3.0.3',
    'a: &a ["x","x","x","x","x","x","x","x","x"]',
    'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
    'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
    'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
    'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
    'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
    'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
    '',
  ].join('\n'),
  'tabs, CRLF and a scalar': 'openapi: 3.0.3\r\ninfo:\r\n\ttitle: x\r\n  version: "1"\r\njust a scalar',
  'a list, then a $ref to itself':
    '- a\n- b\n---\nopenapi: 3.1.0\ninfo: {title: x, version: "1"}\npaths: {}\ncomponents:\n  schemas:\n    A: {$ref: "#/components/schemas/A"}\n',
  'a $ref out of the project': 'openapi: 3.1.0\ninfo: {title: x, version: "1"}\npaths:\n  /a:\n    $ref: "../../../../etc/passwd"\n',
};

const clients: LspClient[] = [];
afterAll(() => {
  for (const client of clients) client.kill();
});

interface JsonFinding {
  code: string;
  message: string;
  severity: number;
  range: Diagnostic['range'];
}

/** A finding as both surfaces show it: rule, LSP severity (Spectral's plus one), range, message. */
type Key = [code: string, severity: number, range: Diagnostic['range'], message: string];
const keyOfDiagnostic = (d: Diagnostic): Key => [String(d.code), d.severity ?? 0, d.range, String(d.message)];
const keyOfFinding = (f: JsonFinding): Key => [f.code, f.severity + 1, f.range, f.message];
const sorted = (keys: Key[]): Key[] => keys.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
/** A syntax error (an LSP error with the code "parser"): the document could not be read as a whole. */
const isSyntaxError = ([code, severity]: Key): boolean => code === 'parser' && severity === 1;

/**
 * Checks the server's last diagnostics against `apistyle lint -f json` on the same text, saved to
 * the same file. They are equal, except that on a document with syntax errors the server also
 * shows the findings of what could be read (as editors want while typing), where the CLI stops at
 * the syntax errors: then the syntax errors are the same, and every CLI finding is shown.
 */
async function assertAgreesWithCli(project: string, text: string, diagnostics: Diagnostic[]): Promise<void> {
  writeFileSync(join(project, 'spec.yaml'), text);
  const run = await runCli(['lint', 'spec.yaml', '-f', 'json'], { cwd: project, timeoutMs: 60_000 });
  assert.ok(run.code !== null && run.code <= 2 && run.stdout !== '', `the CLI ran: ${run.code} ${run.stderr}`);
  const cli = sorted((JSON.parse(run.stdout) as JsonFinding[]).map(keyOfFinding));
  const lsp = sorted(diagnostics.map(keyOfDiagnostic));
  if (!cli.some(isSyntaxError)) {
    assert.deepEqual(lsp, cli, 'the diagnostics are those of apistyle lint');
    return;
  }
  assert.deepEqual(lsp.filter(isSyntaxError), cli.filter(isSyntaxError), 'the same syntax errors as apistyle lint');
  const shown = new Set(lsp.map((key) => JSON.stringify(key)));
  for (const key of cli) assert.ok(shown.has(JSON.stringify(key)), `apistyle lint's ${JSON.stringify(key)} is shown`);
}

async function start(cwd: string): Promise<LspClient> {
  const { client } = await LspClient.start({ cwd, initializationOptions: { debounceMs: 20 }, watchesFiles: false });
  clients.push(client);
  return client;
}

describe('apistyle lsp --stdio on hostile input', () => {
  for (const [name, text] of Object.entries(TYPED)) {
    it(`survives ${name}, and its last diagnostics are those of the final text`, async () => {
      const project = tempProject({});
      const client = await start(project);
      const uri = await client.open(join(project, 'spec.yaml'), '');
      let version = 0;
      for (let end = 1; end <= text.length; end++) version = await client.change(uri, text.slice(0, end));
      const diagnostics = await client.diagnostics(uri, (_d, params) => params.version === version, 60_000);
      assert.ok(diagnostics.length > 0, 'every text here has something to report');
      // Still serving: a request gets an answer.
      await client.hover(uri, { line: 0, character: 0 });
      assert.equal(await client.stop(), 0, client.stderr);
      await assertAgreesWithCli(project, text, diagnostics);
    });
  }

  it('survives 100,000 levels of nesting typed in large steps', async () => {
    const depth = 100_000;
    const text = `openapi: 3.1.0\ninfo: {title: x, version: "1"}\npaths: {}\nx-deep: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
    const project = tempProject({});
    const client = await start(project);
    const uri = await client.open(join(project, 'spec.yaml'), '');
    let version = 0;
    for (let step = 1; step <= 10; step++) version = await client.change(uri, text.slice(0, Math.round((text.length * step) / 10)));
    const diagnostics = await client.diagnostics(uri, (_d, params) => params.version === version, 60_000);
    assert.ok(
      diagnostics.some((d) => d.code === 'parser'),
      JSON.stringify(diagnostics.slice(0, 3)),
    );
    assert.equal(await client.stop(), 0, client.stderr);
    await assertAgreesWithCli(project, text, diagnostics);
  });

  it('a client that disconnects while changes are still arriving leaves no process behind', async () => {
    const project = tempProject({});
    const client = await start(project);
    const uri = await client.open(join(project, 'spec.yaml'), '');
    for (let end = 1; end <= 300; end++) await client.change(uri, SAMPLE.slice(0, end));
    client.disconnect();
    await client.exit();
    assert.throws(() => process.kill(client.pid, 0), /ESRCH/);
  });
});
