// The effective-schema view (src/oas/effectiveSchema.ts): every way generators write one schema
// reads as that schema; alternatives satisfy a requirement when all of them do; only the
// nullability flag remembers the null branch.
import { strict as assert } from 'node:assert';
import type { RulesetFunctionContext } from '@stoplight/spectral-core';
import { describe, it } from 'vitest';
import { alternatives, componentRef, effectiveSchema, everyBranch, wrappedRef } from '../src/oas/effectiveSchema.js';
import { RefFollower } from '../src/oas/refs.js';
import { hasType, schemaKeyword } from '../src/oas/schemas.js';

const components = {
  Id: { type: 'string', format: 'uuid' },
  Error: { type: 'object', required: ['code'], properties: { code: { type: 'string' }, message: { type: 'string' } } },
  OtherError: { type: 'object', required: ['code'], properties: { code: { type: 'integer' } } },
  List: { type: 'array', items: { $ref: '#/components/schemas/Id' } },
};

function follower(): RefFollower {
  const context = {
    document: { data: { openapi: '3.1.0', components: { schemas: components } }, source: null },
    documentInventory: { referencedDocuments: {} },
  } as unknown as Pick<RulesetFunctionContext, 'document' | 'documentInventory'>;
  return new RefFollower(context);
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** The spellings of "the schema X" that generators produce. */
function spellings(name: string): Record<string, unknown> {
  return {
    ref: ref(name),
    'allOf with annotations': { allOf: [ref(name)], description: 'd', default: null, readOnly: true },
    '3.0 nullable oneOf': { nullable: true, oneOf: [ref(name)] },
    '3.0 nullable anyOf': { nullable: true, anyOf: [ref(name)] },
    '3.1 anyOf null branch': { anyOf: [ref(name), { type: 'null' }] },
    '3.1 oneOf null branch first': { oneOf: [{ type: 'null' }, ref(name)] },
    '3.1 ref with siblings': { ...ref(name), description: 'd' },
    'nested wrappers': { allOf: [{ anyOf: [ref(name), { type: 'null' }] }], title: 't' },
  };
}

describe('effectiveSchema', () => {
  for (const [spelling, schema] of Object.entries(spellings('Id'))) {
    it(`reads ${spelling} as the string uuid it wraps`, () => {
      const refs = follower();
      const view = effectiveSchema(schema, refs);
      assert.deepEqual([...view.types], ['string']);
      assert.equal(view.format, 'uuid');
      assert.ok(hasType(schema, 'string', refs));
      assert.equal(schemaKeyword(schema, 'format', refs, true), 'uuid');
      assert.equal(wrappedRef(schema, refs)?.['$ref'], '#/components/schemas/Id');
    });
  }

  for (const [spelling, schema] of Object.entries(spellings('Error'))) {
    it(`reads the properties and required names of ${spelling}`, () => {
      const view = effectiveSchema(schema, follower());
      assert.deepEqual([...view.properties.keys()].sort(), ['code', 'message']);
      assert.deepEqual([...view.required], ['code']);
    });
  }

  it('reads type lists without their null, and remembers that null is allowed', () => {
    const view = effectiveSchema({ type: ['string', 'null'] }, follower());
    assert.deepEqual([...view.types], ['string']);
    assert.equal(view.nullable, true);
    assert.equal(effectiveSchema({ anyOf: [ref('Id'), { type: 'null' }] }, follower()).nullable, true);
    assert.equal(effectiveSchema({ type: 'string', 'x-nullable': true }, follower()).nullable, true);
    assert.equal(effectiveSchema(ref('Id'), follower()).nullable, false);
  });

  it('merges allOf parts, an array of items included', () => {
    const refs = follower();
    const view = effectiveSchema({ allOf: [ref('Error'), { properties: { details: ref('List') } }] }, refs);
    assert.deepEqual([...view.properties.keys()].sort(), ['code', 'details', 'message']);
    assert.ok(hasType(view.properties.get('details')![0], 'array', refs));
    assert.deepEqual(effectiveSchema(ref('List'), refs).items, [ref('Id')]);
  });

  it('does not take a wrapper with constraints of its own for a plain use of the component', () => {
    const refs = follower();
    assert.equal(wrappedRef({ allOf: [ref('Id')], maxLength: 3 }, refs), undefined);
    assert.equal(wrappedRef({ oneOf: [ref('Id'), ref('Error')] }, refs), undefined);
    assert.deepEqual(componentRef({ allOf: [ref('Error'), { required: ['message'] }] }, refs), ref('Error'));
  });

  it('survives cycles', () => {
    const cyclic: Record<string, unknown> = { type: 'object' };
    cyclic['allOf'] = [cyclic];
    assert.deepEqual([...effectiveSchema(cyclic, follower()).types], ['object']);
  });
});

describe('everyBranch', () => {
  const hasCode = (refs: RefFollower) => (schema: unknown) => effectiveSchema(schema, refs).required.has('code');

  it('holds of a union whose every value branch holds', () => {
    const refs = follower();
    const union = { oneOf: [ref('Error'), ref('OtherError')] };
    assert.deepEqual(alternatives(union, refs), [ref('Error'), ref('OtherError')]);
    assert.ok(everyBranch(union, refs, hasCode(refs)));
    assert.ok(everyBranch({ anyOf: [ref('Error'), ref('OtherError'), { type: 'null' }] }, refs, hasCode(refs)));
    assert.ok(everyBranch({ description: 'd', allOf: [union] }, refs, hasCode(refs)));
  });

  it('fails when one branch fails', () => {
    const refs = follower();
    assert.ok(!everyBranch({ oneOf: [ref('Error'), ref('Id')] }, refs, hasCode(refs)));
    assert.ok(!hasType({ oneOf: [ref('Id'), ref('Error')] }, 'string', refs));
    assert.ok(hasType({ oneOf: [ref('Id'), { type: 'string' }] }, 'string', refs));
  });
});
