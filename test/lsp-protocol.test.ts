// The language server beyond YAML documents typed in a well-behaved editor: JSON documents, clients
// that do not watch files, `context.only` in code-action requests, config and ignore files that
// cannot be used, and a server that stops answering (the test helper's deadlines).
import { afterAll, describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { REPO_ROOT, runCli, tempProject } from './helpers/cli.js';
import { LspClient, uriOf } from './helpers/lsp.js';

interface JsonFinding {
  code: string;
  message: string;
  severity: number;
  range: Diagnostic['range'];
  source: string;
}

const PSA = readFileSync(join(REPO_ROOT, 'specs', 'psa', 'compliant.yaml'), 'utf8');
const PSA_VIOLATING = readFileSync(join(REPO_ROOT, 'specs', 'psa', 'violating.yaml'), 'utf8');
/** One psa-property-camel-case finding and one psa-pagination-limit-default. */
const FIXABLE = PSA.replace(
  '        mileage: {type: integer, minimum: 0}\n        driverId: {type: string, format: uuid}\n',
  '        mileage: {type: integer, minimum: 0}\n        driver_id: {type: string, format: uuid}\n',
).replace('schema: {type: integer, minimum: 1, maximum: 100, default: 25}', 'schema: {type: integer, minimum: 1}');

const clients: LspClient[] = [];
afterAll(() => {
  for (const client of clients) client.kill();
});

async function startClient(cwd: string, options: { watchesFiles?: boolean; answersMessageRequests?: boolean } = {}): Promise<LspClient> {
  const { client } = await LspClient.start({
    cwd,
    initializationOptions: { debounceMs: 50 },
    watchesFiles: options.watchesFiles ?? false,
    answersMessageRequests: options.answersMessageRequests ?? true,
  });
  clients.push(client);
  return client;
}

const keyOfDiagnostic = (d: Diagnostic) => JSON.stringify([d.code, d.severity, d.range, d.message]);
const keyOfFinding = (f: JsonFinding) => JSON.stringify([f.code, f.severity + 1, f.range, f.message]);
const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => String(d.code)).sort();

/** The findings of `apistyle lint FILE -f json` in `cwd`, keyed as diagnostics are. */
async function cliKeys(cwd: string, file: string): Promise<string[]> {
  const run = await runCli(['lint', file, '-f', 'json'], { cwd });
  assert.ok(run.code === 0 || run.code === 1, `${run.code} ${run.stderr}`);
  return (JSON.parse(run.stdout) as JsonFinding[]).map(keyOfFinding).sort();
}

describe('apistyle lsp --stdio: JSON documents', () => {
  for (const [name, indent] of [
    ['indented', 2],
    ['on one line', undefined],
  ] as const) {
    it(`a JSON document (${name}) gets exactly the findings of apistyle lint -f json, at the same ranges`, async () => {
      const json = JSON.stringify(parse(PSA_VIOLATING), null, indent);
      const project = tempProject({ 'apistyle.config.yaml': 'extends: [psa]\n', 'spec.json': json });
      const client = await startClient(project);
      const uri = await client.open(join(project, 'spec.json'), json, 'json');
      const diagnostics = await client.diagnostics(uri);
      assert.ok(diagnostics.length > 20, `${diagnostics.length} diagnostics`);
      assert.deepEqual(diagnostics.map(keyOfDiagnostic).sort(), await cliKeys(project, 'spec.json'));
      if (indent === undefined) assert.ok(diagnostics.every((d) => d.range.start.line === 0));
      else assert.ok(new Set(diagnostics.map((d) => d.range.start.line)).size > 10, 'spread over the lines');
      assert.equal(await client.stop(), 0);
    });
  }
});

describe('apistyle lsp --stdio: a client that does not watch files', () => {
  it("saving the config in the editor (textDocument/didSave) re-lints open documents, even where the server's own watch cannot see it", async () => {
    // The config is a link to a file in another folder: the server watches the folders of the
    // files it depends on, and a write to the link's target is not an event of the link's folder.
    // Only the editor's didSave tells the server.
    const shared = tempProject({ 'team.yaml': 'extends: [psa]\n' });
    const project = tempProject({ 'spec.yaml': FIXABLE });
    const config = join(project, 'apistyle.config.yaml');
    symlinkSync(join(shared, 'team.yaml'), config);
    const client = await startClient(project, { watchesFiles: false });
    const uri = await client.open(join(project, 'spec.yaml'), FIXABLE);
    assert.deepEqual(codes(await client.diagnostics(uri)), ['psa-pagination-limit-default', 'psa-property-camel-case']);

    const edited = 'extends: [psa]\nrules:\n  psa-property-camel-case: "off"\n';
    const configUri = await client.open(config, 'extends: [psa]\n');
    await client.change(configUri, edited);
    writeFileSync(config, edited);
    const published = client.publications(uri);
    await client.save(configUri);
    assert.deepEqual(codes(await client.diagnostics(uri, () => client.publications(uri) > published)), ['psa-pagination-limit-default']);
    assert.ok(
      client.published.filter((params) => params.uri === configUri).every((params) => params.diagnostics.length === 0),
      'the config itself is not linted as a document',
    );
    assert.equal(await client.stop(), 0);
  });
});

describe('apistyle lsp --stdio: code actions and context.only', () => {
  it('asked for quick fixes only, it gives quick fixes; asked for source or refactor actions only, none', async () => {
    const project = tempProject({ 'apistyle.config.yaml': 'extends: [psa]\n', 'spec.yaml': FIXABLE });
    const client = await startClient(project);
    const uri = await client.open(join(project, 'spec.yaml'), FIXABLE);
    const diagnostic = (await client.diagnostics(uri)).find((d) => d.code === 'psa-property-camel-case')!;

    const unfiltered = await client.codeActions(uri, diagnostic.range, [diagnostic]);
    const quickfixes = await client.codeActions(uri, diagnostic.range, [diagnostic], ['quickfix']);
    for (const actions of [unfiltered, quickfixes]) {
      assert.ok(
        actions.some((action) => action.edit !== undefined),
        'the fix',
      );
      assert.ok(
        actions.some((action) => action.command?.command === 'apistyle.ignoreFinding'),
        'the ignore action',
      );
    }
    assert.deepEqual(
      quickfixes.map((action) => action.kind),
      quickfixes.map(() => 'quickfix'),
      'nothing but quick fixes',
    );
    assert.deepEqual(quickfixes, unfiltered, 'every action the server has is a quick fix');

    for (const only of [['source'], ['source.fixAll'], ['refactor'], ['quickfix.other']]) {
      assert.deepEqual(await client.codeActions(uri, diagnostic.range, [diagnostic], only), [], `only ${only.join()}`);
    }
    assert.deepEqual(
      await client.codeActions(uri, diagnostic.range, [diagnostic], ['source', 'quickfix']),
      unfiltered,
      'quick fixes among the kinds asked for',
    );
    assert.equal(await client.stop(), 0);
  });
});

describe('apistyle lsp --stdio: config and ignore files that cannot be used', () => {
  it('a config broken from the start: a diagnostic on it that says the default ruleset is used, and the documents are still linted', async () => {
    const broken = 'extends: [psa]\nrules:\n  psa-property-camel-case: "off"\n  psa-property-camel-case: warn\n';
    const project = tempProject({ 'apistyle.config.yaml': broken, 'spec.yaml': PSA_VIOLATING });
    // The same document without a config: linted with the default ruleset.
    const plain = tempProject({ 'spec.yaml': PSA_VIOLATING });
    const config = join(project, 'apistyle.config.yaml');
    const client = await startClient(project, { watchesFiles: true });
    const uri = await client.open(join(project, 'spec.yaml'), PSA_VIOLATING);

    const problems = await client.diagnostics(uriOf(config), (d) => d.length > 0);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.severity, 1);
    assert.equal(problems[0]!.range.start.line, 3, 'on the duplicate key');
    assert.match(String(problems[0]!.message), /^config .*apistyle\.config\.yaml: line 4: Map keys must be unique/);
    assert.match(String(problems[0]!.message), /the default ruleset \(recommended\)/);
    assert.doesNotMatch(String(problems[0]!.message), /last config that loaded/, 'no config ever loaded');
    const fallback = await client.diagnostics(uri);
    assert.ok(fallback.length > 0);
    assert.deepEqual(fallback.map(keyOfDiagnostic).sort(), await cliKeys(plain, 'spec.yaml'));
    // Still serving requests.
    assert.notEqual(await client.hover(uri, fallback[0]!.range.start), null);

    const fixed = 'extends: [psa]\nrules:\n  psa-property-camel-case: "off"\n';
    writeFileSync(config, fixed);
    await client.filesChanged([{ uri: uriOf(config), type: 2 }]);
    assert.deepEqual(await client.diagnostics(uriOf(config), (d) => d.length === 0), []);
    const expected = await cliKeys(project, 'spec.yaml');
    const relinted = await client.diagnostics(uri, (d) => d.some((x) => String(x.code).startsWith('psa-')));
    assert.deepEqual(relinted.map(keyOfDiagnostic).sort(), expected);
    assert.ok(!codes(relinted).includes('psa-property-camel-case'), 'the config, once loaded, turns it off');
    assert.equal(await client.stop(), 0);
  });

  it('a malformed ignore file: a diagnostic on it naming the problem, nothing ignored, no crash; once repaired, it applies', async () => {
    const project = tempProject({
      'apistyle.config.yaml': 'extends: [psa]\n',
      'spec.yaml': FIXABLE,
      '.apistyle-ignore.yaml': 'ignore:\n  - file: spec.yaml\n    rule: [\n',
    });
    const ignoreFile = join(project, '.apistyle-ignore.yaml');
    // An editor that does not answer window/showMessageRequest: the server must not depend on it.
    const client = await startClient(project, { watchesFiles: true, answersMessageRequests: false });
    const uri = await client.open(join(project, 'spec.yaml'), FIXABLE);
    assert.deepEqual(codes(await client.diagnostics(uri)), ['psa-pagination-limit-default', 'psa-property-camel-case']);

    const problems = await client.diagnostics(uriOf(ignoreFile), (d) => d.length > 0);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.severity, 1);
    assert.match(String(problems[0]!.message), /^ignore file .*\.apistyle-ignore\.yaml: .*line \d+/);
    assert.match(String(problems[0]!.message), /nothing is ignored until it loads/);
    assert.doesNotMatch(String(problems[0]!.message), /config/, 'it is not a config');
    assert.ok(problems[0]!.range.start.line >= 2, `on the broken line, not ${problems[0]!.range.start.line}`);
    // Still serving requests, the ignore command included (it cannot add to a file it cannot read).
    const diagnostic = (await client.diagnostics(uri)).find((d) => d.code === 'psa-property-camel-case')!;
    const ignore = (await client.codeActions(uri, diagnostic.range, [diagnostic])).find(
      (action) => action.command?.command === 'apistyle.ignoreFinding',
    )!;
    assert.equal(await client.executeCommand(ignore.command!.command, ignore.command!.arguments!), null);
    assert.equal(readFileSync(ignoreFile, 'utf8'), 'ignore:\n  - file: spec.yaml\n    rule: [\n', 'left as it was');
    assert.deepEqual(
      client.messages.map((m) => [m.type, /^apistyle: ignore file .*\.apistyle-ignore\.yaml: /.test(m.message)]),
      [[1, true]],
      'the editor is told why',
    );
    assert.notEqual(await client.hover(uri, diagnostic.range.start), null, 'still serving');

    writeFileSync(ignoreFile, 'ignore:\n  - file: spec.yaml\n    rule: psa-property-camel-case\n');
    await client.filesChanged([{ uri: uriOf(ignoreFile), type: 2 }]);
    assert.deepEqual(await client.diagnostics(uriOf(ignoreFile), (d) => d.length === 0), []);
    assert.deepEqual(codes(await client.diagnostics(uri, (d) => d.length === 1)), ['psa-pagination-limit-default']);

    // Broken again: the last list that loaded stays in force, and the diagnostic says so.
    writeFileSync(ignoreFile, 'ignore: yes\n');
    await client.filesChanged([{ uri: uriOf(ignoreFile), type: 2 }]);
    const again = await client.diagnostics(uriOf(ignoreFile), (d) => d.length > 0);
    assert.match(String(again[0]!.message), /"ignore" must be a list.*keeps using the last ignore list that loaded/);
    assert.deepEqual(codes(await client.diagnostics(uri)), ['psa-pagination-limit-default']);
    assert.equal(await client.stop(), 0);
  });
});

describe('the test client', () => {
  it('a server that stops answering fails the request with its name, within the deadline', async () => {
    const project = tempProject({ 'spec.yaml': PSA });
    const client = await startClient(project);
    const uri = await client.open(join(project, 'spec.yaml'), PSA);
    await client.diagnostics(uri);
    client.deadlineMs = 1000;
    client.freeze();
    const started = Date.now();
    await assert.rejects(
      client.hover(uri, { line: 1, character: 2 }),
      /^Error: hover file:.*spec\.yaml 1:2: no answer from the language server within 1000 ms/,
    );
    await assert.rejects(
      client.diagnostics(uri, () => false),
      /no acceptable diagnostics for file:.*spec\.yaml within 1000 ms/,
    );
    assert.ok(Date.now() - started < 10_000);
    client.kill();
  });
});
