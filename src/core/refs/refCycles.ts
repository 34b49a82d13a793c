import { dirname, relative, resolve } from 'node:path';
import type { JsonPath } from '@stoplight/types';
import { inputProblem } from '../parse/document.js';
import type { InputProblem } from '../results/types.js';

type Json = unknown;

/** The parsed data of a file that `$ref`s reach, by absolute path; undefined when it was not read. */
export type DocumentLookup = (source: string) => Json;

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

function at_(root: Json, path: JsonPath): Json {
  let node: Json = root;
  for (const segment of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, Json>)[String(segment)];
  }
  return node;
}

interface RefNode {
  source: string;
  path: JsonPath;
  ref: string;
}

function splitRef(ref: string, from: string): { source: string; pointer: string } {
  const hash = ref.indexOf('#');
  const file = hash === -1 ? ref : ref.slice(0, hash);
  const pointer = hash === -1 ? '#' : ref.slice(hash);
  return { source: file === '' ? from : resolve(dirname(from), decodeURI(file)), pointer };
}

/**
 * Finds chains of `$ref`s that lead only to each other (`A: {$ref: B}`, `B: {$ref: A}`), within the
 * document or across the files it references: such a chain names no value at all, unlike a
 * recursive schema, which is legal and linted.
 */
/** Every `$ref` object of a document with its path, in document order. One path stack, copied only at a `$ref`. */
export function collectRefs(root: Json): Array<{ path: JsonPath; ref: string }> {
  const found: Array<{ path: JsonPath; ref: string }> = [];
  const path: Array<string | number> = [];
  const walk = (node: Json): void => {
    if (typeof node !== 'object' || node === null) return;
    if (isRefOnly(node)) {
      found.push({ path: [...path], ref: node.$ref });
      return;
    }
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        path.push(i);
        walk(node[i]);
        path.pop();
      }
      return;
    }
    for (const key in node as Record<string, Json>) {
      path.push(key);
      walk((node as Record<string, Json>)[key]);
      path.pop();
    }
  };
  walk(root);
  return found;
}

export function findPointerOnlyCycles(
  root: Json,
  rootSource: string,
  lookup: DocumentLookup = () => undefined,
  refs: Array<{ path: JsonPath; ref: string }> = collectRefs(root),
): InputProblem[] {
  const refNodes: RefNode[] = refs
    .filter(({ ref }) => !/^[a-z][a-z0-9+.-]*:/i.test(ref))
    .map(({ path, ref }) => ({ source: rootSource, path, ref }));

  const dataOf = (source: string): Json => (source === rootSource ? root : lookup(source));
  // Most `$ref`s point at a value, not at another `$ref`: resolve each distinct one once.
  const steps = new Map<string, RefNode | null>();
  const next = (node: RefNode): RefNode | undefined => {
    const key = `${node.source}\n${node.ref}`;
    let step = steps.get(key);
    if (step === undefined) {
      const { source, pointer } = splitRef(node.ref, node.source);
      const targetPath = decodePointer(pointer);
      const target = targetPath === undefined ? undefined : at_(dataOf(source), targetPath);
      step =
        targetPath !== undefined && isRefOnly(target) && !/^[a-z][a-z0-9+.-]*:/i.test(target.$ref)
          ? { source, path: targetPath, ref: target.$ref }
          : null;
      steps.set(key, step);
    }
    return step ?? undefined;
  };
  const reported = new Set<string>();
  const problems: InputProblem[] = [];
  for (const start of refNodes) {
    if (next(start) === undefined) continue;
    const seen: string[] = [];
    let current: RefNode | undefined = start;
    while (current !== undefined) {
      const key = `${current.source}#/${current.path.join('/')}`;
      const at = seen.indexOf(key);
      if (at !== -1) {
        const cycle = seen.slice(at);
        const id = [...cycle].sort().join('|');
        if (!reported.has(id)) {
          reported.add(id);
          const names = [...cycle, cycle[0]!].map((k) =>
            k.startsWith(`${rootSource}#`) ? k.slice(rootSource.length) : relative(dirname(rootSource), k),
          );
          const problem = inputProblem(rootSource, 'invalid-ref', `$ref cycle with no value: ${names.join(' -> ')}`);
          problems.push({ ...problem, path: [...start.path, '$ref'] });
        }
        break;
      }
      seen.push(key);
      current = next(current);
    }
  }
  return problems;
}

/** Local `$ref`s (`#/…`) whose target does not exist, as Spectral's resolver reports them. */
export function findMissingLocalTargets(
  root: Json,
  source: string,
  refs: Array<{ path: JsonPath; ref: string }> = collectRefs(root),
): InputProblem[] {
  const problems: InputProblem[] = [];
  const exists = new Map<string, boolean>();
  for (const { path, ref } of refs) {
    if (!ref.startsWith('#')) continue;
    let found = exists.get(ref);
    if (found === undefined) {
      const target = decodePointer(ref);
      found = target !== undefined && at_(root, target) !== undefined;
      exists.set(ref, found);
    }
    if (!found) {
      problems.push({ ...inputProblem(source, 'invalid-ref', `'${ref}' does not exist`), path: [...path, '$ref'] });
    }
  }
  return problems;
}
