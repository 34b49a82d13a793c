// The Failing and Passing examples of every rule page run: a Failing example yields findings of the
// page's rule (on exactly the lines it marks `# reported`, when it marks any), a Passing example
// none. docs/rules/README.md says how an example becomes a document.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { Engine } from '../src/core/engine/engine.js';
import { builtinRulesetNames, loadRuleset } from '../src/core/config/rulesets.js';
import type { Finding } from '../src/core/results/types.js';
import { isInputProblem } from '../src/core/results/findings.js';
import { REPO_ROOT } from './helpers/cli.js';
import { docExamples, exampleDocument } from './helpers/docExamples.js';
import type { DocExample } from './helpers/docExamples.js';
import { rulesOf } from './helpers/rulesets.js';

const engines = new Map<string, Promise<Engine>>();

function engineFor(ruleset: string): Promise<Engine> {
  let engine = engines.get(ruleset);
  if (engine === undefined) {
    engine = loadRuleset(ruleset).then((loaded) => new Engine({ ruleset: loaded, projectRoot: REPO_ROOT }));
    engines.set(ruleset, engine);
  }
  return engine;
}

/** A `$ref` to a component the example leaves out stands for a component it does not detail. */
function isLeftOut(finding: Finding): boolean {
  return finding.code === 'invalid-ref' && /^'#\/[^']*' does not exist$/.test(finding.message);
}

const where = (page: string, exampleLine: number, line: number) => `${page}:${exampleLine + line - 1}`;

describe('an example becomes a document', () => {
  it('a fragment gets openapi, info and paths after its own lines', () => {
    const fragment = 'components:\n  schemas:\n    Customer: {type: object}';
    const document = exampleDocument(fragment);
    assert.ok(document.startsWith(`${fragment}\n`), 'the fragment keeps its line numbers');
    assert.match(document, /^openapi: 3\.0\.3$/m);
    assert.match(document, /^info: /m);
    assert.match(document, /^paths: \{\}$/m);
  });

  it('a document keeps its version and paths', () => {
    const document = exampleDocument("swagger: '2.0'\npaths:\n  /customers: {}");
    assert.doesNotMatch(document, /openapi|paths: \{\}/);
    assert.match(document, /^info: /m);
  });

  it('a list is not an example', () => {
    assert.throws(() => exampleDocument('- name: limit\n  in: query'), /a YAML mapping/);
  });

  it('examples are read under their Failing or Passing paragraph, with the lines they mark', () => {
    const page = [
      '## Examples',
      '',
      'Failing:',
      '',
      '```yaml',
      'paths:',
      '  /customer: {}   # reported: "customers"',
      '```',
      '',
      '```yaml',
      'paths: {}',
      '```',
      '',
      'Passing (the plural):',
      '',
      '```yaml',
      'paths:',
      '  /customers: {}  # not reported',
      '```',
      '',
      '## Options',
      '',
      '```yaml',
      'not: an example',
      '```',
    ].join('\n');
    assert.deepEqual(
      docExamples(page, 'page.md').map(({ kind, line, marked }) => ({ kind, line, marked })),
      [
        { kind: 'failing', line: 6, marked: [2] },
        { kind: 'failing', line: 11, marked: [] },
        { kind: 'passing', line: 17, marked: [] },
      ],
    );
    assert.throws(() => docExamples('## Examples\n\n```yaml\npaths: {}\n```\n', 'page.md'), /page\.md:3: a YAML block before any/);
  });
});

for (const ruleset of builtinRulesetNames()) {
  describe(`examples of the ${ruleset} rules`, () => {
    for (const id of rulesOf(ruleset)) {
      const page = `docs/rules/${id}.md`;
      let examples: DocExample[] = [];
      let unreadable: unknown;
      try {
        examples = docExamples(readFileSync(join(REPO_ROOT, page), 'utf8'), page);
      } catch (error) {
        unreadable = error;
      }

      it(`${page} has a Failing and a Passing example`, () => {
        if (unreadable !== undefined) throw unreadable;
        assert.ok(
          examples.some((example) => example.kind === 'failing'),
          `${page}: no Failing example`,
        );
        assert.ok(
          examples.some((example) => example.kind === 'passing'),
          `${page}: no Passing example`,
        );
      });

      for (const example of examples) {
        it(`${where(page, example.line, 1)}: the ${example.kind === 'failing' ? 'Failing' : 'Passing'} example`, async () => {
          const source = join(REPO_ROOT, `${page}.example-${example.line}.yaml`);
          const findings = await (await engineFor(ruleset)).lintOne({ source, text: exampleDocument(example.text) });
          const problems = findings.filter((finding) => isInputProblem(finding) && !isLeftOut(finding));
          assert.deepEqual(
            problems.map((problem) => `${where(page, example.line, problem.range.start.line + 1)}: ${problem.code}: ${problem.message}`),
            [],
            'the example is not a readable OpenAPI document',
          );
          const own = findings.filter((finding) => finding.code === id && finding.source === source);
          const lines = [...new Set(own.map((finding) => finding.range.start.line + 1))].sort((a, b) => a - b);
          const found = own.map((finding) => `${where(page, example.line, finding.range.start.line + 1)}: ${finding.message}`).join('\n');
          if (example.kind === 'passing') {
            assert.deepEqual(example.marked, [], `${page}: a Passing example marks lines "# reported"`);
            assert.deepEqual(lines, [], `a Passing example yields ${id} findings:\n${found}`);
          } else if (example.marked.length > 0) {
            assert.deepEqual(
              lines.map((line) => where(page, example.line, line)),
              example.marked.map((line) => where(page, example.line, line)),
              `the lines marked "# reported" are not those of the ${id} findings:\n${found || '(no finding)'}`,
            );
          } else {
            assert.ok(lines.length > 0, `${where(page, example.line, 1)}: the Failing example yields no ${id} finding`);
          }
        });
      }
    }
  });
}
