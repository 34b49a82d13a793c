import { it } from 'vitest';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, REPO_ROOT, runCli, tempProject } from './helpers/cli.js';
import { describeWithTool, isInstalled, NEOVIM, toolMissingMessage } from './helpers/externalTools.js';

interface NeovimDiagnostic {
  code: string;
  source: string;
  severity: number;
  lnum: number;
  col: number;
  message: string;
}

interface JsonFinding {
  code: string;
  message: string;
  severity: number;
  range: { start: { line: number; character: number } };
}

const INIT = join(REPO_ROOT, 'test', 'fixtures', 'neovim', 'init.lua');
describeWithTool(NEOVIM, 'a real editor: headless Neovim with its built-in LSP client', () => {
  it('receives the findings apistyle lint reports for the same file', { timeout: 120_000 }, async () => {
    assert.ok(isInstalled(NEOVIM), toolMissingMessage(NEOVIM));
    const violating = readFileSync(join(REPO_ROOT, 'specs', 'psa', 'violating.yaml'), 'utf8');
    const project = tempProject({ 'apistyle.config.yaml': 'extends: [psa]\n', 'api.yaml': violating });
    const output = join(project, 'received.json');
    const run = spawnSync('nvim', ['--headless', '--clean', '-u', INIT], {
      cwd: project,
      env: {
        ...process.env,
        APISTYLE_NODE: process.execPath,
        APISTYLE_CLI: CLI,
        APISTYLE_DOCUMENT: join(project, 'api.yaml'),
        APISTYLE_OUTPUT: output,
      },
      encoding: 'utf8',
      timeout: 100_000,
    });
    assert.equal(run.status, 0, `nvim: ${run.stderr}`);
    const received = JSON.parse(readFileSync(output, 'utf8')) as { received: boolean; diagnostics: NeovimDiagnostic[] };
    assert.equal(received.received, true, 'Neovim got diagnostics');

    const cli = JSON.parse((await runCli(['lint', 'api.yaml', '-f', 'json'], { cwd: project })).stdout) as JsonFinding[];
    // Neovim numbers severities as the protocol does (1 error … 4 hint), Spectral from 0.
    const fromCli = cli.map((f) => JSON.stringify([f.code, f.severity + 1, f.range.start.line, f.range.start.character, f.message])).sort();
    const inNeovim = received.diagnostics.map((d) => JSON.stringify([d.code, d.severity, d.lnum, d.col, d.message])).sort();
    assert.ok(fromCli.length > 20);
    assert.deepEqual(inNeovim, fromCli);
    assert.ok(received.diagnostics.every((d) => d.source === 'apistyle'));
  });
});
