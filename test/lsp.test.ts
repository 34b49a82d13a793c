import { afterAll, describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol/node';
import { REPO_ROOT, runCli, tempProject } from './helpers/cli.js';
import { LspClient, uriOf } from './helpers/lsp.js';

interface JsonFinding {
  code: string;
  message: string;
  severity: number;
  range: Diagnostic['range'];
}

const PSA_VIOLATING = readFileSync(join(REPO_ROOT, 'specs', 'psa', 'violating.yaml'), 'utf8');
const PSA = readFileSync(join(REPO_ROOT, 'specs', 'psa', 'compliant.yaml'), 'utf8');
/** One psa-property-camel-case finding (with an example to keep in step) and one psa-pagination-limit-default. */
const FIXABLE = PSA.replace(
  '        mileage: {type: integer, minimum: 0}\n        driverId: {type: string, format: uuid}\n',
  '        mileage: {type: integer, minimum: 0}\n        driver_id: {type: string, format: uuid} # who drives it\n',
).replace('schema: {type: integer, minimum: 1, maximum: 100, default: 25}', 'schema: {type: integer, minimum: 1}');

const clients: LspClient[] = [];
afterAll(() => {
  for (const client of clients) client.kill();
});

async function startClient(cwd: string, options: { watchesFiles?: boolean; debounceMs?: number } = {}): Promise<LspClient> {
  const { client } = await LspClient.start({
    cwd,
    initializationOptions: { debounceMs: options.debounceMs ?? 100 },
    watchesFiles: options.watchesFiles ?? false,
  });
  clients.push(client);
  return client;
}

/** What identifies a finding on both surfaces: rule, LSP severity, range and message. */
const keyOfDiagnostic = (d: Diagnostic) => JSON.stringify([d.code, d.severity, d.range, d.message]);
const keyOfFinding = (f: JsonFinding) => JSON.stringify([f.code, f.severity + 1, f.range, f.message]);

async function cliKeys(cwd: string, file: string): Promise<string[]> {
  const run = await runCli(['lint', file, '-f', 'json'], { cwd });
  assert.ok(run.code === 0 || run.code === 1, run.stderr);
  return (JSON.parse(run.stdout) as JsonFinding[]).map(keyOfFinding).sort();
}

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => String(d.code)).sort();

describe('apistyle lsp --stdio', () => {
  it('publishes on open exactly the findings of apistyle lint -f json with the same config, rule ids and doc links included', async () => {
    const project = tempProject({
      'api/apistyle.config.yaml': 'extends: [psa]\nrules:\n  psa-controller-segment: "off"\n',
      'api/spec.yaml': PSA_VIOLATING,
    });
    // The server runs elsewhere: the config is found from the document, not from the server's directory.
    const client = await startClient(tmpdir());
    const uri = await client.open(join(project, 'api', 'spec.yaml'), PSA_VIOLATING);
    const diagnostics = await client.diagnostics(uri);
    assert.ok(diagnostics.length > 20);
    assert.deepEqual(diagnostics.map(keyOfDiagnostic).sort(), await cliKeys(join(project, 'api'), 'spec.yaml'));
    assert.ok(!codes(diagnostics).includes('psa-controller-segment'), 'the config turned it off');
    for (const diagnostic of diagnostics) {
      assert.equal(diagnostic.source, 'apistyle');
      assert.match(String(diagnostic.codeDescription?.href), new RegExp(`/docs/rules/${String(diagnostic.code)}\\.md$`));
    }
    assert.equal(await client.stop(), 0);
  });

  it('each document uses the config nearest to it', async () => {
    const project = tempProject({
      'apistyle.config.yaml': 'extends: [recommended]\n',
      'one/apistyle.config.yaml': 'extends: [psa]\n',
      'one/spec.yaml': PSA_VIOLATING,
      'two/spec.yaml': PSA_VIOLATING,
    });
    const client = await startClient(project);
    const one = await client.diagnostics(await client.open(join(project, 'one', 'spec.yaml'), PSA_VIOLATING));
    const two = await client.diagnostics(await client.open(join(project, 'two', 'spec.yaml'), PSA_VIOLATING));
    assert.ok(codes(one).some((code) => code.startsWith('psa-')));
    assert.ok(codes(two).length > 0 && codes(two).every((code) => code.startsWith('recommended-')), codes(two).join());
    assert.deepEqual(two.map(keyOfDiagnostic).sort(), await cliKeys(join(project, 'two'), 'spec.yaml'));
    await client.stop();
  });

  it('after rapid changes, the last diagnostics are those of the final text, and never an older result after a newer one', async () => {
    const project = tempProject({ 'apistyle.config.yaml': 'extends: [psa]\n', 'spec.yaml': PSA });
    const client = await startClient(project, { debounceMs: 30 });
    const uri = await client.open(join(project, 'spec.yaml'), PSA);
    assert.deepEqual(await client.diagnostics(uri), []);
    const variants = [
      PSA.replace('/vehicles/{vehicleId}:', '/vehicles/getOne/{vehicleId}:'),
      FIXABLE,
      PSA.replace('url: https://api.inetpsa.com', 'url: http://api.inetpsa.com'),
      PSA.replace('openapi: 3.1.0', 'openapi: 3.1.0\npaths: [\n'),
    ];
    let version = 1;
    for (let i = 0; i < 12; i++) {
      version = await client.change(uri, variants[i % variants.length]!);
      await new Promise((resolve) => setTimeout(resolve, i % 3 === 0 ? 40 : 5));
    }
    const final = FIXABLE.replace('/vehicles:', '/vehicle:');
    version = await client.change(uri, final);
    const diagnostics = await client.diagnostics(uri, (_d, params) => params.version === version);
    writeFileSync(join(project, 'spec.yaml'), final);
    assert.deepEqual(diagnostics.map(keyOfDiagnostic).sort(), await cliKeys(project, 'spec.yaml'));
    const versions = client.published.filter((params) => params.uri === uri).map((params) => params.version ?? 0);
    assert.deepEqual(
      versions,
      [...versions].sort((a, b) => a - b),
      'versions only grow',
    );
    await client.stop();
  });

  it("hover on a diagnostic shows the rule's doc page: what, why, the standard's section", async () => {
    const project = tempProject({ 'apistyle.config.yaml': 'extends: [psa]\n', 'spec.yaml': FIXABLE });
    const client = await startClient(project);
    const uri = await client.open(join(project, 'spec.yaml'), FIXABLE);
    const diagnostic = (await client.diagnostics(uri)).find((d) => d.code === 'psa-property-camel-case')!;
    const hover = await client.hover(uri, diagnostic.range.start);
    assert.ok(hover !== null);
    const contents = hover.contents as { kind: string; value: string };
    const value = String(contents.value);
    assert.equal(contents.kind, 'markdown');
    assert.match(value, /^# psa-property-camel-case/);
    assert.match(value, /## Why/);
    assert.match(value, /## Standard sections\n\nGroupe PSA API standards — Formatting › JSON Formatting › Object Key/);
    assert.match(value, /\(https:\/\/github\.com\/.*\/docs\/rules\/psa-property-camel-case\.md\)/);
    assert.equal(await client.hover(uri, { line: 0, character: 0 }), null, 'no finding there');
    await client.stop();
  });

  it('a quick fix applied by the client removes its finding and adds none; the CLI agrees', async () => {
    const project = tempProject({ 'apistyle.config.yaml': 'extends: [psa]\n', 'spec.yaml': FIXABLE });
    const client = await startClient(project);
    const uri = await client.open(join(project, 'spec.yaml'), FIXABLE);
    let text = FIXABLE;
    for (const code of ['psa-property-camel-case', 'psa-pagination-limit-default']) {
      const before = await client.diagnostics(uri, (d) => d.some((x) => x.code === code));
      const diagnostic = before.find((d) => d.code === code)!;
      const actions = await client.codeActions(uri, diagnostic.range, [diagnostic]);
      const fix = actions.find((action) => action.edit !== undefined);
      assert.ok(fix, `a fix among ${actions.map((a) => a.title).join('; ')}`);
      assert.ok(actions.some((action) => action.command?.command === 'apistyle.ignoreFinding'));
      const edits = fix.edit!.changes![uri] as TextEdit[];
      const version = await client.edit(uri, edits);
      text = applyTextEdits(text, edits);
      const afterFix = await client.diagnostics(uri, (_d, params) => params.version === version);
      assert.ok(!afterFix.some((d) => keyOfDiagnostic(d) === keyOfDiagnostic(diagnostic)), 'the finding is gone');
      const known = new Set(before.map((d) => JSON.stringify([d.code, d.message])));
      assert.deepEqual(
        afterFix.filter((d) => !known.has(JSON.stringify([d.code, d.message]))),
        [],
        'no new finding',
      );
    }
    assert.match(text, /driverId: \{type: string, format: uuid\} # who drives it/);
    writeFileSync(join(project, 'spec.yaml'), text);
    assert.deepEqual(await cliKeys(project, 'spec.yaml'), []);
    await client.stop();
  });

  it('"ignore this finding" records it in the ignore file shared with the CLI', async () => {
    const project = tempProject({ 'apistyle.config.yaml': 'extends: [psa]\n', 'spec.yaml': FIXABLE });
    const client = await startClient(project);
    const uri = await client.open(join(project, 'spec.yaml'), FIXABLE);
    const diagnostic = (await client.diagnostics(uri)).find((d) => d.code === 'psa-property-camel-case')!;
    const ignore = (await client.codeActions(uri, diagnostic.range, [diagnostic])).find(
      (action: CodeAction) => action.command?.command === 'apistyle.ignoreFinding',
    )!;
    await client.executeCommand(ignore.command!.command, ignore.command!.arguments!);
    const after = await client.diagnostics(uri, (d) => !d.some((x) => x.code === 'psa-property-camel-case'));
    assert.deepEqual(codes(after), ['psa-pagination-limit-default']);
    const file = join(project, '.apistyle-ignore.yaml');
    assert.ok(existsSync(file));
    assert.deepEqual(
      (parse(readFileSync(file, 'utf8')) as { ignore: Array<{ rule: string; file: string }> }).ignore.map((e) => [e.file, e.rule]),
      [['spec.yaml', 'psa-property-camel-case']],
    );
    writeFileSync(join(project, 'spec.yaml'), FIXABLE);
    const cli = await runCli(['lint', 'spec.yaml', '-f', 'json'], { cwd: project });
    assert.deepEqual(
      (JSON.parse(cli.stdout) as JsonFinding[]).map((f) => f.code),
      ['psa-pagination-limit-default'],
    );
    await client.stop();
  });

  it('a config change re-lints open documents; a broken config is one diagnostic on it and the last good config stays in use', async () => {
    const project = tempProject({ 'apistyle.config.yaml': 'extends: [psa]\n', 'spec.yaml': FIXABLE });
    const config = join(project, 'apistyle.config.yaml');
    const client = await startClient(project, { watchesFiles: true });
    const uri = await client.open(join(project, 'spec.yaml'), FIXABLE);
    assert.deepEqual(codes(await client.diagnostics(uri)), ['psa-pagination-limit-default', 'psa-property-camel-case']);

    // Saved by another program: the server's own watch sees it.
    writeFileSync(config, 'extends: [psa]\nrules:\n  psa-property-camel-case: "off"\n');
    assert.deepEqual(codes(await client.diagnostics(uri, (d) => d.length === 1)), ['psa-pagination-limit-default']);

    const published = client.publications(uri);
    writeFileSync(config, 'extends: [psa]\nrules:\n  psa-property-camel-case: "off"\n  psa-property-camel-case: warn\n');
    await client.filesChanged([{ uri: uriOf(config), type: 2 }]);
    const problems = await client.diagnostics(uriOf(config), (d) => d.length > 0);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.severity, 1);
    assert.match(String(problems[0]!.message), /^config .*apistyle\.config\.yaml: line \d+: /);
    assert.equal(problems[0]!.range.start.line, 3);
    // The document is linted again, with the last good config.
    assert.deepEqual(codes(await client.diagnostics(uri, () => client.publications(uri) > published)), ['psa-pagination-limit-default']);

    writeFileSync(config, 'extends: [psa]\nrules:\n  psa-pagination-limit-default: "off"\n');
    await client.filesChanged([{ uri: uriOf(config), type: 2 }]);
    assert.deepEqual(await client.diagnostics(uriOf(config), (d) => d.length === 0), []);
    assert.deepEqual(codes(await client.diagnostics(uri, (d) => d.length === 1 && d[0]!.code === 'psa-property-camel-case')), [
      'psa-property-camel-case',
    ]);
    await client.stop();
  });

  it('a change to a ruleset file the config extends re-lints open documents', async () => {
    // A ruleset file extends the built-in one by its file (a built-in's bare name works in the config only).
    const psa = JSON.stringify(join(REPO_ROOT, 'rulesets', 'psa.yaml'));
    const project = tempProject({
      'apistyle.config.yaml': 'extends: [./team.yaml]\n',
      'team.yaml': `extends: [${psa}]\n`,
      'spec.yaml': FIXABLE,
    });
    const client = await startClient(project);
    const uri = await client.open(join(project, 'spec.yaml'), FIXABLE);
    assert.deepEqual(codes(await client.diagnostics(uri)), ['psa-pagination-limit-default', 'psa-property-camel-case']);
    writeFileSync(join(project, 'team.yaml'), `extends: [${psa}]\nrules:\n  psa-pagination-limit-default: "off"\n`);
    assert.deepEqual(codes(await client.diagnostics(uri, (d) => d.length === 1)), ['psa-property-camel-case']);
    await client.stop();
  });

  it("editing a $ref'd file re-lints the documents that use it, unsaved edits included", async () => {
    const api = PSA.replace("              $ref: '#/components/schemas/NewVehicle'\n", "              $ref: './vehicle.yaml'\n");
    const vehicle = 'type: object\nproperties:\n  vin: {type: string}\n';
    const project = tempProject({ 'apistyle.config.yaml': 'extends: [psa]\n', 'spec.yaml': api, 'vehicle.yaml': vehicle });
    const client = await startClient(project);
    const uri = await client.open(join(project, 'spec.yaml'), api);
    assert.deepEqual(await client.diagnostics(uri), []);

    // Open in the editor and changed, not saved.
    const vehicleUri = await client.open(join(project, 'vehicle.yaml'), vehicle);
    await client.change(vehicleUri, vehicle.replace('vin:', 'VIN_code:'));
    const found = await client.diagnostics(uri, (d) => d.length > 0);
    assert.deepEqual(codes(found), ['psa-property-camel-case']);
    assert.match(String(found[0]!.message), /VIN_code/);

    // Closed without saving: the file on disk counts again.
    await client.close(vehicleUri);
    assert.deepEqual(await client.diagnostics(uri, (d) => d.length === 0), []);

    // Changed on disk, the client notifies.
    writeFileSync(join(project, 'vehicle.yaml'), vehicle.replace('vin:', 'Vin:'));
    await client.filesChanged([{ uri: uriOf(join(project, 'vehicle.yaml')), type: 2 }]);
    assert.match(String((await client.diagnostics(uri, (d) => d.length > 0))[0]!.message), /"Vin"/);
    await client.stop();
  });

  it('a half-typed document gets its syntax error and the findings of what could be read', async () => {
    const project = tempProject({ 'apistyle.config.yaml': 'extends: [psa]\n', 'spec.yaml': FIXABLE });
    const client = await startClient(project);
    // A key being typed at the end: the parser reads everything before it.
    const broken = `${FIXABLE}x-audience\n`;
    const uri = await client.open(join(project, 'spec.yaml'), broken);
    const diagnostics = await client.diagnostics(uri);
    assert.ok(
      diagnostics.some((d) => d.code === 'parser' && d.severity === 1),
      codes(diagnostics).join(),
    );
    assert.deepEqual(
      codes(diagnostics).filter((code) => code !== 'parser'),
      ['psa-pagination-limit-default', 'psa-property-camel-case'],
    );
    // Still serving.
    await client.change(uri, FIXABLE);
    assert.deepEqual(codes(await client.diagnostics(uri, (d) => !d.some((x) => x.code === 'parser'))), [
      'psa-pagination-limit-default',
      'psa-property-camel-case',
    ]);
    await client.stop();
  });

  it("leaves other YAML files alone, and clears a document's diagnostics when it is closed", async () => {
    const project = tempProject({
      'apistyle.config.yaml': 'extends: [psa]\n',
      'spec.yaml': FIXABLE,
      'other.yaml': 'name: not an API\nsome_key: [1, 2]\n',
    });
    const client = await startClient(project);
    const other = await client.open(join(project, 'other.yaml'), 'name: not an API\nsome_key: [1, 2]\n');
    const uri = await client.open(join(project, 'spec.yaml'), FIXABLE);
    assert.equal((await client.diagnostics(uri)).length, 2);
    // Documents are linted in turn: by now the other file has been looked at.
    assert.ok(client.published.filter((p) => p.uri === other).every((p) => p.diagnostics.length === 0));
    await client.close(uri);
    assert.deepEqual(await client.diagnostics(uri, (d) => d.length === 0), []);
    await client.stop();
  });

  it('shutdown then exit ends the process with 0; a client that goes away takes the server with it', async () => {
    const project = tempProject({ 'spec.yaml': PSA });
    const client = await startClient(project);
    await client.diagnostics(await client.open(join(project, 'spec.yaml'), PSA));
    const pid = client.pid;
    assert.equal(await client.stop(), 0);
    assert.throws(() => process.kill(pid, 0), /ESRCH/);

    const gone = await startClient(project);
    gone.disconnect();
    await gone.exit();
    assert.throws(() => process.kill(gone.pid, 0), /ESRCH/);
  });
});

function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) =>
    lines.slice(0, p.line).reduce((n, line) => n + line.length + 1, 0) + p.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((result, edit) => result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end)), text);
}
