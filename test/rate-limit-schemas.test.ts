// The rate-limit rule compiles its "shape" schemas without checking them against JSON Schema's
// meta-schema (that took 50 ms of every run): the schemas the built-in rulesets ship must be valid.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import AjvModule from 'ajv';
import { parse } from 'yaml';
import { REPO_ROOT } from './helpers/cli.js';

interface Rule {
  then?:
    | { function?: string; functionOptions?: { check?: string; schema?: Record<string, unknown> } }
    | Array<{ function?: string; functionOptions?: { check?: string; schema?: Record<string, unknown> } }>;
}

describe('rate-limit policy schemas of the built-in rulesets', () => {
  for (const name of ['qualicharge', 'redex']) {
    it(`${name}: every "shape" schema is valid JSON Schema`, () => {
      const ruleset = parse(readFileSync(join(REPO_ROOT, 'rulesets', `${name}.yaml`), 'utf8')) as { rules: Record<string, Rule> };
      const schemas = Object.values(ruleset.rules)
        .flatMap((rule) => (Array.isArray(rule.then) ? rule.then : rule.then === undefined ? [] : [rule.then]))
        .filter((step) => step.function === 'rateLimitPolicy' && step.functionOptions?.check === 'shape')
        .map((step) => step.functionOptions!.schema!);
      assert.ok(schemas.length > 0);
      const ajv = new AjvModule.default({ strict: false });
      for (const schema of schemas) assert.equal(ajv.validateSchema(schema), true, JSON.stringify(ajv.errors));
    });
  }
});
