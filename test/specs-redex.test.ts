// The redex sample documents: specs/redex/compliant.yaml follows the REDEX API guidelines and
// gives no finding; specs/redex/violating.yaml breaks every rule of rulesets/redex.yaml at least once.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { lint } from '../src/index.js';
import type { Finding } from '../src/index.js';
import { REPO_ROOT } from './helpers/cli.js';
import { rulesOf } from './helpers/rulesets.js';

const COMPLIANT = join(REPO_ROOT, 'specs', 'redex', 'compliant.yaml');
const VIOLATING = join(REPO_ROOT, 'specs', 'redex', 'violating.yaml');

function describeFinding(finding: Finding): string {
  return `${finding.code} at line ${finding.range.start.line + 1} (${finding.path.join('.')}): ${finding.message}`;
}

describe('specs/redex samples', () => {
  const redexRules = rulesOf('redex');

  it('rulesets/redex.yaml defines rules to check', () => {
    assert.ok(redexRules.length > 0);
    assert.ok(redexRules.every((id) => id.startsWith('redex-')));
  });

  it('compliant.yaml gives no finding with the redex ruleset', async () => {
    const report = await lint([COMPLIANT], { ruleset: 'redex', cwd: REPO_ROOT });
    assert.deepEqual(report.documents, [COMPLIANT]);
    assert.deepEqual(report.inputProblems.map(describeFinding), []);
    assert.deepEqual(report.findings.map(describeFinding), []);
  });

  it('violating.yaml gives at least one finding of every redex rule, and no input problem', async () => {
    const report = await lint([VIOLATING], { ruleset: 'redex', cwd: REPO_ROOT });
    assert.deepEqual(report.documents, [VIOLATING]);
    assert.deepEqual(report.inputProblems.map(describeFinding), []);
    const codes = new Set(report.findings.map((finding) => finding.code));
    assert.deepEqual(redexRules.filter((id) => !codes.has(id)), [], 'rules with no finding on violating.yaml');
    assert.deepEqual([...codes].filter((code) => !redexRules.includes(code)), [], 'findings from outside the redex ruleset');
  });

  it('violating.yaml: the misspelt ItemPerPage of a collection GET is named, with the spelling meant', async () => {
    const report = await lint([VIOLATING], { ruleset: 'redex', cwd: REPO_ROOT });
    const pagination = report.findings.filter((finding) => finding.code === 'redex-pagination-params').map((finding) => finding.message);
    assert.ok(
      pagination.some((message) => message.startsWith('GET /v1/devices ') && message.includes('"ItemPerPage" should be "ItemsPerPage"')),
      pagination.join('\n'),
    );
  });
});
