// What a finding says, as data: the function that found it, a message id and the parameters the
// message was built from. Fixes, the editor and any tool read these instead of parsing prose,
// so rewording a message cannot break a fix, and every rule that uses a function gets its fixes.
//
// Spectral's result type carries only a message and a path, and stock Spectral must keep loading
// our rulesets unchanged, so the data does not travel inside the result: a rule function records
// it beside the document it lints (the same document object the engine handed Spectral), and the
// engine joins it to each result by rule, path and message after the run. Under stock Spectral
// nobody reads the record and it goes with the document.
import type { JsonPath } from '@stoplight/types';

export type MessageParams = Readonly<Record<string, string | number | boolean | readonly string[]>>;

export interface FindingData {
  /** The rule function that reported the finding (`nameCasing`). */
  function: string;
  /** Which of the function's messages (`rename`). */
  messageId: string;
  /** What the message was built from (`{ name: 'first_name', suggestion: 'firstName' }`). */
  params: MessageParams;
  /** The name the finding is about, as written (a property, a path segment): the finding's range is that text's. */
  name?: string;
}

interface Recorded {
  message: string;
  data: FindingData;
}

const REGISTRY = Symbol.for('apistyle.findingData');

/**
 * By Spectral document, then rule and path: several runs at once never mix their records. Kept on
 * the global object because a compiled ruleset bundles its own copy of this module with its
 * functions, and the engine's copy must see what theirs record.
 */
function records(): WeakMap<object, Map<string, Recorded[]>> {
  const holder = globalThis as { [REGISTRY]?: WeakMap<object, Map<string, Recorded[]>> };
  holder[REGISTRY] ??= new WeakMap();
  return holder[REGISTRY];
}

function keyOf(rule: string, path: JsonPath): string {
  // Spectral may hand back an array index as a string.
  return JSON.stringify([rule, path.map(String)]);
}

/**
 * The path Spectral gives the result a function returns at `path` (of a rule on the document as
 * written): it reads the segments as JSON Pointer fragments (`~1` is `/`), and keeps the longest
 * start of the path that exists in the document, so a finding inside a `$ref`'d file is reported at
 * the `$ref` that brings it in.
 */
function reportedPath(document: object, path: JsonPath): string[] {
  let node: unknown = (document as { data?: unknown }).data;
  const reported: string[] = [];
  for (const segment of path) {
    const key = typeof segment === 'string' ? segment.replaceAll('~1', '/').replaceAll('~0', '~') : String(segment);
    if (typeof node !== 'object' || node === null || !(key in node)) break;
    reported.push(key);
    node = (node as Record<string, unknown>)[key];
  }
  return reported;
}

/** Records what a rule function reports at `path` of the document it lints. */
export function recordFindingData(document: object, rule: string, path: JsonPath, message: string, data: FindingData): void {
  let byKey = records().get(document);
  if (byKey === undefined) {
    byKey = new Map();
    records().set(document, byKey);
  }
  const key = keyOf(rule, reportedPath(document, path));
  const list = byKey.get(key);
  if (list === undefined) byKey.set(key, [{ message, data }]);
  else list.push({ message, data });
}

/** The records of a linted document, taken once: `find` gives a result's data. */
export function takeFindingData(document: object): (rule: string, path: JsonPath, message: string) => FindingData | undefined {
  const byKey = records().get(document);
  records().delete(document);
  if (byKey === undefined) return () => undefined;
  return (rule, path, message) => {
    const list = byKey.get(keyOf(rule, path));
    if (list === undefined) return undefined;
    // A rule's own `message` template replaces the function's text: then the path alone tells, when it is unambiguous.
    return (list.find((recorded) => recorded.message === message) ?? (list.length === 1 ? list[0] : undefined))?.data;
  };
}
