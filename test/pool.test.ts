// The worker pool gives exactly what a single thread gives, in the same order, cache included.
import { strict as assert } from 'node:assert';
import { appendFileSync, copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, it } from 'vitest';
import { markCache, readCacheHeader, readsOf, tracingReadsOf } from './helpers/cacheFile.js';
import { REPO_ROOT, runCli, tempProject } from './helpers/cli.js';

interface JsonFinding {
  code: string;
  severity: number;
  source: string;
  message: string;
}

const INPUT_PROBLEMS = new Set(['unreadable-file', 'parser', 'not-openapi', 'invalid-ref', 'linter-error']);

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'rules');
const files = readdirSync(FIXTURES)
  .filter((dir) => dir.startsWith('psa-'))
  .flatMap((dir) =>
    readdirSync(join(FIXTURES, dir))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => join(FIXTURES, dir, f)),
  )
  .sort()
  .slice(0, 40);

describe('--workers', () => {
  it('lints many documents across workers with the same findings, in the same order, as one thread', async () => {
    assert.ok(files.length >= 32);
    const single = await runCli(['lint', '-r', 'psa', '-f', 'json', '--workers', '1', ...files], { timeoutMs: 120_000 });
    const pooled = await runCli(['lint', '-r', 'psa', '-f', 'json', '--workers', '2', ...files], { timeoutMs: 120_000 });
    assert.equal(pooled.stderr, '');
    assert.equal(pooled.code, single.code);
    assert.ok((JSON.parse(single.stdout) as unknown[]).length > 100);
    assert.equal(pooled.stdout, single.stdout);
  });

  it('works with the cache: a warm pooled run is answered from it, a partly changed one lints the changed documents only, in the workers', async () => {
    const dir = tempProject();
    const copies = files.map((file, index) => {
      const copy = join(dir, 'specs', `${String(index).padStart(2, '0')}-${basename(file)}`);
      mkdirSync(dirname(copy), { recursive: true });
      copyFileSync(file, copy);
      return copy;
    });
    const cacheFile = join(dir, 'cache.json');
    const lintAll = (documents: string[], extra: string[], env: Record<string, string> = {}) =>
      runCli(['lint', '-r', 'psa', '-f', 'json', ...extra, ...documents], { cwd: dir, env, timeoutMs: 120_000 });
    // Documents that cannot be linted as a whole (an input problem) are never cached: leave them out.
    const uncacheable = new Set(
      (JSON.parse((await lintAll(copies, ['--workers', '1'])).stdout) as JsonFinding[])
        .filter((finding) => INPUT_PROBLEMS.has(finding.code) && finding.severity === 0)
        .map((finding) => finding.source),
    );
    const documents = copies.filter((copy) => !uncacheable.has(copy));
    assert.ok(documents.length >= 30, `${documents.length} documents`);
    const lint = (extra: string[], env: Record<string, string> = {}) => lintAll(documents, extra, env);
    const pooled = ['--workers', '2', '--cache', '--cache-location', cacheFile];
    const plain = await lint(['--workers', '1']);

    const cold = await lint(pooled);
    assert.equal(cold.stdout, plain.stdout);
    assert.equal(cold.code, plain.code);
    assert.deepEqual(Object.keys(readCacheHeader(cacheFile).entries).sort(), [...documents].sort(), 'every document is in the cache');

    // Every stored finding marked: a warm run that linted anything again would show an unmarked one.
    markCache(cacheFile);
    const warm = await lint(pooled, tracingReadsOf(dir));
    const warmFindings = JSON.parse(warm.stdout) as JsonFinding[];
    assert.ok(warmFindings.length > 100);
    assert.ok(
      warmFindings.every((finding) => finding.message.startsWith('FROM CACHE ')),
      'every finding from the cache',
    );
    assert.equal(warm.stdout.replaceAll('FROM CACHE ', ''), plain.stdout);
    assert.equal(warm.code, plain.code);
    assert.match(warm.stderr, /^TRACING READS \(main thread\)$/m);
    assert.ok(
      documents.every((document) => readsOf(warm.stderr, document, 'worker thread') === 0),
      'no document linted in a worker',
    );

    // Half the documents changed: those are linted, in the workers; the others still come from the cache.
    const changed = new Set(documents.filter((_, index) => index % 2 === 1));
    for (const copy of changed) appendFileSync(copy, '# changed\n');
    markCache(cacheFile);
    const partial = await lint(pooled, tracingReadsOf(dir));
    const findings = JSON.parse(partial.stdout) as JsonFinding[];
    for (const finding of findings) {
      assert.equal(finding.message.startsWith('FROM CACHE '), !changed.has(finding.source), `${finding.source}: ${finding.message}`);
    }
    assert.ok(findings.some((finding) => changed.has(finding.source)) && findings.some((finding) => !changed.has(finding.source)));
    assert.match(partial.stderr, /^TRACING READS \(worker thread\)$/m, 'workers ran');
    for (const document of documents) {
      assert.equal(readsOf(partial.stderr, document, 'worker thread') > 0, changed.has(document), `${document} linted in a worker`);
    }
    const plainAfter = await lint(['--workers', '1']);
    assert.equal(partial.stdout.replaceAll('FROM CACHE ', ''), plainAfter.stdout);
    assert.equal(partial.code, plainAfter.code);
  });
});
