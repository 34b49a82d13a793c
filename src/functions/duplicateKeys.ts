import { defineRulesetFunction } from '../core/engine/rulesetFunction.js';
import type { IFunctionResult } from '@stoplight/spectral-core';
import { parseWithPointers } from '@stoplight/json';
import type { JsonPath } from '@stoplight/types';
import { basename } from 'node:path';
import { isObject } from '../oas/json.js';
import { parseRef, refTarget } from '../oas/refSyntax.js';
import { defineMessages } from '../core/engine/messages.js';

export const DUPLICATE_KEYS_MESSAGES = defineMessages<{
  duplicateKey: { key: string };
  /** `file`: the referenced file's name (without its directory); `line`: 1-based. */
  duplicateKeyInFile: { file: string; key: string; line: number };
  duplicateKeyInExample: { key: string };
}>('duplicateKeys', {
  duplicateKey: ({ key }) => `The key "${key}" appears twice in the same object: keys must be unique at each level.`,
  duplicateKeyInFile: ({ file, key, line }) =>
    `The referenced file ${file} repeats the key "${key}" in one object (line ${line}): keys must be unique at each level.`,
  duplicateKeyInExample: ({ key }) => `The example repeats the key "${key}" in one object: keys must be unique at each level.`,
});

const DUPLICATE = /^Duplicate key(?::\s*(.*))?/;

/**
 * Duplicate keys inside a JSON example written as a string: `example`, an example object's
 * `value`, and the values of a 2.0 response's `examples` map (`examples: {application/json: '…'}`).
 * The walk keeps one path stack and copies it only for a finding: documents can be large.
 */
function duplicatesInStringExamples(root: unknown): Array<{ path: JsonPath; key: string }> {
  const found: Array<{ path: JsonPath; key: string }> = [];
  const path: Array<string | number> = [];
  // A plain recursive walk: generators delegating at every level cost several times more on large documents.
  const walk = (node: unknown, inExamplesMap: boolean): void => {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const item: unknown = node[i];
        if (typeof item !== 'object' || item === null) continue;
        path.push(i);
        walk(item, false);
        path.pop();
      }
      return;
    }
    if (!isObject(node)) return;
    for (const key in node) {
      const value = node[key];
      if ((key === 'example' || key === 'value' || inExamplesMap) && typeof value === 'string') {
        if (/^\s*[{[]/.test(value)) {
          for (const diagnostic of parseWithPointers(value, { ignoreDuplicateKeys: false }).diagnostics) {
            if (/duplicate ?key/i.test(diagnostic.message))
              found.push({ path: [...path, key], key: String(diagnostic.path?.[diagnostic.path.length - 1] ?? '') });
          }
        }
      } else if (typeof value === 'object' && value !== null) {
        path.push(key);
        walk(value, key === 'examples' && isObject(value));
        path.pop();
      }
    }
  };
  walk(root, false);
  return found;
}

/** For each file the document `$ref`s, the path of the first object that references it. */
function refSitesByFile(root: unknown, rootSource: string | null): Map<string, JsonPath> {
  const sites = new Map<string, JsonPath>();
  const stack: Array<{ node: unknown; path: JsonPath }> = [{ node: root, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (Array.isArray(node)) for (const [i, child] of node.entries()) stack.push({ node: child, path: [...path, i] });
    if (!isObject(node)) continue;
    const ref = typeof node['$ref'] === 'string' ? parseRef(node['$ref']) : undefined;
    if (ref?.kind === 'file' && rootSource !== null) {
      const file = refTarget(ref, rootSource)!;
      const known = sites.get(file);
      if (known === undefined || JSON.stringify(path) < JSON.stringify(known)) sites.set(file, path);
      continue;
    }
    for (const [key, child] of Object.entries(node)) stack.push({ node: child, path: [...path, key] });
  }
  return sites;
}

/**
 * Surfaces the parser's duplicate-key findings under the rule's own id (so that they can be
 * configured like any rule), and finds duplicate keys in JSON examples written as strings.
 */
export default defineRulesetFunction<unknown, null>({ input: null, options: null }, function duplicateKeys(root, _options, context) {
  const results: IFunctionResult[] = [];
  for (const diagnostic of context.document.diagnostics) {
    const match = DUPLICATE.exec(diagnostic.message);
    if (diagnostic.code !== 'parser' || match === null) continue;
    const key = match[1] ?? String(diagnostic.path[diagnostic.path.length - 1] ?? '');
    results.push(DUPLICATE_KEYS_MESSAGES.report(context, [...diagnostic.path], 'duplicateKey', { key }));
  }
  // Duplicates in the files the document references are reported at the first `$ref` to each file.
  const referenced = context.documentInventory.referencedDocuments as Record<
    string,
    { diagnostics?: ReadonlyArray<{ message: string; path?: JsonPath; range: { start: { line: number } } }> } | undefined
  >;
  // Walking the document for its `$ref` sites is costly; most referenced files have no duplicate to place.
  let firstRefTo: Map<string, JsonPath> | undefined;
  for (const [source, document] of Object.entries(referenced)) {
    if (document === undefined) continue;
    for (const diagnostic of document.diagnostics ?? []) {
      const match = DUPLICATE.exec(diagnostic.message);
      if (match === null) continue;
      firstRefTo ??= refSitesByFile(root, context.document.source);
      const at = firstRefTo.get(source);
      if (at === undefined) break;
      const key = match[1] ?? String(diagnostic.path?.[diagnostic.path.length - 1] ?? '');
      results.push(
        DUPLICATE_KEYS_MESSAGES.report(context, [...at, '$ref'], 'duplicateKeyInFile', {
          file: basename(source),
          key,
          line: diagnostic.range.start.line + 1,
        }),
      );
    }
  }
  for (const { path, key } of duplicatesInStringExamples(root)) {
    results.push(DUPLICATE_KEYS_MESSAGES.report(context, [...context.path, ...path], 'duplicateKeyInExample', { key }));
  }
  return results;
});
