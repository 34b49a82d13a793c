import type { Ruleset } from '@stoplight/spectral-core';
import { externalRefTarget } from './refTarget.js';
import type { Finding } from '../results/types.js';

/**
 * Ruleset `overrides` for the files a document `$ref`s. Spectral picks the rules for the linted
 * document only, so an override whose `files` name a referenced file (`components/legacy.yaml`)
 * changes nothing there. Here a finding that lies in a referenced file (reported in it, or at the
 * `$ref` that brings it in) takes the severity the ruleset gives its rule for that file, when an
 * override names the file; `off` drops it. An override cannot turn on, for a referenced file, a
 * rule that is off for the linted document: that rule never ran.
 */
export class ReferencedOverrides {
  readonly #ruleset: Ruleset;
  readonly #byFile = new Map<string, Ruleset | null>();
  readonly #active: boolean;

  constructor(ruleset: Ruleset) {
    this.#ruleset = ruleset;
    this.#active = (ruleset.overrides?.length ?? 0) > 0 && ruleset.source !== null;
  }

  /** The ruleset for a file, when an override names it; null when none does. */
  #rulesetFor(file: string): Ruleset | null {
    let found = this.#byFile.get(file);
    if (found === undefined) {
      try {
        const forFile = this.#ruleset.fromSource(file);
        found = forFile === this.#ruleset ? null : forFile;
      } catch {
        found = null;
      }
      this.#byFile.set(file, found);
    }
    return found;
  }

  /**
   * The findings of one linted document with the overrides of the files they lie in applied.
   * `dataOf` gives the parsed data of a file (the document or one it references).
   */
  apply(findings: Finding[], documentSource: string, dataOf: (source: string) => unknown): Finding[] {
    if (!this.#active) return findings;
    const result: Finding[] = [];
    for (const finding of findings) {
      const target = externalRefTarget(finding, dataOf(finding.source));
      const location = target ?? (finding.source !== documentSource ? { file: finding.source, path: finding.path } : undefined);
      const ruleset = location === undefined ? null : this.#rulesetFor(location.file);
      const rule = ruleset?.rules[finding.code];
      if (location === undefined || rule === undefined) {
        result.push(finding);
        continue;
      }
      const severity = rule.enabled ? rule.getSeverityForSource(location.file, location.path) : -1;
      if (severity !== -1) result.push(severity === finding.severity ? finding : { ...finding, severity });
    }
    return result;
  }
}
