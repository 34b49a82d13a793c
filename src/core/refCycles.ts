import type { JsonPath } from '@stoplight/types';
import { inputProblem } from './documents.js';
import type { InputProblem } from './types.js';

type Json = unknown;

function isRefOnly(node: Json): node is { $ref: string } {
  return typeof node === 'object' && node !== null && !Array.isArray(node) && typeof (node as { $ref?: unknown }).$ref === 'string';
}

function decodePointer(pointer: string): JsonPath | undefined {
  if (!pointer.startsWith('#')) return undefined;
  const body = decodeURIComponent(pointer.slice(1));
  if (body === '') return [];
  if (!body.startsWith('/')) return undefined;
  return body
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function at(root: Json, path: JsonPath): Json {
  let node: Json = root;
  for (const segment of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, Json>)[String(segment)];
  }
  return node;
}

/**
 * Finds chains of local `$ref`s that lead only to each other (`A: {$ref: B}`, `B: {$ref: A}`):
 * such a chain names no value at all, unlike a recursive schema, which is legal and linted.
 */
export function findPointerOnlyCycles(root: Json, source: string): InputProblem[] {
  const refNodes: Array<{ path: JsonPath; ref: string }> = [];
  const stack: Array<{ node: Json; path: JsonPath }> = [{ node: root, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (isRefOnly(node)) {
      if (node.$ref.startsWith('#')) refNodes.push({ path, ref: node.$ref });
      continue;
    }
    for (const [key, child] of Object.entries(node)) stack.push({ node: child, path: [...path, Array.isArray(node) ? Number(key) : key] });
  }

  const reported = new Set<string>();
  const problems: InputProblem[] = [];
  for (const start of refNodes) {
    const seen = new Map<string, JsonPath>();
    let current: { path: JsonPath; ref: string } | undefined = start;
    while (current !== undefined) {
      const key = JSON.stringify(current.path);
      if (seen.has(key)) {
        const cycle = [...seen.keys()].slice([...seen.keys()].indexOf(key));
        const id = [...cycle].sort().join('|');
        if (!reported.has(id)) {
          reported.add(id);
          const names = cycle.map((k) => `#/${(JSON.parse(k) as JsonPath).join('/')}`);
          const problem = inputProblem(source, 'invalid-ref', `$ref cycle with no value: ${[...names, names[0]].join(' -> ')}`);
          problems.push({ ...problem, path: [...(JSON.parse(cycle[0]!) as JsonPath), '$ref'] });
        }
        break;
      }
      seen.set(key, current.path);
      const targetPath = decodePointer(current.ref);
      if (targetPath === undefined) break;
      const target = at(root, targetPath);
      current = isRefOnly(target) && target.$ref.startsWith('#') ? { path: targetPath, ref: target.$ref } : undefined;
    }
  }
  return problems;
}
