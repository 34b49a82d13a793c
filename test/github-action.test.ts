import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { parse } from 'yaml';
import { CLEAN, CLI, ONE_ERROR_ONE_WARNING, REPO_ROOT, runCli, tempProject } from './helpers/cli.js';

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}

interface Action {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const ACTION_SCRIPT = join(REPO_ROOT, 'scripts', 'github-action.sh');

/** Runs the action's lint step as the runner would, in `cwd`, with the action's inputs as environment variables. */
function lintStep(
  cwd: string,
  inputs: Record<string, string>,
): { status: number | null; stdout: string; stderr: string; outputs: Record<string, string>; summary: string } {
  const outputFile = join(cwd, '.github-output');
  const summaryFile = join(cwd, '.github-summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    APISTYLE: CLI,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    PATH: `${join(process.execPath, '..')}:${process.env['PATH'] ?? ''}`,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`] = value;
  const run = spawnSync('bash', [ACTION_SCRIPT], { cwd, env, encoding: 'utf8' });
  const outputs = Object.fromEntries(
    readFileSync(outputFile, 'utf8')
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split('=', 2) as [string, string]),
  );
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, outputs, summary: readFileSync(summaryFile, 'utf8') };
}

describe('GitHub action', () => {
  const action = parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as Action;

  it('is a composite action whose steps name a shell and only declared inputs', () => {
    assert.equal(action.runs.using, 'composite');
    const text = readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8');
    for (const [, input] of text.matchAll(/inputs\.([a-z-]+)/g)) assert.ok(input! in action.inputs, `undeclared input ${input}`);
    for (const step of action.runs.steps) if (step.run !== undefined) assert.ok(step.shell, `step "${step.name}" needs a shell`);
    const lint = action.runs.steps.find((step) => step.id === 'lint')!;
    assert.match(lint.run!, /scripts\/github-action\.sh/);
    accessSync(ACTION_SCRIPT, constants.X_OK);
    // The inputs reach the script as the environment variables it reads.
    const script = readFileSync(ACTION_SCRIPT, 'utf8');
    for (const name of Object.keys(lint.env ?? {}).filter((n) => n.startsWith('INPUT_')))
      assert.match(script, new RegExp(`\\b${name}\\b`), name);
    assert.ok(action.runs.steps.some((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@')));
    assert.ok(action.runs.steps.some((step) => step.uses?.startsWith('actions/setup-node@')));
  });

  it('the lint step writes SARIF, annotations and a job summary, and hands the exit code on', () => {
    const dir = tempProject({ 'apis/api.yaml': ONE_ERROR_ONE_WARNING, 'apis/clean.yaml': CLEAN });
    const step = lintStep(dir, { files: 'apis/*.yaml', 'sarif-file': 'apistyle.sarif', 'fail-severity': 'error' });
    assert.equal(step.status, 0, step.stderr);
    assert.deepEqual(step.outputs, { 'exit-code': '1', 'sarif-file': 'apistyle.sarif', 'sarif-written': 'true' });
    const sarif = JSON.parse(readFileSync(join(dir, 'apistyle.sarif'), 'utf8')) as { runs: Array<{ results: Array<{ ruleId: string }> }> };
    assert.deepEqual(
      sarif.runs[0]!.results.map((r) => r.ruleId),
      ['recommended-server-https', 'recommended-plural-resources'],
    );
    assert.match(step.stdout, /^::error file=apis\/api\.yaml,line=6,/m);
    assert.match(step.stdout, /^::warning file=apis\/api\.yaml,line=8,/m);
    assert.match(step.summary, /^## apistyle\n/);
    assert.match(step.summary, /\| \*\*Total\*\* \| 1 \| 1 \| 0 \| 0 \|/);
  });

  it('with a baseline holding the findings, the exit code is 0', async () => {
    const dir = tempProject({ 'api.yaml': ONE_ERROR_ONE_WARNING });
    await runCli(['lint', 'api.yaml', '--write-baseline', 'apistyle-baseline.json'], { cwd: dir });
    const step = lintStep(dir, { files: 'api.yaml', baseline: 'apistyle-baseline.json' });
    assert.equal(step.outputs['exit-code'], '0', step.stderr);
    assert.doesNotMatch(step.stdout, /^::(error|warning)/m);
  });

  it('a usage error is exit code 2, with no SARIF to upload', () => {
    const dir = tempProject({ 'api.yaml': ONE_ERROR_ONE_WARNING });
    const step = lintStep(dir, { files: 'api.yaml', baseline: 'missing.json' });
    assert.equal(step.outputs['exit-code'], '2');
    assert.equal(step.outputs['sarif-written'], 'false');
    assert.match(step.stderr, /baseline missing\.json: no such file/);
  });
});
