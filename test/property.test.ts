// Property-based tests: random mutations of the valid sample documents never crash the linter
// (no `linter-error`: every rule judges every node, every broken `$ref` is an `invalid-ref` where
// it is written), every finding is well-formed, the exit code is 0, 1 or 2, JSON output parses,
// and the same input gives the same findings in the same order. In-process for many runs, through
// the CLI for a few.
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

/** What a `break-ref` mutation writes as `$ref`: a string as given, a value that is not a string, or a pointer built from the document. */
type RefSpec =
  | { kind: 'text'; ref: string }
  | { kind: 'value'; value: Json }
  /** A pointer to another node of the document (a recursive one when it is an ancestor). */
  | { kind: 'node'; at: number; encode: boolean }
  /** A `$ref` that names itself: a chain with no value. */
  | { kind: 'self' }
  /** Two `$ref`s that name each other. */
  | { kind: 'cycle'; at: number };

type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'retype'; at: number; value: Json }
  | { kind: 'rename'; at: number; name: string }
  | { kind: 'duplicate'; at: number }
  | { kind: 'break-ref'; at: number; ref: RefSpec };

/** Every kind of broken `$ref` a user can write; the linter must report each at the `$ref` and lint the rest. */
const BROKEN_REFS = [
  // Missing targets, local and in other files.
  '#/nope',
  '#/components/schemas/Nope',
  '#/paths/~1nope/get',
  'missing.yaml#/x',
  'missing.yaml',
  'doc.yaml#/nope',
  // The whole document, a directory, itself as a file.
  '#',
  '#/',
  '',
  './',
  '.',
  'doc.yaml',
  'doc.json',
  // Outside the project, and remote.
  '../../../../etc/passwd',
  '../outside.yaml#/x',
  '/etc/hosts',
  'file:///etc/passwd',
  'http://example.invalid/x.yaml',
  'https://example.invalid/x.yaml#/a',
  'urn:x:y',
  // Malformed percent-encoding, in the pointer and in the file part.
  'a%[b',
  '%',
  '%E0%A4%A',
  '#/components/schemas/%',
  '#/paths/%ZZ',
  '#/%C0%AF',
  'missing%zz.yaml#/x',
  // Pointer syntax errors.
  '#components',
  '#components/schemas',
  '#/a~2b',
  '#/components/schemas/~2',
  '#/components/schemas/~',
  '#//',
  '##/a',
  '#/a#/b',
  // Into a file the project holds: a target there, a missing one, a bad pointer, a chain with no value.
  'shared.yaml#/components/schemas/Name',
  'shared.yaml#/components/schemas/Nope',
  'shared.yaml#/components/schemas/%',
  'shared.yaml#components',
  'shared.yaml#/components/schemas/Loop',
  'shared.yaml#/components/schemas/Broken',
  'shared.yaml#/components/schemas/Back',
  'shared.yaml#/components/schemas/Tree',
  // Odd but well-formed.
  '#/paths/~1x%7Bid%7D',
  ' #/components ',
  '\\server\\share',
  '?x=1',
];

const refSpec: fc.Arbitrary<RefSpec> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('text' as const), ref: fc.constantFrom(...BROKEN_REFS) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('text' as const), ref: fc.string({ maxLength: 12 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('value' as const),
      value: fc.constantFrom<Json>(null, 0, 42, true, [], ['#/a'], {}, { $ref: '#/a' }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('node' as const), at: fc.nat(), encode: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('self' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cycle' as const), at: fc.nat() }) },
);

/** A JSON pointer (`#/a/b~1c`) to a path, percent-encoded as in a URI or written as it is. */
function pointerTo(path: Array<string | number>, encode = true): string {
  const segments = path.map((segment) => {
    const escaped = String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
    return encode ? encodeURIComponent(escaped).replace(/%7E/gi, '~') : escaped;
  });
  return segments.length === 0 ? '#' : `#/${segments.join('/')}`;
}

function isPrefix(prefix: Array<string | number>, path: Array<string | number>): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => String(segment) === String(path[i]));
}

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
  fc.record({ kind: fc.constant('break-ref' as const), at: fc.nat(), ref: refSpec }),
);

/** Sets `$ref` on the object at `path` (kept with its other keys), or replaces a non-object there with `{ $ref }`. */
function setRef(root: Json, path: Array<string | number>, ref: Json): void {
  const place = parentOf(root, path);
  if (place === undefined || typeof place.parent !== 'object' || place.parent === null) return;
  const parent = place.parent as Record<string, Json>;
  const target = parent[place.key];
  if (typeof target === 'object' && target !== null && !Array.isArray(target)) target['$ref'] = ref;
  else parent[place.key] = { $ref: ref };
}

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
      const spec = m.ref;
      if (spec.kind === 'text') setRef(copy, path, spec.ref);
      else if (spec.kind === 'value') setRef(copy, path, spec.value);
      else if (spec.kind === 'self') setRef(copy, path, pointerTo(path));
      else if (spec.kind === 'node') setRef(copy, path, pointerTo(paths[spec.at % paths.length]!, spec.encode));
      else {
        const other = paths[spec.at % paths.length]!;
        // Two nodes where neither holds the other: each becomes a `$ref` to the other.
        if (other.length === 0 || isPrefix(other, path) || isPrefix(path, other)) setRef(copy, path, pointerTo(path));
        else {
          setRef(copy, path, pointerTo(other));
          const otherPlace = parentOf(copy, other)!;
          (otherPlace.parent as Record<string, Json>)[otherPlace.key] = { $ref: pointerTo(path) };
        }
      }
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

/** A file the mutated documents may `$ref`: a good target, and targets that are broken in each way a `$ref` can be. */
const SHARED = `components:
  schemas:
    Name:
      type: string
    Loop:
      $ref: '#/components/schemas/Loop'
    Broken:
      $ref: 'a%[b'
    Back:
      $ref: 'doc.yaml#/components/schemas/Nope'
    Tree:
      type: object
      properties:
        children:
          type: array
          items:
            $ref: '#/components/schemas/Tree'
`;

describe('random mutations of the sample documents', async () => {
  const ruleset = await loadRulesets(builtinRulesetNames());
  // A `linter-error` is the linter giving up on a node: a bug, never a known outcome.
  const knownCodes = new Set([
    ...Object.keys(ruleset.rules),
    ...INPUT_PROBLEM_CODES.filter((code) => code !== 'linter-error'),
    DUPLICATE_KEY,
  ]);
  const project = tempProject({ 'shared.yaml': SHARED });
  const shared = join(project, 'shared.yaml');
  const sharedLengths = lineLengths(SHARED);

  // One engine lints every document, as the language server's does; every tenth document is linted
  // again by a fresh engine, which must agree: state carried from earlier documents (or an order
  // that changes from run to run) shows up as a difference.
  // 1,000 runs take about 30 s of CPU; the budget leaves room for a machine shared with other work.
  const sharedEngine = new Engine({ ruleset, projectRoot: project });
  let runs = 0;
  it('never crash the linter; findings are well-formed and the same, in the same order, every time', { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(mutatedText, async ({ extension, content }) => {
        const source = join(project, `doc.${extension}`);
        const lint = (engine: Engine) => engine.lint([{ source, text: content }]);
        const report = await lint(sharedEngine);
        const lengths = lineLengths(content);
        const linesOf = (file: string) => (file === source ? lengths : file === shared ? sharedLengths : undefined);
        assert.deepEqual(
          report.findings.filter((finding) => finding.code === 'linter-error'),
          [],
        );
        for (const finding of report.findings) {
          assert.equal(findingProblem(finding, linesOf, knownCodes), undefined, JSON.stringify(finding));
          // A broken `$ref` is reported at the `$ref` itself.
          if (finding.code === 'invalid-ref') assert.equal(finding.path[finding.path.length - 1], '$ref', JSON.stringify(finding));
        }
        assert.ok([0, 1, 2].includes(exitCodeFor(report, DiagnosticSeverity.Error)));
        const json = FORMATTERS.json(report, {
          cwd: project,
          rules: ruleset.rules,
          failSeverity: DiagnosticSeverity.Error,
          color: false,
          docUrl: () => undefined,
        });
        assert.equal((JSON.parse(json) as unknown[]).length, report.findings.length);
        runs += 1;
        if (runs % 10 === 0) assert.deepEqual((await lint(new Engine({ ruleset, projectRoot: project }))).findings, report.findings);
      }),
      { numRuns: 1000, includeErrorInReport: true },
    );
  });

  it('through the CLI: exit code 0, 1 or 2, JSON output that parses, the same output twice', { timeout: 240_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(mutatedText, async ({ extension, content }) => {
        const dir = tempProject({ [`doc.${extension}`]: content, 'shared.yaml': SHARED });
        const args = ['lint', `doc.${extension}`, '-f', 'json', ...builtinRulesetNames().flatMap((name) => ['-r', name])];
        const first = await runCli(args, { cwd: dir, timeoutMs: 60_000 });
        assert.ok(first.code === 0 || first.code === 1 || first.code === 2, `exit ${first.code}: ${first.stderr}`);
        assert.equal(first.stderr, '');
        const findings = JSON.parse(first.stdout) as Array<{ code: string }>;
        assert.ok(Array.isArray(findings));
        assert.deepEqual(
          findings.filter((finding) => finding.code === 'linter-error'),
          [],
        );
        const second = await runCli(args, { cwd: dir, timeoutMs: 60_000 });
        assert.equal(second.stdout, first.stdout);
        assert.equal(second.code, first.code);
      }),
      { numRuns: 4 },
    );
  });
});
