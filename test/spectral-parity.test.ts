// The stock Spectral CLI must run our rulesets unmodified and report exactly what apistyle reports.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'vitest';
import { looksLikeOpenApi } from '../src/core/parse/document.js';
import { builtinRulesetFile, builtinRulesetNames } from '../src/core/config/rulesets.js';
import { REPO_ROOT, runCli, tempProject } from './helpers/cli.js';

interface JsonFinding {
  code: string;
  path: Array<string | number>;
  severity: number;
  source: string;
}

function specDocuments(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return specDocuments(path);
      return /\.(ya?ml|json)$/.test(entry.name) && looksLikeOpenApi(readFileSync(path, 'utf8')) ? [path] : [];
    })
    .sort();
}

function key(finding: JsonFinding): string {
  return JSON.stringify([relative(REPO_ROOT, finding.source), finding.code, finding.path.map(String), finding.severity]);
}

const SPECTRAL = join(REPO_ROOT, 'node_modules', '@stoplight', 'spectral-cli', 'dist', 'index.js');
const documents = specDocuments(join(REPO_ROOT, 'specs'));

describe('stock Spectral CLI parity on specs/', () => {
  it('specs/ has documents to compare', () => assert.ok(documents.length >= 2));

  // One run on each side with every built-in ruleset: stock Spectral reads them unmodified through a
  // ruleset file that extends each one by path, as a team's own ruleset would. Rule ids carry their
  // ruleset's prefix, so each finding still names the ruleset it came from.
  it('every built-in ruleset: the same findings (code, path, severity) as spectral lint', async () => {
    const names = builtinRulesetNames();
    const dir = tempProject({
      '.spectral.yaml': `extends:\n${names.map((name) => `  - ${JSON.stringify(builtinRulesetFile(name))}`).join('\n')}\n`,
    });
    const spectral = spawn(
      process.execPath,
      [SPECTRAL, 'lint', '--ruleset', join(dir, '.spectral.yaml'), '--format', 'json', '--quiet', ...documents],
      { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let spectralOut = '';
    let spectralErr = '';
    spectral.stdout.setEncoding('utf8').on('data', (chunk: string) => (spectralOut += chunk));
    spectral.stderr.setEncoding('utf8').on('data', (chunk: string) => (spectralErr += chunk));
    const spectralDone = new Promise<void>((done) => spectral.on('close', () => done()));

    const ours = await runCli(['lint', ...names.flatMap((name) => ['--ruleset', name]), '--format', 'json', ...documents]);
    await spectralDone;
    assert.ok(spectralOut.trim().startsWith('['), `spectral printed: ${spectralOut.slice(0, 500)} ${spectralErr.slice(0, 500)}`);
    const theirs = (JSON.parse(spectralOut) as JsonFinding[]).map(key).sort();
    assert.ok(ours.code === 0 || ours.code === 1, ours.stderr);
    const mine = (JSON.parse(ours.stdout) as JsonFinding[]).map(key).sort();

    for (const name of names) {
      const prefix = JSON.stringify(name === 'pmsipilot' ? 'pmsi-' : `${name}-`).slice(0, -1);
      assert.ok(
        mine.some((k) => k.includes(`,${prefix}`)),
        `the violating samples produce findings of ${name}`,
      );
    }
    assert.deepEqual(mine, theirs);
  });
});
