// Property-based tests: random mutations of the valid sample documents never crash the linter,
// every finding is well-formed, the exit code is 0, 1 or 2, JSON output parses, and the same
// input gives the same findings in the same order. In-process for many runs, through the CLI for a few.
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import fc from 'fast-check';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { findingProblem, lineLengths } from '../bench/lib/check-findings.js';
import { Engine } from '../src/core/engine/engine.js';
import { exitCodeFor } from '../src/core/results/exitCode.js';
import { builtinRulesetNames, loadRulesets } from '../src/core/config/rulesets.js';
import { INPUT_PROBLEM_CODES } from '../src/core/results/types.js';
import { DUPLICATE_KEY } from '../src/core/engine/engine.js';
import { FORMATTERS } from '../src/formatters/index.js';
import { DiagnosticSeverity } from '@stoplight/types';
import { REPO_ROOT, runCli, tempProject } from './helpers/cli.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const SAMPLES: Array<{ name: string; data: Json }> = readdirSync(join(REPO_ROOT, 'specs'))
  .filter((name) => builtinRulesetNames().includes(name))
  .flatMap((name) =>
    ['compliant.yaml', 'violating.yaml'].map((file) => ({
      name: `${name}/${file}`,
      data: parseYaml(readFileSync(join(REPO_ROOT, 'specs', name, file), 'utf8')) as Json,
    })),
  )
  .concat([
    { name: 'petstore-swagger2.json', data: JSON.parse(readFileSync(join(REPO_ROOT, 'specs', 'petstore-swagger2.json'), 'utf8')) as Json },
  ]);

/** Every path to a node of a document, in document order. */
function pathsOf(data: Json): Array<Array<string | number>> {
  const paths: Array<Array<string | number>> = [];
  const walk = (node: Json, path: Array<string | number>): void => {
    paths.push(path);
    if (Array.isArray(node)) for (const [i, child] of node.entries()) walk(child, [...path, i]);
    else if (typeof node === 'object' && node !== null) for (const [key, child] of Object.entries(node)) walk(child, [...path, key]);
  };
  walk(data, []);
  return paths;
}

function parentOf(root: Json, path: Array<string | number>): { parent: Json; key: string | number } | undefined {
  if (path.length === 0) return undefined;
  let node: Json = root;
  for (const segment of path.slice(0, -1)) node = (node as Record<string, Json>)[String(segment)] as Json;
  return { parent: node, key: path[path.length - 1]! };
}

type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'retype'; at: number; value: Json }
  | { kind: 'rename'; at: number; name: string }
  | { kind: 'duplicate'; at: number }
  | { kind: 'break-ref'; at: number; ref: string };

const BROKEN_REFS = [
  '#/nope',
  '#',
  '#/',
  'missing.yaml#/x',
  './',
  '../../../../etc/passwd',
  'http://example.invalid/x.yaml',
  '#/components/schemas/~2',
  '#/paths/%ZZ',
  '',
];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('retype' as const),
    at: fc.nat(),
    value: fc.oneof(fc.constantFrom<Json>(null, 0, -1, 1.5, true, '', 'x', [], {}), fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>),
  }),
  fc.record({
    kind: fc.constant('rename' as const),
    at: fc.nat(),
    name: fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom('$ref', 'openapi', 'swagger', 'paths', '/x/{id}', 'get', '200', 'x-lint-ignore', '__proto__', 'constructor'),
    ),
  }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('break-ref' as const),
    at: fc.nat(),
    ref: fc.oneof(fc.constantFrom(...BROKEN_REFS), fc.string({ maxLength: 12 })),
  }),
);

function applyMutation(data: Json, m: Mutation): Json {
  const copy = structuredClone(data);
  const paths = pathsOf(copy);
  const path = paths[m.at % paths.length]!;
  const place = parentOf(copy, path);
  if (m.kind === 'retype' && place === undefined) return m.value;
  if (place === undefined || typeof place.parent !== 'object' || place.parent === null) return copy;
  const parent = place.parent as Record<string, Json> & Json[];
  switch (m.kind) {
    case 'delete':
      if (Array.isArray(parent)) parent.splice(Number(place.key), 1);
      else delete parent[place.key];
      break;
    case 'retype':
      parent[place.key as number] = m.value;
      break;
    case 'rename':
      if (!Array.isArray(parent) && m.name !== String(place.key)) {
        Object.defineProperty(parent, m.name, { value: parent[place.key], enumerable: true, writable: true, configurable: true });
        delete parent[place.key];
      }
      break;
    case 'duplicate':
      if (Array.isArray(parent)) parent.splice(Number(place.key), 0, structuredClone(parent[Number(place.key)]!));
      else parent[`${String(place.key)}-copy`] = structuredClone(parent[place.key]!);
      break;
    case 'break-ref': {
      const target = parent[place.key as number];
      if (typeof target === 'object' && target !== null && !Array.isArray(target)) (target as Record<string, Json>)['$ref'] = m.ref;
      else parent[place.key as number] = { $ref: m.ref };
      break;
    }
  }
  return copy;
}

/** The mutated document as text: YAML or JSON, and sometimes with a line duplicated (duplicate keys) or cut short. */
const mutatedText = fc
  .record({
    sample: fc.nat({ max: SAMPLES.length - 1 }),
    mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }),
    json: fc.boolean(),
    text: fc.oneof(
      fc.constant({ kind: 'none' as const }),
      fc.record({ kind: fc.constantFrom('duplicate-line' as const, 'truncate' as const), at: fc.nat() }),
    ),
  })
  .map(({ sample, mutations, json, text }) => {
    const data = mutations.reduce(applyMutation, SAMPLES[sample]!.data);
    let content = json ? JSON.stringify(data, null, 2) : stringifyYaml(data);
    if (text.kind === 'duplicate-line') {
      const lines = content.split('\n');
      const at = text.at % lines.length;
      lines.splice(at, 0, lines[at]!);
      content = lines.join('\n');
    } else if (text.kind === 'truncate') {
      content = content.slice(0, text.at % (content.length + 1));
    }
    return {
      name: `${SAMPLES[sample]!.name} ${JSON.stringify(mutations)} ${json ? 'json' : 'yaml'} ${text.kind}`,
      extension: json ? 'json' : 'yaml',
      content,
    };
  });

describe('random mutations of the sample documents', async () => {
  const ruleset = await loadRulesets(builtinRulesetNames());
  const knownCodes = new Set([...Object.keys(ruleset.rules), ...INPUT_PROBLEM_CODES, DUPLICATE_KEY]);
  const project = tempProject();

  it('never crash the linter; findings are well-formed and the same, in the same order, every time', { timeout: 240_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(mutatedText, async ({ extension, content }) => {
        const source = join(project, `doc.${extension}`);
        const lint = () => new Engine({ ruleset, projectRoot: project }).lint([{ source, text: content }]);
        const report = await lint();
        const lengths = lineLengths(content);
        for (const finding of report.findings) {
          assert.equal(
            findingProblem(finding, (s) => (s === source ? lengths : undefined), knownCodes),
            undefined,
            JSON.stringify(finding),
          );
        }
        assert.ok([0, 1, 2].includes(exitCodeFor(report, DiagnosticSeverity.Error)));
        const json = FORMATTERS.json(report, {
          cwd: project,
          ruleset,
          failSeverity: DiagnosticSeverity.Error,
          color: false,
          docUrl: () => undefined,
        });
        assert.equal((JSON.parse(json) as unknown[]).length, report.findings.length);
        assert.deepEqual((await lint()).findings, report.findings);
      }),
      { numRuns: 150, includeErrorInReport: true },
    );
  });

  it('through the CLI: exit code 0, 1 or 2, JSON output that parses, the same output twice', { timeout: 240_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(mutatedText, async ({ extension, content }) => {
        const dir = tempProject({ [`doc.${extension}`]: content });
        const args = ['lint', `doc.${extension}`, '-f', 'json', ...builtinRulesetNames().flatMap((name) => ['-r', name])];
        const first = await runCli(args, { cwd: dir, timeoutMs: 60_000 });
        assert.ok(first.code === 0 || first.code === 1 || first.code === 2, `exit ${first.code}: ${first.stderr}`);
        assert.equal(first.stderr, '');
        assert.ok(Array.isArray(JSON.parse(first.stdout)));
        const second = await runCli(args, { cwd: dir, timeoutMs: 60_000 });
        assert.equal(second.stdout, first.stdout);
        assert.equal(second.code, first.code);
      }),
      { numRuns: 4 },
    );
  });
});
