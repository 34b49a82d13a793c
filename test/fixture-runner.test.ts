// The rule fixtures' runner can fail: deliberately wrong fixtures, written to a temporary folder,
// go through the same check as test/fixtures/rules (test/helpers/fixtureMarkers.ts), and each kind
// of mismatch must be reported with the message a maintainer needs to fix the fixture.
import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Ruleset, createRulesetFunction } from '@stoplight/spectral-core';
import type { RuleDefinition } from '@stoplight/spectral-core';
import { pattern } from '@stoplight/spectral-functions';
import { afterAll, describe, it } from 'vitest';
import { tempProject } from './helpers/cli.js';
import { builtinRuleset } from './helpers/engine.js';
import { checkFixture, stripJsonComments } from './helpers/fixtureMarkers.js';

const LOWERCASE = 'recommended-path-lowercase';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** Writes a fixture folder `<rule-id>/` with the files given and checks its first file. */
async function check(ruleset: Ruleset, ruleId: string, files: Record<string, string>): Promise<string[]> {
  const root = tempProject(Object.fromEntries(Object.entries(files).map(([path, text]) => [join(ruleId, path), text])));
  roots.push(root);
  return checkFixture(ruleset, ruleId, join(root, ruleId, Object.keys(files)[0]!));
}

/** A small OpenAPI 3.0 document; `paths` is YAML under `paths:` (line 7 is its first line). */
function yamlDocument(paths: string): string {
  return `openapi: 3.0.3\ninfo:\n  title: Test API\n  version: 1.0.0\nservers:\n  - url: https://api.example.com/v1\npaths:\n${paths}`;
}

const TWO_SEGMENTS = (markers: string): string =>
  yamlDocument(`  /Shop/gift_cards: ${markers}\n    get:\n      responses:\n        '200':\n          description: OK.\n`);

// A rule that reports inside the files a document references (it reads the resolved document),
// and one whose function throws: no built-in rule does either.
const TODO = 'fx-no-todo';
const BOOM = 'fx-boom';
const noTodo: RuleDefinition = {
  given: '$..description',
  severity: 'error',
  message: 'Description says TODO.',
  // biome-ignore lint/suspicious/noThenProperty: Spectral's rule shape; the object is never awaited
  then: { function: pattern, functionOptions: { notMatch: 'TODO' } },
};
const boom: RuleDefinition = {
  given: '$.info.title',
  severity: 'error',
  // biome-ignore lint/suspicious/noThenProperty: Spectral's rule shape; the object is never awaited
  then: {
    function: createRulesetFunction({ input: null, options: null }, function boom() {
      throw new Error('kaboom');
    }),
  },
};
const custom = new Ruleset({ rules: { [TODO]: noTodo, [BOOM]: boom } }, { severity: 'recommended' });
const noBoom = new Ruleset({ rules: { [TODO]: noTodo } }, { severity: 'recommended' });

const WITH_SHARED = (marker: string): string =>
  yamlDocument(`  /items:\n    get:\n      responses:\n        '200':\n          $ref: 'shared/responses.yaml#/Ok'${marker}\n`);

const lowercase = (): Promise<Ruleset> => builtinRuleset('recommended');
const segmentMessage = (segment: string, spelling: string): string =>
  JSON.stringify(`Path segment "${segment}" is not lowercase letters, digits and hyphens: write "${spelling}".`);
const SHOP = `${LOWERCASE} ${segmentMessage('Shop', 'shop')} at paths./Shop/gift_cards (8:4-8:8)`;
const GIFT_CARDS = `${LOWERCASE} ${segmentMessage('gift_cards', 'gift-cards')} at paths./Shop/gift_cards (8:9-8:19)`;
const MUST_LINT = 'a fixture must be read and linted without input problems or linter errors, whatever its rule';

/** A JSON document whose line 6 is the path `/Shop/gift_cards`, followed by `comment`. */
const JSON_DOCUMENT = (comment: string): string =>
  `{\n  "openapi": "3.0.3",\n  "info": {"title": "Test API", "version": "1.0.0"},\n  "servers": [{"url": "https://api.example.com/v1"}],\n  "paths": {\n    "/Shop/gift_cards": { ${comment}\n      "get": {"responses": {"200": {"description": "OK // not a comment"}}}\n    }\n  }\n}\n`;

describe('the fixture runner passes', () => {
  it('a fixture whose markers match its findings one for one', async () => {
    assert.deepEqual(await check(await lowercase(), LOWERCASE, { 'invalid-a.yaml': TWO_SEGMENTS('# expect # expect') }), []);
    assert.deepEqual(
      await check(await lowercase(), LOWERCASE, {
        'invalid-a.yaml': TWO_SEGMENTS(`# expect: "gift_cards" # expect: ${LOWERCASE} "\\"Shop\\""`),
      }),
      [],
    );
  });

  it('markers in a referenced file, for the findings there', async () => {
    assert.deepEqual(
      await check(noBoom, TODO, { 'invalid-a.yaml': WITH_SHARED(''), 'shared/responses.yaml': 'Ok:\n  description: TODO # expect\n' }),
      [],
    );
  });

  it('JSON fixtures and JSON referenced files, with // markers', async () => {
    assert.deepEqual(
      await check(await lowercase(), LOWERCASE, { 'invalid-a.json': JSON_DOCUMENT('// expect: "Shop" // expect: "gift_cards"') }),
      [],
    );
    assert.deepEqual(
      await check(noBoom, TODO, {
        'invalid-a.json': `{\n  "openapi": "3.0.3",\n  "info": {"title": "Test API", "version": "1.0.0"},\n  "paths": {\n    "/items": {"get": {"responses": {"200": {"$ref": "shared/responses.json#/Ok"}}}}\n  }\n}\n`,
        'shared/responses.json': '{\n  // a whole-line comment is removed too\n  "Ok": {\n    "description": "TODO" // expect\n  }\n}\n',
      }),
      [],
    );
  });

  it('strips JSON comments outside strings only, keeping every line', () => {
    assert.equal(
      stripJsonComments('{\n  "a": "x // y", // expect\n  // note\n  "b": "\\" //" // z\n}\n'),
      '{\n  "a": "x // y",\n\n  "b": "\\" //"\n}\n',
    );
  });
});

describe('the fixture runner fails, saying where and why', () => {
  it('a line with more findings than markers', async () => {
    assert.deepEqual(await check(await lowercase(), LOWERCASE, { 'invalid-a.yaml': TWO_SEGMENTS('# expect') }), [
      `${LOWERCASE}/invalid-a.yaml:8: expected 1 finding, found 2\n  ok: marker \`# expect\` matches ${SHOP}\n  finding with no marker: ${GIFT_CARDS}`,
    ]);
  });

  it('a line with more markers than findings', async () => {
    assert.deepEqual(await check(await lowercase(), LOWERCASE, { 'invalid-a.yaml': TWO_SEGMENTS('# expect # expect # expect') }), [
      `${LOWERCASE}/invalid-a.yaml:8: expected 3 findings, found 2\n  ok: marker \`# expect\` matches ${GIFT_CARDS}\n  ok: marker \`# expect\` matches ${SHOP}\n  marker \`# expect\` expects a ${LOWERCASE} finding: none is left to match it`,
    ]);
  });

  it('a marker naming the wrong rule', async () => {
    assert.deepEqual(
      await check(await lowercase(), LOWERCASE, { 'invalid-a.yaml': TWO_SEGMENTS('# expect # expect: recommended-no-verbs-in-path') }),
      [
        `${LOWERCASE}/invalid-a.yaml:8: expected 2 findings, found 2, but they do not match\n  ok: marker \`# expect\` matches ${SHOP}\n  marker \`# expect: recommended-no-verbs-in-path\` expects a recommended-no-verbs-in-path finding: none is left to match it\n  finding with no marker: ${GIFT_CARDS}`,
      ],
    );
  });

  it("a marker for the folder's rule where only another rule reports", async () => {
    assert.deepEqual(await check(await lowercase(), 'recommended-no-verbs-in-path', { 'invalid-a.yaml': TWO_SEGMENTS('# expect') }), [
      `recommended-no-verbs-in-path/invalid-a.yaml:8: expected 1 finding, found 0\n  marker \`# expect\` expects a recommended-no-verbs-in-path finding: none is left to match it\n  not counted, no marker names their rule: ${SHOP}; ${GIFT_CARDS}`,
    ]);
  });

  it('a marker whose message fragment is not in the message', async () => {
    assert.deepEqual(
      await check(await lowercase(), LOWERCASE, { 'invalid-a.yaml': TWO_SEGMENTS('# expect: "Shop" # expect: "giftcards"') }),
      [
        `${LOWERCASE}/invalid-a.yaml:8: expected 2 findings, found 2, but they do not match\n  ok: marker \`# expect: "Shop"\` matches ${SHOP}\n  marker \`# expect: "giftcards"\` expects a ${LOWERCASE} finding whose message contains "giftcards": none is left to match it\n  finding with no marker: ${GIFT_CARDS}`,
      ],
    );
  });

  it("a finding in a referenced file that has no marker there (the $ref's line does not count)", async () => {
    assert.deepEqual(
      await check(noBoom, TODO, { 'invalid-a.yaml': WITH_SHARED(' # expect'), 'shared/responses.yaml': 'Ok:\n  description: TODO\n' }),
      [
        `${TODO}/invalid-a.yaml:12: expected 1 finding, found 0\n  marker \`# expect\` expects a ${TODO} finding: none is left to match it`,
        `${TODO}/shared/responses.yaml:2: expected 0 findings, found 1\n  finding with no marker: ${TODO} "Description says TODO." at Ok.description (2:16-2:20)`,
      ],
    );
  });

  it('a marker in a referenced file with no finding', async () => {
    assert.deepEqual(
      await check(noBoom, TODO, {
        'invalid-a.yaml': WITH_SHARED(''),
        'shared/responses.yaml': 'Ok: # expect\n  description: TODO # expect\n',
      }),
      [
        `${TODO}/shared/responses.yaml:1: expected 1 finding, found 0\n  marker \`# expect\` expects a ${TODO} finding: none is left to match it`,
      ],
    );
  });

  it('a linter-error, whichever rule threw, even in a valid fixture', async () => {
    assert.deepEqual(await check(custom, TODO, { 'valid-a.yaml': yamlDocument('  {}\n') }), [
      `${TODO}/valid-a.yaml:3: linter-error "rule \\"${BOOM}\\" did not run here: its function \\"boom\\" threw: kaboom" at info.title (3:10-3:18): ${MUST_LINT}`,
    ]);
  });

  it('a parser error, an invalid $ref, a document that is not OpenAPI', async () => {
    const broken = await check(await lowercase(), LOWERCASE, { 'valid-a.yaml': `${yamlDocument('  {}\n')}  - broken: [\n` });
    assert.ok(
      broken.length > 0 && broken.every((problem) => problem.startsWith(`${LOWERCASE}/valid-a.yaml:`) && problem.includes(' parser "')),
      broken.join('\n'),
    );
    assert.deepEqual(
      (await check(noBoom, TODO, { 'valid-a.yaml': WITH_SHARED('') })).map((problem) =>
        problem.replace(/(invalid-ref ").*(" at)/, '$1…$2'),
      ),
      [`${TODO}/valid-a.yaml:12: invalid-ref "…" at paths./items.get.responses.200.$ref (12:17-12:44): ${MUST_LINT}`],
    );
    assert.deepEqual(await check(await lowercase(), LOWERCASE, { 'valid-a.yaml': 'title: not an API\n' }), [
      `${LOWERCASE}/valid-a.yaml:1: not-openapi ${JSON.stringify('is not an OpenAPI document: it has no top-level "openapi" or "swagger" key')} at (document) (1:1-1:1): ${MUST_LINT}`,
    ]);
  });

  it('a duplicate key with no marker, whatever the rule', async () => {
    const duplicated = (marker: string): string =>
      yamlDocument('  {}\n').replace('  version: 1.0.0\n', `  version: 1.0.0\n  version: 1.0.1${marker}\n`);
    assert.deepEqual(await check(await lowercase(), LOWERCASE, { 'valid-a.yaml': duplicated('') }), [
      `${LOWERCASE}/valid-a.yaml:5: expected 0 findings, found 1\n  finding with no marker: duplicate-key "Duplicate key: version" at info.version (5:3-5:10)`,
    ]);
    assert.deepEqual(await check(await lowercase(), LOWERCASE, { 'valid-a.yaml': duplicated(' # expect: duplicate-key') }), []);
  });

  it('a valid fixture with a finding of its rule, or a marker of it', async () => {
    assert.deepEqual(await check(await lowercase(), LOWERCASE, { 'valid-a.yaml': TWO_SEGMENTS('# expect # expect') }), [
      `${LOWERCASE}/valid-a.yaml: a valid-* fixture must give no ${LOWERCASE} finding; it gives 2`,
      `${LOWERCASE}/valid-a.yaml: a valid-* fixture cannot expect a ${LOWERCASE} finding: remove the 2 markers at ${LOWERCASE}/valid-a.yaml:8, ${LOWERCASE}/valid-a.yaml:8`,
    ]);
  });

  it('an invalid fixture that expects nothing', async () => {
    assert.deepEqual(await check(await lowercase(), LOWERCASE, { 'invalid-a.yaml': yamlDocument('  {}\n') }), [
      `${LOWERCASE}/invalid-a.yaml: an invalid-* fixture must expect at least one ${LOWERCASE} finding (a line ending in \`# expect\`)`,
    ]);
  });

  it('a marker it cannot read, or one that is not a comment', async () => {
    const unreadable = await check(await lowercase(), LOWERCASE, {
      'invalid-a.yaml': TWO_SEGMENTS(`# expect ${LOWERCASE} # expect: "Shop`),
    });
    assert.equal(
      unreadable[0],
      `${LOWERCASE}/invalid-a.yaml:8: unreadable marker \`# expect ${LOWERCASE} # expect: "Shop\`: "${LOWERCASE} # expect: "Shop" is not a marker; write \`# expect\`, \`# expect: <rule-id>\`, \`# expect: "<message fragment>"\` or \`# expect: <rule-id> "<message fragment>"\`, one marker per finding`,
    );
    assert.match(
      (await check(await lowercase(), LOWERCASE, { 'invalid-a.yaml': TWO_SEGMENTS('# expect # expect: "Shop') }))[0] ?? '',
      /invalid-a\.yaml:8: unreadable marker .*: the message fragment has no closing quote$/,
    );
    const inScalar = yamlDocument(
      "  /Shop: # expect\n    get:\n      description: |\n        text # expect\n      responses:\n        '200':\n          description: OK.\n",
    );
    assert.deepEqual(await check(await lowercase(), LOWERCASE, { 'invalid-a.yaml': inScalar }), [
      `${LOWERCASE}/invalid-a.yaml:11: "# expect" marks nothing here: a marker must begin a comment (this one is inside a string or a block scalar, or after other comment text)`,
    ]);
  });

  it('a wrong marker in a JSON fixture', async () => {
    assert.deepEqual(
      await check(await lowercase(), LOWERCASE, {
        'invalid-a.json': JSON_DOCUMENT('// expect: "Shop"').replace('"openapi": "3.0.3",', '"openapi": "3.0.3", // expect'),
      }),
      [
        `${LOWERCASE}/invalid-a.json:2: expected 1 finding, found 0\n  marker \`// expect\` expects a ${LOWERCASE} finding: none is left to match it`,
        `${LOWERCASE}/invalid-a.json:6: expected 1 finding, found 2\n  ok: marker \`// expect: "Shop"\` matches ${SHOP.replace('(8:4-8:8)', '(6:7-6:11)')}\n  finding with no marker: ${GIFT_CARDS.replace('(8:9-8:19)', '(6:12-6:22)')}`,
      ],
    );
  });
});
