import { oneLine } from '../core/errors.js';
import type { Finding } from '../core/results/types.js';
import { fixFor } from './index.js';
import type { FixLookup } from './index.js';
import { applyEdits, overlaps, SourceDocument } from './source.js';
import type { Fix } from './types.js';

/** Enough for fixes that make others possible (a renamed property, then its example); a fix that does not remove its finding cannot loop forever. */
const MAX_PASSES = 10;

/** A fix that could not be applied: its provider threw, or its edits would leave the document unreadable. */
export interface FixFailure {
  finding: Finding;
  reason: string;
}

export interface FixedText {
  text: string;
  /** The fixes applied, in order. */
  applied: Fix[];
  /** The fixes that failed, each once; their findings are left as they are. */
  failures: FixFailure[];
}

const readable = (text: string): boolean => new SourceDocument(text).usable;

/**
 * Applies every mechanical fix to a document: each pass lints, takes the fixes whose edits do not
 * touch one another, and applies them; it stops when no fix is left or a pass changes nothing.
 * `lint` gives the findings of a text (the document's own, the ignored ones left out). A fix that
 * throws, or whose edits would leave the document unreadable, is not applied but reported in
 * `failures`: a defect of apistyle's that must show, and must never cost the user their document.
 */
export async function fixText(text: string, lint: (text: string) => Promise<Finding[]>, fixOf: FixLookup = fixFor): Promise<FixedText> {
  let current = text;
  const applied: Fix[] = [];
  const failures: FixFailure[] = [];
  const failed = new Set<string>();
  const fail = (finding: Finding, reason: string): void => {
    const key = JSON.stringify([finding.code, finding.path, finding.data]);
    if (failed.has(key)) return;
    failed.add(key);
    failures.push({ finding, reason });
  };
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const document = new SourceDocument(current);
    const chosen: Array<{ finding: Finding; fix: Fix }> = [];
    for (const finding of await lint(current)) {
      let fix: Fix | undefined;
      try {
        fix = fixOf(document, finding);
      } catch (error) {
        fail(finding, `it threw: ${oneLine(error)}`);
        continue;
      }
      if (fix === undefined || fix.edits.some((edit) => chosen.some((taken) => taken.fix.edits.some((other) => overlaps(edit, other)))))
        continue;
      chosen.push({ finding, fix });
    }
    let next = applyEdits(
      current,
      chosen.flatMap(({ fix }) => fix.edits),
    );
    if (next !== current && document.usable && !readable(next)) {
      // Some fix breaks the document: keep those that do not, alone and together.
      const kept = chosen.filter(({ finding, fix }) => {
        if (readable(applyEdits(current, fix.edits))) return true;
        fail(finding, 'its edits would leave the document unreadable');
        return false;
      });
      next = applyEdits(
        current,
        kept.flatMap(({ fix }) => fix.edits),
      );
      if (!readable(next)) {
        for (const { finding } of kept) fail(finding, 'its edits, with the others of the same pass, would leave the document unreadable');
        break;
      }
      chosen.splice(0, chosen.length, ...kept);
    }
    if (next === current) break;
    applied.push(...chosen.map(({ fix }) => fix));
    current = next;
  }
  return { text: current, applied, failures };
}
