import { parseJsonItems, renderJsonItems } from './jsonItems.js';
import type { CachedResult } from '../session/cache.js';
import { isInputProblem } from './findings.js';
import { applyIgnores } from '../silence/ignoreList.js';
import type { IgnoreList } from '../silence/ignoreList.js';
import type { Finding, SeverityCounts } from './types.js';

export type { SeverityCounts } from './types.js';

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = [0, 0, 0, 0];
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

const decoder = new TextDecoder();

/**
 * One document's findings, after the suppressions written in the documents. Those of a cached
 * document stay the JSON items the cache stored until something asks for them as objects: a run
 * that prints JSON writes them as they are.
 */
export class DocumentResult {
  readonly source: string;
  readonly counts: SeverityCounts;
  /** Whether the document could not be linted as asked (unreadable, not OpenAPI, a bad `$ref`…). */
  readonly hasInputProblem: boolean;
  #findings: Finding[] | undefined;
  #suppressed: Finding[] | undefined;
  #items: string | Uint8Array | undefined;
  #suppressedItems: string | Uint8Array | undefined;
  #ignored: Finding[] = [];
  #beforeIgnoreFile: Finding[] | undefined;

  private constructor(source: string, counts: SeverityCounts, hasInputProblem: boolean) {
    this.source = source;
    this.counts = counts;
    this.hasInputProblem = hasInputProblem;
  }

  static linted(source: string, findings: Finding[], suppressed: Finding[]): DocumentResult {
    const result = new DocumentResult(source, countBySeverity(findings), findings.some(isInputProblem));
    result.#findings = findings;
    result.#suppressed = suppressed;
    return result;
  }

  static cached(source: string, cached: CachedResult): DocumentResult {
    const result = new DocumentResult(source, cached.counts, false);
    result.#items = cached.items;
    result.#suppressedItems = cached.suppressedItems;
    return result;
  }

  /**
   * This result with the project's ignore file applied: the findings it silences move to
   * `ignored`. Applied to the findings as the rules reported them, however often it is applied.
   */
  withIgnoreFile(list: IgnoreList): DocumentResult {
    const all = this.findingsBeforeIgnoreFile;
    if (list.entries.length === 0 && this.#ignored.length === 0) return this;
    const { kept, suppressed } = applyIgnores(all, list);
    const result = DocumentResult.linted(this.source, kept, this.suppressed);
    result.#ignored = suppressed;
    result.#beforeIgnoreFile = all;
    return result;
  }

  /** The findings the project's ignore file silences. */
  get ignored(): Finding[] {
    return this.#ignored;
  }

  /** The findings reported and those the ignore file silences, in the order the rules reported them. */
  get findingsBeforeIgnoreFile(): Finding[] {
    return this.#beforeIgnoreFile ?? this.findings;
  }

  get findings(): Finding[] {
    this.#findings ??= parseJsonItems(asText(this.#items!));
    return this.#findings;
  }

  get suppressed(): Finding[] {
    this.#suppressed ??= parseJsonItems(asText(this.#suppressedItems!));
    return this.#suppressed;
  }

  /** The findings as Spectral's JSON items (see jsonItems.ts). */
  get jsonItems(): string | Uint8Array {
    this.#items ??= renderJsonItems(this.#findings!);
    return this.#items;
  }

  get suppressedJsonItems(): string | Uint8Array {
    this.#suppressedItems ??= renderJsonItems(this.#suppressed!);
    return this.#suppressedItems;
  }
}

function asText(items: string | Uint8Array): string {
  return typeof items === 'string' ? items : decoder.decode(items);
}
