// The worker pool gives exactly what a single thread gives, in the same order, cache included.
import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { REPO_ROOT, runCli, tempProject } from './helpers/cli.js';

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

  it("works with the cache: a warm pooled run gives the cold run's findings", async () => {
    const dir = tempProject();
    const cold = await runCli(
      ['lint', '-r', 'psa', '-f', 'json', '--workers', '2', '--cache', '--cache-location', join(dir, 'cache.json'), ...files],
      { timeoutMs: 120_000 },
    );
    const warm = await runCli(
      ['lint', '-r', 'psa', '-f', 'json', '--workers', '2', '--cache', '--cache-location', join(dir, 'cache.json'), ...files],
      { timeoutMs: 120_000 },
    );
    assert.equal(warm.stdout, cold.stdout);
  });
});
