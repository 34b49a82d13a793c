import { dirname, resolve } from 'node:path';
import type { JsonPath } from '@stoplight/types';

/**
 * What a `$ref` names, read once for every part of apistyle that follows, checks or reports
 * `$ref`s: a part of the same document, of a local file, or of a URL. A `$ref` that cannot be read
 * is `invalid` with the reason, never an exception: a document may hold anything.
 */
export type ParsedRef =
  | { kind: 'local'; pointer: JsonPath }
  /** `file` is the path as written, percent-decoded; relative to the file that holds the `$ref`. */
  | { kind: 'file'; file: string; pointer: JsonPath }
  /** `url` is as written, without its fragment: an `http:`, `https:` or `file:` URL. */
  | { kind: 'url'; url: string; pointer: JsonPath }
  | { kind: 'invalid'; problem: string };

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Percent-decoding that says what is wrong instead of throwing a bare "URI malformed". */
export function percentDecode(text: string): string | { problem: string } {
  try {
    return decodeURIComponent(text);
  } catch {
    const bad = /%(?![0-9a-f]{2})|(?:%[0-9a-f]{2})+/i.exec(text);
    return { problem: `malformed percent-encoding${bad === null ? '' : ` at "${text.slice(bad.index, bad.index + 6)}"`}` };
  }
}

/**
 * The path a URI fragment (`#/a/b~1c`, with or without the `#`) names, by RFC 6901: percent-decoded,
 * then `~1` and `~0` unescaped; or what is wrong with it.
 */
export function parsePointer(fragment: string): JsonPath | { problem: string } {
  const pointer = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return { problem: 'its fragment is not a JSON pointer: after "#" comes "/" or nothing' };
  const path: string[] = [];
  for (const written of pointer.slice(1).split('/')) {
    const segment = percentDecode(written);
    if (typeof segment !== 'string') return segment;
    if (/~(?![01])/.test(segment)) return { problem: `"~" in a JSON pointer must be followed by 0 or 1: "${segment}"` };
    path.push(segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  }
  return path;
}

/** The path a `$ref`'s fragment names; undefined when it is not a valid JSON pointer. */
export function pointerToPath(fragment: string): JsonPath | undefined {
  const path = parsePointer(fragment);
  return Array.isArray(path) ? path : undefined;
}

/** What a `$ref` value that is not a string is, for a message. */
function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}

function parse(ref: unknown): ParsedRef {
  if (typeof ref !== 'string') return { kind: 'invalid', problem: `$ref must be a string, not ${describeValue(ref)}` };
  if (ref.trim() === '') return { kind: 'invalid', problem: 'it is empty, so it names nothing' };
  const hash = ref.indexOf('#');
  const before = hash === -1 ? ref : ref.slice(0, hash);
  const pointer = parsePointer(hash === -1 ? '' : ref.slice(hash + 1));
  if (!Array.isArray(pointer)) return { kind: 'invalid', problem: pointer.problem };
  if (before === '') return { kind: 'local', pointer };
  // A drive letter (`C:/…`) is a path; of the other schemes the resolver reads http(s) and files.
  if (SCHEME.test(before) && !/^[a-z]:[\\/]/i.test(before)) {
    if (!/^(?:https?|file):/i.test(before)) {
      return { kind: 'invalid', problem: `apistyle reads files and http(s) URLs, not "${before.slice(0, before.indexOf(':') + 1)}" ones` };
    }
    return { kind: 'url', url: before, pointer };
  }
  const file = percentDecode(before);
  if (typeof file !== 'string') return { kind: 'invalid', problem: `its file part has ${file.problem}` };
  return { kind: 'file', file, pointer };
}

/** `$ref`s repeat across a document (and across the documents of a run): each string is read once. */
const parsed = new Map<string, ParsedRef>();
const MAX_REMEMBERED = 10_000;

/** Reads a `$ref` value (anything a document holds under `$ref`). */
export function parseRef(ref: unknown): ParsedRef {
  if (typeof ref !== 'string') return parse(ref);
  let found = parsed.get(ref);
  if (found === undefined) {
    found = parse(ref);
    // Shared by every caller: a caller that changed it would change every later answer.
    if (found.kind !== 'invalid') Object.freeze(found.pointer);
    // A long-running server sees endless edits: forget rather than grow without bound.
    if (parsed.size >= MAX_REMEMBERED) parsed.clear();
    parsed.set(ref, found);
  }
  return found;
}

/**
 * The file or URL a `$ref` written in the file `from` names, as the resolver reads it; undefined
 * for a local `$ref` or a broken one. The resolver roots every file `$ref` in the directory of the
 * file that holds it, also one written as an absolute path or a `file:` URL: so does this.
 */
export function refTarget(ref: ParsedRef, from: string): string | undefined {
  // `//host/path` is a network path: the resolver reads it from the root.
  if (ref.kind === 'file') return ref.file.startsWith('//') ? resolve(ref.file) : resolve(dirname(from), ref.file.replace(/^\/+/, ''));
  if (ref.kind !== 'url') return undefined;
  if (!/^file:/i.test(ref.url)) return ref.url.replace(/\/$/, '');
  if (!URL.canParse(ref.url)) return undefined;
  const path = percentDecode(new URL(ref.url).pathname);
  return typeof path === 'string' ? resolve(dirname(from), path.replace(/^\/+/, '')) : undefined;
}
