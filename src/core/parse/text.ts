// Reading documents as text, and the findings for those that cannot be read: everything a run
// needs before it parses anything (a run answered from the cache parses nothing).
import { readFile, stat } from 'node:fs/promises';
import { DiagnosticSeverity } from '@stoplight/types';
import type { InputProblem, InputProblemCode } from '../results/types.js';
import { describeReadError } from '../errors.js';

export const STDIN_SOURCE = '<stdin>';

export const DOCUMENT_START = { line: 0, character: 0 };

export function inputProblem(source: string, code: InputProblemCode, message: string): InputProblem {
  return {
    code,
    message,
    path: [],
    severity: DiagnosticSeverity.Error,
    range: { start: DOCUMENT_START, end: DOCUMENT_START },
    source,
  };
}

/**
 * Reads a file as text. JSON and YAML must be Unicode: UTF-8 (with or without BOM)
 * or UTF-16 with a BOM; anything else is reported as not text rather than parsed into noise.
 */
export async function readText(path: string): Promise<string | InputProblem> {
  const bytes = await readBytes(path);
  return bytes instanceof Uint8Array ? decodeText(bytes, path) : bytes;
}

/** A file's bytes, or why it cannot be read. */
export async function readBytes(path: string): Promise<Uint8Array | InputProblem> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return inputProblem(path, 'unreadable-file', 'is a directory, not a file');
    return await readFile(path);
  } catch (error) {
    return inputProblem(path, 'unreadable-file', describeReadError(error));
  }
}

export function decodeText(bytes: Uint8Array, source: string): string | InputProblem {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
    // TextDecoder drops a UTF-8 BOM by itself.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.includes('\u0000')) return inputProblem(source, 'unreadable-file', 'is a binary file, not JSON or YAML text');
    return text;
  } catch {
    return inputProblem(source, 'unreadable-file', 'is not valid UTF-8 text (binary file?)');
  }
}

/** Cheap test used when discovering files: does the text declare `openapi:`/`swagger:` at its top level? */
export function looksLikeOpenApi(text: string): boolean {
  return /^(?:\uFEFF)?(?:openapi|swagger)\s*:/m.test(text) || /^\s*\{[\s\S]{0,4096}?"(?:openapi|swagger)"\s*:/.test(text);
}
