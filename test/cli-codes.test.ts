// The codes apistyle reports itself are documented like rules: a page, `explain`, a SARIF helpUri
// and a link in stylish output. And `rules`/`explain` accept what users type.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { TOOL_CODES } from '../src/core/results/types.js';
import { REPO_ROOT, runCli, tempProject } from './helpers/cli.js';

interface SarifRule {
  id: string;
  helpUri?: string;
}

describe('codes apistyle reports itself', () => {
  it('each has a page that explain prints', async () => {
    for (const code of TOOL_CODES) {
      const page = join(REPO_ROOT, 'docs/codes', `${code}.md`);
      assert.ok(existsSync(page), `docs/codes/${code}.md exists`);
      assert.match(readFileSync(page, 'utf8'), new RegExp(`^# ${code}\\n`));
      assert.ok(readFileSync(join(REPO_ROOT, 'docs/codes/README.md'), 'utf8').includes(`(${code}.md)`), `the index links to ${code}`);
    }
    const runs = await Promise.all(TOOL_CODES.map((code) => runCli(['explain', code])));
    runs.forEach((run, i) => {
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, new RegExp(`^# ${TOOL_CODES[i]}\\n`));
    });
  });

  it('SARIF gives each a helpUri, and stylish links to the page of a code that fired', async () => {
    const cwd = tempProject({ 'api.yaml': 'openapi: 3.0.3\ninfo: [unclosed\n' });
    const sarif = await runCli(['lint', 'api.yaml', '-f', 'sarif'], { cwd });
    const rules = (JSON.parse(sarif.stdout) as { runs: Array<{ tool: { driver: { rules: SarifRule[] } } }> }).runs[0]!.tool.driver.rules;
    for (const code of TOOL_CODES) {
      assert.match(rules.find((rule) => rule.id === code)?.helpUri ?? '', new RegExp(`/docs/codes/${code}\\.md$`), code);
    }
    const stylish = await runCli(['lint', 'api.yaml', '--no-color'], { cwd });
    assert.equal(stylish.code, 2);
    assert.match(stylish.stdout, /^ {2}parser +\S+\/docs\/codes\/parser\.md$/m);
  });
});

describe('rules and explain take what users type', () => {
  it('rules -f json prints the same JSON as --json', async () => {
    const cwd = tempProject();
    const [format, json, text] = await Promise.all([
      runCli(['rules', '-f', 'json'], { cwd }),
      runCli(['rules', '--json'], { cwd }),
      runCli(['rules', '-f', 'text'], { cwd }),
    ]);
    assert.equal(format.code, 0, format.stderr);
    assert.equal(format.stdout, json.stdout);
    assert.ok((JSON.parse(format.stdout) as unknown[]).length > 0);
    assert.match(text.stdout, /^\d+ rules, \d+ enabled\.$/m);
  });

  it('explain finds an id written in other letter case', async () => {
    const run = await runCli(['explain', 'PSA-Server-HTTPS']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^# psa-server-https\n/);
    assert.match(run.stderr, /showing psa-server-https/);
    assert.match((await runCli(['explain', 'Parser'])).stdout, /^# parser\n/);
  });

  it('explain suggests the closest ids for a typo', async () => {
    const run = await runCli(['explain', 'psa-server-htps']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /unknown rule "psa-server-htps"; did you mean psa-server-https\b/);
    const far = await runCli(['explain', 'nothing-like-any-rule-at-all']);
    assert.equal(far.code, 2);
    assert.doesNotMatch(far.stderr, /did you mean/);
  });
});
