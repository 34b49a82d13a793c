import type { MessageParams } from '../core/engine/findingData.js';
import type { Finding } from '../core/results/types.js';
import type { SourceDocument } from './source.js';
import type { TextEdit } from './textEdit.js';

export type { TextEdit } from './textEdit.js';

/** A mechanical fix of one finding: edits on the document exactly as written. */
export interface Fix {
  title: string;
  edits: TextEdit[];
}

/**
 * Computes the fix of a finding from the parameters its message was built from, or undefined
 * when the finding has no mechanical fix in this document.
 */
export type FixProvider<Params extends MessageParams = MessageParams> = (
  document: SourceDocument,
  finding: Finding,
  params: Params,
) => Fix | undefined;
