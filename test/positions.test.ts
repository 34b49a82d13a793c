// The indexed JSON path-to-range lookup must answer exactly as Spectral's own parser does.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import Parsers from '@stoplight/spectral-parsers';
import type { JsonPath } from '@stoplight/types';
import { IndexedJson } from '../src/core/parse/positions.js';
import { REPO_ROOT } from './helpers/cli.js';
import { pathsOf } from './helpers/jsonPaths.js';

function compare(text: string, extra: JsonPath[] = []): number {
  const result = Parsers.Json.parse(text);
  const ours = IndexedJson.parse(text);
  let compared = 0;
  for (const path of [...pathsOf(result.data), ...extra]) {
    for (const closest of [false, true]) {
      assert.deepEqual(
        IndexedJson.getLocationForJsonPath(ours, path, closest),
        Parsers.Json.getLocationForJsonPath(result, path, closest),
        `${JSON.stringify(path)} closest=${closest}`,
      );
      compared++;
    }
  }
  return compared;
}

describe('indexed JSON positions', () => {
  it("match Spectral's on every path of a real document, and on paths that do not exist", () => {
    const text = readFileSync(join(REPO_ROOT, 'specs', 'petstore-swagger2.json'), 'utf8');
    const compared = compare(text, [['paths', 'nope'], ['paths', '/pets', 'get', 'parameters', 99], ['info', 'title', 'deeper'], ['0']]);
    assert.ok(compared > 200);
  });

  it('match on duplicate keys (the first wins), numeric keys and arrays of arrays', () => {
    compare('{"a": 1, "a": {"b": 2}, "10": [[1, {"x": null}], []], "": {"1": true}}', [
      ['a', 'b'],
      ['10', 0, 1, 'x'],
      ['10', '5'],
      ['', '1'],
    ]);
  });
});
