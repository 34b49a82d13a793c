import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { CLEAN, CLI, ONE_ERROR_ONE_WARNING, REPO_ROOT, tempProject } from './helpers/cli.js';
import { describeWithTool, isInstalled, PRE_COMMIT, toolMissingMessage } from './helpers/externalTools.js';

interface HookDefinition {
  id: string;
  name: string;
  entry: string;
  language: string;
  types_or?: string[];
}

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
};

describe('pre-commit hook', () => {
  const hooks = parse(readFileSync(join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as HookDefinition[];
  const hook = hooks.find((h) => h.id === 'apistyle')!;

  it('is defined for users who reference this repository', () => {
    assert.equal(hook.language, 'node', 'pre-commit installs the package (and its bin) from the repository');
    assert.match(hook.entry, /^apistyle lint\b/);
    assert.deepEqual(hook.types_or, ['yaml', 'json']);
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    assert.ok('apistyle' in pkg.bin, "the entry names the package's bin");
  });
});

describeWithTool(PRE_COMMIT, 'pre-commit hook, run by the pre-commit tool', () => {
  const hooks = parse(readFileSync(join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as HookDefinition[];
  const hook = hooks.find((h) => h.id === 'apistyle')!;

  it("refuses a commit for the violating OpenAPI file only, with apistyle's message", () => {
    assert.ok(isInstalled(PRE_COMMIT), toolMissingMessage(PRE_COMMIT));
    const dir = tempProject({
      'apis/good.yaml': CLEAN,
      'apis/bad.yaml': ONE_ERROR_ONE_WARNING,
      'deploy/values.yaml': 'replicas: 2\nimage: api:1.0\n',
      'package.json': '{"name": "x"}\n',
    });
    // The hook as published, run from this checkout: the same entry arguments and file types, the
    // `apistyle` command being this checkout's bin.
    const [, ...args] = hook.entry.split(' ');
    const local = {
      repos: [{ repo: 'local', hooks: [{ ...hook, language: 'system', entry: [process.execPath, CLI, ...args].join(' ') }] }],
    };
    const config = stringify(local);
    const env = { ...process.env, ...GIT_ENV, PRE_COMMIT_HOME: join(dir, '.pre-commit-home'), NO_COLOR: '1' };
    const git = (...argv: string[]) =>
      spawnSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...argv], { cwd: dir, env, encoding: 'utf8' });
    execFileSync('sh', ['-c', `cat > .pre-commit-config.yaml <<'EOF'\n${config}EOF\n`], { cwd: dir });
    git('init', '-q');
    execFileSync('pre-commit', ['install'], { cwd: dir, env });
    git('add', 'apis', 'deploy', 'package.json', '.pre-commit-config.yaml');

    const refused = git('commit', '-m', 'all');
    const output = refused.stdout + refused.stderr;
    assert.notEqual(refused.status, 0, output);
    assert.match(output, /apistyle\.+Failed/);
    assert.match(output, /apis\/bad\.yaml/);
    assert.match(output, /recommended-server-https/);
    assert.doesNotMatch(
      output,
      /values\.yaml|package\.json|pre-commit-config|not-openapi/,
      'other YAML and JSON files are skipped silently',
    );
    assert.doesNotMatch(output, /^apis\/good\.yaml$/m, 'the compliant file has no finding');
    assert.equal(git('rev-parse', '--verify', '-q', 'HEAD').status, 1, 'nothing was committed');

    git('rm', '-q', '--cached', 'apis/bad.yaml');
    const accepted = git('commit', '-m', 'the compliant file and the others');
    assert.equal(accepted.status, 0, accepted.stdout + accepted.stderr);
    assert.match(accepted.stdout + accepted.stderr, /apistyle\.+Passed/);
  });
});
