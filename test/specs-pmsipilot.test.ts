// The pmsipilot sample documents: specs/pmsipilot/compliant.yaml follows the PMSIpilot response
// specification and gives no finding; specs/pmsipilot/violating.yaml breaks every rule of
// rulesets/pmsipilot.yaml at least once.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { lint } from '../src/index.js';
import type { Finding } from '../src/index.js';
import { REPO_ROOT } from './helpers/cli.js';
import { rulesOf } from './helpers/rulesets.js';

const COMPLIANT = join(REPO_ROOT, 'specs', 'pmsipilot', 'compliant.yaml');
const VIOLATING = join(REPO_ROOT, 'specs', 'pmsipilot', 'violating.yaml');

function describeFinding(finding: Finding): string {
  return `${finding.code} at line ${finding.range.start.line + 1} (${finding.path.join('.')}): ${finding.message}`;
}

describe('specs/pmsipilot samples', () => {
  const pmsiRules = rulesOf('pmsipilot');

  it('rulesets/pmsipilot.yaml defines rules to check', () => {
    assert.ok(pmsiRules.length > 0);
    assert.ok(pmsiRules.every((id) => id.startsWith('pmsi-')));
  });

  it('compliant.yaml gives no finding with the pmsipilot ruleset', async () => {
    const report = await lint([COMPLIANT], { ruleset: 'pmsipilot', cwd: REPO_ROOT });
    assert.deepEqual(report.documents, [COMPLIANT]);
    assert.deepEqual(report.inputProblems.map(describeFinding), []);
    assert.deepEqual(report.findings.map(describeFinding), []);
  });

  it('violating.yaml gives at least one finding of every pmsipilot rule, and no input problem', async () => {
    const report = await lint([VIOLATING], { ruleset: 'pmsipilot', cwd: REPO_ROOT });
    assert.deepEqual(report.documents, [VIOLATING]);
    assert.deepEqual(report.inputProblems.map(describeFinding), []);
    const codes = new Set(report.findings.map((finding) => finding.code));
    assert.deepEqual(pmsiRules.filter((id) => !codes.has(id)), [], 'rules with no finding on violating.yaml');
    assert.deepEqual([...codes].filter((code) => !pmsiRules.includes(code)), [], 'findings from outside the pmsipilot ruleset');
  });
});
