import type { Finding } from '../core/types.js';
import type { SourceDocument } from './source.js';

/** A replacement of `text.slice(start, end)` by `newText`; offsets in UTF-16 code units, as LSP counts them. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** A mechanical fix of one finding: edits on the document exactly as written. */
export interface Fix {
  title: string;
  edits: TextEdit[];
}

/** Computes the fix of a finding, or undefined when the finding has no mechanical fix in this document. */
export type FixProvider = (document: SourceDocument, finding: Finding) => Fix | undefined;
