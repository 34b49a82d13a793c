// docs/rules cannot drift from the rulesets: each page's header line and options table and the
// index's tables are written by "npm run docs" (scripts/rule-docs.ts) from the compiled rulesets
// and the functions' option schemas, and fail here when stale; what is written by hand and still
// depends on a ruleset (how to turn a rule off) is checked against it.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { parse } from 'yaml';
import { readRuleDoc } from '../src/core/docs.js';
import { defineRulesetFunction } from '../src/core/engine/rulesetFunction.js';
import { builtinRulesetFile, builtinRulesetNames } from '../src/core/config/rulesets.js';
import {
  DOCS_COMMAND,
  INDEX_FILE,
  docFiles,
  flowYaml,
  loadDocsModel,
  markers,
  renderHeader,
  renderIndexTable,
  renderOptions,
  yamlBlock,
} from '../scripts/rule-docs.js';
import type { Check, DocsModel, RuleModel, StalePart } from '../scripts/rule-docs.js';
import { REPO_ROOT } from './helpers/cli.js';

const model = await loadDocsModel();

function describeStale(stale: StalePart): string {
  return `${stale.file}:${stale.line}: the generated ${stale.part} is stale: run "${DOCS_COMMAND}"\n  expected: ${stale.expected}\n  found:    ${stale.found}`;
}

describe('the generated parts of docs/rules', () => {
  for (const doc of docFiles(model)) {
    it(`${doc.file} is up to date`, () => {
      if (doc.stale.length > 0) assert.fail(doc.stale.map(describeStale).join('\n'));
      assert.equal(doc.generated, doc.text);
    });
  }
});

interface RuleYaml {
  description: string;
  severity: string;
  then: { function: string; functionOptions?: unknown } | Array<{ function: string; functionOptions?: unknown }>;
}

describe('the docs model', () => {
  it('reads from the compiled rulesets what the ruleset files say', () => {
    for (const name of builtinRulesetNames()) {
      const yaml = parse(readFileSync(builtinRulesetFile(name), 'utf8')) as { rules: Record<string, RuleYaml> };
      assert.deepEqual(model.rulesets.get(name), Object.keys(yaml.rules), `${name}: the rules, in order`);
      for (const [id, rule] of Object.entries(yaml.rules)) {
        const docs = model.rules.get(id)!;
        assert.equal(docs.home, name, `${id} is defined in ${name}`);
        assert.deepEqual(docs.shippedIn, [{ ruleset: name, severity: rule.severity, description: rule.description }], id);
        const thens = Array.isArray(rule.then) ? rule.then : [rule.then];
        assert.deepEqual(
          docs.checks.map(({ functionName, options }) => ({ function: functionName, functionOptions: options })),
          thens.map((then) => ({ function: then.function, functionOptions: then.functionOptions })),
          `${id}: functions and options`,
        );
      }
    }
  });
});

const NAME_CASING: Check = {
  functionName: 'nameCasing',
  schema: {
    required: ['casing'],
    properties: {
      casing: { enum: ['camel', 'pascal'], description: '"camel" or "pascal".' },
      in: { type: 'array', items: { enum: ['query', 'header'] }, default: ['query'], description: 'The locations judged.' },
      methods: { type: 'array', items: { type: 'string' }, description: 'Only these methods (default: all).' },
      allow: { type: 'array', items: { type: 'string' }, description: 'Names that pass | as written.' },
      rows: {
        type: 'array',
        items: { type: 'object', required: ['path'], properties: { path: { type: 'string' }, rate: { type: 'string' } } },
        description: 'Rows of a table.',
      },
      renames: { type: 'object', additionalProperties: { type: 'string' }, description: 'Old names mapped to new ones.' },
    },
  },
  options: { casing: 'pascal', allow: ['_links', '_embedded', '_meta', '_templates', '_curies', '_forms', '_actions'] },
};

function ruleModel(overrides: Partial<RuleModel>): RuleModel {
  return {
    id: 'psa-example',
    home: 'psa',
    shippedIn: [{ ruleset: 'psa', severity: 'warn', description: 'A v<N> segment | or not.' }],
    checks: [NAME_CASING],
    ...overrides,
  };
}

describe('rendering', () => {
  it('a rule shipped by two rulesets at two severities shows both, and each index table its own', () => {
    const rule = ruleModel({
      shippedIn: [
        { ruleset: 'psa', severity: 'error', description: 'Strict.' },
        { ruleset: 'recommended', severity: 'warn', description: 'Lenient.' },
      ],
    });
    assert.equal(
      renderHeader(rule),
      '**Severity:** error in `psa`, warn in `recommended` · **Ruleset:** `psa`, `recommended` · **Function:** `nameCasing`',
    );
    const docs: DocsModel = {
      rulesets: new Map([
        ['psa', ['psa-example']],
        ['recommended', ['psa-example']],
      ]),
      rules: new Map([['psa-example', rule]]),
    };
    assert.match(
      renderIndexTable(docs, 'psa'),
      /^\| <a id="psa-example"><\/a>\[psa-example\]\(psa-example\.md\) \| error \| Strict\. \|$/m,
    );
    // The anchor is in the defining ruleset's table only: two would collide.
    assert.match(renderIndexTable(docs, 'recommended'), /^\| \[psa-example\]\(psa-example\.md\) \| warn \| Lenient\. \|$/m);
  });

  it('a rule shipped at one severity shows it once', () => {
    const rule = ruleModel({
      shippedIn: [
        { ruleset: 'psa', severity: 'warn', description: '' },
        { ruleset: 'recommended', severity: 'warn', description: '' },
      ],
    });
    assert.match(renderHeader(rule), /^\*\*Severity:\*\* warn · \*\*Ruleset:\*\* `psa`, `recommended` ·/);
  });

  it('index cells escape pipes and what Markdown would read as an HTML tag', () => {
    const docs: DocsModel = { rulesets: new Map([['psa', ['psa-example']]]), rules: new Map([['psa-example', ruleModel({})]]) };
    assert.match(renderIndexTable(docs, 'psa'), /\| A v\\<N> segment \\\| or not\. \|$/m);
  });

  it('the options table has every option of the schema, with its type, default, value in the rule and description', () => {
    const table = renderOptions(ruleModel({}));
    const rows = table.split('\n').filter((line) => line.startsWith('| `'));
    assert.deepEqual(rows, [
      '| `casing` | `\'camel\' \\| \'pascal\'` | required | `pascal` | "camel" or "pascal". |',
      "| `in` | `('query' \\| 'header')[]` | `[query]` | — | The locations judged. |",
      '| `methods` | `string[]` | all | — | Only these methods. |',
      '| `allow` | `string[]` | — | see below | Names that pass \\| as written. |',
      '| `rows` | `{ path, rate? }[]` | — | — | Rows of a table. |',
      '| `renames` | `Record<string, string>` | — | — | Old names mapped to new ones. |',
    ]);
    assert.ok(
      table.includes('`allow` in this rule:\n\n```yaml\nallow: [_links, _embedded, _meta, _templates, _curies, _forms, _actions]\n```'),
      table,
    );
  });

  it('a rule that passes no options says the defaults apply; a function without options says so', () => {
    assert.match(
      renderOptions(ruleModel({ checks: [{ ...NAME_CASING, options: undefined }] })),
      /^This rule passes no options: the defaults apply\./,
    );
    assert.equal(
      renderOptions(ruleModel({ checks: [{ functionName: 'openApiSchema', schema: null, options: undefined }] })),
      '`openApiSchema` takes no options.',
    );
  });

  it('a rule with two checks gets a table for each', () => {
    const table = renderOptions(ruleModel({ checks: [NAME_CASING, { functionName: 'openApiSchema', schema: null, options: undefined }] }));
    assert.match(table, /^The first check, `nameCasing`:\n\n\| option/);
    assert.match(table, /The second check, `openApiSchema`:\n\n`openApiSchema` takes no options\.$/);
  });

  it('option values and defaults read back as they are, on one line or in a block', () => {
    const values = [...model.rules.values()].flatMap((rule) =>
      rule.checks.flatMap((check) => [
        ...Object.entries(check.options ?? {}),
        ...Object.entries(check.schema?.properties ?? {}).flatMap(([name, property]) =>
          'default' in property ? [[name, property.default] as const] : [],
        ),
      ]),
    );
    assert.ok(values.length > 100, 'the rulesets pass options');
    for (const [name, value] of values) {
      assert.deepEqual(parse(flowYaml(value)), value, `${name} on one line`);
      const block = yamlBlock(name, value);
      assert.deepEqual(parse(block.replace(/^```yaml\n|\n```$/g, '')), { [name]: value }, block);
    }
  });

  it('an option the rule passes that the schema does not have is an error', () => {
    assert.throws(() => renderOptions(ruleModel({ checks: [{ ...NAME_CASING, options: { casing: 'camel', cassing: 'x' } }] })), /cassing/);
  });
});

describe('stale parts', () => {
  const rule = ruleModel({});
  const docs: DocsModel = { rulesets: new Map([['psa', ['psa-example']]]), rules: new Map([['psa-example', rule]]) };
  const options = markers('options');
  const index = markers('rules of psa');
  const page = (header: string, table: string) =>
    ['# psa-example', '', header, '', '## Options', '', options.begin, '', table, '', options.end, ''].join('\n');
  const readme = ['# apistyle rules', '', index.begin, '', renderIndexTable(docs, 'psa'), '', index.end, ''].join('\n');

  it('an up-to-date page is left as it is', () => {
    const [doc] = docFiles(docs, (file) => (file === INDEX_FILE ? readme : page(renderHeader(rule), renderOptions(rule))));
    assert.deepEqual(doc!.stale, []);
    assert.equal(doc!.generated, doc!.text);
  });

  it('a stale part is named, with the first line that differs', () => {
    const outdated = renderOptions(rule).replace('| `in` |', '| `locations` |');
    const [doc] = docFiles(docs, (file) => (file === INDEX_FILE ? readme : page('**Severity:** error · **Ruleset:** `psa`', outdated)));
    assert.deepEqual(
      doc!.stale.map(({ part, line }) => ({ part, line })),
      [
        { part: 'header', line: 3 },
        { part: 'options', line: 12 },
      ],
    );
    assert.equal(doc!.generated, page(renderHeader(rule), renderOptions(rule)));
  });

  it('a page without the markers says where they go', () => {
    assert.throws(
      () => docFiles(docs, (file) => (file === INDEX_FILE ? readme : `# psa-example\n\n${renderHeader(rule)}\n\n## Options\n`)),
      /docs\/rules\/psa-example\.md has no generated options: put the lines/,
    );
  });
});

describe('option defaults', () => {
  interface Options {
    casing: string;
    in?: string[];
    allow?: string[];
  }
  const seen: Array<Options | null> = [];
  const fn = defineRulesetFunction<unknown, Options | null>(
    {
      input: null,
      options: {
        type: ['object', 'null'],
        additionalProperties: false,
        properties: {
          casing: { type: 'string', default: 'camel', description: 'The casing.' },
          in: { type: 'array', items: { type: 'string' }, default: ['query'], description: 'The locations.' },
          allow: { type: 'array', items: { type: 'string' }, description: 'Names that pass.' },
        },
      },
    },
    function probe(_input, options) {
      seen.push(options);
      return [];
    },
  );
  const call = (options: Options | null) => fn(null, options as Options, {} as Parameters<typeof fn>[2]);

  it("the schema's defaults are what the function gets for the options a rule leaves out", async () => {
    seen.length = 0;
    await call({ casing: 'pascal' } as Options);
    await call(null);
    await call({ casing: 'pascal', in: ['header'], allow: ['_links'] });
    assert.deepEqual(seen, [
      { casing: 'pascal', in: ['query'] },
      { casing: 'camel', in: ['query'] },
      { casing: 'pascal', in: ['header'], allow: ['_links'] },
    ]);
  });
});

describe('pages as users read them', () => {
  it('"apistyle explain" and hovers show the generated parts without the comments that fence them', () => {
    const page = readRuleDoc('psa-fields-param')!;
    const { begin, end } = markers('options');
    assert.ok(readFileSync(join(REPO_ROOT, 'docs/rules/psa-fields-param.md'), 'utf8').includes(begin), 'the page has the fences');
    assert.ok(!page.includes(begin) && !page.includes(end) && !page.includes('<!--'), page);
    assert.match(page, /## Options\n\n\| option \| type \| default \| in this rule \| description \|\n/);
    assert.match(page, /\n```\n\n## Turning it off or changing severity\n/);
  });
});

describe('turning a rule off', () => {
  for (const rule of model.rules.values()) {
    const page = `docs/rules/${rule.id}.md`;
    it(`${page} extends a ruleset that ships the rule and changes its severity`, () => {
      const text = readFileSync(join(REPO_ROOT, page), 'utf8');
      const section = text.split('\n## Turning it off or changing severity\n')[1];
      assert.ok(section !== undefined, `${page}: no "## Turning it off or changing severity" section`);
      const extended = /^extends: \[([a-z0-9-]+)\]$/m.exec(section)?.[1];
      const shipped = rule.shippedIn.find((entry) => entry.ruleset === extended);
      assert.ok(
        shipped !== undefined,
        `${page}: "extends: [${extended}]" does not ship ${rule.id} (${rule.shippedIn.map((entry) => entry.ruleset).join(', ')} do)`,
      );
      const severity = new RegExp(`^  ${rule.id}: ([a-z]+)\\b`, 'm').exec(section)?.[1];
      assert.ok(severity !== undefined, `${page}: the example config does not set ${rule.id}`);
      assert.notEqual(severity, shipped.severity, `${page}: the example config sets ${rule.id} to ${severity}, its default in ${extended}`);
    });
  }
});
