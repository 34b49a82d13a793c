// Hostile and odd input, each with its exact outcome. Every run is bounded by the harness: a
// time limit (the process is killed past it) and a heap limit (NODE_OPTIONS), never by asserting
// how long it took. Large inputs are generated here, into temporary folders, never committed.
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { CLEAN, runCli, tempProject } from './helpers/cli.js';
import type { CliRun } from './helpers/cli.js';
import { writeFileAtomic } from '../src/cli/io.js';
import { fetchRemoteText, isForbiddenAddress } from '../src/core/refs/remoteFetch.js';
import { builtinRulesetNames } from '../src/core/config/rulesets.js';

/** A document with one known error (an http server) next to every hostile input: it must still be reported. */
const GOOD = CLEAN.replace('https://', 'http://');
const GOOD_FINDING = /good\.yaml\n {2}6:10 +error +Server URL "http:\/\/api\.example\.com\/v1" uses http/;
const NO_STACK_TRACE = /\n\s+at .+:\d+:\d+\)?\n/;

interface Bounds {
  timeoutMs?: number;
  heapMb?: number;
}

async function lintBounded(dir: string, args: string[], { timeoutMs = 30_000, heapMb = 512 }: Bounds = {}): Promise<CliRun> {
  const run = await runCli(['lint', '--no-color', ...args], {
    cwd: dir,
    timeoutMs,
    env: { NODE_OPTIONS: `--max-old-space-size=${heapMb}` },
  });
  assert.notEqual(run.code, null, `killed by the harness after ${timeoutMs} ms:\n${run.stdout}${run.stderr}`);
  assert.doesNotMatch(run.stdout + run.stderr, NO_STACK_TRACE, 'no stack trace');
  return run;
}

/** Lints the hostile file next to a good one: the exit code, the message, and the good file's finding. */
async function expectOutcome(
  files: Record<string, string | Buffer>,
  target: string,
  code: number,
  message: RegExp,
  bounds?: Bounds,
): Promise<CliRun> {
  const dir = tempProject({ ...files, 'good.yaml': GOOD });
  const run = await lintBounded(dir, [target, 'good.yaml'], bounds);
  assert.equal(run.code, code, run.stdout + run.stderr);
  assert.match(run.stdout, message);
  assert.match(run.stdout, GOOD_FINDING, 'the other file is still linted');
  assert.equal(run.stderr, '');
  return run;
}

/** Every built-in ruleset in one run. */
const EVERY_RULESET = builtinRulesetNames().flatMap((name) => ['-r', name]);

const HEADER = 'openapi: 3.0.3\ninfo:\n  title: Test API\n  version: 1.0.0\nservers:\n  - url: https://api.example.com/v1\npaths: {}\n';

/** YAML whose ten levels of aliases expand to ten billion nodes. */
function aliasBomb(): string {
  const levels = [`  l0: &l0 [${Array(10).fill('"lol"').join(', ')}]`];
  for (let i = 1; i < 10; i++)
    levels.push(
      `  l${i}: &l${i} [${Array(10)
        .fill(`*l${i - 1}`)
        .join(', ')}]`,
    );
  return `${HEADER}x-bomb:\n${levels.join('\n')}\n`;
}

describe('YAML aliases', () => {
  it('an alias bomb ("billion laughs") is refused before parsing, in bounded memory', async () => {
    await expectOutcome(
      { 'bomb.yaml': aliasBomb() },
      'bomb.yaml',
      2,
      /bomb\.yaml\n {2}1:1 +error +its YAML aliases expand to 12,345,679,\d{3} nodes, more than 1,000,000 beyond the \d+ written \(an alias bomb\?\) +parser/,
      { heapMb: 256 },
    );
  });

  it("an alias bomb in a $ref'd file is refused as an invalid $ref", async () => {
    const api = CLEAN.replace(
      '          description: The customer.',
      "          description: The customer.\n          content:\n            application/json:\n              schema:\n                $ref: './bomb.yaml#/x-bomb'",
    );
    await expectOutcome(
      { 'api.yaml': api, 'bomb.yaml': aliasBomb() },
      'api.yaml',
      2,
      /\$ref to ".*bomb\.yaml": its YAML aliases expand to .* nodes.*invalid-ref/,
      { heapMb: 256 },
    );
  });

  it('anchors and aliases that share parts of a document are linted as usual', async () => {
    const shared = CLEAN.replace(
      "        '404':\n          description: Not found.",
      "        '404': &missing\n          description: Not found.\n  /customers:\n    get:\n      responses:\n        '200':\n          description: The customers.\n        '404': *missing",
    );
    const dir = tempProject({ 'shared.yaml': shared });
    const run = await lintBounded(dir, ['shared.yaml', '-f', 'json']);
    assert.equal(run.code, 0, run.stdout);
    assert.deepEqual(JSON.parse(run.stdout), []);
  });
});

describe('very deep nesting (100,000 levels)', () => {
  const deep = 100_000;
  const cases: Array<[string, string]> = [
    ['a YAML flow list', `${HEADER}x-deep: ${'['.repeat(deep)}${']'.repeat(deep)}\n`],
    ['a YAML flow mapping', `${HEADER}x-deep: ${'{a: '.repeat(deep)}1${'}'.repeat(deep)}\n`],
    [
      'a JSON list',
      `{"openapi": "3.0.3", "info": {"title": "T", "version": "1"}, "paths": {}, "x-deep": ${'['.repeat(deep)}${']'.repeat(deep)}}`,
    ],
    [
      'a JSON object',
      `{"openapi": "3.0.3", "info": {"title": "T", "version": "1"}, "paths": {}, "x-deep": ${'{"a": '.repeat(deep)}1${'}'.repeat(deep)}}`,
    ],
  ];
  for (const [name, text] of cases) {
    it(`${name} is a parser problem, not a stack overflow`, async () => {
      const file = name.includes('JSON') ? 'deep.json' : 'deep.yaml';
      await expectOutcome(
        { [file]: text },
        file,
        2,
        new RegExp(
          `${file.replace('.', '\\.')}\\n {2}1:1 +error +is nested more than 500 levels deep; apistyle does not lint documents nested this deeply +parser`,
        ),
      );
    });
  }

  it('a schema nested 200 levels deep is linted as usual', async () => {
    const levels = 100;
    const schema = `${'{type: object, properties: {a: '.repeat(levels)}{type: string}${'}}'.repeat(levels)}`;
    const dir = tempProject({ 'nested.yaml': `${HEADER}components:\n  schemas:\n    Deep: ${schema}\n` });
    const run = await lintBounded(dir, ['nested.yaml', ...EVERY_RULESET, '-f', 'json']);
    const codes = (JSON.parse(run.stdout) as Array<{ code: string }>).map((f) => f.code);
    assert.ok(!codes.includes('parser') && !codes.includes('linter-error'), codes.join(', '));
  });
});

describe('size and shape', () => {
  it("a 100 MB JSON document is linted within the harness's time and heap bounds", async () => {
    const dir = tempProject();
    try {
      const item = JSON.stringify({
        id: 12345,
        name: 'customer name here',
        email: 'someone@example.com',
        tags: ['a', 'b', 'c'],
        active: true,
      });
      const count = Math.ceil((100 * 1024 * 1024) / (item.length + 1));
      const prefix = JSON.stringify({
        openapi: '3.0.3',
        info: { title: 'Big', version: '1.0.0' },
        servers: [{ url: 'http://api.example.com/v1' }],
        paths: {
          '/customers': {
            get: {
              responses: {
                '200': {
                  description: 'The customers.',
                  content: { 'application/json': { schema: { type: 'array', items: { type: 'object' } }, example: '@' } },
                },
              },
            },
          },
        },
      });
      const [head, tail] = prefix.split('"@"') as [string, string];
      writeFileSync(join(dir, 'big.json'), `${head}[${Array(count).fill(item).join(',')}]${tail}`);
      writeFileSync(join(dir, 'good.yaml'), GOOD);
      const run = await lintBounded(dir, ['big.json', 'good.yaml', '-f', 'json'], { timeoutMs: 240_000, heapMb: 2048 });
      assert.equal(run.code, 1, run.stderr);
      const findings = JSON.parse(run.stdout) as Array<{
        code: string;
        source: string;
        range: { start: { line: number; character: number } };
      }>;
      assert.deepEqual(
        findings.map((f) => [f.source.endsWith('big.json') ? 'big.json' : 'good.yaml', f.code, f.range.start.line]),
        [
          ['big.json', 'recommended-server-https', 0],
          ['good.yaml', 'recommended-server-https', 5],
        ],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a 5 MB line: findings after it have their exact column', async () => {
    const description = 'x'.repeat(5 * 1024 * 1024);
    const text = `{"openapi": "3.0.3", "info": {"title": "T", "version": "1", "description": "${description}"}, "servers": [{"url": "http://api.example.com/v1"}], "paths": {}}`;
    const dir = tempProject({ 'long.json': text });
    const run = await lintBounded(dir, ['long.json', '-f', 'json']);
    const [finding] = JSON.parse(run.stdout) as Array<{ code: string; range: { start: { line: number; character: number } } }>;
    assert.equal(finding?.code, 'recommended-server-https');
    assert.deepEqual(finding.range.start, { line: 0, character: text.indexOf('"http://') });
  });

  it('a document that is only a scalar is not OpenAPI', async () => {
    await expectOutcome(
      { 'scalar.yaml': 'just a sentence\n' },
      'scalar.yaml',
      2,
      /scalar\.yaml\n {2}1:1 +error +is not an OpenAPI document: its top level is a scalar, not a mapping +not-openapi/,
    );
    await expectOutcome(
      { 'number.json': '42' },
      'number.json',
      2,
      /number\.json\n {2}1:1 +error +is not an OpenAPI document: its top level is a scalar, not a mapping +not-openapi/,
    );
  });

  it('a document that is only a list is not OpenAPI', async () => {
    await expectOutcome(
      { 'list.json': '[{"openapi": "3.0.3"}]' },
      'list.json',
      2,
      /list\.json\n {2}1:1 +error +is not an OpenAPI document: its top level is a list, not a mapping +not-openapi/,
    );
  });

  it('a key named __proto__ is a key like any other: the document is still OpenAPI and linted', async () => {
    for (const [name, text] of [
      ['proto.yaml', `${GOOD}__proto__:\n  - bearerAuth: []\n`],
      ['proto.json', JSON.stringify({ ...(parseYaml(GOOD) as object), ['__proto__']: { type: 'string' } }, null, 2)],
    ] as const) {
      const dir = tempProject({ [name]: text });
      const run = await lintBounded(dir, [name, '-f', 'json']);
      const findings = JSON.parse(run.stdout) as Array<{ code: string; message: string }>;
      assert.equal(run.code, 1, run.stdout);
      assert.ok(!findings.some((finding) => finding.code === 'unrecognized-format'), run.stdout);
      assert.ok(findings.some((finding) => finding.code === 'recommended-server-https'));
      assert.ok(
        findings.some((finding) => finding.message === 'Property "__proto__" is not expected to be here'),
        run.stdout,
      );
    }
  });

  it('a __proto__ key holding a scalar, beside a $ref to another file, stops nothing', async () => {
    const dir = tempProject({
      'proto.yaml': GOOD.replace('  version: 1.0.0\n', '  version: 1.0.0\n  __proto__: string\n').replace(
        "        '404':\n          description: Not found.",
        "        '404':\n          $ref: './responses.yaml#/NotFound'",
      ),
      'responses.yaml': 'NotFound:\n  description: Not found.\n',
    });
    const run = await lintBounded(dir, ['proto.yaml', '-f', 'json']);
    assert.equal(run.code, 1, run.stdout);
    const findings = JSON.parse(run.stdout) as Array<{ code: string }>;
    assert.deepEqual(
      findings.map((finding) => finding.code),
      ['recommended-server-https'],
    );
  });
});

describe('encodings and whitespace', () => {
  it('invalid UTF-8 inside otherwise readable text is refused, not guessed', async () => {
    const latin1 = Buffer.from(GOOD.replace('Test API', 'Caf\u00e9 API'), 'latin1');
    await expectOutcome(
      { 'latin1.yaml': latin1 },
      'latin1.yaml',
      2,
      /latin1\.yaml\n {2}1:1 +error +is not valid UTF-8 text \(binary file\?\) +unreadable-file/,
    );
  });

  it('UTF-16 (both byte orders) and UTF-8 with a BOM, and CRLF line endings, give the same findings at the same positions', async () => {
    const utf16be = Buffer.from(`\uFEFF${GOOD}`, 'utf16le').swap16();
    const files = {
      'plain.yaml': GOOD,
      'utf8bom.yaml': `\uFEFF${GOOD}`,
      'utf16le.yaml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(GOOD, 'utf16le')]),
      'utf16be.yaml': utf16be,
      'crlf.yaml': GOOD.replace(/\n/g, '\r\n'),
    };
    const dir = tempProject(files);
    const run = await lintBounded(dir, [...Object.keys(files), '-f', 'json']);
    const findings = JSON.parse(run.stdout) as Array<{ code: string; source: string; range: unknown }>;
    const of = (name: string) => findings.filter((f) => f.source === join(dir, name)).map((f) => [f.code, f.range]);
    assert.ok(of('plain.yaml').length > 0);
    for (const name of Object.keys(files)) assert.deepEqual(of(name), of('plain.yaml'), name);
  });

  it('tabs in YAML are a parser warning at the tab, and the document is still linted', async () => {
    const tabs = GOOD.replace('  title: Test API\n  version: 1.0.0\n', '\ttitle: Test API\n\tversion: 1.0.0\n');
    const dir = tempProject({ 'tabs.yaml': tabs });
    const run = await lintBounded(dir, ['tabs.yaml']);
    assert.equal(run.code, 1, run.stdout);
    assert.match(run.stdout, /^ {2}3:1 +warn +Using tabs can lead to unpredictable results +parser$/m);
    assert.match(run.stdout, /^ {2}4:1 +warn +Using tabs can lead to unpredictable results +parser$/m);
    assert.match(run.stdout, /6:10 +error +Server URL .* recommended-server-https/);
  });
});

describe('$ref cycles and targets', () => {
  const withSchemas = (schemas: string) => `${GOOD.replace('https://', 'http://')}components:\n  schemas:\n${schemas}`;

  it('a $ref to itself is a cycle with no value', async () => {
    await expectOutcome(
      { 'self.yaml': withSchemas('    A:\n      $ref: "#/components/schemas/A"\n') },
      'self.yaml',
      2,
      /\$ref cycle with no value: #\/components\/schemas\/A -> #\/components\/schemas\/A +invalid-ref/,
    );
  });

  it('a cycle through allOf is a recursive schema: linted, no hang', async () => {
    const dir = tempProject({
      'allof.yaml': withSchemas(
        '    A:\n      allOf:\n        - $ref: "#/components/schemas/B"\n    B:\n      allOf:\n        - $ref: "#/components/schemas/A"\n',
      ),
    });
    const run = await lintBounded(dir, ['allof.yaml', ...EVERY_RULESET, '-f', 'json']);
    assert.equal(run.code, 1, run.stdout);
    assert.doesNotMatch(run.stdout, /invalid-ref|linter-error/);
  });

  it('a cycle across three files is reported with its whole path', async () => {
    await expectOutcome(
      {
        'a.yaml': withSchemas('    A:\n      $ref: ./b.yaml#/B\n'),
        'b.yaml': 'B:\n  $ref: ./c.yaml#/C\n',
        'c.yaml': 'C:\n  $ref: ./a.yaml#/components/schemas/A\n',
      },
      'a.yaml',
      2,
      /\$ref cycle with no value: #\/components\/schemas\/A -> b\.yaml#\/B -> c\.yaml#\/C -> #\/components\/schemas\/A +invalid-ref/,
    );
  });

  const responseRef = (ref: string) =>
    CLEAN.replace("        '200':\n          description: The customer.", `        '200':\n          $ref: '${ref}'`);

  it('a $ref to a directory', async () => {
    await expectOutcome(
      { 'dir.yaml': responseRef('./schemas/'), 'schemas/pet.yaml': 'x: 1\n' },
      'dir.yaml',
      2,
      /\$ref to ".*schemas": is a directory, not a file +invalid-ref/,
    );
  });

  it('a $ref to /etc/passwd, absolute or as a file: URL, never reads it', async () => {
    for (const ref of ['/etc/passwd', 'file:///etc/passwd']) {
      const run = await expectOutcome(
        { 'abs.yaml': responseRef(ref) },
        'abs.yaml',
        2,
        /abs\.yaml\n {2}\d+:\d+ +error +\$ref to ".*etc\/passwd": (?:no such file|refused: .*) +invalid-ref/,
      );
      assert.doesNotMatch(run.stdout, /root:/);
    }
  });

  describe('a broken $ref is an invalid-ref at that $ref, and the rest of the document is linted', () => {
    /** GOOD with both responses replaced by the $ref (written as YAML), and a components section for targets. */
    const twoRefs = (ref: string, components = '') =>
      `${GOOD.replace('          description: The customer.', `          $ref: ${ref}`).replace(
        '          description: Not found.',
        `          $ref: ${ref}`,
      )}${components}`;
    const KINDS: Array<{ kind: string; ref: string; message: RegExp; files?: Record<string, string>; components?: string }> = [
      {
        kind: 'malformed percent-encoding in the file part',
        ref: "'a%[b'",
        message: /^'a%\[b' is not a valid \$ref: .*malformed percent-encoding/,
      },
      {
        kind: 'malformed percent-encoding in the pointer',
        ref: "'#/components/schemas/%'",
        message: /^'#\/components\/schemas\/%' is not a valid \$ref: malformed percent-encoding/,
      },
      { kind: 'an empty $ref', ref: "''", message: /^'' is not a valid \$ref: it is empty/ },
      {
        kind: 'a fragment that is not a JSON pointer',
        ref: "'#components'",
        message: /^'#components' is not a valid \$ref: .*JSON pointer/,
      },
      {
        kind: 'a JSON pointer with an escape other than ~0 and ~1',
        ref: "'#/a~2b'",
        message: /^'#\/a~2b' is not a valid \$ref: "~" .* 0 or 1/,
      },
      {
        kind: 'a file outside the project',
        ref: "'../../../../../../../../etc/passwd#/x'",
        message: /^\$ref to "\/etc\/passwd" refused: it leaves the project directory/,
      },
      { kind: 'a missing file', ref: "'./responses.yaml#/Customer'", message: /^\$ref to ".*responses\.yaml": no such file$/ },
      { kind: 'a missing target', ref: "'#/components/responses/Nope'", message: /^'#\/components\/responses\/Nope' does not exist$/ },
      {
        kind: 'a missing target in another file',
        ref: "'./responses.yaml#/Nope'",
        files: { 'responses.yaml': 'Customer:\n  description: The customer.\n' },
        message: /^'\.\/responses\.yaml#\/Nope' does not exist$/,
      },
      {
        kind: 'a chain that only points at itself',
        ref: "'#/components/responses/Loop'",
        components: "components:\n  responses:\n    Loop:\n      $ref: '#/components/responses/Loop'\n",
        message: /^\$ref cycle with no value: #\/components\/responses\/Loop -> #\/components\/responses\/Loop$/,
      },
      { kind: 'a number', ref: '42', message: /^\$ref must be a string, not a number$/ },
      { kind: 'a list', ref: '[a, b]', message: /^\$ref must be a string, not a list$/ },
      { kind: 'null', ref: 'null', message: /^\$ref must be a string, not null$/ },
    ];

    // Every kind in one run, each document in a folder of its own: a broken $ref stops nothing else.
    const all = tempProject(
      Object.fromEntries(
        KINDS.flatMap(({ ref, files = {}, components = '' }, index) => [
          [`case-${index}/doc.yaml`, twoRefs(ref, components)],
          ...Object.entries(files).map(([name, content]) => [`case-${index}/${name}`, content]),
        ]),
      ),
    );
    const combined = lintBounded(all, [...KINDS.map((_, index) => `case-${index}/doc.yaml`), '-f', 'json'], { timeoutMs: 60_000 });

    for (const [index, { kind, ref, message, components = '' }] of KINDS.entries()) {
      it(kind, async () => {
        const text = twoRefs(ref, components);
        const run = await combined;
        assert.equal(run.code, 2, run.stdout);
        const findings = (
          JSON.parse(run.stdout) as Array<{
            code: string;
            message: string;
            path: string[];
            source: string;
            range: { start: { line: number } };
          }>
        ).filter((finding) => finding.source === join(all, `case-${index}`, 'doc.yaml'));
        const lines = text.split('\n');
        // Both responses, and for the cycle the component's own $ref.
        const refLines = lines.flatMap((line, i) => (line.trim() === `$ref: ${ref}` ? [i] : []));
        assert.equal(refLines.length, components === '' ? 2 : 3);
        // Each $ref is reported at its own line, with its path; nothing more and nothing at 1:1.
        const invalid = findings.filter((finding) => finding.code === 'invalid-ref');
        assert.deepEqual(
          invalid.map((finding) => finding.range.start.line).sort((a, b) => a - b),
          refLines,
          run.stdout,
        );
        for (const finding of invalid) {
          assert.match(finding.message, message);
          assert.equal(finding.path[finding.path.length - 1], '$ref');
        }
        assert.deepEqual(
          invalid.slice(0, 2).map((finding) => finding.path.slice(0, 5)),
          ['200', '404'].map((status) => ['paths', '/customers/{id}', 'get', 'responses', status]),
        );
        assert.deepEqual(
          findings.filter((finding) => finding.code === 'linter-error'),
          [],
        );
        // The document's own finding is still there.
        assert.ok(findings.some((finding) => finding.code === 'recommended-server-https' && finding.range.start.line === 5));
      });
    }

    it('a broken $ref in a file the document references is reported there, at its line', async () => {
      const dir = tempProject({
        'doc.yaml': twoRefs("'./responses.yaml#/Customer'"),
        'responses.yaml': "Customer:\n  description: The customer.\n  headers:\n    X-Id:\n      $ref: 'a%[b'\n",
      });
      const run = await lintBounded(dir, ['doc.yaml', '-f', 'json']);
      assert.equal(run.code, 2, run.stdout);
      const findings = JSON.parse(run.stdout) as Array<{
        code: string;
        source: string;
        message: string;
        range: { start: { line: number } };
      }>;
      const invalid = findings.filter((finding) => finding.code === 'invalid-ref');
      assert.equal(invalid.length, 1, run.stdout);
      assert.match(invalid[0]!.source, /responses\.yaml$/);
      assert.equal(invalid[0]!.range.start.line, 4);
      assert.match(invalid[0]!.message, /malformed percent-encoding/);
      assert.ok(findings.some((finding) => finding.code === 'recommended-server-https'));
    });
  });

  it('a symbolic link inside the project to a file outside it is refused', async () => {
    const dir = tempProject({ 'link.yaml': responseRef('./outside.yaml#/Customer'), 'good.yaml': GOOD });
    const secret = tempProject({ 'secret.yaml': 'Customer:\n  description: root:x:0:0\n' });
    symlinkSync(join(secret, 'secret.yaml'), join(dir, 'outside.yaml'));
    const run = await lintBounded(dir, ['link.yaml', 'good.yaml']);
    assert.equal(run.code, 2);
    assert.match(
      run.stdout,
      /\$ref to ".*outside\.yaml" refused: it is a link to ".*secret\.yaml", outside the project directory .* +invalid-ref/,
    );
    assert.match(run.stdout, GOOD_FINDING);
  });
});

describe('remote $refs when opted in', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((request, response) => {
      const url = request.url ?? '/';
      if (url === '/ok.yaml') return response.end('Customer:\n  description: The customer.\n');
      if (url === '/to-metadata') return response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
      if (url === '/to-ipv6-link-local') return response.writeHead(302, { location: 'http://[fe80::1]/x' }).end();
      if (url.startsWith('/loop')) return response.writeHead(302, { location: `/loop${url.length}` }).end();
      if (url === '/huge') {
        response.writeHead(200, { 'content-type': 'application/yaml' });
        const chunk = `# ${'x'.repeat(1024 * 1024 - 3)}\n`;
        let sent = 0;
        const pump = (): void => {
          while (sent < 25 && response.write(chunk)) sent++;
          if (sent < 25) response.once('drain', pump);
          else response.end();
        };
        return pump();
      }
      if (url === '/silent') return undefined; // never answers
      return response.writeHead(404).end();
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  const remoteRef = (url: string) =>
    CLEAN.replace("        '200':\n          description: The customer.", `        '200':\n          $ref: '${url}'`);
  const lintRemote = async (url: string) => {
    const dir = tempProject({ 'remote.yaml': remoteRef(url), 'good.yaml': GOOD });
    const run = await lintBounded(dir, ['remote.yaml', 'good.yaml', '--allow-remote-refs']);
    assert.match(run.stdout, GOOD_FINDING);
    return run;
  };

  it('a loopback server is reachable (a local schema server is the common case)', async () => {
    const run = await lintRemote(`${base}/ok.yaml#/Customer`);
    assert.equal(run.code, 1, run.stdout);
    assert.doesNotMatch(run.stdout, /invalid-ref/);
  });

  it('metadata and link-local addresses are refused, directly or through a redirect', async () => {
    for (const [url, shown] of [
      ['http://169.254.169.254/latest/meta-data/', '169.254.169.254'],
      ['http://metadata.google.internal/computeMetadata/v1/', 'metadata.google.internal'],
      ['http://[::ffff:169.254.169.254]/', '\\[::ffff:a9fe:a9fe\\]'],
      [`${base}/to-metadata`, '169.254.169.254'],
      [`${base}/to-ipv6-link-local`, '\\[fe80::1\\]'],
    ]) {
      const run = await lintRemote(url!);
      assert.equal(run.code, 2, run.stdout);
      assert.match(run.stdout, new RegExp(`refused: ${shown} is a link-local or cloud metadata address +invalid-ref`), url);
    }
  });

  it('redirects are bounded', async () => {
    const run = await lintRemote(`${base}/loop`);
    assert.equal(run.code, 2);
    assert.match(run.stdout, /remote \$ref to ".*\/loop": more than 5 redirects +invalid-ref/);
  });

  it('the size is bounded', async () => {
    const run = await lintRemote(`${base}/huge`);
    assert.equal(run.code, 2);
    assert.match(run.stdout, /remote \$ref to ".*\/huge": larger than 20971520 bytes +invalid-ref/);
  });

  it('the time is bounded', async () => {
    await assert.rejects(fetchRemoteText(`${base}/silent`, { timeoutMs: 300, maxBytes: 1000, maxRedirects: 5 }), /no answer within 300 ms/);
  });

  it('the forbidden ranges', () => {
    for (const address of [
      '169.254.0.1',
      '169.254.169.254',
      'fe80::1',
      'febf::1',
      '::ffff:169.254.1.1',
      'fd00:ec2::254',
      '100.100.100.200',
      '0.0.0.0',
    ])
      assert.ok(isForbiddenAddress(address), address);
    for (const address of ['127.0.0.1', '::1', '10.0.0.1', '192.168.1.1', '8.8.8.8', 'fec0::1', 'example.com'])
      assert.ok(!isForbiddenAddress(address), address);
  });
});

describe('rulesets and configs', () => {
  const THROWING =
    'functionsDir: functions\nfunctions: [boom]\nrules:\n  title-boom:\n    description: Throws on every title.\n    severity: error\n    given: $.info.title\n    then:\n      function: boom\n';
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the text of a JavaScript file, template literal included
  const BOOM = 'export default function boom(title) {\n  throw new Error(`kaboom on ${title}`);\n}\n';

  it('a rule function that throws is reported with the rule and its ruleset file; the other rules still run', async () => {
    const dir = tempProject({ 'team.yaml': THROWING, 'functions/boom.js': BOOM, 'good.yaml': GOOD });
    const run = await lintBounded(dir, ['good.yaml', '-r', 'recommended', '-r', 'team.yaml']);
    assert.equal(run.code, 2, run.stdout + run.stderr);
    assert.match(
      run.stdout,
      /^ {2}3:10 +error +rule "title-boom" \(\S*team\.yaml\) did not run here: its function "boom" threw: kaboom on Test API +linter-error$/m,
    );
    assert.match(run.stdout, /6:10 +error +Server URL .* recommended-server-https/, 'the other rules ran');
    assert.equal(run.stderr, '');
  });

  it('an async rule function that rejects is reported the same way', async () => {
    const dir = tempProject({
      'team.yaml': THROWING,
      'functions/boom.js': BOOM.replace('export default function', 'export default async function'),
      'good.yaml': GOOD,
    });
    const run = await lintBounded(dir, ['good.yaml', '-r', 'recommended', '-r', 'team.yaml']);
    assert.equal(run.code, 2, run.stdout + run.stderr);
    assert.match(
      run.stdout,
      /rule "title-boom" \(\S*team\.yaml\) did not run here: its function "boom" threw: kaboom on Test API +linter-error/,
    );
    assert.match(run.stdout, /recommended-server-https/);
  });

  for (const [name, files, message] of [
    ['a malformed ruleset file', { 'team.yaml': 'rules:\n  r1: [1\n' }, /^apistyle: ruleset \S*team\.yaml: rules\.r1: .+\n$/],
    [
      "an unknown rule id in a ruleset's rules",
      { 'team.yaml': 'rules:\n  no-such-rule: error\n' },
      /^apistyle: ruleset \S*team\.yaml: Cannot extend non-existing rule: "no-such-rule"\n$/,
    ],
    [
      'an unknown function',
      { 'team.yaml': 'rules:\n  r1:\n    given: $\n    then:\n      function: nope\n' },
      /^apistyle: ruleset \S*team\.yaml: rules\.r1\.then\.function: Function is not defined \("nope"\)\n$/,
    ],
  ] as const) {
    it(`${name}: one line naming the file and the rule, exit 2, nothing written`, async () => {
      const dir = tempProject({ ...files, 'good.yaml': GOOD, 'report.json': 'the previous report' });
      const run = await lintBounded(dir, ['good.yaml', '-r', 'team.yaml', '-f', 'json', '-o', 'report.json']);
      assert.equal(run.code, 2);
      assert.match(run.stderr, message);
      assert.equal(run.stdout, '');
      assert.equal(readFileSync(join(dir, 'report.json'), 'utf8'), 'the previous report', 'the previous report is left as it was');
    });
  }
});

describe('the output file', () => {
  it('an output path that is a directory: one line, exit 2, nothing written or left behind', async () => {
    const dir = tempProject({ 'good.yaml': GOOD, 'reports/keep.txt': 'keep' });
    const run = await lintBounded(dir, ['good.yaml', '-o', 'reports']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^apistyle: cannot write reports: EISDIR\n$/);
    assert.deepEqual(readdirSync(dir).sort(), ['good.yaml', 'reports']);
    assert.deepEqual(readdirSync(join(dir, 'reports')), ['keep.txt']);
  });

  it('an output path under a file: one line, exit 2', async () => {
    const dir = tempProject({ 'good.yaml': GOOD });
    const run = await lintBounded(dir, ['good.yaml', '-o', 'good.yaml/report.txt']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^apistyle: cannot write good\.yaml\/report\.txt: ENOTDIR\n$/);
    assert.equal(readFileSync(join(dir, 'good.yaml'), 'utf8'), GOOD);
  });

  it('a write that fails half-way leaves the previous report whole and no temporary file', async () => {
    const dir = tempProject({ 'report.json': 'the previous report' });
    // Renaming over a non-empty directory fails after the content was written in full.
    mkdirSync(join(dir, 'busy'));
    writeFileSync(join(dir, 'busy', 'x'), '');
    await assert.rejects(writeFileAtomic(join(dir, 'busy'), 'new content'));
    assert.deepEqual(readdirSync(dir).sort(), ['busy', 'report.json']);
    await writeFileAtomic(join(dir, 'report.json'), 'new content');
    assert.equal(readFileSync(join(dir, 'report.json'), 'utf8'), 'new content');
    assert.equal(existsSync(join(dir, 'busy', 'x')), true);
  });
});
