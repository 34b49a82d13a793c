import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'query']);

/** What the report needs of a document's shape: its operations per path, and a tag per path. */
export interface DocumentShape {
  /** Path template → number of operations and the first tag of its operations. */
  paths: Map<string, { operations: number; tag: string | undefined }>;
  operations: number;
}

/** A document's text: the one held in memory (standard input), else the file; undefined if it cannot be read. */
export function documentText(source: string, texts: ReadonlyMap<string, string> | undefined): string | undefined {
  const held = texts?.get(source);
  if (held !== undefined) return held;
  try {
    return readFileSync(source, 'utf8').replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    try {
      // Duplicate keys and many aliases are findings or legal YAML, not reasons to give up on the shape.
      return parseYaml(text, { uniqueKeys: false, maxAliasCount: -1 });
    } catch {
      return undefined;
    }
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Counts the operations under `paths` (OpenAPI 2 and 3 alike); a document that does not parse has none. */
export function shapeOf(text: string | undefined): DocumentShape {
  const shape: DocumentShape = { paths: new Map(), operations: 0 };
  const document = text === undefined ? undefined : parse(text);
  if (!isObject(document) || !isObject(document.paths)) return shape;
  for (const [path, item] of Object.entries(document.paths)) {
    if (!isObject(item)) continue;
    let operations = 0;
    let tag: string | undefined;
    for (const [method, operation] of Object.entries(item)) {
      if (!HTTP_METHODS.has(method) || !isObject(operation)) continue;
      operations += 1;
      const tags = operation.tags;
      if (tag === undefined && Array.isArray(tags) && typeof tags[0] === 'string') tag = tags[0];
    }
    shape.paths.set(path, { operations, tag });
    shape.operations += operations;
  }
  return shape;
}
