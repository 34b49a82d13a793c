import { strict as assert } from 'node:assert';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { CLEAN, runCli, tempProject } from './helpers/cli.js';

const RESPONSE_REF = (ref: string) =>
  CLEAN.replace("        '200':\n          description: The customer.", `        '200':\n          $ref: '${ref}'`);

/** Each bad input: its file(s), what the user must read, and the exit code. */
const CASES: Array<{
  name: string;
  files: Record<string, string | Buffer>;
  target: string;
  message: RegExp;
  code: number;
  /** The code of the finding the JSON report gives the bad input. */
  jsonCode: string;
}> = [
  {
    name: 'a missing file',
    files: {},
    target: 'absent.yaml',
    message: /absent\.yaml\n {2}1:1 +error +no such file +unreadable-file/,
    code: 2,
    jsonCode: 'unreadable-file',
  },
  {
    name: 'an empty file',
    files: { 'empty.yaml': '' },
    target: 'empty.yaml',
    message: /is empty, not an OpenAPI document +not-openapi/,
    code: 2,
    jsonCode: 'not-openapi',
  },
  {
    name: 'invalid YAML',
    files: { 'bad.yaml': 'openapi: 3.0.0\ninfo: [1\n  x: :\n' },
    target: 'bad.yaml',
    message: /error +.+ +parser/,
    code: 2,
    jsonCode: 'parser',
  },
  {
    name: 'invalid JSON',
    files: { 'bad.json': '{"openapi": "3.0.0",' },
    target: 'bad.json',
    message: /1:21 +error +Property name expected +parser/,
    code: 2,
    jsonCode: 'parser',
  },
  {
    name: 'a YAML file with duplicate keys (a finding; the document is still linted)',
    files: {
      'dup.yaml': CLEAN.replace('  title: Test API\n', '  title: Test API\n  title: Again\n')
        .replace('http', 'http')
        .replace('https://api', 'http://api'),
    },
    target: 'dup.yaml',
    message: /4:3 +error +Duplicate key: title +duplicate-key[\s\S]*recommended-server-https/,
    code: 1,
    jsonCode: 'duplicate-key',
  },
  {
    name: 'a non-OpenAPI document',
    files: { 'config.yaml': 'name: service\nreplicas: 3\n' },
    target: 'config.yaml',
    message: /is not an OpenAPI document: it has no top-level "openapi" or "swagger" key +not-openapi/,
    code: 2,
    jsonCode: 'not-openapi',
  },
  {
    name: 'a document that is only a list',
    files: { 'list.yaml': '- a\n- b\n' },
    target: 'list.yaml',
    message: /its top level is a list, not a mapping/,
    code: 2,
    jsonCode: 'not-openapi',
  },
  {
    name: 'a binary file',
    files: { 'blob.yaml': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe]) },
    target: 'blob.yaml',
    message: /not valid UTF-8 text \(binary file\?\) +unreadable-file/,
    code: 2,
    jsonCode: 'unreadable-file',
  },
  {
    name: 'a remote $ref without opt-in',
    files: { 'remote.yaml': RESPONSE_REF('https://example.com/responses.yaml#/Customer') },
    target: 'remote.yaml',
    message:
      /remote \$ref to "https:\/\/example\.com\/responses\.yaml" refused: pass --allow-remote-refs to fetch remote references +invalid-ref/,
    code: 2,
    jsonCode: 'invalid-ref',
  },
  {
    name: 'a $ref to a missing pointer in the document',
    files: { 'pointer.yaml': RESPONSE_REF('#/components/responses/Nope') },
    target: 'pointer.yaml',
    message: /'#\/components\/responses\/Nope' does not exist +invalid-ref/,
    code: 2,
    jsonCode: 'invalid-ref',
  },
  {
    name: 'a $ref to a missing file',
    files: { 'missing.yaml': RESPONSE_REF('./responses.yaml#/Customer') },
    target: 'missing.yaml',
    message: /\$ref to ".*responses\.yaml": no such file +invalid-ref/,
    code: 2,
    jsonCode: 'invalid-ref',
  },
  {
    name: 'a $ref with malformed percent-encoding',
    files: { 'percent.yaml': RESPONSE_REF('a%[b') },
    target: 'percent.yaml',
    message:
      /percent\.yaml\n {2}18:17 +error +'a%\[b' is not a valid \$ref: its file part has malformed percent-encoding at "%\[b" +invalid-ref/,
    code: 2,
    jsonCode: 'invalid-ref',
  },
  {
    name: 'an empty $ref',
    files: { 'empty-ref.yaml': RESPONSE_REF('') },
    target: 'empty-ref.yaml',
    message: /empty-ref\.yaml\n {2}18:17 +error +'' is not a valid \$ref: it is empty, so it names nothing +invalid-ref/,
    code: 2,
    jsonCode: 'invalid-ref',
  },
  {
    name: 'a $ref whose value is not a string',
    files: { 'number.yaml': RESPONSE_REF('').replace("$ref: ''", '$ref: 42') },
    target: 'number.yaml',
    message: /number\.yaml\n {2}18:17 +error +\$ref must be a string, not a number +invalid-ref/,
    code: 2,
    jsonCode: 'invalid-ref',
  },
  {
    name: 'a $ref that leaves the project directory',
    files: { 'api/outside.yaml': RESPONSE_REF('../../../../../../../../etc/passwd#/x') },
    target: 'api/outside.yaml',
    message: /\$ref to "\/etc\/passwd" refused: it leaves the project directory \S+ +invalid-ref/,
    code: 2,
    jsonCode: 'invalid-ref',
  },
  {
    name: 'a $ref chain that only points at itself across files (a -> b -> a)',
    files: {
      'a.yaml': `${CLEAN}components:\n  schemas:\n    A:\n      $ref: ./b.yaml#/B\n`,
      'b.yaml': 'B:\n  $ref: ./a.yaml#/components/schemas/A\n',
    },
    target: 'a.yaml',
    message: /\$ref cycle with no value: #\/components\/schemas\/A -> b\.yaml#\/B -> #\/components\/schemas\/A +invalid-ref/,
    code: 2,
    jsonCode: 'invalid-ref',
  },
  {
    name: 'a local $ref chain that only points at itself',
    files: {
      'self.yaml': `${CLEAN}components:\n  schemas:\n    A:\n      $ref: "#/components/schemas/B"\n    B:\n      $ref: "#/components/schemas/A"\n`,
    },
    target: 'self.yaml',
    message: /\$ref cycle with no value/,
    code: 2,
    jsonCode: 'invalid-ref',
  },
];

describe('bad input: a clear message, the right exit code, nothing else lost', () => {
  // The JSON report of all the bad inputs at once, each in its own folder: one run, one finding per input.
  const all = tempProject(
    Object.fromEntries(
      CASES.flatMap((testCase, index) => Object.entries(testCase.files).map(([path, content]) => [`case-${index}/${path}`, content])),
    ),
  );
  const jsonRun = runCli(['lint', ...CASES.map((testCase, index) => `case-${index}/${testCase.target}`), '-f', 'json'], { cwd: all });

  for (const [index, testCase] of CASES.entries()) {
    it(testCase.name, async () => {
      const dir = tempProject({ ...testCase.files, 'good.yaml': CLEAN.replace('https://', 'http://') });
      const run = await runCli(['lint', testCase.target, 'good.yaml', '--no-color'], { cwd: dir });
      assert.equal(run.code, testCase.code, run.stdout + run.stderr);
      assert.match(run.stdout, testCase.message);
      assert.match(run.stdout, /good\.yaml\n.*recommended-server-https/, 'the other file is still linted');
      assert.doesNotMatch(run.stdout + run.stderr, /\n\s+at .+:\d+:\d+\)?\n/, 'no stack trace');
      // The JSON report gives the problem too, with its code.
      const { stdout, stderr } = await jsonRun;
      const findings = JSON.parse(stdout) as Array<{ code: string; source: string }>;
      const target = join(all, `case-${index}`, testCase.target);
      assert.ok(
        findings.some((finding) => finding.source === target && finding.code === testCase.jsonCode),
        `${testCase.jsonCode} for ${target} in ${stdout.slice(0, 2000)} ${stderr}`,
      );
    });
  }

  it('a recursive schema is legal: it lints normally and never hangs', async () => {
    const dir = tempProject({
      'tree.yaml':
        CLEAN.replace(
          '          description: The customer.',
          "          description: The customer.\n          content:\n            application/json:\n              schema:\n                $ref: '#/components/schemas/Node'",
        ) +
        'components:\n  schemas:\n    Node:\n      type: object\n      properties:\n        children:\n          type: array\n          items:\n            $ref: "#/components/schemas/Node"\n',
    });
    const run = await runCli(['lint', 'tree.yaml'], { cwd: dir, timeoutMs: 20_000 });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /No problems found/);
  });

  it('a glob that matches nothing is reported, the rest is linted', async () => {
    const dir = tempProject({ 'good.yaml': CLEAN });
    const run = await runCli(['lint', 'nothing/*.yaml', 'good.yaml'], { cwd: dir });
    assert.equal(run.code, 2);
    assert.match(run.stdout, /nothing\/\*\.yaml\n.*no file matches this name or pattern/);
  });

  it('a remote $ref is fetched when opted in', async () => {
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/yaml' });
      response.end('Customer:\n  description: The customer.\n');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    try {
      const { port } = server.address() as AddressInfo;
      const dir = tempProject({ 'remote.yaml': RESPONSE_REF(`http://127.0.0.1:${port}/responses.yaml#/Customer`) });
      const refused = await runCli(['lint', 'remote.yaml'], { cwd: dir });
      assert.equal(refused.code, 2);
      const allowed = await runCli(['lint', 'remote.yaml', '--allow-remote-refs'], { cwd: dir });
      assert.equal(allowed.code, 0, allowed.stdout + allowed.stderr);
    } finally {
      server.close();
    }
  });

  it('UTF-8 with BOM, UTF-16 with BOM and CRLF line endings are read as text', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CLEAN, 'utf16le')]);
    const dir = tempProject({ 'bom.yaml': `\uFEFF${CLEAN}`, 'utf16.yaml': utf16, 'crlf.yaml': CLEAN.replace(/\n/g, '\r\n') });
    const run = await runCli(['lint', 'bom.yaml', 'utf16.yaml', 'crlf.yaml'], { cwd: dir });
    assert.equal(run.code, 0, run.stdout);
  });
});
