import type { JsonPath } from '@stoplight/types';
import { HTTP_METHODS, isOas2, operations, parameterNodes } from './document.js';
import type { OperationEntry } from './document.js';
import { isObject } from './json.js';
import type { JsonObject } from './json.js';
import type { RefFollower } from './refs.js';
import { responseEntries } from './status.js';

/** A schema reached by a walk, with where findings about it (and about its property names) go. */
export interface SchemaVisit {
  schema: JsonObject;
  /** The schema's own path in the linted document, or, for a schema in another file, the `$ref` that brings it. */
  at: JsonPath;
  /** True when `at` is the schema itself, so `[...at, 'properties', name]` exists in the linted document. */
  inline: boolean;
}

export interface SchemaRoot {
  schema: unknown;
  path: JsonPath;
}

/** Which schemas a rule looks at. */
export type SchemaScope = 'all' | 'responses' | 'bodies';

const MAP_KEYWORDS = ['properties', 'patternProperties', 'dependentSchemas', '$defs', 'definitions'] as const;
const SCHEMA_KEYWORDS = [
  'additionalProperties',
  'items',
  'not',
  'contains',
  'propertyNames',
  'if',
  'then',
  'else',
  'unevaluatedProperties',
  'unevaluatedItems',
  'additionalItems',
] as const;
const LIST_KEYWORDS = ['allOf', 'oneOf', 'anyOf', 'prefixItems', 'items'] as const;

function* mediaSchemas(content: unknown, path: JsonPath, refs: RefFollower): Generator<SchemaRoot> {
  if (!isObject(content)) return;
  for (const [type, media] of Object.entries(content)) {
    const resolved = refs.value(media);
    if (isObject(resolved) && resolved['schema'] !== undefined) yield { schema: resolved['schema'], path: [...path, type, 'schema'] };
  }
}

function* responseRoots(node: unknown, path: JsonPath, oas2: boolean, refs: RefFollower): Generator<SchemaRoot> {
  if (!isObject(node)) return;
  if (typeof node['$ref'] === 'string') {
    yield { schema: node, path };
    return;
  }
  if (oas2) {
    if (node['schema'] !== undefined) yield { schema: node['schema'], path: [...path, 'schema'] };
  } else {
    yield* mediaSchemas(node['content'], [...path, 'content'], refs);
  }
}

/** A parameter's or header's schema: its `schema`, or the schema of its `content` (3.x allows either). */
function* parameterLikeRoots(node: unknown, path: JsonPath, refs: RefFollower): Generator<SchemaRoot> {
  if (!isObject(node)) return;
  if (node['schema'] !== undefined) yield { schema: node['schema'], path: [...path, 'schema'] };
  else yield* mediaSchemas(node['content'], [...path, 'content'], refs);
}

function* headerRoots(headers: unknown, path: JsonPath, refs: RefFollower): Generator<SchemaRoot> {
  if (!isObject(headers)) return;
  for (const [name, header] of Object.entries(headers)) yield* parameterLikeRoots(header, [...path, name], refs);
}

/** Operations of callbacks (under path operations) and of 3.1 `webhooks`: their bodies are the API's too. */
export function* callbackOperations(root: unknown): Generator<OperationEntry> {
  if (!isObject(root)) return;
  const fromItem = function* (item: unknown, itemPath: JsonPath, pathKey: string): Generator<OperationEntry> {
    if (!isObject(item)) return;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      yield { pathKey, method, operation, pathItem: item, path: [...itemPath, method], itemPath };
      yield* nested(operation, [...itemPath, method]);
    }
  };
  const nested = function* (operation: JsonObject, path: JsonPath): Generator<OperationEntry> {
    if (!isObject(operation['callbacks'])) return;
    for (const [name, callback] of Object.entries(operation['callbacks'])) {
      if (!isObject(callback)) continue;
      for (const [expression, item] of Object.entries(callback))
        yield* fromItem(item, [...path, 'callbacks', name, expression], expression);
    }
  };
  for (const entry of operations(root)) yield* nested(entry.operation, entry.path);
  if (isObject(root['webhooks']))
    for (const [name, item] of Object.entries(root['webhooks'])) yield* fromItem(item, ['webhooks', name], name);
}

/**
 * The schemas a rule starts from, as written. "responses": response bodies; "bodies": request and
 * response bodies; "all": those plus parameters, headers and every component schema.
 */
export function* schemaRoots(root: unknown, scope: SchemaScope, refs: RefFollower): Generator<SchemaRoot> {
  if (!isObject(root)) return;
  const oas2 = isOas2(root);
  const components = isObject(root['components']) ? root['components'] : {};
  const callbacks = new Set([...callbackOperations(root)]);
  for (const entry of [...operations(root), ...callbacks]) {
    // A callback's or webhook's responses come from the subscriber, not from the API.
    const responses = callbacks.has(entry) ? undefined : entry.operation['responses'];
    if (isObject(responses)) {
      for (const [code, node] of responseEntries(responses)) {
        const at = [...entry.path, 'responses', code];
        // A response that is a `$ref` to a response object (not a schema) is followed to its body.
        const response = refs.resolve(node, at);
        if (isObject(node) && typeof node['$ref'] === 'string') {
          if (response.source === null) continue; // a local response component: visited below
          if (isObject(response.value)) yield* responseRoots(response.value, at, oas2, refs);
          continue;
        }
        yield* responseRoots(node, at, oas2, refs);
        if (scope === 'all' && isObject(node)) yield* headerRoots(node['headers'], [...at, 'headers'], refs);
      }
    }
    if (scope === 'responses') continue;
    if (oas2) {
      for (const { node, path } of parameterNodes(entry)) {
        if (isObject(node) && node['in'] === 'body' && node['schema'] !== undefined)
          yield { schema: node['schema'], path: [...path, 'schema'] };
      }
    } else {
      const body = entry.operation['requestBody'];
      if (isObject(body) && typeof body['$ref'] !== 'string')
        yield* mediaSchemas(body['content'], [...entry.path, 'requestBody', 'content'], refs);
      if (scope === 'all') {
        for (const { node, path } of parameterNodes(entry)) yield* parameterLikeRoots(node, path, refs);
      }
    }
  }
  const sharedResponses = oas2 ? root['responses'] : components['responses'];
  const responsesBase = oas2 ? ['responses'] : ['components', 'responses'];
  if (isObject(sharedResponses)) {
    for (const [name, node] of Object.entries(sharedResponses)) {
      yield* responseRoots(node, [...responsesBase, name], oas2, refs);
      if (scope === 'all' && !oas2 && isObject(node)) yield* headerRoots(node['headers'], [...responsesBase, name, 'headers'], refs);
    }
  }
  if (scope === 'responses') return;
  if (oas2) {
    if (isObject(root['parameters'])) {
      for (const [name, node] of Object.entries(root['parameters'])) {
        if (isObject(node) && node['in'] === 'body' && node['schema'] !== undefined)
          yield { schema: node['schema'], path: ['parameters', name, 'schema'] };
      }
    }
  } else if (isObject(components['requestBodies'])) {
    for (const [name, node] of Object.entries(components['requestBodies'])) {
      if (isObject(node)) yield* mediaSchemas(node['content'], ['components', 'requestBodies', name, 'content'], refs);
    }
  }
  if (scope !== 'all') return;
  const definitions = oas2 ? root['definitions'] : components['schemas'];
  const definitionsBase = oas2 ? ['definitions'] : ['components', 'schemas'];
  if (isObject(definitions)) for (const [name, schema] of Object.entries(definitions)) yield { schema, path: [...definitionsBase, name] };
  if (!oas2 && isObject(components['parameters'])) {
    for (const [name, node] of Object.entries(components['parameters']))
      yield* parameterLikeRoots(node, ['components', 'parameters', name], refs);
  }
  if (!oas2) yield* headerRoots(components['headers'], ['components', 'headers'], refs);
}

/**
 * Visits every schema reachable from `roots` once, where it is defined. With `followLocalRefs`,
 * a local `$ref` leads to its target (visited at the target's path, once however many use it);
 * without, local targets are expected among the roots. A schema in another file is visited with
 * `at` set to the `$ref` that brings it, since findings can only go into the linted document.
 */
export function walkSchemas(
  roots: Iterable<SchemaRoot>,
  refs: RefFollower,
  followLocalRefs: boolean,
  visit: (site: SchemaVisit) => void,
): void {
  const seen = new Set<unknown>();
  const walk = (node: unknown, path: JsonPath, external: JsonPath | undefined): void => {
    if (!isObject(node)) return;
    if (typeof node['$ref'] === 'string') {
      const local = node['$ref'].startsWith('#') && external === undefined;
      if (local && !followLocalRefs) return;
      const target = refs.resolve(node, path);
      // An unresolvable `$ref` (missing target, pure cycle) resolves to itself: nothing to walk.
      if (!isObject(target.value) || target.value === node || typeof target.value['$ref'] === 'string' || seen.has(target.value)) return;
      if (target.source === null) walk(target.value, target.path, undefined);
      else walk(target.value, path, external ?? [...path, '$ref']);
      return;
    }
    if (seen.has(node)) return;
    seen.add(node);
    visit({ schema: node, at: external ?? path, inline: external === undefined });
    for (const keyword of MAP_KEYWORDS) {
      const map = node[keyword];
      if (isObject(map) && !(keyword === 'properties' && '$ref' in map)) {
        for (const [name, child] of Object.entries(map)) walk(child, [...path, keyword, name], external);
      }
    }
    for (const keyword of SCHEMA_KEYWORDS) if (isObject(node[keyword])) walk(node[keyword], [...path, keyword], external);
    for (const keyword of LIST_KEYWORDS) {
      const list = node[keyword];
      if (Array.isArray(list)) for (const [i, child] of list.entries()) walk(child, [...path, keyword, i], external);
    }
  };
  for (const { schema, path } of roots) walk(schema, path, undefined);
}

const visitsByFollower = new WeakMap<RefFollower, Map<string, readonly SchemaVisit[]>>();

/**
 * The schemas `walkSchemas` visits from `schemaRoots(root, scope, refs)`, walked once per document
 * and kept: several rules of a ruleset look at the same schemas, and on a large document the walk
 * costs more than what each rule does with a schema.
 */
export function schemaVisits(root: unknown, scope: SchemaScope, refs: RefFollower, followLocalRefs: boolean): readonly SchemaVisit[] {
  let byKey = visitsByFollower.get(refs);
  if (byKey === undefined) {
    byKey = new Map();
    visitsByFollower.set(refs, byKey);
  }
  const key = `${scope}:${followLocalRefs}`;
  let visits = byKey.get(key);
  if (visits === undefined) {
    const collected: SchemaVisit[] = [];
    walkSchemas(schemaRoots(root, scope, refs), refs, followLocalRefs, (visit) => collected.push(visit));
    visits = collected;
    byKey.set(key, visits);
  }
  return visits;
}
