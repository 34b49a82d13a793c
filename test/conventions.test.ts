// Keeps rule ids, rulesets, functions, docs, fixtures and the catalog in step, one to one.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'vitest';
import ts from 'typescript';
import { parse } from 'yaml';
import { builtinRulesetFile, builtinRulesetNames } from '../src/core/config/rulesets.js';
import { ruleDocUrl } from '../src/core/docs.js';
import type { Finding } from '../src/core/results/types.js';
import type { Messages, MessageShapes } from '../src/core/engine/messages.js';
import { Engine } from '../src/core/engine/engine.js';
import { REPO_ROOT } from './helpers/cli.js';
import { builtinRuleset } from './helpers/engine.js';

interface RuleYaml {
  description?: string;
  message?: string;
  severity?: string;
  resolved?: boolean;
  then: { function: string } | Array<{ function: string }>;
  extensions?: { sections?: unknown };
}
interface RulesetYaml {
  functionsDir?: string;
  functions?: string[];
  rules: Record<string, RuleYaml>;
}

const rulesets = new Map(builtinRulesetNames().map((name) => [name, parse(readFileSync(builtinRulesetFile(name), 'utf8')) as RulesetYaml]));
const allRules = [...rulesets].flatMap(([name, ruleset]) =>
  Object.entries(ruleset.rules).map(([id, rule]) => ({ ruleset: name, id, rule })),
);
const functionFiles = readdirSync(join(REPO_ROOT, 'src/functions'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.slice(0, -3));
/** Every document of specs/ (the files a multi-file sample references are linted through it). */
const SAMPLE_SPECS = [
  ...builtinRulesetNames().flatMap((name) => ['compliant', 'violating'].map((sample) => join(REPO_ROOT, 'specs', name, `${sample}.yaml`))),
  join(REPO_ROOT, 'specs', 'petstore-swagger2.json'),
  join(REPO_ROOT, 'specs', 'multi-file', 'openapi.yaml'),
];
const CATALOG = join(REPO_ROOT, '..', 'shared', 'RULES.md');
/**
 * Rules the catalog's "Decisions of 2026-12" added, by the issue that builds them. The list only
 * shrinks: a rule on it that exists fails the test until it is taken off.
 */
const PENDING_CATALOG_RULES: Readonly<Record<string, number>> = {
  'psa-304-conditional-get': 19,
  'psa-403-reason': 19,
  'psa-200-entity': 19,
  'psa-put-no-echo': 19,
  'psa-produces-consumes': 19,
  'pmsi-400-for-body': 20,
  'redex-status-code-example': 20,
  'redex-200-body': 20,
  'redex-secured-401': 20,
  'redex-400-for-body': 20,
  'redex-404-for-item': 20,
};
const PREFIX: Record<string, string> = {
  psa: 'psa-',
  pmsipilot: 'pmsi-',
  redex: 'redex-',
  qualicharge: 'qualicharge-',
  recommended: 'recommended-',
};

function functionsOf(rule: RuleYaml): string[] {
  return (Array.isArray(rule.then) ? rule.then : [rule.then]).map((then) => then.function);
}

function isMessages(value: unknown): value is Messages<MessageShapes> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { functionName?: unknown }).functionName === 'string' &&
    typeof (value as { report?: unknown }).report === 'function'
  );
}

/** The `defineMessages` tables a function module exports. */
async function messagesOf(name: string): Promise<Array<Messages<MessageShapes>>> {
  const module = (await import(pathToFileURL(join(REPO_ROOT, 'src/functions', `${name}.ts`)).href)) as Record<string, unknown>;
  return Object.values(module).filter(isMessages);
}

/** Lines of object literals with a `message` property: a result built by hand, not by a message's `report`. */
function handBuiltResults(file: string): number[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const lines: number[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isObjectLiteralExpression(node) &&
      node.properties.some(
        (property) =>
          property.name !== undefined &&
          (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) &&
          property.name.text === 'message',
      )
    )
      lines.push(source.getLineAndCharacterOfPosition(node.getStart()).line + 1);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return lines;
}

describe('conventions', () => {
  for (const { ruleset, id, rule } of allRules) {
    it(`${id}: id, doc page, description, message, section, function`, () => {
      assert.ok(id.startsWith(PREFIX[ruleset] ?? `${ruleset}-`), `${id} carries its ruleset's prefix`);
      const doc = join(REPO_ROOT, 'docs/rules', `${id}.md`);
      assert.ok(existsSync(doc), `docs/rules/${id}.md exists`);
      const text = readFileSync(doc, 'utf8');
      assert.equal(text.split('\n')[0], `# ${id}`);
      for (const heading of ['## What it checks', '## Why', '## Standard sections', '## Interpretation', '## Examples']) {
        assert.ok(text.includes(heading), `${id} doc has "${heading}"`);
      }
      assert.match(ruleDocUrl(id) ?? '', new RegExp(`/docs/rules/${id}\\.md$`), 'findings link to the page');
      assert.ok(rule.description?.endsWith('.'), 'a one-line description');
      assert.equal(rule.message, '{{error}}', "the function's message is shown");
      assert.equal(rule.resolved, false, 'rules walk the document as written');
      assert.ok(Array.isArray(rule.extensions?.sections) && rule.extensions.sections.length > 0, 'names the section it encodes');
      for (const fn of functionsOf(rule)) {
        assert.ok(rulesets.get(ruleset)!.functions?.includes(fn), `${fn} is declared in functions:`);
        assert.ok(functionFiles.includes(fn), `src/functions/${fn}.ts exists`);
      }
    });
  }

  it('every function file is used by a ruleset and named like its function', () => {
    const used = new Set(allRules.flatMap(({ rule }) => functionsOf(rule)));
    for (const name of functionFiles) {
      assert.ok(used.has(name), `src/functions/${name}.ts is used`);
      assert.match(readFileSync(join(REPO_ROOT, 'src/functions', `${name}.ts`), 'utf8'), new RegExp(`function ${name}\\(`));
    }
  });

  it('src/functions holds rule functions only', async () => {
    for (const name of functionFiles) {
      const module = (await import(pathToFileURL(join(REPO_ROOT, 'src/functions', `${name}.ts`)).href)) as Record<string, unknown>;
      assert.equal(typeof module['default'], 'function', `src/functions/${name}.ts exports its rule function`);
    }
  });

  it('every rule function defines its messages with defineMessages, under its own name', async () => {
    for (const name of functionFiles) {
      const tables = await messagesOf(name);
      assert.deepEqual(
        tables.map((table) => table.functionName),
        [name],
        `src/functions/${name}.ts exports one defineMessages table, named "${name}"`,
      );
      const ids = Object.keys(tables[0]!.templates);
      assert.ok(ids.length > 0, `${name} has messages`);
      for (const id of ids) assert.match(id, /^[a-z][a-zA-Z0-9]*$/, `${name}: message id ${id} is camelCase`);
    }
  });

  it('no rule function builds a result by hand: each reports a message id and its parameters', () => {
    for (const name of functionFiles) {
      assert.deepEqual(
        handBuiltResults(join(REPO_ROOT, 'src/functions', `${name}.ts`)),
        [],
        `src/functions/${name}.ts builds {message, ...} objects (on these lines): report through its defineMessages table`,
      );
    }
  });

  it("every built-in rule's findings on the sample specs carry the data of its function's messages", async () => {
    const idsOf = new Map(
      await Promise.all(functionFiles.map(async (name) => [name, (await messagesOf(name))[0]?.templates ?? {}] as const)),
    );
    let checked = 0;
    for (const [name, ruleset] of rulesets) {
      const findings: Finding[] = [];
      const engine = new Engine({ ruleset: await builtinRuleset(name), projectRoot: REPO_ROOT });
      for (const file of SAMPLE_SPECS) findings.push(...(await engine.lintOne(file)));
      for (const finding of findings) {
        const rule = ruleset.rules[finding.code];
        // Input problems (parser, invalid-ref, not-openapi) come from no rule function.
        if (rule === undefined) continue;
        const where = `${finding.code} at ${finding.source}:${finding.range.start.line + 1} (${finding.message})`;
        assert.ok(finding.data !== undefined, `${where} carries data`);
        assert.ok(functionsOf(rule).includes(finding.data.function), `${where}: reported by ${finding.data.function}`);
        assert.ok(
          Object.hasOwn(idsOf.get(finding.data.function) ?? {}, finding.data.messageId),
          `${where}: ${finding.data.messageId} is a message of ${finding.data.function}`,
        );
        checked++;
      }
    }
    assert.ok(checked > 1000, `the samples give findings to check (${checked})`);
  });

  it('every function option is described and no unknown option is accepted', async () => {
    for (const name of functionFiles) {
      const module = (await import(pathToFileURL(join(REPO_ROOT, 'src/functions', `${name}.ts`)).href)) as {
        default: { schemas: { options: Record<string, unknown> | null } };
      };
      const options = module.default.schemas.options;
      if (options === null) continue;
      assert.equal(options['additionalProperties'], false, `${name}: additionalProperties: false`);
      for (const [option, schema] of Object.entries((options['properties'] ?? {}) as Record<string, { description?: string }>)) {
        const description = schema.description ?? '';
        assert.ok(description.length > 10, `${name}.${option} has a description`);
        // The docs' default column reads `default`, or else a closing "(default: …)" for a default
        // that is not a value ("all"); stated both ways, or elsewhere in the text, the two can drift.
        const inWords = /\(default\b/.test(description);
        assert.ok(
          !('default' in schema && inWords),
          `${name}.${option}: the default is in the schema's \`default\`, not also in the description`,
        );
        assert.ok(
          !inWords || /\(default: [^()]+\)\.$/.test(description),
          `${name}.${option}: a default in words closes the description as "(default: …)."`,
        );
      }
    }
  });

  it('docs/rules and test/fixtures/rules hold nothing for rules that do not exist', () => {
    const ids = new Set(allRules.map(({ id }) => id));
    const pages = readdirSync(join(REPO_ROOT, 'docs/rules'))
      .filter((f) => f !== 'README.md')
      .map((f) => f.replace(/\.md$/, ''));
    assert.deepEqual(
      pages.filter((page) => !ids.has(page)),
      [],
    );
    const fixtures = readdirSync(join(REPO_ROOT, 'test/fixtures/rules'));
    assert.deepEqual(
      fixtures.filter((dir) => !ids.has(dir)),
      [],
    );
    const index = readFileSync(join(REPO_ROOT, 'docs/rules/README.md'), 'utf8');
    for (const id of ids) assert.ok(index.includes(`id="${id}"`), `docs/rules/README.md has an anchor for ${id}`);
  });

  it("every catalog rule of a shipped ruleset exists, with the catalog's default severity", (context) => {
    context.skip(!existsSync(CATALOG), 'the rule catalog (../shared/RULES.md) is not beside this checkout');
    const catalog = readFileSync(CATALOG, 'utf8');
    const rows = [...catalog.matchAll(/^\| ((?:psa|pmsi|redex|qualicharge|recommended)-[a-z0-9-]+) \| (error|warn|info|hint) \|/gm)].map(
      (m) => ({ id: m[1]!, severity: m[2]! }),
    );
    assert.ok(rows.length > 0, 'catalog rows found');
    for (const [name, ruleset] of rulesets) {
      const expected = rows.filter((row) => row.id.startsWith(PREFIX[name]!));
      assert.ok(expected.length > 0, `the catalog lists rules for ${name}`);
      for (const { id, severity } of expected) {
        if (id in PENDING_CATALOG_RULES) {
          assert.ok(!(id in ruleset.rules), `${id} exists now: take it off PENDING_CATALOG_RULES`);
          continue;
        }
        assert.ok(id in ruleset.rules, `${name} defines ${id}`);
        assert.equal(ruleset.rules[id]!.severity, severity, `${id} severity`);
      }
    }
  });
});
