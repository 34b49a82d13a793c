import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { REPO_ROOT, runCli, tempProject } from './helpers/cli.js';
import { rulesOf } from './helpers/rulesets.js';

describe('apistyle rules, explain, --help, --version', () => {
  it('rules lists every rule of the default ruleset with severity and description', async () => {
    const dir = tempProject();
    const run = await runCli(['rules'], { cwd: dir });
    assert.equal(run.code, 0);
    for (const id of rulesOf('recommended')) assert.match(run.stdout, new RegExp(`^${id} +(error|warn|info|hint) +\\S`, 'm'));
    assert.match(run.stdout, /^recommended-server-https +error +Absolute server URLs use https\.$/m);
  });

  it('rules --json reflects a config that turns a rule off', async () => {
    const dir = tempProject({ 'apistyle.config.yaml': 'extends: [recommended]\nrules:\n  recommended-server-https: "off"\n' });
    const rules = JSON.parse((await runCli(['rules', '--json'], { cwd: dir })).stdout) as Array<{
      id: string;
      severity: string;
      documentationUrl: string | null;
    }>;
    assert.equal(rules.find((r) => r.id === 'recommended-server-https')?.severity, 'off');
    assert.match(
      rules.find((r) => r.id === 'recommended-version-in-uri')?.documentationUrl ?? '',
      /docs\/rules\/recommended-version-in-uri\.md$/,
    );
  });

  it("explain prints the rule's doc page", async () => {
    const run = await runCli(['explain', 'recommended-no-verbs-in-path']);
    assert.equal(run.code, 0);
    const page = readFileSync(join(REPO_ROOT, 'docs/rules/recommended-no-verbs-in-path.md'), 'utf8');
    // The page, without the comments that fence its generated parts (they are for maintainers).
    assert.doesNotMatch(run.stdout, /<!--/);
    const words = (text: string) => text.replace(/^<!-- .* -->$/gm, '').replace(/\s+/g, ' ');
    assert.equal(words(run.stdout), words(page));
  });

  it('explain of an unknown rule is an error with a suggestion', async () => {
    const run = await runCli(['explain', 'server-https'], { cwd: tempProject() });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^apistyle: unknown rule "server-https"; did you mean [^\n]*recommended-server-https/);
  });

  it('--help lists the commands; lint --help lists every option', async () => {
    const help = await runCli(['--help']);
    assert.equal(help.code, 0);
    for (const command of ['lint', 'rules', 'explain']) assert.match(help.stdout, new RegExp(`apistyle ${command}`));
    const lintHelp = await runCli(['lint', '--help']);
    assert.equal(lintHelp.code, 0);
    for (const option of [
      '--ruleset',
      '--config',
      '--format',
      '--output',
      '--fail-severity',
      '--quiet',
      '--allow-remote-refs',
      '--color',
    ]) {
      assert.ok(lintHelp.stdout.includes(option), option);
    }
    assert.match(lintHelp.stdout, /stylish.*json.*sarif.*junit.*github-actions.*gitlab.*markdown/s);
  });

  it('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    const run = await runCli(['--version']);
    assert.equal(run.code, 0);
    assert.equal(run.stdout.trim(), version);
  });

  it('usage errors are one line with exit 2', async () => {
    for (const args of [['lint', '--bogus'], ['lint', '-f', 'xml'], ['frobnicate'], []]) {
      const run = await runCli(args);
      assert.equal(run.code, 2, args.join(' '));
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /^apistyle: [^\n]+\n$/, args.join(' '));
    }
  });
});
