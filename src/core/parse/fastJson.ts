import type { IParser } from '@stoplight/spectral-parsers';
import * as orderedObjects from '@stoplight/ordered-object-literal';
import type { IParserResult, IRange, JsonPath } from '@stoplight/types';
import { IndexedJson } from './positions.js';

/**
 * A JSON parser for Spectral that gives the same data, diagnostics and ranges as Spectral's own
 * (`@stoplight/spectral-parsers`' `Json`) at a fraction of the time and memory.
 *
 * Spectral's parser builds a jsonc-parser AST (an object per value, key and property, each with a
 * parent link and a range) and turns every object of the data into a key-ordering Proxy, which
 * every later property read pays for. Here the data comes from the engine's native `JSON.parse`,
 * and positions from one scan that records each value's offsets in typed arrays; a path is mapped
 * to a range through an index of each container's children built on first use. Plain objects
 * keep JSON's key order except for integer-like keys, which JavaScript lists first: the few
 * objects where that changes the order are given Spectral's ordered objects, so rules see keys in
 * document order as they do with Spectral's parser.
 *
 * Anything unusual (a syntax error, a duplicate key, a `__proto__` key) goes to Spectral's parser,
 * so that its diagnostics and data stay exactly Spectral's.
 */

// biome-ignore lint/suspicious/noConstEnum: the scanner's hot loop compares kinds; inlined numbers, and the enum never leaves this module
const enum Kind {
  Scalar = 0,
  Object = 1,
  Array = 2,
}

/** The line and column of an offset, given where each line starts (ascending, the first at 0). */
export function positionAt(lineStarts: ArrayLike<number>, offset: number): { line: number; character: number } {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lineStarts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low, character: offset - lineStarts[low]! };
}

/** Where each value of a JSON text is, by node id; node 0 is the root value. */
export class JsonPositions {
  readonly text: string;
  count = 0;
  kind: Uint8Array;
  /** Offset of the value's first character, and one past its last. */
  start: Int32Array;
  end: Int32Array;
  /** For an object's member: the offsets of its key, quotes included; -1 elsewhere. */
  keyStart: Int32Array;
  keyEnd: Int32Array;
  parent: Int32Array;
  firstChild: Int32Array;
  nextSibling: Int32Array;
  #lineStarts: Int32Array | undefined;
  readonly #objectIndex = new Map<number, Map<string, number>>();
  readonly #arrayIndex = new Map<number, Int32Array>();

  constructor(text: string) {
    this.text = text;
    const capacity = Math.max(64, text.length >> 4);
    this.kind = new Uint8Array(capacity);
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.keyStart = new Int32Array(capacity);
    this.keyEnd = new Int32Array(capacity);
    this.parent = new Int32Array(capacity);
    this.firstChild = new Int32Array(capacity);
    this.nextSibling = new Int32Array(capacity);
  }

  /** Adds a node as the last child of `parent` (-1 for the root); `previous` is that parent's last child so far. */
  add(kind: Kind, start: number, keyStart: number, keyEnd: number, parent: number, previous: number): number {
    if (this.count === this.kind.length) this.#grow();
    const id = this.count++;
    this.kind[id] = kind;
    this.start[id] = start;
    this.end[id] = start;
    this.keyStart[id] = keyStart;
    this.keyEnd[id] = keyEnd;
    this.parent[id] = parent;
    this.firstChild[id] = -1;
    this.nextSibling[id] = -1;
    if (previous !== -1) this.nextSibling[previous] = id;
    else if (parent !== -1) this.firstChild[parent] = id;
    return id;
  }

  #grow(): void {
    const size = this.kind.length * 2;
    const grow = <T extends Uint8Array | Int32Array>(from: T, to: T): T => {
      to.set(from);
      return to;
    };
    this.kind = grow(this.kind, new Uint8Array(size));
    this.start = grow(this.start, new Int32Array(size));
    this.end = grow(this.end, new Int32Array(size));
    this.keyStart = grow(this.keyStart, new Int32Array(size));
    this.keyEnd = grow(this.keyEnd, new Int32Array(size));
    this.parent = grow(this.parent, new Int32Array(size));
    this.firstChild = grow(this.firstChild, new Int32Array(size));
    this.nextSibling = grow(this.nextSibling, new Int32Array(size));
  }

  keyOf(node: number): string {
    const raw = this.text.slice(this.keyStart[node]!, this.keyEnd[node]!);
    return raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
  }

  /** The value of an object's member named `key` (the first of that name, as Spectral's lookup finds). */
  member(node: number, key: string): number {
    let index = this.#objectIndex.get(node);
    if (index === undefined) {
      index = new Map();
      for (let child = this.firstChild[node]!; child !== -1; child = this.nextSibling[child]!) {
        const name = this.keyOf(child);
        if (!index.has(name)) index.set(name, child);
      }
      this.#objectIndex.set(node, index);
    }
    return index.get(key) ?? -1;
  }

  item(node: number, position: number): number {
    let index = this.#arrayIndex.get(node);
    if (index === undefined) {
      const items: number[] = [];
      for (let child = this.firstChild[node]!; child !== -1; child = this.nextSibling[child]!) items.push(child);
      index = Int32Array.from(items);
      this.#arrayIndex.set(node, index);
    }
    return position >= 0 && position < index.length ? index[position]! : -1;
  }

  /** The node at `path`, or with `closest` the deepest node on the way when the path goes further than the text. */
  find(path: JsonPath, closest: boolean): number {
    if (this.count === 0) return -1;
    let node = 0;
    for (const segment of path) {
      // The same reading of segments as `@stoplight/json`'s lookup, so both find the same node.
      const numeric = Number(segment);
      const key = Number.isInteger(numeric) ? numeric : segment;
      let next: number;
      if (typeof key === 'string' || this.kind[node] !== Kind.Array) {
        next = this.kind[node] === Kind.Object ? this.member(node, String(key)) : -1;
      } else {
        next = this.item(node, key);
      }
      if (next === -1) return closest ? node : -1;
      node = next;
    }
    return node;
  }

  #lines(): Int32Array {
    if (this.#lineStarts !== undefined) return this.#lineStarts;
    const starts = [0];
    const text = this.text;
    if (!text.includes('\r')) {
      for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    } else {
      // jsonc-parser counts CR LF as one line break and a lone CR as one.
      for (let at = 0; at < text.length; at++) {
        const code = text.charCodeAt(at);
        if (code === 13) {
          if (text.charCodeAt(at + 1) === 10) at++;
          starts.push(at + 1);
        } else if (code === 10) starts.push(at + 1);
      }
    }
    this.#lineStarts = Int32Array.from(starts);
    return this.#lineStarts;
  }

  /** The offset where a line starts (lines as jsonc-parser counts them). */
  lineStart(line: number): number | undefined {
    return this.#lines()[line];
  }

  position(offset: number): { line: number; character: number } {
    return positionAt(this.#lines(), offset);
  }

  /** The node's range as Spectral's JSON parser gives it (a scalar's end is on its start line). */
  range(node: number): IRange {
    const start = this.position(this.start[node]!);
    if (this.kind[node] === Kind.Scalar) {
      return { start, end: { line: start.line, character: start.character + this.end[node]! - this.start[node]! } };
    }
    // A container ends one past its closing bracket, on the bracket's line.
    const closing = this.position(this.end[node]! - 1);
    return { start, end: { line: closing.line, character: closing.character + 1 } };
  }
}

function isWhitespace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9;
}

/**
 * Records the offsets of every value of a text that `JSON.parse` accepted, so the scan can trust
 * it is well-formed. Iterative, so that deep nesting cannot overflow the stack.
 * Also says whether some object has an integer-like key (whose order JavaScript changes).
 */
function scan(text: string): { positions: JsonPositions; members: number; integerKeyObjects: number[] } {
  const positions = new JsonPositions(text);
  const containers: number[] = [];
  const lastChild: number[] = [];
  const integerKeyObjects: number[] = [];
  let members = 0;
  let at = 0;
  const length = text.length;
  let keyStart = -1;
  let keyEnd = -1;

  const skipWhitespace = (): void => {
    while (at < length && isWhitespace(text.charCodeAt(at))) at++;
  };
  const skipString = (): void => {
    // `at` is on the opening quote; leaves it one past the closing one.
    at++;
    for (;;) {
      const quote = text.indexOf('"', at);
      let backslashes = 0;
      for (let back = quote - 1; text.charCodeAt(back) === 92; back--) backslashes++;
      at = quote + 1;
      if (backslashes % 2 === 0) return;
    }
  };

  for (;;) {
    // A value starts here.
    skipWhitespace();
    const parent = containers.length === 0 ? -1 : containers[containers.length - 1]!;
    const previous = lastChild.length === 0 ? -1 : lastChild[lastChild.length - 1]!;
    const code = text.charCodeAt(at);
    let node: number;
    if (code === 123 /* { */ || code === 91 /* [ */) {
      node = positions.add(code === 123 ? Kind.Object : Kind.Array, at, keyStart, keyEnd, parent, previous);
      if (lastChild.length > 0) lastChild[lastChild.length - 1] = node;
      containers.push(node);
      lastChild.push(-1);
      at++;
    } else {
      node = positions.add(Kind.Scalar, at, keyStart, keyEnd, parent, previous);
      if (lastChild.length > 0) lastChild[lastChild.length - 1] = node;
      if (code === 34) skipString();
      else {
        while (at < length) {
          const c = text.charCodeAt(at);
          if (c === 44 || c === 125 || c === 93 || isWhitespace(c)) break;
          at++;
        }
      }
      positions.end[node] = at;
    }
    keyStart = -1;
    keyEnd = -1;

    // After a value, or just inside a container: close containers, then find the next value's start.
    for (;;) {
      skipWhitespace();
      if (containers.length === 0) return { positions, members, integerKeyObjects };
      const container = containers[containers.length - 1]!;
      const c = text.charCodeAt(at);
      if (c === 125 /* } */ || c === 93 /* ] */) {
        at++;
        positions.end[container] = at;
        containers.pop();
        lastChild.pop();
        continue;
      }
      if (c === 44 /* , */) {
        at++;
        skipWhitespace();
      }
      if (positions.kind[container] === Kind.Object) {
        keyStart = at;
        skipString();
        keyEnd = at;
        members++;
        if (isIntegerKey(text, keyStart, keyEnd) && integerKeyObjects[integerKeyObjects.length - 1] !== container)
          integerKeyObjects.push(container);
        skipWhitespace();
        at++; // the colon
      }
      break;
    }
  }
}

/** A key JavaScript orders before the others: an array index, written canonically. */
function isIntegerKey(text: string, keyStart: number, keyEnd: number): boolean {
  const digits = keyEnd - keyStart - 2;
  if (digits < 1 || digits > 10) return false;
  const first = text.charCodeAt(keyStart + 1);
  if (first === 48 && digits > 1) return false;
  for (let at = keyStart + 1; at < keyEnd - 1; at++) {
    const code = text.charCodeAt(at);
    if (code < 48 || code > 57) return false;
  }
  return Number(text.slice(keyStart + 1, keyEnd - 1)) < 4294967295;
}

function countMembers(data: unknown): number {
  let count = 0;
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      for (const item of value) if (typeof item === 'object' && item !== null) stack.push(item);
      continue;
    }
    for (const key in value) {
      count++;
      const item = (value as Record<string, unknown>)[key];
      if (typeof item === 'object' && item !== null) stack.push(item);
    }
  }
  return count;
}

/** The data value of a node, found by walking from the root. */
function dataPathOf(positions: JsonPositions, node: number): Array<string | number> {
  const path: Array<string | number> = [];
  for (let current = node; positions.parent[current] !== -1; current = positions.parent[current]!) {
    const parent = positions.parent[current]!;
    if (positions.kind[parent] === Kind.Object) path.push(positions.keyOf(current));
    else {
      let index = 0;
      for (let child = positions.firstChild[parent]!; child !== current; child = positions.nextSibling[child]!) index++;
      path.push(index);
    }
  }
  return path.reverse();
}

/** Gives the objects whose integer-like keys JavaScript reorders their keys in document order, as Spectral's parser does. */
function restoreKeyOrder(data: unknown, positions: JsonPositions, objects: readonly number[]): unknown {
  let root = data;
  for (const node of objects) {
    const documentOrder: string[] = [];
    for (let child = positions.firstChild[node]!; child !== -1; child = positions.nextSibling[child]!)
      documentOrder.push(positions.keyOf(child));
    const path = dataPathOf(positions, node);
    let holder: Record<string | number, unknown> | undefined;
    let value = root;
    for (const segment of path) {
      holder = value as Record<string | number, unknown>;
      value = holder[segment];
    }
    const object = value as Record<string, unknown>;
    const keys = Object.keys(object);
    if (keys.every((key, index) => key === documentOrder[index])) continue;
    const ordered = createOrderedObject(object, documentOrder);
    if (holder === undefined) root = ordered;
    else holder[path[path.length - 1]!] = ordered;
  }
  return root;
}

/** The package's types describe its CommonJS build; Node loads its ES module, whose default export is the function. */
const createOrderedObject = (orderedObjects as unknown as { default: <T extends object>(target: T, order: string[]) => T }).default;

export interface FastJsonResult extends IParserResult<unknown> {
  positions: JsonPositions;
}

const spectralJson = IndexedJson;

function fastParse(text: string): IParserResult<unknown> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return spectralJson.parse(text);
  }
  // `JSON.parse` makes `__proto__` an own key where Spectral's objects would not; leave such texts to Spectral.
  if (text.includes('"__proto__"')) return spectralJson.parse(text);
  const { positions, members, integerKeyObjects } = scan(text);
  // Fewer keys in the data than members in the text: a duplicate key, which Spectral reports.
  if (countMembers(data) !== members) return spectralJson.parse(text);
  if (integerKeyObjects.length > 0) data = restoreKeyOrder(data, positions, integerKeyObjects);
  const result: FastJsonResult = { data, diagnostics: [], ast: undefined, lineMap: undefined, positions } as unknown as FastJsonResult;
  return result;
}

function isFast(result: IParserResult<unknown>): result is FastJsonResult {
  return (result as Partial<FastJsonResult>).positions instanceof JsonPositions;
}

export const FastJson: IParser<IParserResult<unknown>> = {
  parse: fastParse,
  getLocationForJsonPath(result, path, closest = false) {
    if (!isFast(result)) return spectralJson.getLocationForJsonPath(result, path, closest);
    const node = result.positions.find(path, closest);
    if (node === -1) return undefined;
    return { range: result.positions.range(node) } as ReturnType<IParser<IParserResult<unknown>>['getLocationForJsonPath']>;
  },
  trapAccess: spectralJson.trapAccess,
};
