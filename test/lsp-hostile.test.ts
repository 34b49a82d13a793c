// The language server on hostile input, typed as an editor sends it: it never crashes, answers
// for the final text, and a client that vanishes mid-stream leaves no process behind.
import { afterAll, describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, tempProject } from './helpers/cli.js';
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
      await client.diagnostics(uri, (_d, params) => params.version === version, 60_000);
      // Still serving: a request gets an answer.
      await client.hover(uri, { line: 0, character: 0 });
      assert.equal(await client.stop(), 0, client.stderr);
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
