import Parsers from '@stoplight/spectral-parsers';
import type { IParser } from '@stoplight/spectral-parsers';
import type { IParserResult, JsonPath } from '@stoplight/types';

/** The node shape of the JSON parser's AST (jsonc-parser's, with Spectral's ranges). */
interface JsonAstNode {
  type: string;
  value?: unknown;
  children?: JsonAstNode[];
  range?: unknown;
}

/**
 * A JSON parser whose path-to-range lookup indexes each object's keys on first visit.
 * Spectral maps every finding's path to a range by scanning each object's keys in turn, which
 * on a large document costs more than the rules themselves; the index gives the same answer
 * (the first property of that name, the value's range) in one step per path segment.
 */
const childIndex = new WeakMap<JsonAstNode, Map<string, JsonAstNode>>();

function propertyValue(node: JsonAstNode, key: string): JsonAstNode | undefined {
  let index = childIndex.get(node);
  if (index === undefined) {
    index = new Map();
    for (const property of node.children ?? []) {
      const [name, value] = property.children ?? [];
      if (
        property.children?.length === 2 &&
        name !== undefined &&
        value !== undefined &&
        typeof name.value === 'string' &&
        !index.has(name.value)
      )
        index.set(name.value, value);
    }
    childIndex.set(node, index);
  }
  return index.get(key);
}

function findNode(root: JsonAstNode | undefined, path: JsonPath, closest: boolean): JsonAstNode | undefined {
  let node = root;
  if (node === undefined) return undefined;
  for (const segment of path) {
    const numeric = Number(segment);
    const key = Number.isInteger(numeric) ? numeric : segment;
    if (typeof key === 'string' || node.type !== 'array') {
      if (node.type !== 'object' || !Array.isArray(node.children)) return closest ? node : undefined;
      const next = propertyValue(node, String(key));
      if (next === undefined) return closest ? node : undefined;
      node = next;
      continue;
    }
    if (!Array.isArray(node.children) || key < 0 || key >= node.children.length) return closest ? node : undefined;
    node = node.children[key]!;
  }
  return node;
}

type JsonResult = IParserResult<unknown> & { ast?: JsonAstNode };

export const IndexedJson: IParser<IParserResult<unknown>> = {
  ...(Parsers.Json as unknown as IParser<IParserResult<unknown>>),
  getLocationForJsonPath(result, path, closest = false) {
    const node = findNode((result as JsonResult).ast, path, closest);
    return node?.range === undefined
      ? undefined
      : ({ range: node.range } as ReturnType<IParser<IParserResult<unknown>>['getLocationForJsonPath']>);
  },
};
