import { CodeActionKind } from 'vscode-languageserver/node';
import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../core/results/types.js';
import { type Fix, fixFor, type SourceDocument } from '../fixes/index.js';
import { IGNORE_FILE_NAME } from '../core/silence/ignoreFile.js';

export const IGNORE_COMMAND = 'apistyle.ignoreFinding';

/** A finding as last published, with the diagnostic that shows it. */
export interface PublishedFinding {
  finding: Finding;
  fingerprint: string;
  diagnostic: Diagnostic;
}

function overlaps(a: Range, b: Range): boolean {
  const before = (x: { line: number; character: number }, y: { line: number; character: number }) =>
    x.line < y.line || (x.line === y.line && x.character < y.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** The findings a code-action request is about: the diagnostics it names, else those under its range. */
export function findingsFor(published: readonly PublishedFinding[], diagnostics: readonly Diagnostic[], range: Range): PublishedFinding[] {
  if (diagnostics.length === 0) return published.filter((entry) => overlaps(entry.finding.range, range));
  return published.filter((entry) =>
    diagnostics.some((d) => {
      const data = d.data as { fingerprint?: unknown } | undefined;
      if (typeof data?.fingerprint === 'string') return data.fingerprint === entry.fingerprint;
      return d.code === entry.diagnostic.code && d.message === entry.diagnostic.message && overlaps(d.range, entry.diagnostic.range);
    }),
  );
}

/**
 * For each finding: its mechanical fix as a workspace edit on the document's current text, when
 * its rule has one, and "ignore this finding", which records it in the ignore file.
 */
export function codeActionsFor(
  document: TextDocument,
  entries: readonly PublishedFinding[],
  source: () => SourceDocument,
  /** Told of a fix that failed (it is then not offered): the server logs it. */
  fixFailed: (finding: Finding, error: unknown) => void,
): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const { finding, fingerprint, diagnostic } of entries) {
    let fix: Fix | undefined;
    try {
      fix = fixFor(source(), finding);
    } catch (error) {
      fixFailed(finding, error);
    }
    if (fix !== undefined) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: {
          changes: {
            [document.uri]: fix.edits.map((edit) => ({
              range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) },
              newText: edit.newText,
            })),
          },
        },
      });
    }
    actions.push({
      title: `Ignore this ${finding.code} finding (${IGNORE_FILE_NAME})`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      command: { title: 'Ignore this finding', command: IGNORE_COMMAND, arguments: [document.uri, fingerprint] },
    });
  }
  return actions;
}
