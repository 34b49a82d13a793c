import { describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { parseDocument } from '../src/core/parse/document.js';
import { keyProblems } from '../src/core/parse/yamlKeys.js';

function parsed(text: string): { data: Record<string, unknown>; problems: ReturnType<typeof keyProblems> } {
  const document = parseDocument('/api.yaml', text);
  return { data: document.data as Record<string, unknown>, problems: keyProblems(document.data, '/api.yaml') };
}

describe('YAML keys that are not strings', () => {
  it('are read as written, in their place among the keys, nested ones and aliased ones too', () => {
    const { data, problems } = parsed('a:\n  200: x\n  1.0: y\n  0x1F: z\n  ~: n\n  b: &anchor\n    404: w\nc: *anchor\n');
    const a = data['a'] as Record<string, unknown>;
    assert.deepEqual(Object.keys(a), ['200', '1.0', '0x1F', '~', 'b']);
    assert.equal(a['1.0'], 'y');
    assert.deepEqual(data['c'], { 404: 'w' });
    assert.deepEqual(
      problems.map((p) => [p.path.join('/'), p.severity, p.data?.params]),
      [
        ['a/200', 1, { key: '200', type: 'number' }],
        ['a/1.0', 1, { key: '1.0', type: 'number' }],
        ['a/0x1F', 1, { key: '0x1F', type: 'number' }],
        ['a/~', 1, { key: '~', type: 'null' }],
        ['a/b/404', 1, { key: '404', type: 'number' }],
      ],
    );
    assert.equal(parseDocument('/api.yaml', 'a:\n  200: x\n').diagnostics.length, 0, "the parser's own key diagnostics are replaced");
  });

  it('a string key written beside one that reads the same keeps its value; a list as a key is reported without a fix', () => {
    const { data, problems } = parsed("a:\n  '1': string\n  1.0: number\n  ? [x, y]\n  : list\n");
    assert.equal((data['a'] as Record<string, unknown>)['1'], 'number', 'the parser keeps the last of two duplicates');
    assert.deepEqual(
      problems.map((p) => [p.path.join('/'), p.data?.messageId]),
      [
        ['a/1.0', 'nonStringKey'],
        ['a', 'complexKey'],
      ],
    );
  });
});
