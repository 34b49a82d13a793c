// Fixture-driven rule tests: every rule of every built-in ruleset has a folder
// test/fixtures/rules/<rule-id>/ with valid-*.yaml files (no finding of that rule) and
// invalid-*.yaml files in which each line where a finding of the rule must start ends with
// the comment `# expect`. Adding a rule means adding files, not test code.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { builtinRulesetNames } from '../src/core/rulesets.js';
import { lintWith } from './helpers/engine.js';
import { functionsOfRule, rulesOf } from './helpers/rulesets.js';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'rules');
const MARKER = /#\s*expect\s*$/;

function expectedLines(file: string): number[] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .flatMap((line, i) => (MARKER.test(line) ? [i + 1] : []));
}

for (const rulesetName of builtinRulesetNames()) {
  describe(`ruleset ${rulesetName}`, () => {
    for (const ruleId of rulesOf(rulesetName)) {
      const dir = join(FIXTURES, ruleId);
      const functions = functionsOfRule(rulesetName, ruleId);
      describe(ruleId, () => {
        const files = existsSync(dir)
          ? readdirSync(dir)
              .filter((f) => /\.(ya?ml|json)$/.test(f))
              .sort()
          : [];
        it('has valid and invalid fixtures', () => {
          assert.ok(
            files.some((f) => f.startsWith('valid')),
            `no valid-* fixture in ${dir}`,
          );
          assert.ok(
            files.some((f) => f.startsWith('invalid')),
            `no invalid-* fixture in ${dir}`,
          );
        });
        for (const file of files) {
          const path = join(dir, file);
          it(file, async () => {
            const findings = await lintWith(rulesetName, [path], dir);
            const problems = findings.filter(
              (f) => ['parser', 'invalid-ref', 'not-openapi', 'unreadable-file'].includes(f.code) && f.severity === 0,
            );
            assert.deepEqual(problems, [], 'fixture must be readable OpenAPI');
            const actual = [
              ...new Set(findings.filter((f) => f.code === ruleId && f.source === path).map((f) => f.range.start.line + 1)),
            ].sort((a, b) => a - b);
            for (const finding of findings.filter((f) => f.code === ruleId)) {
              assert.ok(
                finding.data !== undefined && functions.includes(finding.data.function),
                `"${finding.message}" carries the data of ${functions.join(' or ')} (message id and parameters)`,
              );
            }
            if (file.startsWith('valid')) {
              assert.deepEqual(actual, [], `expected no ${ruleId} finding`);
            } else {
              const expected = expectedLines(path);
              assert.ok(expected.length > 0, 'invalid fixture marks no line with "# expect"');
              assert.deepEqual(actual, expected, `${ruleId} findings start on these lines`);
            }
          });
        }
      });
    }
  });
}
