import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { CLEAN, CLI, ONE_ERROR_ONE_WARNING, ONE_WARNING, runCli, tempProject } from './helpers/cli.js';

interface JsonFinding {
  code: string;
  severity: number;
  source: string;
  path: string[];
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

function parseJson(stdout: string): JsonFinding[] {
  return JSON.parse(stdout) as JsonFinding[];
}

describe('apistyle lint: exit codes and severities', () => {
  const dir = tempProject({ 'both.yaml': ONE_ERROR_ONE_WARNING, 'warn.yaml': ONE_WARNING, 'clean.yaml': CLEAN });

  it('exits 1 when a finding reaches the default fail severity (error)', async () => {
    const run = await runCli(['lint', 'both.yaml'], { cwd: dir });
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /recommended-server-https/);
    assert.match(run.stdout, /recommended-plural-resources/);
  });

  it('exits 0 when findings stay below the fail severity', async () => {
    const run = await runCli(['lint', 'warn.yaml'], { cwd: dir });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /1 problem \(1 warning\)/);
  });

  it('--fail-severity warn turns warnings into a failing exit', async () => {
    assert.equal((await runCli(['lint', 'warn.yaml', '--fail-severity', 'warn'], { cwd: dir })).code, 1);
    assert.equal((await runCli(['lint', 'warn.yaml', '-F', 'hint'], { cwd: dir })).code, 1);
    assert.equal((await runCli(['lint', 'clean.yaml', '-F', 'hint'], { cwd: dir })).code, 0);
  });

  it('exits 0 and says so for a clean document', async () => {
    const run = await runCli(['lint', 'clean.yaml'], { cwd: dir });
    assert.equal(run.code, 0, run.stdout);
    assert.match(run.stdout, /No problems found in 1 file/);
  });

  it('--quiet reports errors only', async () => {
    const run = await runCli(['lint', 'both.yaml', '--quiet', '-f', 'json'], { cwd: dir });
    const findings = parseJson(run.stdout);
    assert.ok(findings.length > 0);
    assert.ok(
      findings.every((f) => f.severity === 0),
      'only errors',
    );
    const quietWarn = await runCli(['lint', 'warn.yaml', '-q', '-F', 'warn'], { cwd: dir });
    assert.equal(quietWarn.code, 0, 'warnings hidden by --quiet do not fail the run');
  });

  it('lints several files at once, each reported under its own name', async () => {
    const run = await runCli(['lint', 'both.yaml', 'clean.yaml', 'warn.yaml', '-f', 'json'], { cwd: dir });
    const sources = new Set(parseJson(run.stdout).map((f) => f.source));
    assert.deepEqual([...sources].sort(), [join(dir, 'both.yaml'), join(dir, 'warn.yaml')].sort());
  });

  it('expands globs', async () => {
    const run = await runCli(['lint', '*.yaml', '-f', 'json'], { cwd: dir });
    assert.equal(run.code, 1);
    assert.equal(new Set(parseJson(run.stdout).map((f) => f.source)).size, 2);
  });

  it('reads standard input with "-"', async () => {
    const run = await runCli(['lint', '-', '-f', 'json'], { cwd: dir, stdin: ONE_ERROR_ONE_WARNING });
    assert.equal(run.code, 1, run.stderr);
    const findings = parseJson(run.stdout);
    assert.ok(findings.length >= 2);
    assert.ok(findings.every((f) => f.source === '<stdin>'));
  });

  it('reads JSON from standard input too', async () => {
    const document = JSON.stringify({
      openapi: '3.1.0',
      info: { title: 'T', version: '1' },
      servers: [{ url: 'http://x.example.com/v1' }],
      paths: {},
    });
    const run = await runCli(['lint', '-', '-f', 'json'], { cwd: dir, stdin: document });
    assert.deepEqual(
      parseJson(run.stdout).map((f) => [f.code, f.path.join('.')]),
      [['recommended-server-https', 'servers.0.url']],
    );
  });

  it('--output writes the report to a file, atomically, and nothing to stdout', async () => {
    const run = await runCli(['lint', 'both.yaml', '-f', 'json', '-o', 'report.json'], { cwd: dir });
    assert.equal(run.code, 1);
    assert.equal(run.stdout, '');
    assert.ok(parseJson(readFileSync(join(dir, 'report.json'), 'utf8')).length >= 2);
    assert.deepEqual(
      readdirSync(dir).filter((f) => f.endsWith('.tmp')),
      [],
      'no temporary file left',
    );
  });

  it('an output path that cannot be written is a one-line error with exit 2', async () => {
    const run = await runCli(['lint', 'both.yaml', '-o', 'missing-dir/report.txt'], { cwd: dir });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^apistyle: cannot write missing-dir\/report.txt: ENOENT\n$/);
    assert.equal(existsSync(join(dir, 'missing-dir')), false);
  });
});

describe('apistyle lint: colours', () => {
  const dir = tempProject({ 'both.yaml': ONE_ERROR_ONE_WARNING });
  // biome-ignore lint/suspicious/noControlCharactersInRegex: an ANSI escape starts with ESC
  const ANSI = /\u001b\[/;

  it('colours on a real terminal (a pseudo-terminal from util-linux script), none with NO_COLOR there', (context) => {
    context.skip(spawnSync('script', ['--version']).status !== 0, 'util-linux "script" is not installed');
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} lint both.yaml`;
    const run = (env: NodeJS.ProcessEnv) => spawnSync('script', ['-qec', command, '/dev/null'], { cwd: dir, encoding: 'utf8', env }).stdout;
    const base = { ...process.env };
    delete base['NO_COLOR'];
    delete base['FORCE_COLOR'];
    assert.match(run(base), ANSI);
    assert.match(run(base), /recommended-server-https/);
    assert.doesNotMatch(run({ ...base, NO_COLOR: '1' }), ANSI);
  });

  it('no colours when stdout is not a terminal', async () => {
    assert.doesNotMatch((await runCli(['lint', 'both.yaml'], { cwd: dir })).stdout, ANSI);
  });

  it('--color forces colours and rule links; NO_COLOR and --no-color turn them off', async () => {
    const colored = await runCli(['lint', 'both.yaml', '--color'], { cwd: dir });
    assert.match(colored.stdout, ANSI);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: a terminal link is ESC ] 8 ;; URL BEL
    assert.match(colored.stdout, /\u001b\]8;;https:\/\/[^\u0007]+recommended-server-https/);
    assert.doesNotMatch((await runCli(['lint', 'both.yaml'], { cwd: dir, env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout, ANSI);
    assert.match((await runCli(['lint', 'both.yaml'], { cwd: dir, env: { FORCE_COLOR: '1' } })).stdout, ANSI);
    assert.doesNotMatch((await runCli(['lint', 'both.yaml', '--no-color'], { cwd: dir, env: { FORCE_COLOR: '1' } })).stdout, ANSI);
  });
});

describe('apistyle lint: stylish output', () => {
  it('groups by file and shows line:col, severity, message, rule id and the rule doc link', async () => {
    const dir = tempProject({ 'both.yaml': ONE_ERROR_ONE_WARNING });
    const { stdout } = await runCli(['lint', 'both.yaml'], { cwd: dir });
    const lines = stdout.split('\n');
    assert.equal(lines[0], 'both.yaml');
    assert.match(
      stdout,
      /^ {2}6:10 +error +Server URL "http:\/\/api.example.com\/v1" uses http: serve the API over https only\. +recommended-server-https$/m,
    );
    assert.match(stdout, /^ {2}8:\d+ +warn +Resource segment "customer" is not a plural noun.* recommended-plural-resources$/m);
    assert.match(stdout, /2 problems \(1 error, 1 warning\) in 1 file of 1 linted\./);
    assert.match(
      stdout,
      /recommended-server-https +https:\/\/github\.com\/apistyle\/apistyle\/blob\/main\/docs\/rules\/recommended-server-https\.md/,
    );
  });
});
