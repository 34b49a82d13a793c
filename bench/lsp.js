// Language-server latency: the time from a didChange notification to the publishDiagnostics of
// that version, over 50 edits, on GitHub's 13 MB description (JSON) and on a ~5,000-line YAML
// document. The server runs as editors run it (`apistyle lsp --stdio`), with its default debounce.
// Usage: node bench/lsp.js [edits] [ruleset]
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { parse, stringify } from 'yaml';
import { ensurePackage } from './lib/corpus.js';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const edits = Number(process.argv[2] ?? 50);
const ruleset = process.argv[3] ?? 'psa';

/** The psa compliant sample with its paths copied under /copyN prefixes until it has about `lines` lines. */
function generatedYaml(lines) {
  const sample = parse(readFileSync(join(root, 'specs', 'psa', 'compliant.yaml'), 'utf8'));
  const paths = sample.paths;
  const result = { ...sample, paths: {} };
  for (let copy = 0; stringify(result, { aliasDuplicateObjects: false }).split('\n').length < lines; copy++) {
    for (const [key, item] of Object.entries(paths)) result.paths[`/copy${copy}${key}`] = item;
  }
  return stringify(result, { lineWidth: 0, aliasDuplicateObjects: false });
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const format = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

async function measure(name, file, languageId, editAt) {
  const child = spawn(process.execPath, [join(root, 'bin', 'apistyle.js'), 'lsp', '--stdio'], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map();
  let diagnosticsCount = 0;
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    diagnosticsCount = params.diagnostics.length;
    waiting.get(params.version)?.(performance.now());
  });
  connection.listen();
  const published = (version) => new Promise((resolve) => waiting.set(version, resolve));
  await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null });
  await connection.sendNotification(InitializedNotification.type, {});

  const uri = pathToFileURL(file).href;
  let text = readFileSync(file, 'utf8');
  const opened = performance.now();
  const first = published(1);
  await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  const openMs = (await first) - opened;

  const latencies = [];
  for (let version = 2; version < edits + 2; version++) {
    // Typing one character into a description, as an editor sends it: a ranged change.
    const { offset, insert } = editAt(text, version);
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    const character = offset - (before.lastIndexOf('\n') + 1);
    text = before + insert + text.slice(offset);
    const done = published(version);
    const sent = performance.now();
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: insert }],
    });
    latencies.push((await done) - sent);
  }
  await connection.sendRequest(ShutdownRequest.type);
  await connection.sendNotification(ExitNotification.type);
  connection.dispose();
  const lines = text.split('\n').length;
  return {
    name,
    size: `${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB, ${lines} lines`,
    openMs,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    max: Math.max(...latencies),
    diagnosticsCount,
  };
}

const dir = mkdtempSync(join(tmpdir(), 'apistyle-bench-lsp-'));
try {
  writeFileSync(join(dir, 'apistyle.config.yaml'), `extends: [${ruleset}]\n`);
  const github = join(dir, 'api.github.com.json');
  copyFileSync(join(ensurePackage('@octokit/openapi', '23.0.2'), 'generated', 'api.github.com.json'), github);
  const generated = join(dir, 'generated.yaml');
  writeFileSync(generated, generatedYaml(5000));

  const results = [];
  // The info description of each document gets one more character per edit.
  results.push(
    await measure('generated YAML', generated, 'yaml', (text) => ({ offset: text.indexOf('\n', text.indexOf('  title:')), insert: 'x' })),
  );
  results.push(
    await measure('GitHub JSON', github, 'json', (text) => ({
      offset: text.indexOf('"', text.indexOf('"', text.indexOf('"title"') + 7) + 1),
      insert: 'x',
    })),
  );

  console.log(
    `ruleset: ${ruleset}; ${edits} edits each, one at a time; latency = didChange sent → publishDiagnostics of that version (debounce included)\n`,
  );
  console.log('| document | size | first diagnostics (open) | p50 | p95 | max | diagnostics |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results)
    console.log(
      `| ${r.name} | ${r.size} | ${format(r.openMs)} | ${format(r.p50)} | ${format(r.p95)} | ${format(r.max)} | ${r.diagnosticsCount} |`,
    );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
