import { describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempProject } from './helpers/cli.js';

interface JsonFinding {
  code: string;
  message: string;
  path: string[];
  severity: number;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/** Hand-written YAML as it is often met: response codes, a boolean and a float as unquoted keys. */
const NUMERIC_KEYS = `openapi: 3.0.3
info:
  title: Orders
  version: 1.0.0
servers:
  - url: https://api.example.com/v1
paths:
  /orders:
    get:
      responses:
        200:
          description: The orders.
        404: {description: Not found.}
      x-odd:
        true: yes
        1.0: one
`;

async function lint(cwd: string, extra: string[] = []): Promise<{ code: number | null; findings: JsonFinding[] }> {
  const run = await runCli(['lint', 'api.yaml', '-r', 'recommended', '-f', 'json', ...extra], { cwd });
  return { code: run.code, findings: run.stdout === '' ? [] : (JSON.parse(run.stdout) as JsonFinding[]) };
}

describe('unquoted non-string mapping keys', () => {
  it('are read as written, reported as parser warnings at the key, and do not make the run an input problem', async () => {
    const cwd = tempProject({ 'api.yaml': NUMERIC_KEYS });
    const { code, findings } = await lint(cwd);
    const parser = findings.filter((finding) => finding.code === 'parser');
    assert.deepEqual(
      parser.map((finding) => [finding.path.join('/'), finding.severity, finding.range]),
      [
        ['paths//orders/get/responses/200', 1, { start: { line: 10, character: 8 }, end: { line: 10, character: 11 } }],
        ['paths//orders/get/responses/404', 1, { start: { line: 12, character: 8 }, end: { line: 12, character: 11 } }],
        ['paths//orders/get/x-odd/true', 1, { start: { line: 14, character: 8 }, end: { line: 14, character: 12 } }],
        ['paths//orders/get/x-odd/1.0', 1, { start: { line: 15, character: 8 }, end: { line: 15, character: 11 } }],
      ],
    );
    assert.match(parser[0]!.message, /200 is a number/);
    assert.match(parser[2]!.message, /true is a boolean/);
    assert.doesNotMatch(parser[0]!.message, /Mapping key must be/);
    // The document was linted: its findings follow its rules, as for any other, and no rule takes `200` for a missing response.
    assert.notEqual(code, 2);
    assert.ok(!findings.some((finding) => finding.code !== 'parser' && /\b200\b.*(missing|declares no)/i.test(finding.message)));
  });

  it('the exit code follows the findings: 0 when only warnings are left, 1 when they fail the run', async () => {
    const cwd = tempProject({ 'api.yaml': NUMERIC_KEYS });
    assert.equal((await runCli(['lint', 'api.yaml', '-r', 'recommended', '--fail-severity', 'error'], { cwd })).code, 0);
    const failing = await runCli(['lint', 'api.yaml', '-r', 'recommended', '--fail-severity', 'warn'], { cwd });
    assert.equal(failing.code, 1, failing.stderr);
  });

  it('--fix quotes them, and the fixed document has no parser finding left', async () => {
    const cwd = tempProject({ 'api.yaml': NUMERIC_KEYS });
    const dry = await runCli(['lint', 'api.yaml', '-r', 'recommended', '--fix-dry-run'], { cwd });
    assert.match(dry.stdout, /\+ {8}'200':/);
    assert.equal(readFileSync(join(cwd, 'api.yaml'), 'utf8'), NUMERIC_KEYS);
    await runCli(['lint', 'api.yaml', '-r', 'recommended', '--fix'], { cwd });
    const fixed = readFileSync(join(cwd, 'api.yaml'), 'utf8');
    assert.match(fixed, /^ {8}'200':$/m);
    assert.match(fixed, /^ {8}'404': \{description: Not found\.\}$/m);
    assert.match(fixed, /^ {8}'true': yes$/m);
    assert.match(fixed, /^ {8}'1\.0': one$/m);
    assert.deepEqual(
      (await lint(cwd)).findings.filter((finding) => finding.code === 'parser'),
      [],
    );
  });

  it('a document that cannot be parsed still exits with 2', async () => {
    const cwd = tempProject({ 'api.yaml': 'openapi: 3.0.3\ninfo: [unclosed\n' });
    assert.equal((await lint(cwd)).code, 2);
  });
});
