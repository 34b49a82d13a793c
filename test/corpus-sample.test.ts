// The corpus check of bench/corpus.js on a fixed sample that npm ci installs (the documents of the
// @readme/oas-examples devDependency and the sample specs), so it runs offline. Every built-in
// ruleset; each document within a time bound set by the harness (its process is killed past it).
import { strict as assert } from 'node:assert';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'vitest';
import { findingProblem, lineLengths } from '../bench/lib/check-findings.js';
import { lintCorpus } from '../bench/lib/corpus-run.js';
import type { CorpusDocument } from '../bench/lib/corpus-run.js';
import { builtinRulesetNames } from '../src/core/config/rulesets.js';
import { REPO_ROOT } from './helpers/cli.js';

function documentsUnder(root: string, dir: string = root): CorpusDocument[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return documentsUnder(root, path);
      return /\.(json|ya?ml)$/.test(name) ? [{ path, root, name: relative(REPO_ROOT, path) }] : [];
    });
}

const examples = join(REPO_ROOT, 'node_modules', '@readme', 'oas-examples');
const SAMPLE = [
  ...['2.0', '3.0', '3.1'].flatMap((version) => documentsUnder(examples, join(examples, version))),
  ...documentsUnder(join(REPO_ROOT, 'specs')),
];

describe('corpus sample: every document with every built-in ruleset', () => {
  it('has the whole sample (the devDependency is installed)', () => {
    assert.ok(SAMPLE.length >= 140, `${SAMPLE.length} documents`);
  });

  // All rulesets in one run, as a config listing them all: each document is read and parsed once.
  it('no crash, no unhandled rejection, no time-out, every finding with a known code and a range inside its file', async () => {
    const rulesets = builtinRulesetNames();
    const summary = await lintCorpus(SAMPLE, rulesets, { jobs: 2, timeoutMs: 60_000 });
    assert.deepEqual(summary.failures, []);
    // Every ruleset's rules ran (each ruleset's ids carry its prefix).
    const codes = Object.keys(summary.byCode);
    for (const ruleset of rulesets) {
      const prefix = ruleset === 'pmsipilot' ? 'pmsi-' : `${ruleset}-`;
      assert.ok(
        codes.some((code) => code.startsWith(prefix)),
        `no finding of ${ruleset}`,
      );
    }
    // The sample specs' own `$ref`s resolve; input problems come only from the examples' deliberate oddities.
    assert.ok(
      summary.inputProblems.every(([code]) => code !== 'linter-error'),
      JSON.stringify(summary.inputProblems),
    );
  });
});

describe('the corpus check itself', () => {
  const finding = {
    code: 'r1',
    message: 'm',
    path: [],
    severity: 0,
    source: 'a.yaml',
    range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } },
  };
  const lines = (source: string) => (source === 'a.yaml' ? lineLengths('first\r\nabc\n') : undefined);
  const known = new Set(['r1']);

  it('accepts a finding inside its file', () => {
    assert.equal(findingProblem(finding, lines, known), undefined);
  });

  it('flags an unknown code, a range past a line or the file, a reversed range, an unreadable source', () => {
    assert.match(findingProblem({ ...finding, code: 'r2' }, lines, known) ?? '', /unknown code "r2"/);
    assert.match(
      findingProblem({ ...finding, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } } }, lines, known) ?? '',
      /not inside/,
    );
    assert.match(
      findingProblem({ ...finding, range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } } }, lines, known) ?? '',
      /not inside/,
    );
    assert.match(
      findingProblem({ ...finding, range: { start: { line: 1, character: 2 }, end: { line: 1, character: 1 } } }, lines, known) ?? '',
      /not inside/,
    );
    assert.match(findingProblem({ ...finding, source: 'b.yaml' }, lines, known) ?? '', /cannot be read/);
  });
});
