import type { Finding } from '../core/results/types.js';
import { fixFor } from './index.js';
import { applyEdits, overlaps, SourceDocument } from './source.js';
import type { Fix, TextEdit } from './types.js';

/** Enough for fixes that make others possible (a renamed property, then its example); a fix that does not remove its finding cannot loop forever. */
const MAX_PASSES = 10;

export interface FixedText {
  text: string;
  /** The fixes applied, in order. */
  applied: Fix[];
}

/**
 * Applies every mechanical fix to a document: each pass lints, takes the fixes whose edits do not
 * touch one another, and applies them; it stops when no fix is left or a pass changes nothing.
 * `lint` gives the findings of a text (the document's own, the ignored ones left out).
 */
export async function fixText(text: string, lint: (text: string) => Promise<Finding[]>): Promise<FixedText> {
  let current = text;
  const applied: Fix[] = [];
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const document = new SourceDocument(current);
    const edits: TextEdit[] = [];
    for (const finding of await lint(current)) {
      const fix = fixFor(document, finding);
      if (fix === undefined || fix.edits.some((edit) => edits.some((taken) => overlaps(edit, taken)))) continue;
      edits.push(...fix.edits);
      applied.push(fix);
    }
    const next = applyEdits(current, edits);
    if (next === current) break;
    current = next;
  }
  return { text: current, applied };
}
