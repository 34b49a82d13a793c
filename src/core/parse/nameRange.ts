// Where a name is written. A finding about a name (a property, a path segment, a version segment)
// must point at the name itself, as Redocly points at `location.key()`: Spectral's range for a
// path is its value's, which starts after the key's colon and spans everything below it, so an
// editor underlined the schema of `last_name` instead of `last_name`.
import type { IParserResult, IPosition, IRange, JsonPath } from '@stoplight/types';
import type { ParsedDocument } from './document.js';
import { textOf } from './document.js';
import { JsonPositions, positionAt } from './fastJson.js';

/** The YAML AST of Spectral's YAML parser (@stoplight/yaml-ast-parser), as far as keys are concerned. */
interface YamlNode {
  kind: number;
  startPosition: number;
  endPosition: number;
  value?: unknown;
  key?: YamlNode;
  mappings?: Array<YamlNode | null>;
  items?: Array<YamlNode | null>;
}

// @stoplight/yaml-ast-parser's Kind: SCALAR 0, MAPPING 1, MAP 2, SEQ 3.
const MAP = 2;
const SEQ = 3;

type ParserResult = IParserResult<unknown> & { ast?: unknown; lineMap?: number[]; positions?: unknown };

function parserResultOf(document: ParsedDocument): ParserResult {
  // Spectral keeps the parser's result protected; the AST is the only record of where keys are.
  return (document as unknown as { parserResult: ParserResult }).parserResult;
}

function yamlPosition(offset: number, lineMap: readonly number[]): IPosition {
  // lineMap[i] is the offset where line i + 1 starts.
  let low = 0;
  let high = lineMap.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (lineMap[middle]! <= offset) low = middle + 1;
    else high = middle;
  }
  return { line: low, character: offset - (low === 0 ? 0 : lineMap[low - 1]!) };
}

/** The key of the last segment of `path` in a YAML document, when that segment is a mapping key. */
function yamlKeyRange(ast: YamlNode, lineMap: readonly number[], path: JsonPath): IRange | undefined {
  let node: YamlNode | null | undefined = ast;
  let key: YamlNode | undefined;
  for (const segment of path) {
    key = undefined;
    if (node === null || node === undefined) return undefined;
    if (node.kind === MAP) {
      // The last of equal keys wins, as in the parsed data.
      const mapping: YamlNode | null | undefined = node.mappings?.findLast((m) => m?.key?.value === String(segment));
      if (mapping === null || mapping === undefined) return undefined;
      key = mapping.key;
      node = mapping.value as YamlNode | null;
    } else if (node.kind === SEQ) {
      node = node.items?.[Number(segment)];
    } else {
      return undefined;
    }
  }
  if (key === undefined) return undefined;
  return { start: yamlPosition(key.startPosition, lineMap), end: yamlPosition(key.endPosition, lineMap) };
}

/** The key of the last segment of `path` (quotes included) in a JSON document read by the fast parser. */
function jsonKeyRange(positions: JsonPositions, path: JsonPath): IRange | undefined {
  const node = positions.find(path, false);
  if (node === -1 || path.length === 0 || positions.keyStart[node]! < 0) return undefined;
  return { start: positions.position(positions.keyStart[node]!), end: positions.position(positions.keyEnd[node]!) };
}

/** jsonc-parser's AST, which Spectral's own JSON parser keeps (our fast parser hands documents it cannot take to it). */
interface JsoncNode {
  type: string;
  value?: unknown;
  offset: number;
  length: number;
  children?: JsoncNode[];
}

/** The key of the last segment of `path` in a JSON document read by Spectral's parser (the first of equal keys, as its ranges). */
function jsoncKeyRange(ast: JsoncNode, lineStarts: readonly number[], path: JsonPath): IRange | undefined {
  let node: JsoncNode | undefined = ast;
  let key: JsoncNode | undefined;
  for (const segment of path) {
    key = undefined;
    if (node?.type === 'object') {
      const property: JsoncNode | undefined = node.children?.find((child) => child.children?.[0]?.value === String(segment));
      key = property?.children?.[0];
      node = property?.children?.[1];
    } else if (node?.type === 'array') {
      node = node.children?.[Number(segment)];
    } else {
      return undefined;
    }
  }
  if (key === undefined) return undefined;
  return { start: positionAt(lineStarts, key.offset), end: positionAt(lineStarts, key.offset + key.length) };
}

/** The range of the key that names the node at `path`, when the path ends at a mapping key. */
export function keyRangeAt(document: ParsedDocument, path: JsonPath): IRange | undefined {
  const result = parserResultOf(document);
  if (result.positions instanceof JsonPositions) return jsonKeyRange(result.positions, path);
  if (!Array.isArray(result.lineMap) || typeof result.ast !== 'object' || result.ast === null) return undefined;
  if ('kind' in result.ast) return yamlKeyRange(result.ast as YamlNode, result.lineMap, path);
  if ('offset' in result.ast) return jsoncKeyRange(result.ast as JsoncNode, result.lineMap, path);
  return undefined;
}

const NAME_CHARACTER = /[\p{L}\p{N}_]/u;

/** Where `name` is written as a whole word in `range` (one line of `text`), if it is. */
function nameWithin(text: string, lineStartAt: (line: number) => number | undefined, range: IRange, name: string): IRange | undefined {
  if (range.start.line !== range.end.line || name === '') return undefined;
  const lineStart = lineStartAt(range.start.line);
  if (lineStart === undefined) return undefined;
  const written = text.slice(lineStart + range.start.character, lineStart + range.end.character);
  for (let at = written.indexOf(name); at !== -1; at = written.indexOf(name, at + 1)) {
    const before = written[at - 1];
    const after = written[at + name.length];
    if ((before === undefined || !NAME_CHARACTER.test(before)) && (after === undefined || !NAME_CHARACTER.test(after))) {
      const character = range.start.character + at;
      return { start: { line: range.start.line, character }, end: { line: range.start.line, character: character + name.length } };
    }
  }
  return undefined;
}

/** Where each line of a document's text starts, computed once per document: a large one has tens of thousands of named findings. */
const LINE_STARTS = new WeakMap<ParsedDocument, number[]>();

function lineStartOf(document: ParsedDocument, text: string): (line: number) => number | undefined {
  // The fast JSON parser has them already.
  const { positions } = parserResultOf(document);
  if (positions instanceof JsonPositions) return (line) => positions.lineStart(line);
  let starts = LINE_STARTS.get(document);
  if (starts === undefined) {
    starts = [0];
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    LINE_STARTS.set(document, starts);
  }
  const known = starts;
  return (line) => known[line];
}

/**
 * The range of `name` as written at `path`: inside the key the path ends at (a property, a path
 * and its segments), else inside the value there (a segment of a server URL), else the whole key
 * (a name written with escapes). Undefined when there is no key: the finding keeps Spectral's range.
 */
export function nameRangeAt(document: ParsedDocument, path: JsonPath, name: string): IRange | undefined {
  const text = textOf(document);
  if (text === undefined) return undefined;
  const lineStarts = lineStartOf(document, text);
  const key = keyRangeAt(document, path);
  const inKey = key === undefined ? undefined : nameWithin(text, lineStarts, key, name);
  if (inKey !== undefined) return inKey;
  const value = document.getRangeForJsonPath(path, false);
  return (value === undefined ? undefined : nameWithin(text, lineStarts, value, name)) ?? key;
}
