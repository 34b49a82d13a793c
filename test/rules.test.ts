// Fixture-driven rule tests: every rule of every built-in ruleset has a folder
// test/fixtures/rules/<rule-id>/ of valid-* and invalid-* documents (.yaml, .yml or .json).
// Adding a rule means adding files, not test code.
//
// Markers say where findings start. A marker is a comment at the end of the line the finding
// starts on (YAML `#`, JSON `//`):
//
//   # expect                       one finding of the folder's rule
//   # expect: <rule-id>            one finding of that rule (another rule's, where it matters)
//   # expect: "<fragment>"         one finding of the folder's rule whose message contains the fragment
//   # expect: <rule-id> "<fragment>"
//
// One marker is one finding: a line with two findings ends in two markers
// (`# expect # expect`, or `# expect: "GET" # expect: "DELETE"`). A fragment is a JSON string
// (`"segment \"Shop\""`), matched case-sensitively. Anything else that begins a comment with
// `expect` is an unreadable marker and fails the test.
//
// A fixture passes when, on every line of it and of every file it `$ref`s (a `shared/` file
// holds its own markers, which hold for every fixture that references it):
// - each finding of the folder's rule has its marker, and each marker its finding: same line,
//   same count, the rule and fragment the marker names;
// - another rule's findings are counted only on lines where a marker names that rule, except
//   `duplicate-key` (the parser's), which needs its marker wherever it is;
// - nothing is an input problem (`parser`, `invalid-ref`, `not-openapi`, `unreadable-file`) or a
//   `linter-error`, whatever the rule, whatever the severity;
// - a valid-* fixture gives no finding of the folder's rule, an invalid-* one at least one.
// JSON has no comments: the runner lints the text with its `//` comments removed and its line
// breaks kept (test/helpers/fixtureMarkers.ts says why). A finding that looks wrong but is not
// this test's to fix gets its marker and, on the line above, a `# known wrong: <why>` comment.
// test/fixture-runner.test.ts proves that each kind of mismatch fails, with which message.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { builtinRulesetNames } from '../src/core/config/rulesets.js';
import { builtinRuleset } from './helpers/engine.js';
import { lintFixture } from './helpers/fixtureMarkers.js';
import { functionsOfRule, rulesOf } from './helpers/rulesets.js';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'rules');

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
          // The name decides what a fixture must give: any other name would be taken for invalid.
          assert.deepEqual(
            files.filter((f) => !/^(in)?valid-/.test(f)),
            [],
            'fixtures are named valid-* or invalid-*',
          );
        });
        for (const file of files) {
          it(file, async () => {
            const { mismatches, findings } = await lintFixture(await builtinRuleset(rulesetName), ruleId, join(dir, file));
            if (mismatches.length > 0) assert.fail(`${mismatches.length} mismatch(es):\n${mismatches.join('\n')}`);
            for (const finding of findings.filter((f) => f.code === ruleId)) {
              assert.ok(
                finding.data !== undefined && functions.includes(finding.data.function),
                `"${finding.message}" carries the data of ${functions.join(' or ')} (message id and parameters)`,
              );
            }
          });
        }
      });
    }
  });
}
