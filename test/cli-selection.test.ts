// Which files a run lints: `!pattern` exclusions on the command line and in the config's `files`,
// and --skip-non-openapi, which leaves out named files that are not OpenAPI documents.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { CLEAN, ONE_WARNING, ONE_ERROR_ONE_WARNING, runCli, tempProject } from './helpers/cli.js';

interface JsonFinding {
  code: string;
  severity: number;
  source: string;
}

async function lintJson(cwd: string, args: string[]): Promise<{ code: number | null; findings: JsonFinding[]; stderr: string }> {
  const run = await runCli(['lint', ...args, '-f', 'json'], { cwd });
  assert.notEqual(run.stdout, '', `JSON on stdout (exit ${run.code}): ${run.stderr}`);
  return { code: run.code, findings: JSON.parse(run.stdout) as JsonFinding[], stderr: run.stderr };
}

/** The files the findings are in, relative to `dir`, once each, sorted. */
const filesOf = (dir: string, findings: JsonFinding[]): string[] =>
  [
    ...new Set(
      findings.map((finding) =>
        finding.source
          .slice(dir.length + 1)
          .split('\\')
          .join('/'),
      ),
    ),
  ].sort();

describe('--skip-non-openapi', () => {
  const BROKEN_YAML_API = 'openapi: 3.0.3\ninfo:\n  title: [Broken\n  version: 1.0.0\npaths: {}\n';
  const BROKEN_JSON_API = '{"openapi": "3.0.3", "info": {"title": "Broken", "version": "1.0.0"}, "paths": {';
  const TEMPLATE = 'replicas: {{ .Values.replicas }}\n  image: [api\n';
  const BROKEN_JSON = '{"name": "deploy", "replicas": ';

  for (const [name, file, text] of [
    ['a broken YAML file', 'api.yaml', BROKEN_YAML_API],
    ['a broken JSON file', 'api.json', BROKEN_JSON_API],
  ] as const) {
    it(`${name} that declares itself OpenAPI stays an error: reported, exit 2`, async () => {
      const dir = tempProject({ [file]: text, 'good.yaml': CLEAN });
      const run = await lintJson(dir, [file, 'good.yaml', '--skip-non-openapi']);
      assert.equal(run.code, 2, run.stderr);
      assert.ok(run.findings.length > 0);
      assert.ok(
        run.findings.every((finding) => finding.code === 'parser' && finding.severity === 0),
        JSON.stringify(run.findings),
      );
      assert.deepEqual(filesOf(dir, run.findings), [file]);
      const stylish = await runCli(['lint', file, 'good.yaml', '--skip-non-openapi'], { cwd: dir });
      assert.equal(stylish.code, 2);
      assert.match(stylish.stdout, new RegExp(`^${file.replace('.', '\\.')}\\n.* error .* parser$`, 'm'));
    });
  }

  it('an unparseable file that is not OpenAPI (a template, broken JSON) is skipped silently; the others decide the exit code', async () => {
    const dir = tempProject({
      'deploy/values.yaml': TEMPLATE,
      'deploy/config.json': BROKEN_JSON,
      'good.yaml': CLEAN,
      'warn.yaml': ONE_WARNING,
    });
    const files = ['deploy/values.yaml', 'deploy/config.json', 'good.yaml'];

    // Without the flag, each is an input problem.
    const strict = await lintJson(dir, files);
    assert.equal(strict.code, 2);
    assert.deepEqual(filesOf(dir, strict.findings), ['deploy/config.json', 'deploy/values.yaml']);

    const skipped = await runCli(['lint', ...files, '--skip-non-openapi', '-f', 'json'], { cwd: dir });
    assert.equal(skipped.code, 0, skipped.stdout);
    assert.deepEqual(JSON.parse(skipped.stdout), []);
    assert.equal(skipped.stderr, '', 'nothing said about the skipped files');
    const stylish = await runCli(['lint', ...files, '--skip-non-openapi'], { cwd: dir });
    assert.equal(stylish.code, 0);
    assert.doesNotMatch(stylish.stdout, /values\.yaml|config\.json/);
    assert.match(stylish.stdout, /No problems found in 1 file\./, 'the skipped files are not counted as linted');

    const withFindings = await lintJson(dir, [...files, 'warn.yaml', '--skip-non-openapi', '-F', 'warn']);
    assert.equal(withFindings.code, 1);
    assert.deepEqual(filesOf(dir, withFindings.findings), ['warn.yaml']);
  });
});

describe('!pattern exclusions', () => {
  function project(extra: Record<string, string> = {}): string {
    return tempProject({
      'apis/orders.yaml': ONE_ERROR_ONE_WARNING,
      'apis/v2/orders.yaml': ONE_ERROR_ONE_WARNING,
      'apis/legacy/orders.yaml': ONE_ERROR_ONE_WARNING,
      'apis/legacy/old/customers.yaml': ONE_ERROR_ONE_WARNING,
      ...extra,
    });
  }

  it('on the command line, an exclusion leaves out what a glob matched', async () => {
    const dir = project();
    for (const exclusion of ['!apis/legacy/**', '!apis/legacy', '!./apis/legacy/**', '!**/legacy/**']) {
      const run = await lintJson(dir, ['apis/**/*.yaml', exclusion]);
      assert.equal(run.code, 1, run.stderr);
      assert.deepEqual(filesOf(dir, run.findings), ['apis/orders.yaml', 'apis/v2/orders.yaml'], exclusion);
    }
    const all = await lintJson(dir, ['apis/**/*.yaml']);
    assert.equal(filesOf(dir, all.findings).length, 4, 'without it, every file');
  });

  it('on the command line, an exclusion leaves out files named one by one too (as a pre-commit hook names them)', async () => {
    const dir = project();
    const run = await lintJson(dir, ['apis/orders.yaml', 'apis/legacy/orders.yaml', 'apis/legacy/old/customers.yaml', '!apis/legacy/**']);
    assert.equal(run.code, 1, run.stderr);
    assert.deepEqual(filesOf(dir, run.findings), ['apis/orders.yaml']);
  });

  it('exclusions alone narrow the default selection: every OpenAPI document found, or the config\'s "files"', async () => {
    const dir = project();
    const discovered = await lintJson(dir, ['!apis/legacy/**', '!apis/v2/orders.yaml']);
    assert.equal(discovered.code, 1, discovered.stderr);
    assert.deepEqual(filesOf(dir, discovered.findings), ['apis/orders.yaml']);

    const configured = project({ 'apistyle.config.yaml': 'files: ["apis/**/*.yaml"]\n' });
    const narrowed = await lintJson(configured, ['!apis/legacy/**']);
    assert.deepEqual(filesOf(configured, narrowed.findings), ['apis/orders.yaml', 'apis/v2/orders.yaml']);

    const nothingLeft = await runCli(['lint', '!apis'], { cwd: dir });
    assert.equal(nothingLeft.code, 2, 'excluding everything is not a silent success');
    assert.match(nothingLeft.stderr, /no OpenAPI documents found under .*, not excluded/);
  });

  it('in the config\'s "files", relative to the config, from any working directory', async () => {
    const dir = project({
      'apistyle.config.yaml': 'files:\n  - "apis/**/*.yaml"\n  - "apis/legacy/orders.yaml"\n  - "!apis/legacy/**"\n',
    });
    for (const cwd of [dir, join(dir, 'apis', 'v2')]) {
      const run = await lintJson(cwd, []);
      assert.equal(run.code, 1, run.stderr);
      assert.deepEqual(filesOf(dir, run.findings), ['apis/orders.yaml', 'apis/v2/orders.yaml'], cwd);
    }
  });
});
