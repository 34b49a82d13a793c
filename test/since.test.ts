import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { runCli, tempProject } from './helpers/cli.js';

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
};

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], {
    cwd: dir,
    env: { ...process.env, ...GIT_ENV },
    encoding: 'utf8',
  });
}

/** Two operations that take input and document no 4XX response, a singular resource and a snake_case schema property. */
const FIRST = `openapi: 3.0.3
info:
  title: Test API
  version: 1.0.0
servers:
  - url: https://api.example.com/v1
paths:
  /orders:
    get:
      summary: List orders
      parameters:
        - name: q
          in: query
          schema:
            type: string
      responses:
        '200':
          description: The orders.
  /invoices:
    get:
      summary: List invoices
      parameters:
        - name: q
          in: query
          schema:
            type: string
      responses:
        '200':
          description: The invoices.
components:
  schemas:
    Order:
      type: object
      properties:
        order_number:
          type: string
    Invoice:
      type: object
      properties:
        invoice_number:
          type: string
`;

interface JsonFinding {
  code: string;
  path: string[];
}

const where = (findings: JsonFinding[]): string[] => findings.map((f) => `${f.code} ${f.path.slice(0, 3).join('.')}`).sort();

describe('--since REF', () => {
  it('reports only the findings on operations and components changed since REF', async () => {
    const dir = tempProject({ 'api.yaml': FIRST });
    git(dir, 'init', '-q');
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'first');
    // The second commit edits the /invoices operation and moves every line (a longer info block).
    const second = FIRST.replace('summary: List invoices', 'summary: List the invoices').replace(
      'info:\n',
      'info:\n  description: >-\n    Several lines\n    of description.\n',
    );
    writeFileSync(join(dir, 'api.yaml'), second);
    git(dir, 'commit', '-qam', 'second');

    const all = await runCli(['lint', 'api.yaml', '-r', 'recommended', '-r', 'psa', '-f', 'json'], { cwd: dir });
    assert.ok(
      where(JSON.parse(all.stdout) as JsonFinding[]).includes('recommended-4xx-for-input paths./orders.get'),
      'both operations have the finding',
    );

    const run = await runCli(['lint', 'api.yaml', '-r', 'recommended', '-r', 'psa', '-f', 'json', '--since', 'HEAD~1'], { cwd: dir });
    const reported = where(JSON.parse(run.stdout) as JsonFinding[]);
    assert.ok(reported.length > 0);
    assert.ok(
      reported.every((entry) => entry.endsWith('paths./invoices.get')),
      reported.join('\n'),
    );
    assert.ok(reported.includes('recommended-4xx-for-input paths./invoices.get'));

    const stylish = await runCli(['lint', 'api.yaml', '-r', 'recommended', '-r', 'psa', '--since', 'HEAD~1'], { cwd: dir });
    assert.match(stylish.stdout, /Compared with HEAD~1: \d+ existing findings not reported\./);
  });

  it('a changed schema is judged, an unchanged one is not', async () => {
    const dir = tempProject({ 'api.yaml': FIRST });
    git(dir, 'init', '-q');
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'first');
    writeFileSync(
      join(dir, 'api.yaml'),
      FIRST.replace('        order_number:\n', '        order_date:\n          type: string\n        order_number:\n'),
    );
    const run = await runCli(['lint', 'api.yaml', '-r', 'psa', '-f', 'json', '--since', 'HEAD'], { cwd: dir });
    const reported = where(JSON.parse(run.stdout) as JsonFinding[]);
    assert.ok(reported.includes('psa-property-camel-case components.schemas.Order'));
    assert.ok(
      reported.every((entry) => entry.endsWith('components.schemas.Order')),
      reported.join('\n'),
    );
    const all = await runCli(['lint', 'api.yaml', '-r', 'psa', '-f', 'json'], { cwd: dir });
    assert.ok(where(JSON.parse(all.stdout) as JsonFinding[]).includes('psa-property-camel-case components.schemas.Invoice'));
    assert.equal(run.code, 0, 'psa-property-camel-case is a warning');
  });

  it('a finding reported at a $ref to another file is new when the referenced part changed', async () => {
    const api = FIRST.replace(
      '          description: The orders.\n',
      "          description: The orders.\n          content:\n            application/json:\n              schema:\n                $ref: 'schemas.yaml#/Page'\n",
    );
    const schemas = 'Page:\n  type: object\n  properties:\n    total_count:\n      type: integer\n';
    const dir = tempProject({ 'api.yaml': api, 'schemas.yaml': schemas });
    git(dir, 'init', '-q');
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'first');
    const unchanged = await runCli(['lint', 'api.yaml', '-r', 'psa', '-f', 'json', '--since', 'HEAD'], { cwd: dir });
    assert.deepEqual(JSON.parse(unchanged.stdout), []);
    writeFileSync(
      join(dir, 'schemas.yaml'),
      schemas.replace('    total_count:\n', '    page_size:\n      type: integer\n    total_count:\n'),
    );
    const changed = await runCli(['lint', 'api.yaml', '-r', 'psa', '-f', 'json', '--since', 'HEAD'], { cwd: dir });
    const reported = JSON.parse(changed.stdout) as JsonFinding[];
    assert.ok(
      reported.some((f) => f.code === 'psa-property-camel-case' && f.path.at(-1) === '$ref'),
      where(reported).join('\n'),
    );
    assert.ok(
      reported.every((f) => f.path.at(-1) === '$ref'),
      where(reported).join('\n'),
    );
  });

  it('a document that did not exist at REF is new as a whole', async () => {
    const dir = tempProject({ 'api.yaml': FIRST });
    git(dir, 'init', '-q');
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'first');
    writeFileSync(join(dir, 'new.yaml'), FIRST);
    const all = await runCli(['lint', 'new.yaml', '-f', 'json'], { cwd: dir });
    const since = await runCli(['lint', 'new.yaml', '-f', 'json', '--since', 'HEAD'], { cwd: dir });
    assert.deepEqual(JSON.parse(since.stdout), JSON.parse(all.stdout));
    assert.ok((JSON.parse(since.stdout) as unknown[]).length > 0);
  });

  it('an unknown REF, or no repository, is an error (exit 2)', async () => {
    const dir = tempProject({ 'api.yaml': FIRST });
    const outside = await runCli(['lint', 'api.yaml', '--since', 'HEAD'], { cwd: dir, env: { GIT_CEILING_DIRECTORIES: dir } });
    assert.equal(outside.code, 2);
    assert.match(outside.stderr, /^apistyle: --since HEAD: .* is not in a git repository\n$/);
    git(dir, 'init', '-q');
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'first');
    const unknown = await runCli(['lint', 'api.yaml', '--since', 'no-such-branch'], { cwd: dir });
    assert.equal(unknown.code, 2);
    assert.equal(unknown.stderr, 'apistyle: --since no-such-branch: no such commit, branch or tag\n');
  });
});

describe('--since REF with --baseline FILE', () => {
  /** The findings at `path`'s first three steps, by rule. */
  const at = (findings: JsonFinding[], prefix: string) => where(findings).filter((entry) => entry.endsWith(prefix));

  it('reports only the findings new to both: on a part changed since REF, and not in the baseline', async () => {
    // The baseline is older than REF: Order's snake_case property came after it.
    const beforeBaseline = FIRST.replace('order_number:', 'orderNumber:');
    const dir = tempProject({ 'api.yaml': beforeBaseline });
    const rules = ['-r', 'recommended', '-r', 'psa'];
    const written = await runCli(['lint', 'api.yaml', ...rules, '--write-baseline', 'baseline.json'], { cwd: dir });
    assert.equal(written.code, 0, written.stderr);
    writeFileSync(join(dir, 'api.yaml'), FIRST);
    git(dir, 'init', '-q');
    git(dir, 'add', 'api.yaml');
    git(dir, 'commit', '-qm', 'first');
    // Now: /invoices edited (its finding is in the baseline), /payments added (its findings are in neither).
    const payments =
      "  /payments:\n    get:\n      summary: List payments\n      parameters:\n        - name: q\n          in: query\n          schema:\n            type: string\n      responses:\n        '200':\n          description: The payments.\n";
    writeFileSync(
      join(dir, 'api.yaml'),
      FIRST.replace('summary: List invoices', 'summary: List the invoices').replace('components:\n', `${payments}components:\n`),
    );
    const lint = async (...extra: string[]) => {
      const run = await runCli(['lint', 'api.yaml', ...rules, '-f', 'json', '-F', 'warn', ...extra], { cwd: dir });
      return { code: run.code, findings: JSON.parse(run.stdout) as JsonFinding[], stderr: run.stderr };
    };

    // Each alone lets through what the other would hide.
    const since = await lint('--since', 'HEAD');
    assert.ok(at(since.findings, 'paths./invoices.get').length > 0, 'an edited operation is judged by --since alone');
    const baseline = await lint('--baseline', 'baseline.json');
    assert.ok(
      at(baseline.findings, 'components.schemas.Order').includes('psa-property-camel-case components.schemas.Order'),
      'a finding on an unchanged part, newer than the baseline, is judged by --baseline alone',
    );

    const both = await lint('--baseline', 'baseline.json', '--since', 'HEAD');
    assert.equal(both.code, 1, both.stderr);
    assert.ok(both.findings.length > 0);
    assert.deepEqual(
      where(both.findings).filter((entry) => !entry.endsWith('paths./payments.get')),
      [],
      'only the added operation',
    );
    assert.ok(where(both.findings).includes('recommended-4xx-for-input paths./payments.get'));

    const stylish = await runCli(['lint', 'api.yaml', ...rules, '--baseline', 'baseline.json', '--since', 'HEAD'], { cwd: dir });
    const all = await lint();
    assert.match(
      stylish.stdout,
      new RegExp(
        `Compared with baseline\\.json and HEAD: ${all.findings.length - both.findings.length} existing findings not reported(, \\d+ fixed)?\\.`,
      ),
    );

    // Nothing new to both: the run passes.
    git(dir, 'commit', '-qam', 'second');
    const clean = await lint('--baseline', 'baseline.json', '--since', 'HEAD');
    assert.deepEqual(clean.findings, []);
    assert.equal(clean.code, 0);
  });
});
