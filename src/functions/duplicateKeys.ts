import { createRulesetFunction } from '@stoplight/spectral-core';
import type { IFunctionResult } from '@stoplight/spectral-core';
import { parseWithPointers } from '@stoplight/json';
import type { JsonPath } from '@stoplight/types';
import { isObject } from '../oas/json.js';

const DUPLICATE = /^Duplicate key(?::\s*(.*))?/;

/** Duplicate keys inside a JSON example written as a string (`example: '{"a": 1, "a": 2}'`). */
function* duplicatesInStringExamples(node: unknown, path: JsonPath): Generator<{ path: JsonPath; key: string }> {
  if (Array.isArray(node)) {
    for (const [i, child] of node.entries()) yield* duplicatesInStringExamples(child, [...path, i]);
    return;
  }
  if (!isObject(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if ((key === 'example' || key === 'value') && typeof value === 'string' && /^\s*[{[]/.test(value)) {
      const parsed = parseWithPointers(value, { ignoreDuplicateKeys: false });
      for (const diagnostic of parsed.diagnostics) {
        if (/duplicate ?key/i.test(diagnostic.message)) {
          yield { path: [...path, key], key: String(diagnostic.path?.[diagnostic.path.length - 1] ?? '') };
        }
      }
    } else {
      yield* duplicatesInStringExamples(value, [...path, key]);
    }
  }
}

/**
 * Surfaces the parser's duplicate-key findings under the rule's own id (so that they can be
 * configured like any rule), and finds duplicate keys in JSON examples written as strings.
 */
export default createRulesetFunction<unknown, null>(
  { input: null, options: null },
  function duplicateKeys(root, _options, context) {
    const results: IFunctionResult[] = [];
    for (const diagnostic of context.document.diagnostics) {
      const match = DUPLICATE.exec(diagnostic.message);
      if (diagnostic.code !== 'parser' || match === null) continue;
      const key = match[1] ?? String(diagnostic.path[diagnostic.path.length - 1] ?? '');
      results.push({ message: `The key "${key}" appears twice in the same object: keys must be unique at each level.`, path: [...diagnostic.path] });
    }
    for (const { path, key } of duplicatesInStringExamples(root, [])) {
      results.push({ message: `The example repeats the key "${key}" in one object: keys must be unique at each level.`, path: [...context.path, ...path] });
    }
    return results;
  },
);
