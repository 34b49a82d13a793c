// The QualiCharge sample documents: specs/qualicharge/compliant.yaml follows the QualiCharge API
// usage guide and gives no finding; specs/qualicharge/violating.yaml breaks every rule of
// rulesets/qualicharge.yaml at least once.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { lint } from '../src/index.js';
import type { Finding } from '../src/index.js';
import { REPO_ROOT } from './helpers/cli.js';
import { rulesOf } from './helpers/rulesets.js';

const COMPLIANT = join(REPO_ROOT, 'specs', 'qualicharge', 'compliant.yaml');
const VIOLATING = join(REPO_ROOT, 'specs', 'qualicharge', 'violating.yaml');

function describeFinding(finding: Finding): string {
  return `${finding.code} at line ${finding.range.start.line + 1} (${finding.path.join('.')}): ${finding.message}`;
}

describe('specs/qualicharge samples', () => {
  const qualichargeRules = rulesOf('qualicharge');

  it('rulesets/qualicharge.yaml defines rules to check', () => {
    assert.ok(qualichargeRules.length > 0);
    assert.ok(qualichargeRules.every((id) => id.startsWith('qualicharge-')));
  });

  it('compliant.yaml gives no finding with the qualicharge ruleset', async () => {
    const report = await lint([COMPLIANT], { ruleset: 'qualicharge', cwd: REPO_ROOT });
    assert.deepEqual(report.documents, [COMPLIANT]);
    assert.deepEqual(report.inputProblems.map(describeFinding), []);
    assert.deepEqual(report.findings.map(describeFinding), []);
  });

  it('violating.yaml gives at least one finding of every qualicharge rule, and no input problem', async () => {
    const report = await lint([VIOLATING], { ruleset: 'qualicharge', cwd: REPO_ROOT });
    assert.deepEqual(report.documents, [VIOLATING]);
    assert.deepEqual(report.inputProblems.map(describeFinding), []);
    const codes = new Set(report.findings.map((finding) => finding.code));
    assert.deepEqual(qualichargeRules.filter((id) => !codes.has(id)), [], 'rules with no finding on violating.yaml');
    assert.deepEqual([...codes].filter((code) => !qualichargeRules.includes(code)), [], 'findings from outside the qualicharge ruleset');
  });

  it('violating.yaml: a table path matches the document path written without its trailing slash', async () => {
    const report = await lint([VIOLATING], { ruleset: 'qualicharge', cwd: REPO_ROOT });
    const policy = report.findings.filter((finding) => finding.code === 'qualicharge-rate-limit-policy').map((finding) => finding.message);
    assert.ok(
      policy.some((message) => message.startsWith('POST /statique:') && message.includes('(table: 1 r/s)')),
      policy.join('\n'),
    );
  });
});
