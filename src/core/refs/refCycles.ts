import { dirname, relative } from 'node:path';
import type { JsonPath } from '@stoplight/types';
import { valueAt } from '../../oas/json.js';
import { parseRef, refTarget } from '../../oas/refSyntax.js';
import type { ParsedRef } from '../../oas/refSyntax.js';
import { inputProblem } from '../parse/document.js';
import type { InputProblem } from '../results/types.js';

type Json = unknown;

/** A `$ref` as written: where its object is, and its value (a string, or whatever else was written there). */
export interface RefSite {
  path: JsonPath;
  ref: unknown;
}

/** The parsed data of a file that `$ref`s reach, by absolute path; undefined when it was not read. */
export type DocumentLookup = (source: string) => Json;

function isObject(node: Json): node is Record<string, Json> {
  return typeof node === 'object' && node !== null && !Array.isArray(node);
}

function hasStringRef(node: Json): node is { $ref: string } {
  return isObject(node) && typeof node['$ref'] === 'string';
}

/**
 * Every `$ref` of a document with its path, in document order; one path stack, copied only at a
 * `$ref`. One that holds a number, a boolean, null or a list is a (broken) `$ref` too; one that
 * holds an object, or sits right under `properties`, is the name of a property.
 */
export function collectRefs(root: Json): RefSite[] {
  const found: RefSite[] = [];
  const path: Array<string | number> = [];
  const walk = (node: Json): void => {
    if (typeof node !== 'object' || node === null) return;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        path.push(i);
        walk(node[i]);
        path.pop();
      }
      return;
    }
    const object = node as Record<string, Json>;
    if (Object.hasOwn(object, '$ref')) {
      const ref = object['$ref'];
      if (typeof ref === 'string') {
        found.push({ path: [...path], ref });
        return;
      }
      if ((typeof ref !== 'object' || Array.isArray(ref) || ref === null) && path[path.length - 1] !== 'properties') {
        found.push({ path: [...path], ref });
      }
    }
    for (const key in object) {
      path.push(key);
      walk(object[key]);
      path.pop();
    }
  };
  walk(root);
  return found;
}

interface RefNode {
  source: string;
  path: JsonPath;
  ref: string;
}

/** Whether a name the resolver knows a document by is a URL (not a file). */
const isUrl = (name: string): boolean => /^[a-z][a-z0-9+.-]*:/i.test(name);

/** The file and path a parsed `$ref` written in `from` names; undefined for remote `$ref`s and broken ones. */
function targetOf(parsed: ParsedRef, from: string): { source: string; path: JsonPath } | undefined {
  if (parsed.kind === 'local') return { source: from, path: parsed.pointer };
  const file = refTarget(parsed, from);
  return file === undefined || isUrl(file) || parsed.kind === 'invalid' ? undefined : { source: file, path: parsed.pointer };
}

/**
 * Finds chains of `$ref`s that lead only to each other (`A: {$ref: B}`, `B: {$ref: A}`), within the
 * document or across the files it references: such a chain names no value at all, unlike a
 * recursive schema, which is legal and linted.
 */
export function findPointerOnlyCycles(
  root: Json,
  rootSource: string,
  lookup: DocumentLookup = () => undefined,
  refs: RefSite[] = collectRefs(root),
): InputProblem[] {
  const refNodes: RefNode[] = refs.flatMap(({ path, ref }) => (typeof ref === 'string' ? [{ source: rootSource, path, ref }] : []));

  const dataOf = (source: string): Json => (source === rootSource ? root : lookup(source));
  // Most `$ref`s point at a value, not at another `$ref`: resolve each distinct one once.
  const steps = new Map<string, RefNode | null>();
  const next = (node: RefNode): RefNode | undefined => {
    const key = `${node.source}\n${node.ref}`;
    let step = steps.get(key);
    if (step === undefined) {
      const target = targetOf(parseRef(node.ref), node.source);
      const value = target === undefined ? undefined : valueAt(dataOf(target.source), target.path);
      step = target !== undefined && hasStringRef(value) ? { source: target.source, path: target.path, ref: value.$ref } : null;
      steps.set(key, step);
    }
    return step ?? undefined;
  };
  // Where each `$ref` met so far leads: the cycle's description, or null for a value.
  const ends = new Map<string, string | null>();
  const nameOf = (node: RefNode): string => {
    const pointer =
      node.path.length === 0 ? '#' : `#/${node.path.map((segment) => String(segment).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
    return node.source === rootSource ? pointer : `${relative(dirname(rootSource), node.source)}${pointer}`;
  };
  const problems: InputProblem[] = [];
  for (const start of refNodes) {
    const seen = new Map<string, number>();
    let current: RefNode | undefined = start;
    let end: string | null | undefined;
    while (end === undefined) {
      if (current === undefined) {
        end = null;
        break;
      }
      const key = `${current.source}\n${nameOf(current)}`;
      end = ends.get(key);
      if (end !== undefined) break;
      const at = seen.get(key);
      if (at !== undefined) {
        const cycle = [...seen.keys()].slice(at).map((k) => k.slice(k.indexOf('\n') + 1));
        end = `$ref cycle with no value: ${[...cycle, cycle[0]!].join(' -> ')}`;
        break;
      }
      seen.set(key, seen.size);
      current = next(current);
    }
    for (const key of seen.keys()) ends.set(key, end);
    // Every `$ref` whose chain ends in the cycle names nothing: each is reported, the cycle's own and those that lead into it.
    if (end !== null) problems.push({ ...inputProblem(rootSource, 'invalid-ref', end), path: [...start.path, '$ref'] });
  }
  return problems;
}

const MAX_HOPS = 32;

/**
 * Whether a pointer names a value: in the document as written, or, as the resolver reads it, with
 * the `$ref`s met on the way followed (`#/components/schemas/Alias/properties/id`, where `Alias`
 * is a `$ref`).
 */
function exists(source: string, data: Json, path: JsonPath, dataOf: DocumentLookup): boolean {
  if (valueAt(data, path) !== undefined) return true;
  let node = data;
  let hops = 0;
  for (let i = 0; i < path.length; i++) {
    const key = String(path[i]);
    while (hasStringRef(node) && !Object.hasOwn(node, key) && hops++ < MAX_HOPS) {
      const target = targetOf(parseRef(node.$ref), source);
      if (target === undefined) return false;
      source = target.source;
      node = valueAt(dataOf(source), target.path);
    }
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return false;
    node = (node as Record<string, Json>)[key];
  }
  return node !== undefined;
}

/** What the `$ref` checks need to know about a linted document and the files it reaches. */
export interface RefGraph {
  /** The document's data and its source as the resolver knows it (an absolute path). */
  root: Json;
  rootSource: string;
  /** The document's own `$ref`s. */
  refs: RefSite[];
  /** A referenced file's (or URL's) data, when the resolver read it. */
  lookup: DocumentLookup;
  /** The `$ref`s of a referenced file's data. */
  refsOf: (data: Json) => RefSite[];
  /** Why the resolver could not read a file or URL, when it tried and failed. */
  failureOf: (target: string) => string | undefined;
}

/**
 * Every `$ref` that names nothing, in the document and in the local files it reaches, each at the
 * `$ref` itself (its file, its path): one that cannot be read (not a string, empty, malformed
 * percent-encoding, not a JSON pointer), one to a file or URL the resolver could not read, one
 * to a part of a document that does not exist. The resolver's own errors say some of this, but
 * once per message and, for a file a `$ref` reaches, at the wrong place.
 */
export function findBrokenRefs(graph: RefGraph): InputProblem[] {
  const problems: InputProblem[] = [];
  const dataOf = (source: string): Json => (source === graph.rootSource ? graph.root : graph.lookup(source));
  const visited = new Set<string>([graph.rootSource]);
  const queue: Array<{ source: string; refs: RefSite[]; data: Json }> = [{ source: graph.rootSource, refs: graph.refs, data: graph.root }];
  const report = (source: string, path: JsonPath, message: string): void => {
    problems.push({ ...inputProblem(source, 'invalid-ref', message), path: [...path, '$ref'] });
  };
  while (queue.length > 0) {
    const { source, refs, data } = queue.shift()!;
    for (const { path, ref } of refs) {
      const parsed = parseRef(ref);
      if (parsed.kind === 'invalid') {
        report(source, path, typeof ref === 'string' ? `'${ref}' is not a valid $ref: ${parsed.problem}` : parsed.problem);
        continue;
      }
      let target: { source: string; path: JsonPath } | undefined;
      let targetData: Json;
      if (parsed.kind === 'local') {
        target = { source, path: parsed.pointer };
        targetData = data;
      } else {
        const file = refTarget(parsed, source);
        if (file === undefined) continue;
        targetData = dataOf(file);
        if (targetData === undefined) {
          const failure = graph.failureOf(file);
          if (failure !== undefined) report(source, path, failure);
          continue;
        }
        target = { source: file, path: parsed.pointer };
        // Remote documents are checked by the resolver alone: their relative `$ref`s resolve against a URL.
        if (!isUrl(file) && !visited.has(file)) {
          visited.add(file);
          queue.push({ source: file, refs: graph.refsOf(targetData), data: targetData });
        }
      }
      if (!exists(target.source, targetData, target.path, dataOf)) report(source, path, `'${String(ref)}' does not exist`);
    }
  }
  return problems;
}
