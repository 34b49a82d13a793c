import { describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT, runCli, tempProject } from './helpers/cli.js';

interface JsonFinding {
  code: string;
  message: string;
  path: string[];
}

const PSA = readFileSync(join(REPO_ROOT, 'specs', 'psa', 'compliant.yaml'), 'utf8');
/** Two fixable findings (a camel-case property, a limit without bounds) and a comment next to one of them. */
const FIXABLE = PSA.replace(
  '        mileage: {type: integer, minimum: 0}\n        driverId: {type: string, format: uuid}\n',
  '        mileage: {type: integer, minimum: 0}\n        driver_id: {type: string, format: uuid} # who drives it\n',
).replace('schema: {type: integer, minimum: 1, maximum: 100, default: 25}', 'schema: {type: integer, minimum: 1}');

function project(text = FIXABLE): string {
  return tempProject({ 'apistyle.config.yaml': 'extends: [psa]\n', 'api.yaml': text });
}

async function lintJson(cwd: string, extra: string[] = []): Promise<{ code: number | null; findings: JsonFinding[]; stderr: string }> {
  const run = await runCli(['lint', 'api.yaml', '-f', 'json', ...extra], { cwd });
  return { code: run.code, findings: run.stdout === '' ? [] : (JSON.parse(run.stdout) as JsonFinding[]), stderr: run.stderr };
}

describe('apistyle lint --fix and --fix-dry-run', () => {
  it('--fix-dry-run prints a unified diff and changes nothing', async () => {
    const cwd = project();
    const run = await runCli(['lint', 'api.yaml', '--fix-dry-run'], { cwd });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^--- a\/api\.yaml\n\+\+\+ b\/api\.yaml\n@@ /);
    assert.match(run.stdout, /^-\s+driver_id: \{type: string, format: uuid\} # who drives it$/m);
    assert.match(run.stdout, /^\+\s+driverId: \{type: string, format: uuid\} # who drives it$/m);
    assert.match(run.stdout, /^\+\s+schema: \{type: integer, minimum: 1, default: 20, maximum: 100\}$/m);
    assert.equal(readFileSync(join(cwd, 'api.yaml'), 'utf8'), FIXABLE);
  });

  it('--fix-dry-run exits with 1 when findings above the fail severity remain', async () => {
    const cwd = project(FIXABLE.replace('/vehicles/{vehicleId}:', '/vehicles/getAll:'));
    const run = await runCli(['lint', 'api.yaml', '--fix-dry-run'], { cwd });
    assert.equal(run.code, 1);
    assert.match(run.stdout, /^\+\s+driverId: \{type: string, format: uuid\} # who drives it$/m);
  });

  it('--fix rewrites the document, keeps its comments, and reports what is left', async () => {
    const cwd = project();
    const before = await lintJson(cwd);
    assert.deepEqual(before.findings.map((f) => f.code).sort(), ['psa-pagination-limit-default', 'psa-property-camel-case']);
    const run = await runCli(['lint', 'api.yaml', '--fix', '-f', 'json'], { cwd });
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), []);
    assert.match(run.stderr, /fixed 2 findings in 1 files/);
    const fixed = readFileSync(join(cwd, 'api.yaml'), 'utf8');
    assert.match(fixed, /driverId: \{type: string, format: uuid\} # who drives it/);
    assert.equal(fixed.split('\n').length, FIXABLE.split('\n').length);
    assert.deepEqual((await lintJson(cwd)).findings, []);
  });

  it('--fix leaves a document without fixable findings byte for byte as it was', async () => {
    const cwd = project(PSA.replace('/vehicles/{vehicleId}:', '/vehicles/getAll:'));
    const run = await runCli(['lint', 'api.yaml', '--fix'], { cwd });
    assert.equal(run.code, 1);
    assert.equal(readFileSync(join(cwd, 'api.yaml'), 'utf8'), PSA.replace('/vehicles/{vehicleId}:', '/vehicles/getAll:'));
  });
});

describe('--fix and --fix-dry-run on standard input', () => {
  it('--fix on standard input is refused with a usage error (exit 2), fixes or not, and nothing is written', async () => {
    for (const [what, text] of [
      ['with fixes', FIXABLE],
      ['without fixes', PSA],
    ] as const) {
      const cwd = project();
      const run = await runCli(['lint', '-', '--fix'], { cwd, stdin: text });
      assert.equal(run.code, 2, what);
      assert.equal(run.stdout, '', what);
      assert.equal(run.stderr, 'apistyle: --fix cannot write standard input back; use --fix-dry-run to print the fixes as a diff\n', what);
      assert.deepEqual(readdirSync(cwd).sort(), ['api.yaml', 'apistyle.config.yaml'], what);
    }
    // With files named beside it, nothing is fixed either: the run is refused as a whole.
    const cwd = project();
    const mixed = await runCli(['lint', 'api.yaml', '-', '--fix'], { cwd, stdin: FIXABLE });
    assert.equal(mixed.code, 2);
    assert.equal(readFileSync(join(cwd, 'api.yaml'), 'utf8'), FIXABLE);
  });

  it('--fix-dry-run on standard input prints the fixes as a diff, and exits as the fixed text would', async () => {
    const cwd = project();
    // Warnings fail the run here: the unfixed text would exit with 1.
    const run = await runCli(['lint', '-', '--fix-dry-run', '-F', 'warn'], { cwd, stdin: FIXABLE });
    assert.equal(run.code, 0, `every finding has a fix: ${run.stderr}`);
    assert.match(run.stdout, /^--- a\/<stdin>\n\+\+\+ b\/<stdin>\n@@ /);
    assert.match(run.stdout, /^\+\s+driverId: \{type: string, format: uuid\} # who drives it$/m);
    assert.match(run.stdout, /^\+\s+schema: \{type: integer, minimum: 1, default: 20, maximum: 100\}$/m);

    const left = await runCli(['lint', '-', '--fix-dry-run', '-F', 'warn'], {
      cwd,
      stdin: FIXABLE.replace('/vehicles/{vehicleId}:', '/vehicles/getAll:'),
    });
    assert.equal(left.code, 1, 'a finding without a fix is left');
    assert.match(left.stdout, /^\+\s+driverId: /m);
  });
});

describe('the ignore file (.apistyle-ignore.yaml)', () => {
  it('--write-ignore records the current findings next to the config; they are no longer reported, new ones are', async () => {
    const cwd = project();
    const written = await runCli(['lint', 'api.yaml', '--write-ignore', '-f', 'json'], { cwd });
    assert.equal(written.code, 0, written.stderr);
    assert.deepEqual(JSON.parse(written.stdout), []);
    const file = join(cwd, '.apistyle-ignore.yaml');
    const entries = (parse(readFileSync(file, 'utf8')) as { ignore: Array<Record<string, string>> }).ignore;
    assert.deepEqual(entries.map((e) => [e['file'], e['rule']]).sort(), [
      ['api.yaml', 'psa-pagination-limit-default'],
      ['api.yaml', 'psa-property-camel-case'],
    ]);
    assert.ok(entries.every((e) => /^[0-9a-f]{64}$/.test(e['fingerprint']!)));

    // Lines moved and another finding added: the ignored ones stay silent, the new one is reported.
    writeFileSync(
      join(cwd, 'api.yaml'),
      `# a comment that moves every line\n${FIXABLE.replace('/vehicles/{vehicleId}:', '/vehicles/getAll:')}`,
    );
    const after = await lintJson(cwd);
    assert.ok(after.findings.length > 0);
    assert.ok(
      after.findings.every((f) => f.code !== 'psa-property-camel-case' && f.code !== 'psa-pagination-limit-default'),
      JSON.stringify(after.findings),
    );
  });

  it('ignored findings are not fixed by --fix', async () => {
    const cwd = project();
    await runCli(['lint', 'api.yaml', '--write-ignore'], { cwd });
    const run = await runCli(['lint', 'api.yaml', '--fix'], { cwd });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(readFileSync(join(cwd, 'api.yaml'), 'utf8'), FIXABLE);
  });

  it('a hand-written entry without a fingerprint ignores a rule in a file', async () => {
    const cwd = project();
    writeFileSync(join(cwd, '.apistyle-ignore.yaml'), 'ignore:\n  - file: api.yaml\n    rule: psa-property-camel-case\n');
    const { findings } = await lintJson(cwd);
    assert.deepEqual(
      findings.map((f) => f.code),
      ['psa-pagination-limit-default'],
    );
  });

  it('without a config, the ignore file is at the project root', async () => {
    const cwd = tempProject({
      'package.json': '{}',
      'apis/api.yaml': FIXABLE,
      '.apistyle-ignore.yaml': 'ignore:\n  - {file: apis/api.yaml, rule: psa-property-camel-case}\n',
    });
    const run = await runCli(['lint', 'api.yaml', '-r', 'psa', '-f', 'json'], { cwd: join(cwd, 'apis') });
    assert.deepEqual(
      (JSON.parse(run.stdout) as JsonFinding[]).map((f) => f.code),
      ['psa-pagination-limit-default'],
    );
    assert.ok(existsSync(join(cwd, '.apistyle-ignore.yaml')));
  });

  for (const [what, text, problem] of [
    ['not YAML', 'ignore: [\n', /line \d+/],
    ['not a list', 'ignore: yes\n', /"ignore" must be a list/],
    ['an entry without a rule', 'ignore:\n  - file: api.yaml\n', /entry 1 needs a "file" and a "rule"/],
    ['an unknown key', 'ignores: []\n', /unknown key "ignores"/],
  ] as const) {
    it(`a corrupt ignore file (${what}) is a one-line error naming it, exit 2`, async () => {
      const cwd = project();
      writeFileSync(join(cwd, '.apistyle-ignore.yaml'), text);
      const run = await runCli(['lint', 'api.yaml'], { cwd });
      assert.equal(run.code, 2);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /^apistyle: ignore file .*\.apistyle-ignore\.yaml: .+\n$/);
      assert.match(run.stderr, problem);
    });
  }
});
