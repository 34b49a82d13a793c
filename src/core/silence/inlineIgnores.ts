import type { JsonPath } from '@stoplight/types';
import { isObject } from '../../oas/json.js';
import { DocumentData } from './documentData.js';
import { isInputProblem } from '../results/findings.js';
import { externalRefTarget } from '../refs/refTarget.js';
import type { Finding } from '../results/types.js';

/**
 * The extensions that silence rules on a node and everything below it: `x-lint-ignore` is the key
 * vacuum reads, `x-zally-ignore` Zally's, so documents move between tools with their suppressions.
 */
export const IGNORE_KEYS = ['x-lint-ignore', 'x-zally-ignore'] as const;

/** The rule ids a node's ignore extensions name: a single id or a list of them (Zally's numbers included). */
function ignoredHere(node: unknown): string[] {
  if (!isObject(node)) return [];
  return IGNORE_KEYS.flatMap((key) => {
    const value = node[key];
    const ids = Array.isArray(value) ? value : value === undefined ? [] : [value];
    return ids.filter((id) => typeof id === 'string' || typeof id === 'number').map((id) => String(id).trim());
  });
}

/** Whether the node at `path` or one of its ancestors (the root included) ignores the rule `code`. */
export function ignoredAt(data: unknown, path: JsonPath, code: string): boolean {
  let node = data;
  if (ignoredHere(node).includes(code)) return true;
  for (const segment of path) {
    if (typeof node !== 'object' || node === null) return false;
    node = (node as Record<string, unknown>)[String(segment)];
    if (ignoredHere(node).includes(code)) return true;
  }
  return false;
}

const mentionsIgnore = (text: string): boolean => IGNORE_KEYS.some((key) => text.includes(key));
/** A `$ref` to another file (or URL): anything but a local `#…` pointer. */
const EXTERNAL_REF = /["']?\$ref["']?\s*:\s*["']?(?!#)[^\s"']/;

/** Per file, whether its text could matter at all: scanning a large document once per finding cost minutes. */
class TextFacts {
  readonly #documents: DocumentData;
  readonly #ignoring = new Map<string, Promise<boolean>>();
  readonly #referencing = new Map<string, Promise<boolean>>();

  constructor(documents: DocumentData) {
    this.#documents = documents;
  }

  #fact(memo: Map<string, Promise<boolean>>, file: string, test: (text: string) => boolean): Promise<boolean> {
    let known = memo.get(file);
    if (known === undefined) {
      known = this.#documents.text(file).then((text) => text !== undefined && test(text));
      memo.set(file, known);
    }
    return known;
  }

  ignoring(file: string): Promise<boolean> {
    return this.#fact(this.#ignoring, file, mentionsIgnore);
  }

  referencesOtherFiles(file: string): Promise<boolean> {
    return this.#fact(this.#referencing, file, (text) => EXTERNAL_REF.test(text));
  }
}

/** The data of a file that has an ignore extension somewhere; undefined for the (many) files without one. */
async function dataIfIgnoring(documents: DocumentData, facts: TextFacts, file: string): Promise<unknown> {
  return (await facts.ignoring(file)) ? documents.data(file) : undefined;
}

/**
 * Whether a finding is silenced in the documents: by an ignore extension on the node it is
 * reported at or an ancestor in the same file, or, for a finding reported at a `$ref` to another
 * file, on the referenced node or its ancestors in that file. An ignore extension beside a `$ref`
 * thus silences what is reported at that `$ref` (the referenced content as used there), never the
 * shared definition it points at: that is silenced where it is defined.
 */
async function isSuppressed(finding: Finding, documents: DocumentData, facts: TextFacts): Promise<boolean> {
  if (isInputProblem(finding)) return false;
  const here = await dataIfIgnoring(documents, facts, finding.source);
  if (here !== undefined && ignoredAt(here, finding.path, finding.code)) return true;
  if (finding.path[finding.path.length - 1] !== '$ref' || !(await facts.referencesOtherFiles(finding.source))) return false;
  const target = externalRefTarget(finding, await documents.data(finding.source));
  if (target === undefined) return false;
  const there = await dataIfIgnoring(documents, facts, target.file);
  return there !== undefined && ignoredAt(there, target.path, finding.code);
}

/** One document's findings split into those that stand and those its documents silence. */
export async function splitSuppressed(
  findings: readonly Finding[],
  texts: ReadonlyMap<string, string> = new Map(),
): Promise<{ kept: Finding[]; suppressed: Finding[] }> {
  const documents = new DocumentData(texts);
  const facts = new TextFacts(documents);
  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const finding of findings) ((await isSuppressed(finding, documents, facts)) ? suppressed : kept).push(finding);
  return { kept, suppressed };
}
