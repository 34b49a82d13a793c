import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument as parseYamlDocument } from 'yaml';
import type { Document as YamlDocument, Node as YamlNode } from 'yaml';

/**
 * How deeply a document may nest mappings and lists. Real OpenAPI documents stay far below it;
 * much deeper ones overflow the call stack of recursive walks (Spectral's, the YAML parser's, rule
 * functions'), so they are refused up front with a clear message instead.
 */
export const MAX_NESTING_DEPTH = 500;

/** How many nodes YAML aliases may add to a document when expanded: far more than sharing needs, far less than a "billion laughs". */
export const MAX_ALIAS_EXPANSION = 1_000_000;

/** A document that cannot be linted safely, with the one-line reason. */
export class InputLimitError extends Error {
  override readonly name = 'InputLimitError';
}

export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

export function tooDeepMessage(): string {
  return `is nested more than ${MAX_NESTING_DEPTH} levels deep; apistyle does not lint documents nested this deeply`;
}

/** Whether mappings and lists nest deeper than `limit` (an explicit stack: the data may be too deep for recursion). */
export function nestsDeeperThan(data: unknown, limit: number = MAX_NESTING_DEPTH): boolean {
  const stack: Array<[unknown, number]> = [[data, 0]];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= limit) return true;
    // Parsers may share one object for a YAML alias: walk it once.
    if (seen.has(node)) continue;
    seen.add(node);
    const children = Array.isArray(node) ? node : Object.values(node as Record<string, unknown>);
    for (const child of children) if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
  }
  return false;
}

const ANCHOR = /(?:^|[\s[{,:-])&([^\s[\]{},]+)/gm;
const ALIAS = /(?:^|[\s[{,:-])\*([^\s[\]{},]+)/gm;

/**
 * Cheap test: an alias expands only when it names an anchor, so the text must hold some `*a` and
 * `&a` with the same name. Most documents have none; a large one with Markdown in its descriptions
 * (`&nbsp;`, `*emphasis*`) has both signs but no such pair, and parsing it once more to count
 * aliases took a third of its lint.
 */
function mayUseAliases(text: string): boolean {
  const anchors = new Set<string>();
  for (const match of text.matchAll(ANCHOR)) anchors.add(match[1]!);
  if (anchors.size === 0) return false;
  for (const match of text.matchAll(ALIAS)) if (anchors.has(match[1]!)) return true;
  return false;
}

/** How many nodes a YAML document has once every alias is replaced by a copy of what it names (memoised: linear in the document). */
function expandedSize(document: YamlDocument): number {
  const sizes = new Map<YamlNode, number>();
  const sizeOf = (node: unknown): number => {
    if (isAlias(node)) {
      const target = node.resolve(document);
      return target === undefined ? 1 : sizeOf(target);
    }
    if (isPair(node)) return sizeOf(node.key) + sizeOf(node.value);
    if (!isMap(node) && !isSeq(node)) return isScalar(node) ? 1 : 0;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    // An alias inside what it names counts once rather than looping.
    sizes.set(node, 1);
    let size = 1;
    for (const item of node.items as unknown[]) size += sizeOf(item);
    sizes.set(node, size);
    return size;
  };
  return sizeOf(document.contents);
}

/**
 * Refuses YAML whose aliases expand to more than `MAX_ALIAS_EXPANSION` extra nodes ("billion laughs"):
 * Spectral's YAML parser copies what each alias names, so such a document exhausts memory.
 */
export function checkYamlAliases(text: string): void {
  if (!mayUseAliases(text)) return;
  let document: YamlDocument;
  try {
    document = parseYamlDocument(text, { merge: true, uniqueKeys: false, keepSourceTokens: false });
  } catch (error) {
    if (isStackOverflow(error)) throw new InputLimitError(tooDeepMessage());
    throw error;
  }
  // Not well-formed YAML is checked too, on what could be read: the language server lints such a
  // half-typed document, and a bomb typed up to its last line is still a bomb.
  let expanded: number;
  let literal: number;
  try {
    expanded = expandedSize(document);
    literal = countNodes(document);
  } catch (error) {
    if (isStackOverflow(error)) throw new InputLimitError(tooDeepMessage());
    throw error;
  }
  if (expanded - literal > MAX_ALIAS_EXPANSION) {
    throw new InputLimitError(
      `its YAML aliases expand to ${expanded > 1e12 ? 'over a trillion' : expanded.toLocaleString('en')} nodes, more than ${MAX_ALIAS_EXPANSION.toLocaleString('en')} beyond the ${literal.toLocaleString('en')} written (an alias bomb?)`,
    );
  }
}

/** The nodes of a YAML document as written, an alias counting as one. */
function countNodes(document: YamlDocument): number {
  let count = 0;
  const stack: unknown[] = [document.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isPair(node)) {
      stack.push(node.key, node.value);
    } else if (isMap(node) || isSeq(node)) {
      count += 1;
      for (const item of node.items as unknown[]) stack.push(item);
    } else if (isScalar(node) || isAlias(node)) {
      count += 1;
    }
  }
  return count;
}
