// The fast JSON parser must give exactly what Spectral's JSON parser gives: data, key order,
// diagnostics, and the range of every path, including paths that go past the text.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import fc from 'fast-check';
import Parsers from '@stoplight/spectral-parsers';
import type { JsonPath } from '@stoplight/types';
import { parse as parseYaml } from 'yaml';
import { FastJson } from '../src/core/parse/fastJson.js';
import { REPO_ROOT } from './helpers/cli.js';
import { pathsOf } from './helpers/jsonPaths.js';

/** Asserts both parsers agree on `text`; returns how many lookups were compared. */
function compare(text: string, extra: JsonPath[] = []): number {
  const theirs = Parsers.Json.parse(text);
  const ours = FastJson.parse(text);
  assert.deepEqual(ours.diagnostics, theirs.diagnostics, 'diagnostics');
  assert.equal(JSON.stringify(ours.data), JSON.stringify(theirs.data), 'data');
  let compared = 0;
  for (const path of [...pathsOf(theirs.data), ...extra]) {
    for (const closest of [false, true]) {
      assert.deepEqual(
        FastJson.getLocationForJsonPath(ours, path, closest),
        Parsers.Json.getLocationForJsonPath(theirs, path, closest),
        `${JSON.stringify(path)} closest=${closest}`,
      );
      compared++;
    }
  }
  // Key order as rules see it (Object.keys), for every object.
  const keyOrders = (data: unknown): string[][] =>
    [...pathsOf(data)].map((path) => {
      let node = data;
      for (const segment of path) node = (node as Record<string, unknown>)[segment as string];
      return typeof node === 'object' && node !== null ? Object.keys(node) : [];
    });
  assert.deepEqual(keyOrders(ours.data), keyOrders(theirs.data), 'key order');
  return compared;
}

describe('fast JSON parser', () => {
  it('agrees with Spectral on every path of the sample documents, written as JSON', () => {
    let compared = compare(readFileSync(join(REPO_ROOT, 'specs', 'petstore-swagger2.json'), 'utf8'), [
      ['paths', 'nope'],
      ['info', 'title', 'deeper'],
    ]);
    for (const ruleset of readdirSync(join(REPO_ROOT, 'specs'), { withFileTypes: true }).filter(
      (e) => e.isDirectory() && e.name !== 'multi-file',
    )) {
      for (const file of ['compliant.yaml', 'violating.yaml']) {
        const data: unknown = parseYaml(readFileSync(join(REPO_ROOT, 'specs', ruleset.name, file), 'utf8'));
        compared += compare(JSON.stringify(data, null, 2));
        compared += compare(JSON.stringify(data));
      }
    }
    assert.ok(compared > 2000, `${compared} lookups`);
  });

  it('agrees on escapes, unicode, CRLF and lone CR line breaks, and nesting', () => {
    compare('{"a\\"b": "x\\\\", "é\\u00e9": ["\\"", "\\\\\\""], "k": {"\\/": 1.5e3}}', [['a"b'], ['éé', 1]]);
    compare('{\r\n  "a": [\r\n    1,\r\n    {"b": true}\r\n  ],\r\n  "c": null\r\n}\r\n');
    compare('{\r  "a": [\r 1, 2],\r "b": "x"\r}');
    compare('  [ [], {}, [[[]]], {"x": {}} ]  ');
    compare('"just a string"');
    compare('-12.5e-3');
    compare('{"emoji": "😀😀", "after": 1}');
  });

  it('keeps integer-like keys in document order, as Spectral does', () => {
    compare('{"responses": {"default": {}, "404": {}, "200": {}}, "x": {"2": 1, "1": 2, "01": 3, "a": 4}}');
    compare('{"10": 1, "9": 2}');
    const ours = FastJson.parse('{"r": {"default": 1, "500": 2, "200": 3}}');
    assert.deepEqual(Object.keys((ours.data as { r: object }).r), ['default', '500', '200']);
  });

  it('leaves duplicate keys, __proto__ and syntax errors to Spectral, diagnostics included', () => {
    compare('{"a": 1, "a": {"b": 2}, "10": [[1, {"x": null}], []], "": {"1": true}}', [
      ['a', 'b'],
      ['10', 0, 1, 'x'],
      ['10', '5'],
      ['', '1'],
    ]);
    compare('{"__proto__": {"x": 1}}');
    compare('{"a": 1,, }');
    compare('');
    compare('{"a": // comment\n 1}');
  });

  it('survives nesting deeper than the call stack allows recursion', () => {
    const depth = 50_000;
    const text = '['.repeat(depth) + ']'.repeat(depth);
    const ours = FastJson.parse(text);
    const path = new Array<number>(depth - 1).fill(0);
    assert.deepEqual(FastJson.getLocationForJsonPath(ours, path)?.range, {
      start: { line: 0, character: depth - 1 },
      end: { line: 0, character: depth + 1 },
    });
  });

  it('agrees on random JSON values, formatted or not', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 1, 2, '\t'), (value, indent) => {
        compare(JSON.stringify(value, null, indent) ?? 'null', [['nope'], [0, 'x']]);
      }),
      { numRuns: 300 },
    );
  });
});
