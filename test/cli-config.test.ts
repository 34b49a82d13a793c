import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { CLEAN, ONE_ERROR_ONE_WARNING, runCli, tempProject } from './helpers/cli.js';

function tempProjectWith(dir: string, files: Record<string, string>): string {
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

interface JsonFinding {
  code: string;
  severity: number;
  source: string;
}

async function lintJson(args: string[], cwd: string): Promise<{ code: number | null; findings: JsonFinding[]; stderr: string }> {
  const run = await runCli(['lint', ...args, '-f', 'json'], { cwd });
  return { code: run.code, findings: run.stdout === '' ? [] : (JSON.parse(run.stdout) as JsonFinding[]), stderr: run.stderr };
}

const CUSTOM_RULESET = `functionsDir: functions
functions: [notTestTitle]
rules:
  title-not-test:
    description: The title is not a placeholder.
    severity: error
    given: $.info.title
    then:
      function: notTestTitle
`;
const CUSTOM_FUNCTION = `export default function notTestTitle(title) {
  return title === 'Test API' ? [{ message: 'The title "Test API" is a placeholder.' }] : [];
}
`;

describe('rulesets on the command line', () => {
  it("a user's Spectral ruleset file with a custom function works as --ruleset", async () => {
    const dir = tempProject({ 'api.yaml': CLEAN, 'my-ruleset.yaml': CUSTOM_RULESET, 'functions/notTestTitle.js': CUSTOM_FUNCTION });
    const { code, findings } = await lintJson(['api.yaml', '-r', 'my-ruleset.yaml'], dir);
    assert.equal(code, 1);
    assert.deepEqual(
      findings.map((f) => f.code),
      ['title-not-test'],
    );
  });

  it('--ruleset is repeatable: the rules of both run', async () => {
    const dir = tempProject({
      'api.yaml': ONE_ERROR_ONE_WARNING,
      'my-ruleset.yaml': CUSTOM_RULESET,
      'functions/notTestTitle.js': CUSTOM_FUNCTION,
    });
    // Documents may follow -r: the option takes one value each time.
    const { findings } = await lintJson(['-r', 'recommended', '-r', 'my-ruleset.yaml', 'api.yaml'], dir);
    assert.deepEqual([...new Set(findings.map((f) => f.code))].sort(), [
      'recommended-plural-resources',
      'recommended-server-https',
      'title-not-test',
    ]);
  });

  it('a custom function that throws stops that document only, naming the function', async () => {
    const dir = tempProject({
      'api.yaml': CLEAN,
      'other.yaml': CLEAN,
      'my-ruleset.yaml': CUSTOM_RULESET.replace('given: $.info.title', 'given: $.info.description'),
      'functions/notTestTitle.js':
        'export default function notTestTitle(value) {\n  if (value === "boom") throw new Error("kaboom");\n  return [];\n}\n',
    });
    const broken = CLEAN.replace('  version: 1.0.0\n', '  version: 1.0.0\n  description: boom\n');
    const run = await runCli(['lint', 'broken.yaml', 'api.yaml', '-r', 'my-ruleset.yaml', '-r', 'recommended', '-f', 'json'], {
      cwd: tempProjectWith(dir, { 'broken.yaml': broken }),
    });
    assert.equal(run.code, 2, run.stderr);
    const findings = JSON.parse(run.stdout) as Array<{ code: string; message: string; source: string }>;
    assert.match(findings.find((f) => f.code === 'linter-error')?.message ?? '', /notTestTitle.*kaboom/);
    assert.equal(run.stderr, '');
  });

  it('an unknown ruleset name is a one-line error with exit 2', async () => {
    const dir = tempProject({ 'api.yaml': CLEAN });
    const run = await runCli(['lint', 'api.yaml', '-r', 'nosuch'], { cwd: dir });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^apistyle: unknown ruleset "nosuch": not a built-in \(.*recommended.*\) and no such file\n$/);
  });

  it('a broken ruleset file names the file and the problem', async () => {
    const dir = tempProject({
      'api.yaml': CLEAN,
      'bad-ruleset.yaml': 'rules:\n  r1:\n    given: $\n    then:\n      function: doesNotExist\n',
    });
    const run = await runCli(['lint', 'api.yaml', '-r', 'bad-ruleset.yaml'], { cwd: dir });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^apistyle: ruleset .*bad-ruleset\.yaml: .*doesNotExist.*\n$/);
  });
});

describe('apistyle.config.yaml', () => {
  it('severity overrides, "off", and per-file overrides apply', async () => {
    const dir = tempProject({
      'apistyle.config.yaml': [
        'extends: [recommended]',
        'rules:',
        '  recommended-plural-resources: error',
        'overrides:',
        '  - files: ["legacy/**"]',
        '    rules:',
        '      recommended-server-https: "off"',
      ].join('\n'),
      'api.yaml': ONE_ERROR_ONE_WARNING,
      'legacy/old.yaml': ONE_ERROR_ONE_WARNING,
    });
    const { findings } = await lintJson(['api.yaml', 'legacy/old.yaml'], dir);
    const api = findings.filter((f) => f.source === join(dir, 'api.yaml'));
    const legacy = findings.filter((f) => f.source === join(dir, 'legacy/old.yaml'));
    assert.deepEqual(api.map((f) => [f.code, f.severity]).sort(), [
      ['recommended-plural-resources', 0],
      ['recommended-server-https', 0],
    ]);
    assert.deepEqual(
      legacy.map((f) => f.code),
      ['recommended-plural-resources'],
    );
  });

  it("extends Spectral's own spectral:oas next to a built-in", async () => {
    const dir = tempProject({ '.apistyle.yaml': 'extends: [recommended, "spectral:oas"]\n', 'api.yaml': CLEAN });
    const { findings } = await lintJson(['api.yaml'], dir);
    assert.ok(
      findings.some((f) => f.code === 'info-contact'),
      'a spectral:oas rule fired',
    );
  });

  it('is found from a subdirectory, and its files are linted when none are named', async () => {
    const dir = tempProject({
      'apistyle.config.yaml': 'files: ["apis/*.yaml"]\nextends: [recommended]\nrules:\n  recommended-plural-resources: "off"\n',
      'apis/one.yaml': ONE_ERROR_ONE_WARNING,
      'apis/two.yaml': CLEAN,
      'other/ignored.yaml': ONE_ERROR_ONE_WARNING,
      'sub/deeper/.keep': '',
    });
    const { code, findings } = await lintJson([], join(dir, 'sub', 'deeper'));
    assert.equal(code, 1);
    assert.deepEqual(
      findings.map((f) => [f.code, f.source]),
      [['recommended-server-https', join(dir, 'apis/one.yaml')]],
    );
  });

  it('--ruleset wins over the config ruleset', async () => {
    const dir = tempProject({
      'apistyle.config.yaml': 'extends: [recommended]\nrules:\n  recommended-server-https: "off"\n',
      'api.yaml': ONE_ERROR_ONE_WARNING,
    });
    const { findings } = await lintJson(['api.yaml', '-r', 'recommended'], dir);
    assert.ok(findings.some((f) => f.code === 'recommended-server-https'));
  });

  it('--config names a config file explicitly', async () => {
    const dir = tempProject({
      'ci/strict.yaml': 'files: ["../api.yaml"]\nextends: [recommended]\nrules:\n  recommended-plural-resources: error\n',
      'api.yaml': ONE_ERROR_ONE_WARNING,
    });
    const { findings } = await lintJson(['--config', 'ci/strict.yaml'], dir);
    assert.deepEqual(findings.map((f) => [f.code, f.severity]).sort(), [
      ['recommended-plural-resources', 0],
      ['recommended-server-https', 0],
    ]);
    const missing = await runCli(['lint', '-c', 'nope.yaml'], { cwd: dir });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^apistyle: config \S*nope\.yaml: no such file\n$/);
  });

  it("a built-in rule's policy table is replaced from the config, without code", async () => {
    const dir = tempProject({
      'apistyle.config.yaml': [
        'extends: [qualicharge]',
        'rules:',
        '  qualicharge-rate-limit-policy:',
        '    description: Our own rate-limit table.',
        '    message: "{{error}}"',
        '    severity: error',
        '    given: $',
        '    then:',
        '      function: rateLimitPolicy',
        '      functionOptions:',
        '        check: table',
        '        table:',
        "          - {path: '/customers/{id}', method: get, rate: 5 r/s}",
      ].join('\n'),
      'api.yaml': CLEAN,
    });
    const { code, findings } = await lintJson(['api.yaml'], dir);
    assert.equal(code, 1);
    assert.deepEqual(
      findings.filter((f) => f.code === 'qualicharge-rate-limit-policy').map((f) => f.severity),
      [0],
    );
  });

  it('a config with only files uses the default ruleset', async () => {
    const dir = tempProject({ 'apistyle.config.yaml': 'files: [api.yaml]\n', 'api.yaml': ONE_ERROR_ONE_WARNING });
    const { findings } = await lintJson([], dir);
    assert.deepEqual(findings.map((f) => f.code).sort(), ['recommended-plural-resources', 'recommended-server-https']);
  });

  for (const [name, config, message] of [
    ['invalid YAML', 'extends: [recommended\n', /config .*apistyle\.config\.yaml: line \d+: /],
    ['an unknown key', 'extend: [recommended]\n', /config .*apistyle\.config\.yaml: unknown key "extend"/],
    ['files that are not a list', 'files: api.yaml\n', /"files" must be a list/],
    ['an unknown rule in rules', 'extends: [recommended]\nrules:\n  no-such-rule: error\n', /apistyle\.config\.yaml: .*no-such-rule/],
  ] as const) {
    it(`a config with ${name} is a one-line error with exit 2`, async () => {
      const dir = tempProject({ 'apistyle.config.yaml': config, 'api.yaml': CLEAN });
      const run = await runCli(['lint', 'api.yaml'], { cwd: dir });
      assert.equal(run.code, 2, run.stdout);
      assert.match(run.stderr, message);
      assert.equal(run.stderr.trimEnd().split('\n').length, 1, run.stderr);
    });
  }
});

describe('discovery when no file is named', () => {
  it("lints the OpenAPI documents under the current directory, skipping node_modules, .gitignore'd and non-OpenAPI files", async () => {
    const dir = tempProject({
      '.gitignore': 'build/\n',
      'api.yaml': ONE_ERROR_ONE_WARNING,
      'nested/swagger.json': JSON.stringify({
        swagger: '2.0',
        info: { title: 'T', version: '1' },
        schemes: ['http'],
        basePath: '/v1',
        paths: {},
      }),
      'node_modules/pkg/openapi.yaml': ONE_ERROR_ONE_WARNING,
      'build/openapi.yaml': ONE_ERROR_ONE_WARNING,
      'docker-compose.yml': 'services:\n  web:\n    image: nginx\n',
      'package.json': '{"name": "x"}',
    });
    const { findings } = await lintJson([], dir);
    assert.deepEqual([...new Set(findings.map((f) => f.source))].sort(), [join(dir, 'api.yaml'), join(dir, 'nested/swagger.json')]);
  });

  it('finding no document is a clear error with exit 2', async () => {
    const dir = tempProject({ 'notes.yaml': 'a: 1\n' });
    const run = await runCli(['lint'], { cwd: dir });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^apistyle: no OpenAPI documents found under .*; name the files to lint\n$/);
  });

  it('a relative --ruleset is read from the working directory, whichever config a document is under', async () => {
    const dir = tempProject({
      'apistyle.config.yaml': 'extends: [recommended]\n',
      'team/apistyle.config.yaml': 'extends: [recommended]\n',
      'api.yaml': CLEAN,
      'team/api.yaml': CLEAN,
      'rules.yaml': CUSTOM_RULESET,
      'functions/notTestTitle.js': CUSTOM_FUNCTION,
    });
    const run = await lintJson(['api.yaml', 'team/api.yaml', '-r', './rules.yaml'], dir);
    assert.equal(run.code, 1, run.stderr);
    assert.deepEqual(run.findings.map((f) => [f.code, f.source]).sort(), [
      ['title-not-test', join(dir, 'api.yaml')],
      ['title-not-test', join(dir, 'team/api.yaml')],
    ]);
  });

  it("--config makes its folder the project of the documents under it: a team's $ref to shared components resolves", async () => {
    const teamApi = CLEAN.replace('          description: The customer.', "          $ref: '../common/responses.yaml#/Customer'");
    const dir = tempProject({
      'apistyle.config.yaml': 'extends: [recommended]\n',
      'team/apistyle.config.yaml': 'extends: [recommended]\n',
      'team/api.yaml': teamApi,
      'common/responses.yaml': 'Customer:\n  description: The customer.\n',
    });
    // Under its own config, the team folder is its project: the $ref leaves it.
    const fenced = await lintJson(['team/api.yaml'], dir);
    assert.equal(fenced.code, 2, fenced.stderr);
    assert.ok(fenced.findings.some((f) => f.code === 'invalid-ref'));
    const named = await lintJson(['team/api.yaml', '--config', 'apistyle.config.yaml'], dir);
    assert.equal(named.code, 0, JSON.stringify(named.findings) + named.stderr);
  });
});
