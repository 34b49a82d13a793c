// No network unless remote $refs are opted in, and no writes outside the paths the user named:
// the CLI runs with a preload hook that fails any network access (test/fixtures/harness), with
// HOME, TMPDIR and XDG_CACHE_HOME pointed at empty folders, over a copy of the sample specs.
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import { describe, it } from 'vitest';
import { builtinRulesetNames } from '../src/core/config/rulesets.js';
import { CLEAN, REPO_ROOT, runCli, tempProject } from './helpers/cli.js';

const HOOK = join(REPO_ROOT, 'test', 'fixtures', 'harness', 'deny-network.cjs');

/** Every file under a folder with a hash of its content. */
function listing(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (path: string): void => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.set(relative(dir, full), createHash('sha256').update(readFileSync(full)).digest('hex'));
    }
  };
  walk(dir);
  return files;
}

function sandbox(extra: Record<string, string> = {}) {
  const home = tempProject();
  const tmp = tempProject();
  const cache = tempProject();
  const env = { NODE_OPTIONS: `--require ${HOOK}`, HOME: home, TMPDIR: tmp, XDG_CACHE_HOME: cache, ...extra };
  return {
    env,
    untouched: () => {
      for (const dir of [home, tmp, cache]) assert.deepEqual(readdirSync(dir), [], `${dir} stays empty`);
    },
  };
}

describe('no network, no writes outside the named paths', () => {
  it('the harness works: an opted-in remote $ref is stopped by it, in the main thread and in workers', async () => {
    let requests = 0;
    const server = createServer((_request, response) => {
      requests += 1;
      response.end('Customer:\n  description: The customer.\n');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/responses.yaml#/Customer`;
      const remote = CLEAN.replace("        '200':\n          description: The customer.", `        '200':\n          $ref: '${url}'`);
      const files = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`api${i}.yaml`, remote]));
      const dir = tempProject(files);
      const { env } = sandbox({ APISTYLE_HARNESS_ANNOUNCE: '1' });
      const run = await runCli(['lint', ...Object.keys(files), '--allow-remote-refs', '--workers', '2', '-f', 'json'], {
        cwd: dir,
        env,
        timeoutMs: 60_000,
      });
      assert.match(run.stderr, /HARNESS-LOADED \(worker thread\)/, 'the hook runs in the worker threads too');
      assert.match(run.stderr, /NETWORK-DENIED connect .*127\.0\.0\.1.* \(worker thread\)/);
      assert.equal(requests, 0);
      assert.equal(run.code, 2);
    } finally {
      server.close();
    }
  });

  it('linting the sample specs (found by discovery) with every ruleset, every format to a file and the cache: no network, only the named files written', async () => {
    const project = tempProject();
    cpSync(join(REPO_ROOT, 'specs'), project, { recursive: true });
    const before = listing(project);
    const { env, untouched } = sandbox();
    const rulesets = builtinRulesetNames().flatMap((name) => ['-r', name]);
    for (const [format, workers] of [
      ['json', '1'],
      ['sarif', '2'],
      ['stylish', '2'],
    ] as const) {
      const run = await runCli(
        ['lint', ...rulesets, '-f', format, '-o', `report.${format}`, '--cache', '--cache-location', 'lint.cache', '--workers', workers],
        {
          cwd: project,
          env,
          timeoutMs: 120_000,
        },
      );
      assert.doesNotMatch(run.stderr, /NETWORK-DENIED/);
      assert.equal(run.stderr, '');
      assert.equal(run.code, 1, 'the violating samples fail');
    }
    const after = listing(project);
    const added = [...after.keys()].filter((file) => !before.has(file)).sort();
    assert.deepEqual(added, ['lint.cache', 'report.json', 'report.sarif', 'report.stylish']);
    for (const [file, hash] of before) assert.equal(after.get(file), hash, `${file} is unchanged`);
    untouched();
  });
});
