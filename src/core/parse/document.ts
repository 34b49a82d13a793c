import { extname } from 'node:path';
import { getOrder } from '@stoplight/ordered-object-literal';
import { Document } from '@stoplight/spectral-core';
import Parsers from '@stoplight/spectral-parsers';
import type { IParser } from '@stoplight/spectral-parsers';
import type { IParserResult, IRange } from '@stoplight/types';
import { DiagnosticSeverity } from '@stoplight/types';
import type { InputProblem } from '../results/types.js';
import { STDIN_SOURCE } from './text.js';
import { FastJson } from './fastJson.js';
import { checkYamlAliases, InputLimitError, isStackOverflow, nestsDeeperThan, tooDeepMessage } from './inputLimits.js';
import { readKeysAsWritten } from './yamlKeys.js';

export { decodeText, inputProblem, looksLikeOpenApi, readBytes, readText, STDIN_SOURCE } from './text.js';

/** A document read from disk or stdin, parsed with the parser that fits it, ready for Spectral. */
export type ParsedDocument = Document<unknown, IParserResult<unknown>>;

export type OpenApiVersion = '2.0' | '3.0' | '3.1';

const SpectralYaml = Parsers.Yaml as IParser<IParserResult<unknown>>;

/** Spectral's YAML parser, with non-string keys (`200:`) read as written (see yamlKeys.ts). */
const Yaml: IParser<IParserResult<unknown>> = {
  ...SpectralYaml,
  parse(text) {
    const result = SpectralYaml.parse(text);
    readKeysAsWritten(result);
    return result;
  },
};

/** JSON files get the JSON parser (faster and exact); everything else is YAML, a superset of JSON. */
export function parserFor(source: string, text: string): IParser<IParserResult<unknown>> {
  const ext = extname(source).toLowerCase();
  if (ext === '.json') return FastJson;
  if (ext === '.yaml' || ext === '.yml') return Yaml;
  return /^\s*[{[]/.test(text) ? FastJson : Yaml;
}

/** The text each parsed document came from (Spectral keeps it private), and where it ends, computed once. */
const TEXTS = new WeakMap<ParsedDocument, string>();
const ENDS = new WeakMap<ParsedDocument, TextEnd>();

/** The text a document was parsed from. */
export function textOf(document: ParsedDocument): string | undefined {
  return TEXTS.get(document);
}

export function endOf(document: ParsedDocument): TextEnd | undefined {
  let end = ENDS.get(document);
  const text = TEXTS.get(document);
  if (end === undefined && text !== undefined) {
    end = endOfText(text);
    ENDS.set(document, end);
  }
  return end;
}

/**
 * Parses a document for Spectral. Throws `InputLimitError` for a document that cannot be linted
 * safely: a YAML alias bomb, or nesting deeper than `MAX_NESTING_DEPTH`.
 */
export function parseDocument(source: string, text: string): ParsedDocument {
  const parser = parserFor(source, text);
  if (parser !== FastJson) checkYamlAliases(text);
  let document: ParsedDocument;
  try {
    document = new Document(text, parser, source);
  } catch (error) {
    if (isStackOverflow(error)) throw new InputLimitError(tooDeepMessage());
    throw error;
  }
  if (nestsDeeperThan(document.data)) throw new InputLimitError(tooDeepMessage());
  if (text.includes('__proto__')) ownProtoKeys(document.data);
  TEXTS.set(document, text);
  return document;
}

/**
 * The parsers build objects by assignment, and assigning a `__proto__` key sets the object's
 * prototype instead: the key vanishes and its content is inherited by the object (a document with
 * one at its top level is not even recognised as OpenAPI). This makes each such key an own key
 * again, as written. A scalar assigned there is lost; its key is then dropped from the key order
 * too, which would otherwise list a key the object does not have (and break once the resolver
 * freezes the object).
 */
export function ownProtoKeys(root: unknown): void {
  const seen = new Set<object>();
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null || seen.has(node)) continue;
    seen.add(node);
    if (!Array.isArray(node)) {
      const order: unknown = getOrder(node as Record<string, unknown>);
      const listed = Array.isArray(order) && order.includes('__proto__');
      const prototype: unknown = Object.getPrototypeOf(node);
      if (prototype !== Object.prototype && prototype !== null) {
        Object.setPrototypeOf(node, Object.prototype);
        // An object that keeps its key order lists a defined key again.
        Object.defineProperty(node, '__proto__', { value: prototype, enumerable: true, writable: true, configurable: true });
        if (listed) order.splice(order.lastIndexOf('__proto__'), 1);
      } else if (listed && !Object.hasOwn(node, '__proto__')) {
        order.splice(order.indexOf('__proto__'), 1);
      }
    }
    for (const value of Object.values(node)) stack.push(value);
  }
}

/** Parser diagnostics that mean the text is not well-formed (duplicate keys and tabs are findings, not failures). */
export function syntaxErrors(document: ParsedDocument): InputProblem[] {
  return document.diagnostics
    .filter((d) => d.code === 'parser' && d.severity === DiagnosticSeverity.Error && !d.message.startsWith('Duplicate key'))
    .map((d) => ({
      ...d,
      code: 'parser' as const,
      path: [...d.path],
      range: withinLines(d.range, TEXTS.get(document)),
      source: document.source ?? STDIN_SOURCE,
    }));
}

/** A parser error's range moved onto the text's lines: the YAML parser may point past a line's end, or past the last line. */
function withinLines(range: IRange, text: string | undefined): IRange {
  if (text === undefined) return range;
  const lines = text.split(/\r\n|\r|\n/);
  const clamp = (position: IRange['start']): IRange['start'] => {
    const line = Math.min(position.line, lines.length - 1);
    return { line, character: Math.min(position.line === line ? position.character : Infinity, lines[line]!.length) };
  };
  return { start: clamp(range.start), end: clamp(range.end) };
}

/** Where a text ends: its last line (zero-based) and that line's length. */
export interface TextEnd {
  line: number;
  character: number;
}

export function endOfText(text: string): TextEnd {
  let line = 0;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
    line += 1;
    lineStart = at + 1;
  }
  // A lone CR ends a line too; such texts are rare enough to count the slow way.
  if (text.includes('\r') && !text.includes('\r\n'))
    return {
      line: text.split(/\r\n|\r|\n/).length - 1,
      character: text.length - Math.max(text.lastIndexOf('\r'), text.lastIndexOf('\n')) - 1,
    };
  return { line, character: text.length - lineStart };
}

/** A range moved inside the text: at the end of a text cut short, the YAML parser points one line past it. */
export function withinText(range: IRange, end: TextEnd | undefined): IRange {
  if (end === undefined || (range.start.line <= end.line && range.end.line <= end.line)) return range;
  const clamp = (position: IRange['start']): IRange['start'] =>
    position.line <= end.line ? position : { line: end.line, character: end.character };
  return { start: clamp(range.start), end: clamp(range.end) };
}

/** The OpenAPI version a document declares at its top level, or why it is not an OpenAPI document. */
export function detectOpenApi(data: unknown): OpenApiVersion | { problem: string } {
  if (data === null || data === undefined || data === '') return { problem: 'is empty, not an OpenAPI document' };
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { problem: `is not an OpenAPI document: its top level is ${Array.isArray(data) ? 'a list' : 'a scalar'}, not a mapping` };
  }
  const root = data as Record<string, unknown>;
  if (typeof root['swagger'] === 'string' || typeof root['swagger'] === 'number') {
    return String(root['swagger']).startsWith('2')
      ? '2.0'
      : { problem: `declares swagger "${String(root['swagger'])}"; only 2.0 is supported` };
  }
  if (typeof root['openapi'] === 'string') {
    const version = root['openapi'];
    if (/^3\.0(\.|$)/.test(version)) return '3.0';
    if (/^3\.1(\.|$)/.test(version)) return '3.1';
    return { problem: `declares openapi "${version}"; supported versions are 2.0, 3.0 and 3.1` };
  }
  return { problem: 'is not an OpenAPI document: it has no top-level "openapi" or "swagger" key' };
}
