// The sample documents of each standard: specs/<ruleset>/compliant.yaml follows the standard and
// gives no finding with its ruleset; specs/<ruleset>/violating.yaml breaks every rule of it at
// least once, and gives no input problem.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { lint } from '../src/index.js';
import type { Finding } from '../src/index.js';
import { REPO_ROOT } from './helpers/cli.js';
import { rulesOf } from './helpers/rulesets.js';

function describeFinding(finding: Finding): string {
  return `${finding.code} at line ${finding.range.start.line + 1} (${finding.path.join('.')}): ${finding.message}`;
}

async function findingsOf(
  ruleset: string,
  sample: 'compliant' | 'violating',
): Promise<{ file: string; report: Awaited<ReturnType<typeof lint>> }> {
  const file = join(REPO_ROOT, 'specs', ruleset, `${sample}.yaml`);
  return { file, report: await lint([file], { ruleset, cwd: REPO_ROOT }) };
}

for (const ruleset of ['psa', 'pmsipilot', 'redex', 'qualicharge']) {
  describe(`specs/${ruleset} samples`, () => {
    const rules = rulesOf(ruleset);

    it(`compliant.yaml gives no finding with the ${ruleset} ruleset`, async () => {
      const { file, report } = await findingsOf(ruleset, 'compliant');
      assert.deepEqual(report.documents, [file]);
      assert.deepEqual(report.findings.map(describeFinding), []);
    });

    it(`violating.yaml gives at least one finding of every ${ruleset} rule, and no input problem`, async () => {
      const { report } = await findingsOf(ruleset, 'violating');
      assert.deepEqual(report.inputProblems.map(describeFinding), []);
      const codes = new Set(report.findings.map((finding) => finding.code));
      assert.ok(rules.length > 0);
      assert.deepEqual(
        rules.filter((id) => !codes.has(id)),
        [],
        'rules with no finding on violating.yaml',
      );
      assert.deepEqual(
        [...codes].filter((code) => !rules.includes(code)),
        [],
        `findings from outside the ${ruleset} ruleset`,
      );
    });
  });
}

describe("sample findings that show a rule's interpretation", () => {
  it('multi-file: a $ref from one referenced file into another is followed (the page envelope comes from schemas.yaml through responses.yaml)', async () => {
    const file = join(REPO_ROOT, 'specs', 'multi-file', 'openapi.yaml');
    const report = await lint([file], { ruleset: 'psa', cwd: REPO_ROOT });
    assert.deepEqual(report.findings.filter((f) => f.code === 'psa-pagination-envelope').map(describeFinding), []);
  });

  it('redex: the misspelt ItemPerPage of a collection GET is named, with the spelling meant', async () => {
    const { report } = await findingsOf('redex', 'violating');
    const messages = report.findings.filter((f) => f.code === 'redex-pagination-params').map((f) => f.message);
    assert.ok(
      messages.some((m) => m.startsWith('GET /v1/devices ') && m.includes('"ItemPerPage" should be "ItemsPerPage"')),
      messages.join('\n'),
    );
  });

  it('qualicharge: a table path matches the document path written without its trailing slash', async () => {
    const { report } = await findingsOf('qualicharge', 'violating');
    const messages = report.findings.filter((f) => f.code === 'qualicharge-rate-limit-policy').map((f) => f.message);
    assert.ok(
      messages.some((m) => m.startsWith('POST /statique:') && m.includes('write rate: 1 r/s')),
      messages.join('\n'),
    );
  });
});
