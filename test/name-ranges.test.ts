// A finding about a name (a property, a path segment, a version segment) points at the name as
// written, in YAML and JSON: an editor underlines `last_name`, not the schema below it.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { Engine } from '../src/core/engine/engine.js';
import { loadRuleset } from '../src/core/config/rulesets.js';
import type { Finding } from '../src/core/results/types.js';
import { tempProject } from './helpers/cli.js';

/** The text a finding's range covers, read from the file it names. */
function covered(texts: Record<string, string>, dir: string, finding: Finding): string {
  const file = Object.keys(texts).find((name) => join(dir, name) === finding.source);
  assert.ok(file, `${finding.source} is one of the files`);
  const { start, end } = finding.range;
  assert.equal(start.line, end.line, JSON.stringify(finding.range));
  return texts[file]!.split('\n')[start.line]!.slice(start.character, end.character);
}

async function lintFiles(texts: Record<string, string>, main: string): Promise<{ dir: string; findings: Finding[] }> {
  const dir = tempProject(texts);
  const engine = new Engine({ ruleset: await loadRuleset('psa'), projectRoot: dir });
  return { dir, findings: (await engine.lint([join(dir, main)])).findings };
}

/** What the psa-property-camel-case findings of a document cover. */
async function camelCaseNames(texts: Record<string, string>, main: string): Promise<string[]> {
  const { dir, findings } = await lintFiles(texts, main);
  return findings.filter((f) => f.code === 'psa-property-camel-case').map((f) => covered(texts, dir, f));
}

const YAML = `openapi: 3.0.3
info: {title: T, version: '1'}
servers:
  - url: https://api.example.com/V1
paths:
  /customers/listAll:
    get:
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Customer'
components:
  schemas:
    Customer:
      type: object
      properties:
        last_name:
          type: string
        "first_name": {type: string}
        address:
          $ref: './shared.yaml#/Address'
`;
const SHARED = `Address:
  type: object
  properties:
    street_name:
      type: string
`;

describe('findings about names point at the name', () => {
  it('in YAML: block and quoted property keys, a path segment, a version segment of a server URL', async () => {
    const texts = { 'api.yaml': YAML, 'shared.yaml': SHARED };
    const { dir, findings } = await lintFiles(texts, 'api.yaml');
    const camel = findings.filter((f) => f.code === 'psa-property-camel-case' && f.source === join(dir, 'api.yaml'));
    const names = camel.map((f) => covered(texts, dir, f));
    assert.ok(names.includes('first_name') && names.includes('last_name'), names.join(' '));
    const version = findings.find((f) => f.code === 'psa-version-major-only');
    assert.ok(version, findings.map((f) => f.code).join(' '));
    assert.equal(covered(texts, dir, version), 'V1');
    const segment = findings.find((f) => f.code === 'psa-path-kebab-case' || f.code === 'psa-no-verbs-in-path');
    assert.ok(segment, findings.map((f) => f.code).join(' '));
    assert.equal(covered(texts, dir, segment), 'listAll');
  });

  it('in JSON: the name inside its quotes', async () => {
    const json = JSON.stringify(
      {
        openapi: '3.0.3',
        info: { title: 'T', version: '1' },
        paths: {},
        components: { schemas: { Customer: { type: 'object', properties: { last_name: { type: 'string' } } } } },
      },
      null,
      2,
    );
    assert.deepEqual(await camelCaseNames({ 'api.json': json }, 'api.json'), ['last_name']);
  });

  it('in JSON the fast parser hands over (a duplicate key): the name still', async () => {
    const json = `{
  "openapi": "3.0.3", "x-a": 1, "x-a": 2,
  "info": {"title": "T", "version": "1"},
  "paths": {},
  "components": {"schemas": {"Customer": {"type": "object", "properties": {"last_name": {"type": "string"}}}}}
}`;
    assert.deepEqual(await camelCaseNames({ 'api.json': json }, 'api.json'), ['last_name']);
  });

  it('a name written with escapes: the whole key', async () => {
    const names = await camelCaseNames({ 'api.yaml': YAML.replace('        last_name:\n', '        "last\\x5fname":\n') }, 'api.yaml');
    assert.ok(names.includes('"last\\x5fname"'), names.join(' '));
  });
});
