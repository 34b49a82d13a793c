import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import AjvDraft04 from 'ajv-draft-04';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { CLEAN, ONE_ERROR_ONE_WARNING, runCli, tempProject } from './helpers/cli.js';

const require = createRequire(import.meta.url);
const dir = tempProject({ 'both.yaml': ONE_ERROR_ONE_WARNING, 'clean.yaml': CLEAN, 'broken.yaml': 'openapi: 3.0.0\ninfo: [\n' });

async function report(format: string, files = ['both.yaml', 'clean.yaml']): Promise<string> {
  const run = await runCli(['lint', ...files, '-f', format], { cwd: dir });
  assert.ok(run.code === 1 || run.code === 2, `${format}: exit ${run.code} ${run.stderr}`);
  assert.equal(run.stderr, '');
  return run.stdout;
}

describe('output formats', () => {
  it('json is Spectral-compatible: {code, path, message, severity, range, source}', async () => {
    const findings = JSON.parse(await report('json')) as Array<Record<string, unknown>>;
    assert.equal(findings.length, 2);
    for (const finding of findings) {
      assert.deepEqual(Object.keys(finding).sort(), ['code', 'message', 'path', 'range', 'severity', 'source']);
    }
    const https = findings.find((f) => f['code'] === 'recommended-server-https')!;
    assert.deepEqual(https['path'], ['servers', '0', 'url']);
    assert.equal(https['severity'], 0);
    assert.deepEqual(https['range'], { start: { line: 5, character: 9 }, end: { line: 5, character: 34 } });
    assert.equal(https['source'], join(dir, 'both.yaml'));
  });

  it('sarif validates against the official SARIF 2.1.0 schema and carries rule metadata and regions', async () => {
    const output = await report('sarif', ['both.yaml', 'clean.yaml', 'broken.yaml']);
    const log = JSON.parse(output) as {
      runs: Array<{
        tool: { driver: { name: string; rules: Array<{ id: string; helpUri?: string; defaultConfiguration?: { level: string } }> } };
        results: Array<{
          ruleId: string;
          ruleIndex: number;
          level: string;
          locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }>;
        }>;
      }>;
    };
    const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
    // The package is CommonJS with a `default` export; Node hands ESM the whole module object.
    const ajv = new AjvDraft04.default({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
    const valid = ajv.validate(schema, log);
    assert.ok(valid, JSON.stringify(ajv.errors, null, 2));

    const run = log.runs[0]!;
    assert.equal(run.tool.driver.name, 'apistyle');
    const https = run.results.find((r) => r.ruleId === 'recommended-server-https')!;
    assert.equal(https.level, 'error');
    assert.equal(run.tool.driver.rules[https.ruleIndex]!.id, 'recommended-server-https');
    assert.equal(run.tool.driver.rules[https.ruleIndex]!.defaultConfiguration?.level, 'error');
    assert.match(run.tool.driver.rules[https.ruleIndex]!.helpUri ?? '', /^https:\/\/.*recommended-server-https/);
    assert.deepEqual(https.locations[0]!.physicalLocation.artifactLocation.uri, 'both.yaml');
    assert.equal(https.locations[0]!.physicalLocation.region.startLine, 6);
    assert.equal(https.locations[0]!.physicalLocation.region.startColumn, 10);
    const parser = run.results.find((r) => r.ruleId === 'parser')!;
    assert.equal(run.tool.driver.rules[parser.ruleIndex]!.id, 'parser');
  });

  it('junit parses as XML with one suite per document and one failure per failing finding', async () => {
    const output = await report('junit');
    assert.equal(XMLValidator.validate(output), true);
    const xml = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (name) => name === 'testsuite' || name === 'testcase',
    }).parse(output) as {
      testsuites: {
        tests: string;
        failures: string;
        testsuite: Array<{
          name: string;
          tests: string;
          failures: string;
          testcase: Array<{ name: string; failure?: { message: string } }>;
        }>;
      };
    };
    const suites = xml.testsuites.testsuite;
    assert.deepEqual(
      suites.map((s) => s.name),
      ['both.yaml', 'clean.yaml'],
    );
    assert.equal(suites[0]!.failures, '1', 'the warning is below the fail severity');
    assert.match(suites[0]!.testcase[0]!.failure!.message, /uses http/);
    assert.equal(suites[1]!.failures, '0');
    assert.equal(suites[1]!.testcase.length, 1, 'a clean document is one passing test case');
    assert.equal(xml.testsuites.failures, '1');
  });

  it('junit escapes what XML cannot hold as is', async () => {
    const odd = tempProject({ 'a&b <c>.yaml': ONE_ERROR_ONE_WARNING.replace('http://api.example.com', 'http://api.example.com/"q"&<x>') });
    const run = await runCli(['lint', 'a&b <c>.yaml', '-f', 'junit'], { cwd: odd });
    assert.equal(XMLValidator.validate(run.stdout), true);
    assert.match(run.stdout, /name="a&amp;b &lt;c&gt;.yaml"/);
  });

  it('github-actions prints one workflow command per finding, escaped', async () => {
    const lines = (await report('github-actions')).trimEnd().split('\n');
    assert.equal(lines.length, 2);
    assert.match(
      lines[0]!,
      /^::error file=both\.yaml,line=6,endLine=6,col=10,endColumn=35,title=recommended-server-https::Server URL "http%3A|^::error file=both\.yaml,line=6,endLine=6,col=10,endColumn=35,title=recommended-server-https::Server URL "http:/,
    );
    assert.match(lines[1]!, /^::warning file=both\.yaml,line=8,/);
    assert.match(lines[0]!, /%0Ahttps:\/\/github\.com\/apistyle/, 'the doc link follows on an escaped new line');
  });

  it('gitlab writes a code quality report with 1-based lines and unique fingerprints', async () => {
    const issues = JSON.parse(await report('gitlab')) as Array<{
      description: string;
      check_name: string;
      fingerprint: string;
      severity: string;
      location: { path: string; lines: { begin: number } };
    }>;
    assert.equal(issues.length, 2);
    for (const issue of issues) {
      assert.equal(typeof issue.description, 'string');
      assert.match(issue.fingerprint, /^[0-9a-f]{64}$/);
      assert.ok(['info', 'minor', 'major', 'critical', 'blocker'].includes(issue.severity));
      assert.equal(issue.location.path, 'both.yaml');
    }
    assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length);
    assert.equal(issues.find((i) => i.check_name === 'recommended-server-https')!.location.lines.begin, 6);
  });

  it('markdown writes a table with a row per finding and linked rule ids', async () => {
    const output = await report('markdown');
    const rows = output.split('\n').filter((line) => /^\| (error|warn|info|hint) \|/.test(line));
    assert.equal(rows.length, 2);
    assert.match(rows[0]!, /^\| error \| both\.yaml \| 6 \| \[recommended-server-https\]\(https:\/\/[^)]+\) \| /);
    assert.equal(rows[0]!.split(' | ').length, 5);
  });
});
