import { isObject } from './json.js';
import type { JsonObject } from './json.js';
import type { RefFollower } from './refs.js';

/**
 * One reading of a schema for every rule: what it means, not how it is written.
 *
 * Generators write the same schema many ways: `$ref: X`; `allOf: [X]` with a description or a
 * default beside it (NSwag, pydantic); OpenAPI 3.0's `{nullable: true, oneOf: [X]}`
 * (openapi-generator, NSwag); 3.1's `anyOf: [X, {type: 'null'}]` (FastAPI); `type: [T, 'null']`;
 * 2.0's `x-nullable`; a 3.1 `$ref` with siblings. A rule that read only a schema's own keywords
 * would judge each spelling differently, so rules read schemas through this module only.
 *
 * The null branch is set aside everywhere (`nullable` says it was there): only rules about
 * nullability look at it, and they read the document as written.
 */

/** Keywords that describe a schema without constraining its values: a wrapper may carry them. */
const ANNOTATIONS = new Set([
  'description',
  'title',
  'default',
  'example',
  'examples',
  'readOnly',
  'writeOnly',
  'deprecated',
  'nullable',
  'x-nullable',
  'externalDocs',
  'xml',
  '$comment',
]);

function isAnnotation(keyword: string): boolean {
  return ANNOTATIONS.has(keyword) || keyword.startsWith('x-');
}

/** A branch that only admits `null` (`{type: 'null'}`, `{enum: [null]}`, `{const: null}`). */
export function isNullSchema(schema: unknown, refs: RefFollower): boolean {
  const resolved = refs.value(schema);
  if (!isObject(resolved)) return false;
  const type = resolved['type'];
  if (type === 'null' || (Array.isArray(type) && type.length === 1 && type[0] === 'null')) return true;
  const values = resolved['enum'];
  return (Array.isArray(values) && values.length === 1 && values[0] === null) || ('const' in resolved && resolved['const'] === null);
}

/** The branches of a `oneOf`/`anyOf` other than the null one. */
function valueBranches(branches: unknown[], refs: RefFollower): unknown[] {
  return branches.filter((branch) => !isNullSchema(branch, refs));
}

export interface ReadOptions {
  /**
   * Whether the siblings of a `$ref` apply (3.1 and JSON Schema; default). In 2.0 and 3.0 they are
   * ignored by the specification, which matters only for keywords a rule requires to be declared.
   */
  siblingsOfRef?: boolean;
}

/**
 * Every schema object that applies together with this one, `$ref`s followed: the schema itself,
 * its `allOf` parts, and the value branch of a union with a single one (`oneOf: [X]`, `anyOf: [X,
 * null]`): those are one schema written in several objects. Unions of several value branches are
 * alternatives, read by `alternatives`/`everyBranch`, not merged.
 */
export function schemaParts(schema: unknown, refs: RefFollower, options: ReadOptions = {}): JsonObject[] {
  const parts: JsonObject[] = [];
  const seen = new Set<unknown>();
  const add = (node: unknown): void => {
    if (!isObject(node) || seen.has(node)) return;
    seen.add(node);
    if (typeof node['$ref'] === 'string') {
      if (options.siblingsOfRef !== false && Object.keys(node).length > 1) parts.push(node);
      const target = refs.value(node);
      if (target !== node) add(target);
      return;
    }
    parts.push(node);
    if (Array.isArray(node['allOf'])) for (const part of node['allOf']) add(part);
    for (const keyword of ['oneOf', 'anyOf'] as const) {
      const branches = node[keyword];
      if (!Array.isArray(branches)) continue;
      const values = valueBranches(branches, refs);
      if (values.length === 1) add(values[0]);
    }
  };
  add(schema);
  return parts;
}

/**
 * The alternatives a schema stands for: the value branches of its (first) `oneOf`/`anyOf` with
 * several of them, wherever it sits among the schema's parts; undefined when it has none.
 */
export function alternatives(schema: unknown, refs: RefFollower, options: ReadOptions = {}): unknown[] | undefined {
  for (const part of schemaParts(schema, refs, options)) {
    for (const keyword of ['oneOf', 'anyOf'] as const) {
      const branches = part[keyword];
      if (!Array.isArray(branches)) continue;
      const values = valueBranches(branches, refs);
      if (values.length > 1) return values;
    }
  }
  return undefined;
}

/**
 * Whether a requirement holds of a schema: of the schema read as a whole, or of every one of its
 * alternatives (a body that is `oneOf` two error objects that both have `code` has `code`).
 */
export function everyBranch(
  schema: unknown,
  refs: RefFollower,
  predicate: (schema: unknown) => boolean,
  options: ReadOptions = {},
  depth = 0,
): boolean {
  if (predicate(schema)) return true;
  if (depth > 16) return false;
  const branches = alternatives(schema, refs, options);
  return branches?.every((branch) => everyBranch(branch, refs, predicate, options, depth + 1)) ?? false;
}

/** A schema as the merge of its parts: what the rules ask of a schema. */
export interface EffectiveSchema {
  /** The schema objects read (see `schemaParts`). */
  parts: JsonObject[];
  /** JSON types other than null: declared, or implied by `properties`/`items` when a part declares none. */
  types: Set<string>;
  /** Whether null is allowed (`nullable`, `x-nullable`, a null type or branch). */
  nullable: boolean;
  /** Each property's schemas, from every part (a later `allOf` part may refine an earlier one's). */
  properties: Map<string, unknown[]>;
  required: Set<string>;
  /** The `items` schemas of every part. */
  items: unknown[];
  /** The first `enum` declared. */
  enum: unknown[] | undefined;
  /** The first `format` declared. */
  format: string | undefined;
  /** The first value of any keyword, parts in order (the schema's own first). */
  keyword(name: string): unknown;
}

const memo = new WeakMap<RefFollower, WeakMap<object, EffectiveSchema>>();

/** The merged reading of a schema (see the module comment); memoised per document. */
export function effectiveSchema(schema: unknown, refs: RefFollower, options: ReadOptions = {}): EffectiveSchema {
  const cacheable = isObject(schema) && options.siblingsOfRef !== false;
  let byNode = memo.get(refs);
  if (cacheable) {
    if (byNode === undefined) {
      byNode = new WeakMap();
      memo.set(refs, byNode);
    }
    const cached = byNode.get(schema);
    if (cached !== undefined) return cached;
  }
  const parts = schemaParts(schema, refs, options);
  const types = new Set<string>();
  const properties = new Map<string, unknown[]>();
  const required = new Set<string>();
  const items: unknown[] = [];
  let nullable = false;
  for (const part of parts) {
    const type = part['type'];
    const declared = typeof type === 'string' ? [type] : Array.isArray(type) ? type.filter((t) => typeof t === 'string') : [];
    for (const t of declared) if (t === 'null') nullable = true;
    for (const t of declared) if (t !== 'null') types.add(t);
    if (declared.length === 0 && 'items' in part) types.add('array');
    if (declared.length === 0 && ('properties' in part || 'additionalProperties' in part)) types.add('object');
    if (part['nullable'] === true || part['x-nullable'] === true) nullable = true;
    for (const keyword of ['oneOf', 'anyOf'] as const) {
      const branches = part[keyword];
      if (Array.isArray(branches) && branches.some((branch) => isNullSchema(branch, refs))) nullable = true;
    }
    if (isObject(part['properties']))
      for (const [name, value] of Object.entries(part['properties'])) properties.set(name, [...(properties.get(name) ?? []), value]);
    if (Array.isArray(part['required'])) for (const name of part['required']) if (typeof name === 'string') required.add(name);
    if (part['items'] !== undefined) items.push(part['items']);
  }
  const keyword = (name: string): unknown => parts.find((part) => part[name] !== undefined)?.[name];
  const values = keyword('enum');
  const format = keyword('format');
  const view: EffectiveSchema = {
    parts,
    types,
    nullable,
    properties,
    required,
    items,
    enum: Array.isArray(values) ? values : undefined,
    format: typeof format === 'string' ? format : undefined,
    keyword,
  };
  if (cacheable) byNode!.set(schema as object, view);
  return view;
}

/**
 * The `$ref` a schema stands for when it is only a wrapper around one (`allOf: [X]` with
 * annotations, `{nullable: true, oneOf: [X]}`, `anyOf: [X, null]`, or the `$ref` itself): a finding
 * about the schema belongs to the referenced component, as it would with the plain `$ref`.
 */
export function wrappedRef(schema: unknown, refs: RefFollower, depth = 0): JsonObject | undefined {
  if (!isObject(schema) || depth > 16) return undefined;
  if (typeof schema['$ref'] === 'string') return schema;
  let inner: unknown;
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'allOf' || key === 'oneOf' || key === 'anyOf') {
      if (!Array.isArray(value)) return undefined;
      const values = valueBranches(value, refs);
      if (values.length !== 1 || inner !== undefined) return undefined;
      inner = values[0];
    } else if (!isAnnotation(key) && !(key === 'type' && isNullOnlyType(value))) return undefined;
  }
  return inner === undefined ? undefined : wrappedRef(inner, refs, depth + 1);
}

function isNullOnlyType(value: unknown): boolean {
  return value === 'null' || (Array.isArray(value) && value.every((t) => t === 'null'));
}

/**
 * The shared component a schema stands for: the `$ref` it wraps, else the first `$ref` among its
 * `allOf` parts (`allOf: [{$ref: Error}, {required: [code]}]` is the `Error` component refined),
 * so that a finding about what the component lacks goes to the component.
 */
export function componentRef(schema: unknown, refs: RefFollower): JsonObject | undefined {
  const wrapped = wrappedRef(schema, refs);
  if (wrapped !== undefined || !isObject(schema) || !Array.isArray(schema['allOf'])) return wrapped;
  for (const part of schema['allOf']) {
    const ref = wrappedRef(part, refs);
    if (ref !== undefined) return ref;
  }
  return undefined;
}
