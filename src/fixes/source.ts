import { isMap, isScalar, isSeq, parseDocument, stringify } from 'yaml';
import type { Document, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { JsonPath } from '@stoplight/types';
import type { TextEdit } from './textEdit.js';

export type MapNode = YAMLMap<unknown, unknown>;
export type SeqNode = YAMLSeq<unknown>;

/** A string as YAML writes it on one line: plain when it reads back as the same string, else double-quoted. */
function plainOrQuoted(value: string): string {
  const written = stringify(value, { lineWidth: 0, singleQuote: true }).trimEnd();
  return written.includes('\n') || /^[|>]/.test(written) ? JSON.stringify(value) : written;
}

/**
 * A document as written, parsed with the `yaml` package (JSON is YAML too) to find the exact
 * offsets of its nodes, and the edits that change a few of them while leaving every other
 * character, comments and formatting included, as it is.
 */
export class SourceDocument {
  readonly text: string;
  readonly #document: Document.Parsed;
  /** Written as JSON: inserted entries are JSON too. */
  readonly isJson: boolean;

  constructor(text: string) {
    this.text = text;
    this.#document = parseDocument(text, { uniqueKeys: false, keepSourceTokens: false });
    this.isJson = /^\s*\{/.test(text);
  }

  /** A document the parser could not read cleanly gets no fixes: offsets in it cannot be trusted. */
  get usable(): boolean {
    return this.#document.errors.length === 0 && this.#document.contents !== null;
  }

  /** A Swagger 2.0 document (parameters carry their schema keywords themselves). */
  get isOas2(): boolean {
    const root = this.map([]);
    return root !== undefined && this.pair(root, 'swagger') !== undefined;
  }

  get root(): Node | null {
    return this.#document.contents;
  }

  /** The node at a JSON path, or undefined. */
  node(path: JsonPath): Node | undefined {
    let current: unknown = this.#document.contents;
    for (const segment of path) {
      if (isMap(current)) current = this.pair(current, String(segment))?.value;
      else if (isSeq(current) && typeof segment === 'number') current = current.items[segment];
      else if (isSeq(current) && /^\d+$/.test(String(segment))) current = current.items[Number(segment)];
      else return undefined;
    }
    return (current ?? undefined) as Node | undefined;
  }

  map(path: JsonPath): MapNode | undefined {
    const node = this.node(path);
    return isMap(node) ? node : undefined;
  }

  /** The entry of a mapping whose key is `key`. */
  pair(map: MapNode, key: string): Pair<unknown, unknown> | undefined {
    return map.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
  }

  /** The keys of a mapping, as strings. */
  keys(map: MapNode): string[] {
    return map.items.flatMap((item) => (isScalar(item.key) ? [String(item.key.value)] : []));
  }

  /** The string value at `key` of a mapping, if it is a scalar. */
  scalarValue(map: MapNode, key: string): unknown {
    const value = this.pair(map, key)?.value;
    return isScalar(value) ? value.value : undefined;
  }

  /** Rewrites a scalar (a value or a key) with a new string, in the quoting style it was written in. */
  replaceScalar(node: unknown, value: string | number | boolean): TextEdit | undefined {
    if (!isScalar(node) || node.range == null) return undefined;
    const written = this.#renderScalar(node, value);
    if (written === undefined) return undefined;
    return { start: node.range[0], end: node.range[1], newText: written };
  }

  #renderScalar(node: Scalar, value: string | number | boolean): string | undefined {
    if (typeof value !== 'string') return String(value);
    switch (node.type) {
      case 'QUOTE_DOUBLE':
        return JSON.stringify(value);
      case 'QUOTE_SINGLE':
        return `'${value.replace(/'/g, "''")}'`;
      case 'PLAIN':
      case undefined:
        return this.isJson ? JSON.stringify(value) : plainOrQuoted(value);
      default:
        return undefined; // block scalars are left to the user
    }
  }

  /** The column a mapping's keys start at. */
  #column(offset: number): number {
    return offset - (this.text.lastIndexOf('\n', offset - 1) + 1);
  }

  /** Sets keys of a mapping: existing scalar values are rewritten in place, missing keys added after the last entry. */
  setEntries(map: MapNode, entries: ReadonlyArray<readonly [string, unknown]>): TextEdit[] | undefined {
    const edits: TextEdit[] = [];
    const missing: Array<readonly [string, unknown]> = [];
    for (const [key, value] of entries) {
      const pair = this.pair(map, key);
      if (pair === undefined) {
        missing.push([key, value]);
        continue;
      }
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return undefined;
      if (isScalar(pair.value) && pair.value.value === value) continue;
      const edit = this.replaceScalar(pair.value, value);
      if (edit === undefined) return undefined;
      edits.push(edit);
    }
    if (missing.length > 0) {
      const added = this.addEntries(map, missing);
      if (added === undefined) return undefined;
      edits.push(added);
    }
    return edits;
  }

  /** Adds entries at the end of a mapping, in its own style (block or flow) and indentation. */
  addEntries(map: MapNode, entries: ReadonlyArray<readonly [string, unknown]>): TextEdit | undefined {
    const last = map.items[map.items.length - 1];
    const lastKey = last?.key as Node | undefined;
    const lastValue = (last?.value ?? last?.key) as Node | undefined;
    if (lastKey?.range == null || lastValue?.range == null) return undefined;
    if (map.flow === true) {
      const at = lastValue.range[1];
      const keyStart = lastKey.range[0];
      const multiline = this.text.lastIndexOf('\n', keyStart) > (map.range?.[0] ?? 0);
      const separator = multiline ? `,\n${' '.repeat(this.#column(keyStart))}` : ', ';
      const inserted = entries.map(([key, value]) =>
        this.isJson
          ? `${JSON.stringify(key)}: ${JSON.stringify(value)}`
          : `${stringify({ [key]: value }, { flow: true })
              .trim()
              .slice(1, -1)
              .trim()}`,
      );
      return { start: at, end: at, newText: inserted.map((entry) => `${separator}${entry}`).join('') };
    }
    const indent = ' '.repeat(this.#column(lastKey.range[0]));
    const body = stringify(Object.fromEntries(entries), { lineWidth: 0, singleQuote: true })
      .trimEnd()
      .split('\n')
      .map((line) => `${indent}${line}`)
      .join('\n');
    // After the line that ends the mapping's last value (its trailing comment included).
    let end = lastValue.range[1];
    // A block collection's range takes in the line break (and blank lines) after its content.
    while (end > lastValue.range[0] && /\s/.test(this.text[end - 1]!)) end--;
    const newline = this.text.indexOf('\n', end);
    if (newline === -1) return { start: this.text.length, end: this.text.length, newText: `\n${body}\n` };
    return { start: newline + 1, end: newline + 1, newText: `${body}\n` };
  }

  /** Every mapping of the document with its JSON path, depth first. */
  *maps(): Generator<{ map: MapNode; path: JsonPath }> {
    const stack: Array<{ node: unknown; path: JsonPath }> = [{ node: this.#document.contents, path: [] }];
    while (stack.length > 0) {
      const { node, path } = stack.pop()!;
      if (isMap(node)) {
        yield { map: node, path };
        for (const item of node.items) if (isScalar(item.key)) stack.push({ node: item.value, path: [...path, String(item.key.value)] });
      } else if (isSeq(node)) {
        for (const [index, item] of node.items.entries()) stack.push({ node: item, path: [...path, index] });
      }
    }
  }
}

/** Whether two edits touch the same text (two insertions at one offset count: their order would be a guess). */
export function overlaps(a: TextEdit, b: TextEdit): boolean {
  return (a.start < b.end && b.start < a.end) || a.start === b.start;
}

/** Applies non-overlapping edits to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start))
    result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}
