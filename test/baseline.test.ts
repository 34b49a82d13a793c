import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { ONE_ERROR_ONE_WARNING, runCli, tempProject } from './helpers/cli.js';

interface JsonFinding {
  code: string;
  path: string[];
}

interface Baseline {
  version: number;
  findings: Array<{ fingerprint: string; file: string; code: string; path: string; message: string }>;
}

const readBaseline = (dir: string, name = 'baseline.json'): Baseline => JSON.parse(readFileSync(join(dir, name), 'utf8')) as Baseline;

/** The same API with lines moved: a longer info block above everything, and the path's keys reordered. */
const MOVED = ONE_ERROR_ONE_WARNING.replace(
  'info:\n  title: Test API\n',
  'info:\n  description: >-\n    A longer description\n    over several lines\n    that moves every line below.\n  title: Test API\n',
)
  .replace("        '404':\n          description: Not found.\n", '')
  .replace('      responses:\n', "      responses:\n        '404':\n          description: Not found.\n");

describe('--baseline and --write-baseline', () => {
  it('accepts the findings written, survives line moves, reports new ones, drops fixed ones on rewrite', async () => {
    const dir = tempProject({ 'api.yaml': ONE_ERROR_ONE_WARNING });
    const written = await runCli(['lint', 'api.yaml', '--write-baseline', 'baseline.json'], { cwd: dir });
    assert.equal(written.code, 0, 'writing a baseline accepts what it holds');
    assert.deepEqual(
      readBaseline(dir)
        .findings.map((f) => f.code)
        .sort(),
      ['recommended-plural-resources', 'recommended-server-https'],
    );
    assert.ok(readBaseline(dir).findings.every((f) => f.file === 'api.yaml' && /^[0-9a-f]{64}$/.test(f.fingerprint)));

    writeFileSync(join(dir, 'api.yaml'), MOVED);
    const moved = await runCli(['lint', 'api.yaml', '--baseline', 'baseline.json', '-f', 'json'], { cwd: dir });
    assert.equal(moved.code, 0, moved.stdout);
    assert.deepEqual(JSON.parse(moved.stdout), []);
    const unfiltered = await runCli(['lint', 'api.yaml', '-f', 'json'], { cwd: dir });
    const still = JSON.parse(unfiltered.stdout) as Array<JsonFinding & { range: { start: { line: number } } }>;
    assert.equal(still.length, 2, 'the findings are still there');
    assert.equal(still.find((f) => f.code === 'recommended-server-https')!.range.start.line, 5 + 4, 'on other lines');

    writeFileSync(
      join(dir, 'api.yaml'),
      MOVED.replace('paths:\n', "paths:\n  /getOrders:\n    get:\n      responses:\n        '200':\n          description: Orders.\n"),
    );
    const added = await runCli(['lint', 'api.yaml', '--baseline', 'baseline.json', '-f', 'json'], { cwd: dir });
    assert.equal(added.code, 1);
    const fresh = JSON.parse(added.stdout) as JsonFinding[];
    assert.ok(fresh.length > 0);
    assert.ok(
      fresh.every((f) => f.path[1] === '/getOrders'),
      JSON.stringify(fresh.map((f) => f.path)),
    );
    const stylish = await runCli(['lint', 'api.yaml', '--baseline', 'baseline.json'], { cwd: dir });
    assert.match(stylish.stdout, /Compared with baseline\.json: 2 existing findings not reported\./);

    writeFileSync(join(dir, 'api.yaml'), MOVED.replace('http://', 'https://'));
    const fixed = await runCli(['lint', 'api.yaml', '--baseline', 'baseline.json'], { cwd: dir });
    assert.equal(fixed.code, 0);
    assert.match(fixed.stdout, /1 existing finding not reported, 1 fixed\./);
    await runCli(['lint', 'api.yaml', '--write-baseline', 'baseline.json'], { cwd: dir });
    assert.deepEqual(
      readBaseline(dir).findings.map((f) => f.code),
      ['recommended-plural-resources'],
      'the fixed finding dropped out',
    );
  });

  it("fingerprints are relative to the baseline's folder, not the working directory", async () => {
    const dir = tempProject({ 'api.yaml': ONE_ERROR_ONE_WARNING });
    await runCli(['lint', 'api.yaml', '--write-baseline', 'baseline.json'], { cwd: dir });
    mkdirSync(join(dir, 'sub'));
    const run = await runCli(['lint', '../api.yaml', '--baseline', '../baseline.json', '-f', 'json'], { cwd: join(dir, 'sub') });
    assert.equal(run.code, 0, run.stdout);
  });

  it('rewriting with some files keeps the entries of the others', async () => {
    const dir = tempProject({ 'a.yaml': ONE_ERROR_ONE_WARNING, 'b.yaml': ONE_ERROR_ONE_WARNING });
    await runCli(['lint', 'a.yaml', 'b.yaml', '--write-baseline', 'baseline.json'], { cwd: dir });
    writeFileSync(join(dir, 'a.yaml'), ONE_ERROR_ONE_WARNING.replace('http://', 'https://'));
    await runCli(['lint', 'a.yaml', '--write-baseline', 'baseline.json'], { cwd: dir });
    assert.deepEqual(
      readBaseline(dir).findings.map((f) => `${f.file} ${f.code}`),
      ['a.yaml recommended-plural-resources', 'b.yaml recommended-plural-resources', 'b.yaml recommended-server-https'],
    );
  });

  it("--baseline with --write-baseline: judged on what the old baseline lacks, then the baseline holds today's findings (a ratchet)", async () => {
    const dir = tempProject({ 'api.yaml': ONE_ERROR_ONE_WARNING });
    await runCli(['lint', 'api.yaml', '--write-baseline', 'baseline.json'], { cwd: dir });
    // The error fixed, a new operation with findings of its own.
    writeFileSync(
      join(dir, 'api.yaml'),
      ONE_ERROR_ONE_WARNING.replace('http://', 'https://').replace(
        'paths:\n',
        "paths:\n  /getOrders:\n    get:\n      responses:\n        '200':\n          description: Orders.\n",
      ),
    );
    const run = await runCli(['lint', 'api.yaml', '--baseline', 'baseline.json', '--write-baseline', 'baseline.json', '-f', 'json'], {
      cwd: dir,
    });
    const reported = JSON.parse(run.stdout) as JsonFinding[];
    assert.ok(reported.length > 0);
    assert.ok(
      reported.every((f) => f.path[1] === '/getOrders'),
      JSON.stringify(reported.map((f) => f.path)),
    );
    assert.equal(run.code, 1, 'the new error fails this run');
    const accepted = readBaseline(dir).findings;
    assert.ok(!accepted.some((f) => f.code === 'recommended-server-https'), 'the fixed finding dropped out');
    assert.ok(
      accepted.some((f) => f.code === 'recommended-plural-resources' && f.path.includes('/customer/{id}')),
      'the old one kept',
    );
    assert.ok(
      accepted.some((f) => f.path.includes('/getOrders')),
      'the new ones added',
    );
    const next = await runCli(['lint', 'api.yaml', '--baseline', 'baseline.json', '-f', 'json'], { cwd: dir });
    assert.equal(next.code, 0, next.stdout);
    assert.deepEqual(JSON.parse(next.stdout), []);

    // To another file: the one compared with is left as it was.
    writeFileSync(join(dir, 'api.yaml'), ONE_ERROR_ONE_WARNING);
    const before = readFileSync(join(dir, 'baseline.json'), 'utf8');
    const stylish = await runCli(['lint', 'api.yaml', '--baseline', 'baseline.json', '--write-baseline', 'next.json'], { cwd: dir });
    assert.equal(stylish.code, 1);
    assert.match(stylish.stdout, /recommended-server-https/);
    assert.match(stylish.stdout, /Compared with baseline\.json: 1 existing finding not reported, \d+ fixed\./);
    assert.equal(readFileSync(join(dir, 'baseline.json'), 'utf8'), before);
    assert.deepEqual(
      readBaseline(dir, 'next.json')
        .findings.map((f) => f.code)
        .sort(),
      ['recommended-plural-resources', 'recommended-server-https'],
    );
  });

  for (const [name, content, problem] of [
    ['that is corrupt', '{"version": 1, "findings": [', /baseline\.json: not valid JSON/],
    ['of another shape', '[]', /baseline\.json: not an apistyle baseline/],
    ['with a bad entry', '{"version": 1, "findings": [{"fingerprint": 3}]}', /baseline\.json: findings\[0\] must have/],
    ['that is missing', undefined, /baseline\.json: no such file/],
  ] as const) {
    it(`a baseline ${name} is an error (exit 2), not a silent no-op`, async () => {
      const dir = tempProject({ 'api.yaml': ONE_ERROR_ONE_WARNING, ...(content !== undefined ? { 'baseline.json': content } : {}) });
      const run = await runCli(['lint', 'api.yaml', '--baseline', 'baseline.json'], { cwd: dir });
      assert.equal(run.code, 2);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, problem);
      assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
    });
  }
});
