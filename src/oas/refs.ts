import { dirname, resolve as resolvePath } from 'node:path';
import type { RulesetFunctionContext } from '@stoplight/spectral-core';
import type { JsonPath } from '@stoplight/types';
import { isObject, valueAt } from './json.js';
import { parseRef, refTarget } from './refSyntax.js';

/** Where a value really lives once `$ref`s are followed. */
export interface Resolved {
  value: unknown;
  /** Path of the value in its own document. */
  path: JsonPath;
  /** Absolute path or URL of the document holding the value; null for the linted document itself. */
  source: string | null;
}

const MAX_HOPS = 64;

function refOf(node: unknown): string | undefined {
  return isObject(node) && typeof node['$ref'] === 'string' ? node['$ref'] : undefined;
}

/**
 * Follows `$ref`s on demand, in the linted document and in the files it references (already read
 * by Spectral's resolver), so rules can judge the document as resolved while walking it as written.
 * One instance per document: lookups are memoised.
 */
export class RefFollower {
  readonly #root: unknown;
  readonly #rootSource: string | null;
  readonly #documents: Record<string, { data: unknown } | undefined>;
  readonly #memo = new WeakMap<object, Resolved>();
  /** The objects of each referenced document, indexed on first need to tell which file a node is in. */
  #owners: WeakMap<object, string> | undefined;

  constructor(context: Pick<RulesetFunctionContext, 'document' | 'documentInventory'>) {
    this.#root = context.document.data;
    this.#rootSource = context.document.source;
    this.#documents = context.documentInventory.referencedDocuments as Record<string, { data: unknown } | undefined>;
  }

  /** Follows the `$ref` chain starting at `node` (found at `path` in `source`); a non-ref node resolves to itself. */
  resolve(node: unknown, path: JsonPath, source: string | null = null): Resolved {
    if (refOf(node) === undefined) return { value: node, path, source };
    const cached = this.#memo.get(node as object);
    if (cached !== undefined) return cached;
    // Helpers pass no source for nodes they reached through an earlier `$ref`: a `$ref` in another
    // file is read from that file (a local one points into it, a relative one is relative to it),
    // so find which file the node belongs to.
    if (source === null) source = this.#ownerOf(node as object);

    let current: Resolved = { value: node, path, source };
    for (let hop = 0; hop < MAX_HOPS; hop++) {
      const ref = refOf(current.value);
      if (ref === undefined) break;
      const next = this.#follow(ref, current.source);
      if (next === undefined) break;
      current = next;
    }
    this.#memo.set(node as object, current);
    return current;
  }

  /** The value a node stands for, with `$ref`s followed (the node itself when a `$ref` cannot be followed). */
  value(node: unknown, source: string | null = null): unknown {
    return this.resolve(node, [], source).value;
  }

  #ownerOf(node: object): string | null {
    const sources = Object.keys(this.#documents);
    if (sources.length === 0) return null;
    if (this.#owners === undefined) {
      this.#owners = new WeakMap();
      for (const source of sources) {
        const stack: unknown[] = [this.#documents[source]?.data];
        while (stack.length > 0) {
          const value = stack.pop();
          if (typeof value !== 'object' || value === null || this.#owners.has(value)) continue;
          this.#owners.set(value, source);
          for (const child of Object.values(value)) stack.push(child);
        }
      }
    }
    return this.#owners.get(node) ?? null;
  }

  #follow(ref: string, from: string | null): Resolved | undefined {
    const parsed = parseRef(ref);
    if (parsed.kind === 'invalid') return undefined;
    const pointer = [...parsed.pointer];
    if (parsed.kind === 'local') {
      const data = from === null ? this.#root : this.#documents[from]?.data;
      return { value: valueAt(data, pointer), path: pointer, source: from };
    }
    const base = from ?? this.#rootSource;
    const written = ref.includes('#') ? ref.slice(0, ref.indexOf('#')) : ref;
    let target: string | undefined;
    if (base === null) target = parsed.kind === 'url' ? parsed.url : resolvePath(parsed.file);
    else if (parsed.kind === 'file' && /^https?:\/\//.test(base))
      target = URL.canParse(written, base) ? new URL(written, base).href : undefined;
    else target = refTarget(parsed, base);
    if (target === undefined) return undefined;
    if (target === this.#rootSource) return { value: valueAt(this.#root, pointer), path: pointer, source: null };
    // Spectral knows a file by its path as written (percent-encoded); the resolver reads it decoded.
    const known =
      this.#documents[target] === undefined && parsed.kind === 'file' && base !== null
        ? resolvePath(dirname(base), written.replace(/^\/+/, ''))
        : target;
    const document = this.#documents[known];
    if (document === undefined) return undefined;
    return { value: valueAt(document.data, pointer), path: pointer, source: known };
  }
}

const followers = new WeakMap<object, RefFollower>();

/** The follower for the document a rule function is looking at, shared by all rules on that document. */
export function refFollower(context: Pick<RulesetFunctionContext, 'document' | 'documentInventory'>): RefFollower {
  const key = context.document as object;
  let follower = followers.get(key);
  if (follower === undefined) {
    follower = new RefFollower(context);
    followers.set(key, follower);
  }
  return follower;
}
