// `recommended` is what the four standards agree on: no rule in it may fault a document that
// follows one of them. Each standard's compliant sample must pass it.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { lint } from '../src/index.js';
import { REPO_ROOT } from './helpers/cli.js';

describe('recommended contradicts none of the four standards', () => {
  for (const standard of ['psa', 'pmsipilot', 'redex', 'qualicharge']) {
    const sample = join(REPO_ROOT, 'specs', standard, 'compliant.yaml');
    it(`the compliant ${standard} sample passes recommended`, async () => {
      const report = await lint([sample], { ruleset: 'recommended', cwd: REPO_ROOT });
      assert.deepEqual(
        report.findings.map((f) => `${f.code} ${f.range.start.line + 1}: ${f.message}`),
        [],
      );
    });
  }
});
