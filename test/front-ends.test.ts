// One pipeline, many front ends: the CLI, the programmatic API, the worker pool, the language
// server and --fix see the same findings of the same documents, with everything the user
// silenced (x-lint-ignore, the ignore file) and the config's per-file overrides applied alike.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { afterAll, describe, it } from 'vitest';
import { lint } from '../src/index.js';
import { runCli, tempProject } from './helpers/cli.js';
import { LspClient } from './helpers/lsp.js';

const API = `openapi: 3.0.3
info:
  title: Billing API
  version: 1.0.0
servers:
  - url: https://api.example.com/v1
paths:
  /customers:
    get:
      summary: List the customers
      responses:
        '200':
          description: The customers.
          content:
            application/json:
              schema:
                type: array
                items:
                  $ref: '#/components/schemas/Customer'
components:
  schemas:
    Customer:
      x-lint-ignore: psa-property-camel-case
      type: object
      properties:
        first_name:
          type: string
        address:
          $ref: './schemas.yaml#/Address'
    Order:
      type: object
      properties:
        order_date:
          type: string
    Invoice:
      type: object
      properties:
        total_amount:
          type: number
`;
const SCHEMAS = `Address:
  type: object
  properties:
    street_name:
      type: string
`;
const CONFIG = `extends: [psa]
overrides:
  - files: ["schemas.yaml"]
    rules:
      psa-property-camel-case: "off"
`;
const IGNORE = `ignore:
  - file: api.yaml
    rule: psa-property-camel-case
    path: components.schemas.Order.properties.order_date
`;

function project(): string {
  return tempProject({ 'apistyle.config.yaml': CONFIG, '.apistyle-ignore.yaml': IGNORE, 'api.yaml': API, 'schemas.yaml': SCHEMAS });
}

interface Located {
  code: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/** Rule, start and message: what a user sees of a finding on any surface. */
const key = (f: Located): string => `${f.code} ${f.range.start.line}:${f.range.start.character} ${f.message}`;
const camelCase = (keys: readonly string[]) => keys.filter((k) => k.startsWith('psa-property-camel-case'));

async function cliKeys(dir: string, ...args: string[]): Promise<string[]> {
  const run = await runCli(['lint', 'api.yaml', '-f', 'json', ...args], { cwd: dir });
  assert.ok(run.code === 0 || run.code === 1, run.stderr);
  return (JSON.parse(run.stdout) as Located[]).map(key).sort();
}

const clients: LspClient[] = [];
afterAll(() => {
  for (const client of clients) client.kill();
});

describe('every front end sees the same findings', () => {
  it('the CLI reports what the user did not silence, and only that', async () => {
    const keys = camelCase(await cliKeys(project()));
    assert.equal(keys.length, 1, keys.join('\n'));
    assert.match(keys[0]!, /"total_amount"/);
  });

  it('the API, the worker pool and the language server agree with the CLI', async () => {
    const dir = project();
    const cli = await cliKeys(dir);
    const api = (await lint(['api.yaml'], { cwd: dir })).findings.map(key).sort();
    assert.deepEqual(api, cli, 'API');
    const pooled = await runCli(['lint', 'api.yaml', 'api.yaml', '-f', 'json', '--workers', '2'], { cwd: dir });
    assert.deepEqual([...new Set((JSON.parse(pooled.stdout) as Located[]).map(key))].sort(), cli, 'worker pool');

    const { client } = await LspClient.start({ cwd: dir, initializationOptions: { debounceMs: 0 } });
    clients.push(client);
    const uri = await client.open(join(dir, 'api.yaml'), API);
    const diagnostics: Diagnostic[] = await client.diagnostics(uri);
    const editor = diagnostics
      .map((d) => key({ code: String(d.code), message: typeof d.message === 'string' ? d.message : d.message.value, range: d.range }))
      .sort();
    assert.deepEqual(editor, cli, 'language server');
  });

  it('--fix-dry-run and --fix change what is reported and nothing the user silenced', async () => {
    const dir = project();
    const dryRun = await runCli(['lint', 'api.yaml', '--fix-dry-run'], { cwd: dir });
    assert.match(dryRun.stdout, /^\+ {8}totalAmount:$/m);
    assert.doesNotMatch(dryRun.stdout, /firstName|orderDate|streetName/);
    const fixed = await runCli(['lint', 'api.yaml', '--fix', '-f', 'json'], { cwd: dir });
    assert.ok(fixed.code === 0 || fixed.code === 1, fixed.stderr);
    const text = readFileSync(join(dir, 'api.yaml'), 'utf8');
    assert.match(text, /\n {8}totalAmount:\n/);
    assert.match(text, /\n {8}first_name:\n/, 'x-lint-ignore keeps first_name');
    assert.match(text, /\n {8}order_date:\n/, 'the ignore file keeps order_date');
    assert.equal(readFileSync(join(dir, 'schemas.yaml'), 'utf8'), SCHEMAS, 'the override keeps schemas.yaml as it is');
    assert.deepEqual(camelCase(await cliKeys(dir)), []);
  });

  it('each document is linted under the config nearest to it, by the CLI, the API and the language server alike', async () => {
    const dir = tempProject({
      'apistyle.config.yaml': 'extends: [psa]\n',
      'api.yaml': API.replace('x-lint-ignore: psa-property-camel-case\n      ', ''),
      'schemas.yaml': SCHEMAS,
      // A team folder with its own standard, and its own ignore file beside its config.
      'team/apistyle.config.yaml': 'extends: [redex]\n',
      'team/api.yaml': API,
      'team/schemas.yaml': SCHEMAS,
    });
    const run = await runCli(['lint', 'api.yaml', 'team/api.yaml', '-f', 'json'], { cwd: dir });
    assert.ok(run.code === 0 || run.code === 1, run.stderr);
    const findings = JSON.parse(run.stdout) as Array<Located & { source: string }>;
    const codesOf = (file: string) => new Set(findings.filter((f) => f.source === join(dir, file)).map((f) => f.code.split('-')[0]));
    assert.deepEqual([...codesOf('api.yaml')], ['psa']);
    assert.deepEqual([...codesOf('team/api.yaml')], ['redex']);
    const cliTeam = findings
      .filter((f) => f.source === join(dir, 'team/api.yaml'))
      .map(key)
      .sort();

    const api = (await lint(['api.yaml', 'team/api.yaml'], { cwd: dir })).findings.map(key).sort();
    assert.deepEqual(api, findings.map(key).sort(), 'API');

    const { client } = await LspClient.start({ cwd: dir, initializationOptions: { debounceMs: 0 } });
    clients.push(client);
    const uri = await client.open(join(dir, 'team', 'api.yaml'), API);
    const editor = (await client.diagnostics(uri))
      .map((d) => key({ code: String(d.code), message: typeof d.message === 'string' ? d.message : d.message.value, range: d.range }))
      .sort();
    assert.deepEqual(editor, cliTeam, 'language server');
  });

  it("a document's $refs reach its own project, wherever apistyle runs", async () => {
    const elsewhere = tempProject({ '.git/HEAD': 'ref: refs/heads/main\n', 'api.yaml': API, 'schemas.yaml': SCHEMAS });
    const here = tempProject({ '.git/HEAD': 'ref: refs/heads/main\n' });
    const run = await runCli(['lint', join(elsewhere, 'api.yaml'), '-r', 'psa', '-f', 'json'], { cwd: here });
    // Warnings only: the $ref to ./schemas.yaml resolved.
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const codes = (JSON.parse(run.stdout) as Located[]).map((f) => f.code);
    assert.ok(!codes.includes('invalid-ref'), run.stdout);
    assert.ok(codes.includes('psa-property-camel-case'), run.stdout);
  });
});
