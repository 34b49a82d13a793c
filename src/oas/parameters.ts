import type { JsonPath } from '@stoplight/types';
import { isOas2, operations, parameterNodes } from './document.js';
import type { OperationEntry } from './document.js';
import { isObject } from './json.js';
import type { JsonObject } from './json.js';
import type { RefFollower } from './refs.js';

/** A parameter object, `$ref`s followed, with the place findings about it go. */
export interface ParameterSite {
  parameter: JsonObject;
  /** The parameter object's own path in the linted document, or the `$ref` that brings it from another file. */
  at: JsonPath;
  /** True when `at` is the parameter object itself (so `[...at, 'name']` exists). */
  inline: boolean;
}

/**
 * Every parameter of a document visited once, where it is defined: inline under path items and
 * operations, under `components/parameters` (2.0: the top-level `parameters`), or at the `$ref`
 * that brings it from another file. Local `$ref`s are skipped: their target is visited itself.
 */
function* collectParameterSites(root: unknown, refs: RefFollower): Generator<ParameterSite> {
  if (!isObject(root)) return;
  const external = new Set<unknown>();
  function* visit(node: unknown, path: JsonPath): Generator<ParameterSite> {
    if (!isObject(node)) return;
    if (typeof node['$ref'] === 'string') {
      if (node['$ref'].startsWith('#')) return;
      const target = refs.value(node);
      if (!isObject(target) || external.has(target)) return;
      external.add(target);
      yield { parameter: target, at: [...path, '$ref'], inline: false };
      return;
    }
    yield { parameter: node, at: path, inline: true };
  }
  const seenPathItems = new Set<string>();
  for (const entry of operations(root)) {
    for (const { node, path } of parameterNodes(entry)) {
      // Path-item parameters are shared by the path's operations: visit them once.
      if (path.length === entry.itemPath.length + 2) {
        const key = path.join('\u0000');
        if (seenPathItems.has(key)) continue;
        seenPathItems.add(key);
      }
      yield* visit(node, path);
    }
  }
  const shared = isOas2(root) ? root['parameters'] : isObject(root['components']) ? root['components']['parameters'] : undefined;
  const base: JsonPath = isOas2(root) ? ['parameters'] : ['components', 'parameters'];
  if (isObject(shared)) for (const [name, node] of Object.entries(shared)) yield* visit(node, [...base, name]);
}

const sitesByFollower = new WeakMap<RefFollower, readonly ParameterSite[]>();

/** Every parameter of the document where it is written, each once (see `collectParameterSites`); computed once per document, as several rules read it. */
export function parameterSites(root: unknown, refs: RefFollower): readonly ParameterSite[] {
  let sites = sitesByFollower.get(refs);
  if (sites === undefined) {
    sites = [...collectParameterSites(root, refs)];
    sitesByFollower.set(refs, sites);
  }
  return sites;
}

/**
 * The parameters an operation takes, `$ref`s followed: the path item's, overridden by the
 * operation's own of the same name and location.
 */
export function effectiveParameters(entry: OperationEntry, refs: RefFollower): JsonObject[] {
  const byKey = new Map<string, JsonObject>();
  for (const { node } of parameterNodes(entry)) {
    const parameter = refs.value(node);
    if (!isObject(parameter)) continue;
    byKey.set(`${String(parameter['in'])}:${String(parameter['name'])}`, parameter);
  }
  return [...byKey.values()];
}

/** The schema of a parameter: 3.x `schema` (or the one media type's), 2.0 the parameter itself. */
export function parameterSchema(parameter: JsonObject, oas2: boolean): unknown {
  if (oas2) return parameter['in'] === 'body' ? parameter['schema'] : parameter;
  if (parameter['schema'] !== undefined) return parameter['schema'];
  const content = parameter['content'];
  if (isObject(content)) {
    const first = Object.values(content)[0];
    return isObject(first) ? first['schema'] : undefined;
  }
  return undefined;
}
