// Remote `$ref`s, opted in with --allow-remote-refs, against a loopback HTTP server: a status
// other than 2xx is an `invalid-ref` naming it, and a host name that resolves to a link-local or
// metadata address is refused before any connection. Host names resolve through a preloaded fake
// resolver (test/fixtures/harness/fake-dns.cjs) that also refuses to connect anywhere but loopback.
import { strict as assert } from 'node:assert';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { CLEAN, ONE_WARNING, REPO_ROOT, runCli, tempProject } from './helpers/cli.js';

const FAKE_DNS = join(REPO_ROOT, 'test', 'fixtures', 'harness', 'fake-dns.cjs');

interface JsonFinding {
  code: string;
  message: string;
  source: string;
}

let server: Server;
let port: number;
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = request.url ?? '/';
    requests.push(`${request.headers.host ?? ''}${url}`);
    if (url === '/ok.yaml') return response.end('Customer:\n  description: The customer.\n');
    if (url === '/unavailable.yaml') return response.writeHead(503).end('down for maintenance');
    if (url === '/gone.yaml') return response.writeHead(410).end();
    return response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

/** A document whose 200 response is a `$ref` to `url`. */
const referencing = (url: string): string =>
  CLEAN.replace("        '200':\n          description: The customer.", `        '200':\n          $ref: '${url}'`);

/** Lints a document that `$ref`s `url`, beside one with a warning of its own, remote refs allowed. */
async function lintRemote(url: string, env: Record<string, string> = {}) {
  const dir = tempProject({ 'remote.yaml': referencing(url), 'other.yaml': ONE_WARNING });
  const run = await runCli(['lint', 'remote.yaml', 'other.yaml', '--allow-remote-refs', '-f', 'json'], {
    cwd: dir,
    env,
    timeoutMs: 30_000,
  });
  const findings = run.stdout === '' ? [] : (JSON.parse(run.stdout) as JsonFinding[]);
  assert.ok(
    findings.some((f) => f.source.endsWith('other.yaml') && f.code === 'recommended-plural-resources'),
    `the other document is still linted: ${run.stdout}${run.stderr}`,
  );
  const remote = findings.filter((f) => f.source.endsWith('remote.yaml'));
  return { ...run, remote };
}

describe('a remote $ref whose server answers with an error status', () => {
  for (const [path, status] of [
    ['/missing.yaml', 404],
    ['/gone.yaml', 410],
    ['/unavailable.yaml', 503],
  ] as const) {
    it(`${status}: an invalid-ref finding naming the status, exit 2`, async () => {
      const url = `http://127.0.0.1:${port}${path}`;
      const before = requests.length;
      const run = await lintRemote(`${url}#/Customer`);
      assert.equal(run.code, 2);
      assert.deepEqual(
        run.remote.map((f) => [f.code, f.message]),
        [['invalid-ref', `remote $ref to "${url}": HTTP ${status}`]],
      );
      assert.deepEqual(requests.slice(before), [`127.0.0.1:${port}${path}`], 'asked once');
    });
  }

  it('the same $ref answered with 200 resolves (the server is reachable)', async () => {
    const run = await lintRemote(`http://127.0.0.1:${port}/ok.yaml#/Customer`);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.deepEqual(run.remote, []);
  });
});

describe('a remote $ref to a host name that resolves to a forbidden address', () => {
  const env = {
    NODE_OPTIONS: `--require ${FAKE_DNS}`,
    APISTYLE_FAKE_HOSTS: [
      'schemas.example.test=127.0.0.1',
      'metadata-alias.example.test=169.254.169.254',
      'mixed.example.test=127.0.0.1+169.254.169.254',
      'link-local-v6.example.test=fe80::1',
    ].join(','),
  };

  it('a name resolving to loopback is fetched (the fake resolver is in force)', async () => {
    const before = requests.length;
    const run = await lintRemote(`http://schemas.example.test:${port}/ok.yaml#/Customer`, env);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.deepEqual(run.remote, []);
    assert.deepEqual(requests.slice(before), [`schemas.example.test:${port}/ok.yaml`]);
    assert.doesNotMatch(run.stderr, /NETWORK-DENIED/);
  });

  for (const [host, address] of [
    ['metadata-alias.example.test', '169.254.169.254'],
    ['mixed.example.test', '169.254.169.254'],
    ['link-local-v6.example.test', 'fe80::1'],
  ] as const) {
    it(`${host} (${address}) is refused before any connection`, async () => {
      const url = `http://${host}:${port}/latest/meta-data/`;
      const before = requests.length;
      const run = await lintRemote(url, env);
      assert.equal(run.code, 2, run.stdout + run.stderr);
      assert.deepEqual(
        run.remote.map((f) => [f.code, f.message]),
        [['invalid-ref', `remote $ref to "${url}": refused: ${host} resolves to ${address}, a link-local or cloud metadata address`]],
      );
      assert.doesNotMatch(run.stderr, /NETWORK-DENIED/, 'apistyle refused it itself; the harness had nothing to stop');
      assert.equal(requests.length, before);
    });
  }
});
