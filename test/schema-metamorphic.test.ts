// Metamorphic test of "schemas are judged by what they mean, not how they are written"
// (RULES.md, decisions of 2026-12). Every rule fixture and sample spec is linted as written and
// again with each local schema `$ref` rewritten the way generators write it:
// - `allOf: [ref]` with a description sibling (every version);
// - OpenAPI 3.0's nullable wrapper `{nullable: true, oneOf: [ref]}` (3.0 documents);
// - 3.1's null branch `anyOf: [ref, {type: 'null'}]`, and the `$ref` with a description beside it
//   (3.1 documents);
// the rewritten document going YAML → JSON → YAML on the way. The findings must stay the same:
// same rule codes at the same paths, a path that runs through a rewritten node being cut at that
// node (the finding is about the same schema, wherever inside the wrapper it points). Rules about
// nullability are left aside: they alone see the null branch.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Ruleset } from '@stoplight/spectral-core';
import { describe, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { Engine, isInputProblem } from '../src/core/engine/engine.js';
import { builtinRulesetNames } from '../src/core/config/rulesets.js';
import { builtinRuleset } from './helpers/engine.js';
import { lintedText } from './helpers/fixtureMarkers.js';
import { rulesOf } from './helpers/rulesets.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Segment = string | number;
type Rewrite = 'allOf' | 'nullable' | 'nullBranch' | 'siblings';

/** Rules that judge nullability: the null branch of a wrapper is theirs to see. */
const NULLABILITY_RULES = new Set(['psa-no-nulls']);
const ROOT = join(import.meta.dirname, '..');
const FIXTURES = join(import.meta.dirname, 'fixtures', 'rules');

function isRecord(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A `$ref` to a schema of this document (`#/components/schemas/…`, `#/definitions/…`). */
function isSchemaRef(node: Json): boolean {
  return isRecord(node) && typeof node['$ref'] === 'string' && /^#\/(components\/schemas|definitions)\//.test(node['$ref']);
}

function wrap(ref: Json, rewrite: Rewrite): Json {
  if (rewrite === 'allOf') return { allOf: [ref], description: 'Wrapped as generators write it.' };
  if (rewrite === 'nullable') return { nullable: true, oneOf: [ref] };
  if (rewrite === 'siblings' && isRecord(ref)) return { ...ref, description: 'A 3.1 $ref with a sibling.' };
  return { anyOf: [ref, { type: 'null' }] };
}

/** The document with every schema `$ref` wrapped, and the paths of the wrapped nodes. */
function rewritten(document: Json, rewrite: Rewrite): { document: Json; wrapped: Set<string> } {
  const wrapped = new Set<string>();
  const walk = (node: Json, path: Segment[]): Json => {
    if (isSchemaRef(node)) {
      wrapped.add(JSON.stringify(path.map(String)));
      return wrap(node, rewrite);
    }
    if (Array.isArray(node)) return node.map((child, i) => walk(child, [...path, i]));
    if (!isRecord(node)) return node;
    // Examples are data, not schemas: a `$ref`-looking value there is not rewritten.
    return Object.fromEntries(
      Object.entries(node).map(([key, child]) => [key, key === 'example' || key === 'examples' ? child : walk(child, [...path, key])]),
    );
  };
  return { document: walk(document, []), wrapped };
}

/** A finding's path cut at the first wrapped node it runs through (segments as strings: `200` is a key). */
function cut(path: readonly Segment[], wrapped: Set<string>): string {
  const segments = path.map(String);
  for (let end = 0; end <= segments.length; end++) {
    const prefix = JSON.stringify(segments.slice(0, end));
    if (wrapped.has(prefix)) return prefix;
  }
  return JSON.stringify(segments);
}

interface Case {
  name: string;
  file: string;
  ruleset: string;
}

function cases(): Case[] {
  const found: Case[] = [];
  for (const rulesetName of builtinRulesetNames()) {
    for (const ruleId of rulesOf(rulesetName)) {
      const dir = join(FIXTURES, ruleId);
      if (!existsSync(dir)) continue;
      for (const file of readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f)))
        found.push({ name: `${ruleId}/${file}`, file: join(dir, file), ruleset: rulesetName });
    }
  }
  for (const ruleset of ['psa', 'pmsipilot', 'redex', 'qualicharge', 'recommended'])
    for (const sample of ['compliant', 'violating'])
      found.push({ name: `specs/${ruleset}/${sample}.yaml`, file: join(ROOT, 'specs', ruleset, `${sample}.yaml`), ruleset });
  for (const ruleset of ['recommended', 'psa'])
    found.push({ name: `specs/petstore-swagger2.json (${ruleset})`, file: join(ROOT, 'specs', 'petstore-swagger2.json'), ruleset });
  found.push({ name: 'specs/multi-file/openapi.yaml', file: join(ROOT, 'specs', 'multi-file', 'openapi.yaml'), ruleset: 'psa' });
  return found;
}

const engines = new Map<string, Engine>();
function engineFor(ruleset: Ruleset, name: string, file: string): Engine {
  const key = `${name}:${dirname(file)}`;
  let engine = engines.get(key);
  if (engine === undefined) {
    engine = new Engine({
      ruleset,
      projectRoot: dirname(file),
      readOverride: (path) => (path.endsWith('.json') ? lintedText(path) : undefined),
    });
    engines.set(key, engine);
  }
  return engine;
}

/** The findings of a text, as `code @ path` lines, nullability rules left aside. */
async function findings(engine: Engine, file: string, text: string, wrapped: Set<string>): Promise<string[] | undefined> {
  const linted = await engine.lintInput({ source: file, text });
  if (linted.findings.some(isInputProblem)) return undefined;
  return (
    linted.findings
      .filter((f) => !NULLABILITY_RULES.has(f.code))
      // Findings in the files a fixture references (not rewritten) must stay the same too.
      .map((f) =>
        f.source === file
          ? `${f.code} @ ${cut(f.path, wrapped)}`
          : `${f.code} in file:${relative(dirname(file), f.source)} @ ${JSON.stringify(f.path)}`,
      )
      .sort()
  );
}

function versionOf(document: Json): '2.0' | '3.0' | '3.1' | undefined {
  if (!isRecord(document)) return undefined;
  if (document['swagger'] === '2.0') return '2.0';
  const openapi = document['openapi'];
  if (typeof openapi !== 'string') return undefined;
  return openapi.startsWith('3.1') ? '3.1' : openapi.startsWith('3.0') ? '3.0' : undefined;
}

describe('schemas written as generators write them give the findings of the plain $ref', () => {
  for (const { name, file, ruleset } of cases()) {
    it(name, async () => {
      const loaded = await builtinRuleset(ruleset);
      const engine = engineFor(loaded, ruleset, file);
      const text = lintedText(file);
      let document: Json;
      try {
        document = parse(text, { uniqueKeys: false }) as Json;
      } catch {
        return; // a fixture of the parser's own findings
      }
      const version = versionOf(document);
      if (version === undefined) return;
      const rewrites: Rewrite[] = [
        'allOf',
        ...(version === '3.0' ? ['nullable' as const] : version === '3.1' ? ['nullBranch' as const, 'siblings' as const] : []),
      ];
      // The original is linted as YAML → JSON → YAML too, so only the rewrite differs.
      const plain = await findings(engine, file, stringify(JSON.parse(JSON.stringify(document))), new Set());
      if (plain === undefined) return;
      for (const rewrite of rewrites) {
        const { document: changed, wrapped } = rewritten(document, rewrite);
        if (wrapped.size === 0) continue;
        const expected: string[] = plain.map((line) => {
          if (line.includes(' in file:')) return line;
          const at = line.indexOf(' @ ');
          return `${line.slice(0, at)} @ ${cut(JSON.parse(line.slice(at + 3)) as Segment[], wrapped)}`;
        });
        const got = await findings(engine, file, stringify(JSON.parse(JSON.stringify(changed))), wrapped);
        assert.deepEqual(got, expected.sort(), `${relative(ROOT, file)} with schema $refs written as ${rewrite}`);
      }
    });
  }
});
