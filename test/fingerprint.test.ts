import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { fingerprints, joinJsonPath } from '../src/core/results/fingerprint.js';
import type { Finding } from '../src/core/results/types.js';

const base = '/project';
function finding(overrides: Partial<Finding>): Finding {
  return {
    code: 'psa-paths-kebab-case',
    message: 'Segment `fooBar` is not kebab-case.',
    path: ['paths', '/fooBar'],
    severity: 1,
    range: { start: { line: 3, character: 2 }, end: { line: 3, character: 9 } },
    source: '/project/api/openapi.yaml',
    ...overrides,
  };
}

describe('finding fingerprints', () => {
  it('ignore line moves and whitespace in the message', () => {
    const [a] = fingerprints([finding({})], base);
    const [b] = fingerprints(
      [
        finding({
          range: { start: { line: 40, character: 4 }, end: { line: 40, character: 11 } },
          message: 'Segment  `fooBar` is not\nkebab-case.',
        }),
      ],
      base,
    );
    assert.equal(a, b);
  });

  it('differ by rule, path, file and message', () => {
    const [reference] = fingerprints([finding({})], base);
    for (const change of [
      { code: 'other' },
      { path: ['paths', '/other'] },
      { source: '/project/api/other.yaml' },
      { message: 'Segment `bazQux` is not kebab-case.' },
    ]) {
      assert.notEqual(fingerprints([finding(change)], base)[0], reference, JSON.stringify(change));
    }
  });

  it('are relative to the base folder', () => {
    assert.equal(
      fingerprints([finding({})], '/project')[0],
      fingerprints([finding({ source: '/elsewhere/api/openapi.yaml' })], '/elsewhere')[0],
    );
  });

  it('tell identical findings apart by occurrence', () => {
    const prints = fingerprints([finding({}), finding({}), finding({ code: 'x' })], base);
    assert.equal(new Set(prints).size, 3);
  });

  it('escape dots in path segments so that different paths do not collide', () => {
    assert.notEqual(joinJsonPath(['a.b']), joinJsonPath(['a', 'b']));
  });
});
