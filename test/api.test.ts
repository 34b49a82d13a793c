// The programmatic API as a user's script sees it: the package's own entry point.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { EXIT_ERROR, EXIT_FINDINGS, FORMATTERS, UsageError, exitCodeFor, lint, loadRuleset } from '../src/index.js';
import { DiagnosticSeverity } from '@stoplight/types';
import { CLEAN, ONE_ERROR_ONE_WARNING, tempProject } from './helpers/cli.js';

describe('programmatic API', () => {
  it('lint() takes files and text in memory and returns Spectral-shaped findings', async () => {
    const dir = tempProject({ 'api.yaml': ONE_ERROR_ONE_WARNING });
    const report = await lint(['api.yaml', { source: 'memory.yaml', text: CLEAN.replace('https://', 'http://') }], { cwd: dir });
    assert.deepEqual(report.documents, [join(dir, 'api.yaml'), 'memory.yaml']);
    assert.deepEqual(
      report.findings.map((f) => [f.source, f.code]),
      [
        [join(dir, 'api.yaml'), 'recommended-server-https'],
        [join(dir, 'api.yaml'), 'recommended-plural-resources'],
        ['memory.yaml', 'recommended-server-https'],
      ],
    );
    assert.deepEqual(report.inputProblems, []);
    assert.equal(exitCodeFor(report, DiagnosticSeverity.Error), EXIT_FINDINGS);
  });

  it('lint() uses the config found from cwd, and a ruleset given wins over it', async () => {
    const dir = tempProject({
      'apistyle.config.yaml': 'extends: [recommended]\nrules:\n  recommended-server-https: "off"\n',
      'api.yaml': ONE_ERROR_ONE_WARNING,
    });
    const withConfig = await lint(['api.yaml'], { cwd: dir });
    assert.deepEqual(
      withConfig.findings.map((f) => f.code),
      ['recommended-plural-resources'],
    );
    const explicit = await lint(['api.yaml'], { cwd: dir, ruleset: await loadRuleset('recommended') });
    assert.ok(explicit.findings.some((f) => f.code === 'recommended-server-https'));
  });

  it('input problems come back in inputProblems and make the exit code 2', async () => {
    const report = await lint([{ source: 'broken.yaml', text: 'openapi: 3.0.0\ninfo: [\n' }], {
      ruleset: 'recommended',
      cwd: tempProject(),
    });
    assert.equal(report.inputProblems[0]?.code, 'parser');
    assert.equal(exitCodeFor(report, DiagnosticSeverity.Hint), EXIT_ERROR);
  });

  it('a bad ruleset throws UsageError with a one-line message', async () => {
    await assert.rejects(
      lint([], { ruleset: 'no-such-ruleset', cwd: tempProject() }),
      (error: unknown) => error instanceof UsageError && !error.message.includes('\n'),
    );
  });

  it('formatters are exported by name', () => {
    assert.deepEqual(Object.keys(FORMATTERS).sort(), ['github-actions', 'gitlab', 'html', 'json', 'junit', 'markdown', 'sarif', 'stylish']);
  });
});
