// The stock Spectral CLI must run our rulesets unmodified and report exactly what apistyle reports.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'vitest';
import { looksLikeOpenApi } from '../src/core/parse/document.js';
import { builtinRulesetFile, builtinRulesetNames } from '../src/core/config/rulesets.js';
import { REPO_ROOT, runCli } from './helpers/cli.js';

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

  for (const name of builtinRulesetNames()) {
    it(`ruleset ${name}: same findings (code, path, severity) as spectral lint`, async () => {
      const spectral = spawnSync(
        process.execPath,
        [SPECTRAL, 'lint', '--ruleset', builtinRulesetFile(name), '--format', 'json', '--quiet', ...documents],
        {
          cwd: REPO_ROOT,
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
        },
      );
      assert.ok(
        spectral.stdout.trim().startsWith('['),
        `spectral printed: ${spectral.stdout.slice(0, 500)} ${spectral.stderr.slice(0, 500)}`,
      );
      const theirs = (JSON.parse(spectral.stdout) as JsonFinding[]).map(key).sort();

      const ours = await runCli(['lint', '--ruleset', name, '--format', 'json', ...documents]);
      assert.ok(ours.code === 0 || ours.code === 1, ours.stderr);
      const mine = (JSON.parse(ours.stdout) as JsonFinding[]).map(key).sort();

      assert.ok(mine.length > 0, 'the violating samples produce findings');
      assert.deepEqual(mine, theirs);
    });
  }
});
