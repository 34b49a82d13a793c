import { strict as assert } from 'node:assert';
import { describe, it } from 'vitest';
import { runCli, tempProject } from './helpers/cli.js';

/**
 * Two operations that take input but document no 4XX (recommended-4xx-for-input, on each
 * operation), a local schema and a schema in another file with a snake_case property
 * (psa-property-camel-case), and a server PSA's URL rule rejects (psa-server-url-structure, at the root).
 */
function api(edit: (text: string) => string = (text) => text): string {
  return edit(`openapi: 3.0.3
info:
  title: Test API
  version: 1.0.0
servers:
  - url: https://api.example.com/v1
paths:
  /customers:
    get:
      parameters:
        - name: q
          in: query
          schema:
            type: string
      responses:
        '200':
          description: The customers.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Customer'
  /orders:
    get:
      parameters:
        - name: q
          in: query
          schema:
            type: string
      responses:
        '200':
          description: The orders.
          content:
            application/json:
              schema:
                $ref: 'schemas.yaml#/Order'
components:
  schemas:
    Customer:
      type: object
      properties:
        first_name:
          type: string
`);
}

const SCHEMAS = `Order:
  type: object
  properties:
    order_number:
      type: string
`;

interface JsonFinding {
  code: string;
  path: string[];
  severity: number;
  source: string;
}

async function findings(files: Record<string, string>, extraArgs: string[] = []): Promise<{ codes: string[]; all: JsonFinding[] }> {
  const dir = tempProject({ 'schemas.yaml': SCHEMAS, ...files });
  const run = await runCli(['lint', 'api.yaml', '-r', 'recommended', '-r', 'psa', '-f', 'json', ...extraArgs], { cwd: dir });
  assert.ok(run.code === 0 || run.code === 1, `exit ${run.code}: ${run.stderr}`);
  const all = JSON.parse(run.stdout) as JsonFinding[];
  // "code at the first two path segments after paths", enough to tell the findings apart.
  const codes = all.map((f) => `${f.code} ${f.path.slice(0, 3).join('.')}`).sort();
  return { codes, all };
}

const ALL = [
  'psa-cache-headers paths./customers.get',
  'psa-cache-headers paths./orders.get',
  'psa-property-camel-case components.schemas.Customer',
  'psa-property-camel-case paths./orders.get',
  'psa-server-url-structure servers.0.url',
  'recommended-4xx-for-input paths./customers.get',
  'recommended-4xx-for-input paths./orders.get',
];

const without = (...removed: string[]): string[] => ALL.filter((entry) => !removed.includes(entry));

describe('x-lint-ignore in the documents', () => {
  it('without an ignore extension, every finding is reported', async () => {
    assert.deepEqual((await findings({ 'api.yaml': api() })).codes, ALL);
  });

  it('on an operation, a single id silences that rule on that operation only', async () => {
    const doc = api((t) =>
      t.replace('  /customers:\n    get:\n', '  /customers:\n    get:\n      x-lint-ignore: recommended-4xx-for-input\n'),
    );
    assert.deepEqual((await findings({ 'api.yaml': doc })).codes, without('recommended-4xx-for-input paths./customers.get'));
  });

  it('on a schema reached by $ref, a list of ids silences them where the schema is defined', async () => {
    const doc = api((t) =>
      t.replace('    Customer:\n', '    Customer:\n      x-lint-ignore: [psa-property-camel-case, psa-cache-headers]\n'),
    );
    // psa-cache-headers is reported on the operations, not under the schema: it stays.
    assert.deepEqual((await findings({ 'api.yaml': doc })).codes, without('psa-property-camel-case components.schemas.Customer'));
  });

  it('at the root, an id silences the rule in the whole document', async () => {
    const doc = api((t) =>
      t.replace('openapi: 3.0.3\n', 'openapi: 3.0.3\nx-lint-ignore:\n  - psa-server-url-structure\n  - recommended-4xx-for-input\n'),
    );
    assert.deepEqual(
      (await findings({ 'api.yaml': doc })).codes,
      without(
        'psa-server-url-structure servers.0.url',
        'recommended-4xx-for-input paths./customers.get',
        'recommended-4xx-for-input paths./orders.get',
      ),
    );
  });

  it('x-zally-ignore is read too', async () => {
    const doc = api((t) =>
      t.replace('  /orders:\n    get:\n', '  /orders:\n    get:\n      x-zally-ignore: [recommended-4xx-for-input]\n'),
    );
    assert.deepEqual((await findings({ 'api.yaml': doc })).codes, without('recommended-4xx-for-input paths./orders.get'));
  });

  it("on a schema in a $ref'd file, it silences the finding reported at the $ref", async () => {
    const schemas = SCHEMAS.replace('Order:\n', 'Order:\n  x-lint-ignore: psa-property-camel-case\n');
    assert.deepEqual(
      (await findings({ 'api.yaml': api(), 'schemas.yaml': schemas })).codes,
      without('psa-property-camel-case paths./orders.get'),
    );
  });

  it('beside a $ref, it silences what is reported at that $ref, not the shared definition a local $ref points at', async () => {
    const doc = api((t) =>
      t
        .replace("$ref: 'schemas.yaml#/Order'", "$ref: 'schemas.yaml#/Order'\n                x-lint-ignore: psa-property-camel-case")
        .replace(
          "$ref: '#/components/schemas/Customer'",
          "$ref: '#/components/schemas/Customer'\n                x-lint-ignore: psa-property-camel-case",
        ),
    );
    assert.deepEqual((await findings({ 'api.yaml': doc })).codes, without('psa-property-camel-case paths./orders.get'));
  });

  it('an ignore extension naming another rule silences nothing', async () => {
    const doc = api((t) => t.replace('    Customer:\n', '    Customer:\n      x-lint-ignore: psa-some-other-rule\n'));
    assert.deepEqual((await findings({ 'api.yaml': doc })).codes, ALL);
  });

  it('suppressed findings are counted in the summary, listed with --report-suppressed, and do not fail the run', async () => {
    const doc = api((t) =>
      t.replace(
        'openapi: 3.0.3\n',
        'openapi: 3.0.3\nx-lint-ignore: [psa-server-url-structure, psa-cache-headers, recommended-4xx-for-input, psa-property-camel-case]\n',
      ),
    );
    const dir = tempProject({ 'api.yaml': doc, 'schemas.yaml': SCHEMAS });
    const plain = await runCli(['lint', 'api.yaml', '-r', 'recommended', '-r', 'psa', '-F', 'warn'], { cwd: dir });
    // Even the finding about schemas.yaml is reported in api.yaml (at the $ref), under its root.
    assert.equal(plain.code, 0, plain.stdout);
    assert.match(plain.stdout, /No problems found in 1 file\. 7 findings suppressed in the documents\./);
    assert.doesNotMatch(plain.stdout, /Suppressed in the documents/);
    const listed = await runCli(['lint', 'api.yaml', '-r', 'recommended', '-r', 'psa', '--report-suppressed'], { cwd: dir });
    assert.match(listed.stdout, /Suppressed in the documents \(x-lint-ignore\):\n\napi\.yaml\n( {2}.*\n){7}\n/);
    assert.equal(listed.code, 0);
  });
});

describe("ruleset overrides for $ref'd files", () => {
  const config = (rules: string): string => `extends: [recommended, psa]\noverrides:\n  - files: ["schemas.yaml"]\n    rules:\n${rules}`;

  it('"off" for a referenced file drops the findings that lie in it, and only those', async () => {
    const dir = tempProject({
      'api.yaml': api(),
      'schemas.yaml': SCHEMAS,
      'apistyle.config.yaml': config('      psa-property-camel-case: "off"\n'),
    });
    const run = await runCli(['lint', 'api.yaml', '-f', 'json'], { cwd: dir });
    const found = (JSON.parse(run.stdout) as JsonFinding[]).map((f) => `${f.code} ${f.path.slice(0, 3).join('.')}`).sort();
    assert.deepEqual(found, without('psa-property-camel-case paths./orders.get'));
  });

  it('a severity for a referenced file applies to the findings that lie in it', async () => {
    const dir = tempProject({
      'api.yaml': api(),
      'schemas.yaml': SCHEMAS,
      'apistyle.config.yaml': config('      psa-property-camel-case: error\n'),
    });
    const run = await runCli(['lint', 'api.yaml', '-f', 'json'], { cwd: dir });
    const camel = (JSON.parse(run.stdout) as JsonFinding[]).filter((f) => f.code === 'psa-property-camel-case');
    assert.deepEqual(camel.map((f) => [f.path[1], f.severity]).sort(), [
      ['/orders', 0],
      ['schemas', 1],
    ]);
    assert.equal(run.code, 1);
  });

  it('applies to findings Spectral reports inside the referenced file (rules that read the resolved document)', async () => {
    const schemas = `${SCHEMAS}Odd:\n  type: string\n  enum: [a, 1]\n`.replace('Order:\n', 'Order:\n  x-odd:\n    $ref: "#/Odd"\n');
    const base = { 'api.yaml': api(), 'schemas.yaml': schemas };
    const before = await runCli(['lint', 'api.yaml', '-f', 'json'], {
      cwd: tempProject({ ...base, 'apistyle.config.yaml': 'extends: [recommended, "spectral:oas"]\n' }),
    });
    const typedEnum = (JSON.parse(before.stdout) as JsonFinding[]).filter((f) => f.code === 'typed-enum');
    assert.equal(typedEnum.length, 1);
    assert.match(typedEnum[0]!.source, /schemas\.yaml$/);
    const after = await runCli(['lint', 'api.yaml', '-f', 'json'], {
      cwd: tempProject({
        ...base,
        'apistyle.config.yaml':
          'extends: [recommended, "spectral:oas"]\noverrides:\n  - files: ["schemas.yaml"]\n    rules:\n      typed-enum: "off"\n',
      }),
    });
    assert.deepEqual(
      (JSON.parse(after.stdout) as JsonFinding[]).filter((f) => f.code === 'typed-enum'),
      [],
    );
  });
});
