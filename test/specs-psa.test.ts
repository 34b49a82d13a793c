// The psa sample documents: specs/psa/compliant.yaml follows the Groupe PSA standard and gives no
// finding; specs/psa/violating.yaml breaks every rule of rulesets/psa.yaml at least once.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { lint } from '../src/index.js';
import type { Finding } from '../src/index.js';
import { REPO_ROOT } from './helpers/cli.js';
import { rulesOf } from './helpers/rulesets.js';

const COMPLIANT = join(REPO_ROOT, 'specs', 'psa', 'compliant.yaml');
const VIOLATING = join(REPO_ROOT, 'specs', 'psa', 'violating.yaml');

function describeFinding(finding: Finding): string {
  return `${finding.code} at line ${finding.range.start.line + 1} (${finding.path.join('.')}): ${finding.message}`;
}

describe('specs/psa samples', () => {
  const psaRules = rulesOf('psa');

  it('rulesets/psa.yaml defines rules to check', () => {
    assert.ok(psaRules.length > 0);
    assert.ok(psaRules.every((id) => id.startsWith('psa-')));
  });

  it('compliant.yaml gives no finding with the psa ruleset', async () => {
    const report = await lint([COMPLIANT], { ruleset: 'psa', cwd: REPO_ROOT });
    assert.deepEqual(report.documents, [COMPLIANT]);
    assert.deepEqual(report.inputProblems.map(describeFinding), []);
    assert.deepEqual(report.findings.map(describeFinding), []);
  });

  it('violating.yaml gives at least one finding of every psa rule, and no input problem', async () => {
    const report = await lint([VIOLATING], { ruleset: 'psa', cwd: REPO_ROOT });
    assert.deepEqual(report.documents, [VIOLATING]);
    assert.deepEqual(report.inputProblems.map(describeFinding), []);
    const codes = new Set(report.findings.map((finding) => finding.code));
    assert.deepEqual(psaRules.filter((id) => !codes.has(id)), [], 'rules with no finding on violating.yaml');
    // The duplicate key is reported by psa-unique-keys, not by the parser; nothing comes from outside the ruleset.
    assert.deepEqual([...codes].filter((code) => !psaRules.includes(code)), [], 'findings from outside the psa ruleset');
  });
});
