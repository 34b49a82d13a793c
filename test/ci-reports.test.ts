import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import Ajv from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import { CLEAN, ONE_ERROR_ONE_WARNING, runCli, tempProject } from './helpers/cli.js';

const require = createRequire(import.meta.url);

/** An error (http server) and a warning (singular resource), plus a finding silenced at the root (no 4XX for an operation with input). */
/** One error and one warning, with the 4xx rule silenced at the root. */
const WITH_IGNORE = ONE_ERROR_ONE_WARNING.replace('paths:\n', 'x-lint-ignore: recommended-4xx-for-input\npaths:\n').replace(
  "        '404':\n          description: Not found.\n",
  '',
);

interface SarifLog {
  runs: Array<{
    tool: { driver: { rules: Array<{ id: string; helpUri?: string; help?: { text: string }; defaultConfiguration?: { level: string } }> } };
    results: Array<{
      ruleId: string;
      partialFingerprints: Record<string, string>;
      suppressions?: Array<{ kind: string }>;
      baselineState?: string;
      locations: Array<{ physicalLocation: { region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }>;
    }>;
  }>;
}

function validateSarif(log: unknown): void {
  const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
  const ajv = new AjvDraft04.default({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
  assert.ok(ajv.validate(schema, log), JSON.stringify(ajv.errors, null, 2));
}

/**
 * The fields GitLab's code quality report documents
 * (https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format): required
 * description, check_name, fingerprint (unique), severity (one of five) and location.path with
 * location.lines.begin; paths relative to the repository, lines from 1.
 */
const GITLAB_SCHEMA = {
  type: 'array',
  items: {
    type: 'object',
    required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
    properties: {
      description: { type: 'string', minLength: 1 },
      check_name: { type: 'string', minLength: 1 },
      fingerprint: { type: 'string', minLength: 1 },
      severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
      location: {
        type: 'object',
        required: ['path', 'lines'],
        properties: {
          path: { type: 'string', not: { pattern: '^(/|[A-Za-z]:|\\./|\\.\\./)' } },
          lines: {
            type: 'object',
            required: ['begin'],
            properties: { begin: { type: 'integer', minimum: 1 }, end: { type: 'integer', minimum: 1 } },
          },
        },
      },
    },
  },
} as const;

describe('reports for CI', () => {
  it('sarif: rule metadata (help URI, help text, default level), regions, stable fingerprints, in-source suppressions; valid SARIF 2.1.0', async () => {
    const dir = tempProject({ 'api.yaml': WITH_IGNORE, 'clean.yaml': CLEAN });
    const run = await runCli(['lint', 'api.yaml', 'clean.yaml', '-f', 'sarif', '--report-suppressed'], { cwd: dir });
    assert.equal(run.code, 1, run.stderr);
    const log = JSON.parse(run.stdout) as SarifLog;
    validateSarif(log);
    const { results, tool } = log.runs[0]!;
    assert.deepEqual(
      results.map((r) => [r.ruleId, r.suppressions?.[0]?.kind ?? 'reported']),
      [
        ['recommended-server-https', 'reported'],
        ['recommended-plural-resources', 'reported'],
        ['recommended-4xx-for-input', 'inSource'],
      ],
    );
    const rule = tool.driver.rules.find((r) => r.id === 'recommended-plural-resources')!;
    assert.equal(rule.defaultConfiguration?.level, 'warning');
    assert.match(rule.helpUri ?? '', /docs\/rules\/recommended-plural-resources\.md$/);
    assert.match(rule.help?.text ?? '', /recommended-plural-resources\.md/);
    const region = results[0]!.locations[0]!.physicalLocation.region;
    assert.deepEqual(region, { startLine: 6, startColumn: 10, endLine: 6, endColumn: 35 });

    // Moving lines moves regions, not fingerprints.
    writeFileSync(join(dir, 'api.yaml'), WITH_IGNORE.replace('info:\n', 'info:\n  description: Moved\n    down.\n'));
    const moved = JSON.parse(
      (await runCli(['lint', 'api.yaml', 'clean.yaml', '-f', 'sarif', '--report-suppressed'], { cwd: dir })).stdout,
    ) as SarifLog;
    assert.equal(moved.runs[0]!.results[0]!.locations[0]!.physicalLocation.region.startLine, 8);
    assert.deepEqual(
      moved.runs[0]!.results.map((r) => r.partialFingerprints),
      results.map((r) => r.partialFingerprints),
    );
  });

  it('sarif with a baseline marks the reported results new, and stays valid', async () => {
    const dir = tempProject({ 'api.yaml': ONE_ERROR_ONE_WARNING });
    await runCli(['lint', 'api.yaml', '--write-baseline', 'baseline.json'], { cwd: dir });
    writeFileSync(
      join(dir, 'api.yaml'),
      ONE_ERROR_ONE_WARNING.replace(
        '  - url: http://api.example.com/v1\n',
        '  - url: http://api.example.com/v1\n  - url: http://other.example.com/v1\n',
      ),
    );
    const run = await runCli(['lint', 'api.yaml', '-f', 'sarif', '--baseline', 'baseline.json'], { cwd: dir });
    assert.equal(run.code, 1);
    const log = JSON.parse(run.stdout) as SarifLog;
    validateSarif(log);
    assert.deepEqual(
      log.runs[0]!.results.map((r) => [r.ruleId, r.baselineState]),
      [['recommended-server-https', 'new']],
    );
  });

  it('gitlab: every issue has the documented fields, unique fingerprints, repository-relative paths', async () => {
    const dir = tempProject({
      'apis/api.yaml': ONE_ERROR_ONE_WARNING,
      'apis/copy.yaml': ONE_ERROR_ONE_WARNING,
      'broken.yaml': 'openapi: 3.0.0\ninfo: [\n',
    });
    const run = await runCli(['lint', 'apis/api.yaml', 'apis/copy.yaml', 'broken.yaml', '-f', 'gitlab'], { cwd: dir });
    assert.equal(run.code, 2);
    const issues = JSON.parse(run.stdout) as Array<{ fingerprint: string; location: { path: string } }>;
    const ajv = new Ajv.default({ allErrors: true, strict: true });
    assert.ok(ajv.validate(GITLAB_SCHEMA, issues), JSON.stringify(ajv.errors, null, 2));
    assert.equal(issues.length, 5);
    assert.equal(new Set(issues.map((i) => i.fingerprint)).size, 5, 'identical findings in two files are two issues');
    assert.deepEqual([...new Set(issues.map((i) => i.location.path))].sort(), ['apis/api.yaml', 'apis/copy.yaml', 'broken.yaml']);
  });

  it('stylish ends with a line per file and a total; markdown with a table of counts', async () => {
    const dir = tempProject({ 'api.yaml': WITH_IGNORE, 'clean.yaml': CLEAN });
    const stylish = await runCli(['lint', 'api.yaml', 'clean.yaml'], { cwd: dir });
    assert.match(
      stylish.stdout,
      /\n {2}api\.yaml {4}1 error, 1 warning \(1 suppressed\)\n {2}clean\.yaml {2}no problems\n\n✖ 2 problems \(1 error, 1 warning\) in 1 file of 2 linted\. 1 finding suppressed in the documents\.\n/,
    );
    const markdown = await runCli(['lint', 'api.yaml', 'clean.yaml', '-f', 'markdown'], { cwd: dir });
    const table = markdown.stdout.split('\n').filter((line) => /^\| (File|api\.yaml|clean\.yaml|\*\*Total\*\*) \|/.test(line));
    assert.deepEqual(table, [
      '| File | Errors | Warnings | Info | Hints | Suppressed |',
      '| api.yaml | 1 | 1 | 0 | 0 | 1 |',
      '| clean.yaml | 0 | 0 | 0 | 0 | 0 |',
      '| **Total** | 1 | 1 | 0 | 0 | 1 |',
    ]);
  });

  it('markdown with a baseline says what was compared and counts the existing findings', async () => {
    const dir = tempProject({ 'api.yaml': ONE_ERROR_ONE_WARNING });
    await runCli(['lint', 'api.yaml', '--write-baseline', 'baseline.json'], { cwd: dir });
    const run = await runCli(['lint', 'api.yaml', '-f', 'markdown', '--baseline', 'baseline.json'], { cwd: dir });
    assert.equal(run.code, 0);
    assert.match(run.stdout, /No problems found in 1 file\(s\)\.\n\nCompared with baseline\.json: 2 existing findings not reported\.\n/);
    assert.match(
      run.stdout,
      /\n\| File \| Errors \| Warnings \| Info \| Hints \| Existing \|\n\| --- \| ---: \| ---: \| ---: \| ---: \| ---: \|\n\| api\.yaml \| 0 \| 0 \| 0 \| 0 \| 2 \|\n/,
    );
  });
});
