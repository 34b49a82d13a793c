import { pathToFileURL } from 'node:url';
import type { Ruleset } from '@stoplight/spectral-core';
import { DiagnosticSeverity as LspSeverity } from 'vscode-languageserver/node';
import type { Diagnostic } from 'vscode-languageserver/node';
import { ruleDocUrl } from '../core/docs.js';
import type { Finding } from '../core/results/types.js';
import type { FileProblem } from './configs.js';

export const DIAGNOSTIC_SOURCE = 'apistyle';

/** What a diagnostic carries back to the server in code-action requests. */
export interface DiagnosticData {
  fingerprint: string;
}

const DOCUMENT_START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Spectral counts severities from 0 (error), the protocol from 1. */
function severityOf(finding: Finding): LspSeverity {
  return (finding.severity + 1) as LspSeverity;
}

/**
 * A finding as the editor shows it: the rule id as `code`, its doc page as `codeDescription`.
 * A finding in another file (one the document `$ref`s) is shown at the top of the document,
 * pointing at where it is.
 */
export function toDiagnostic(finding: Finding, documentPath: string, fingerprint: string, ruleset: Ruleset): Diagnostic {
  const href = ruleDocUrl(finding.code, ruleset.rules);
  const elsewhere = finding.source !== documentPath;
  const data: DiagnosticData = { fingerprint };
  return {
    range: elsewhere ? DOCUMENT_START : finding.range,
    severity: severityOf(finding),
    code: finding.code,
    ...(href !== undefined ? { codeDescription: { href } } : {}),
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    data,
    ...(elsewhere
      ? {
          relatedInformation: [
            { location: { uri: pathToFileURL(finding.source).href, range: finding.range }, message: `in ${finding.source}` },
          ],
        }
      : {}),
  };
}

/** A config or ignore file that cannot be used: one error over the line it names (its text given, to span it). */
export function problemDiagnostic(problem: FileProblem, lineText: string): Diagnostic {
  return {
    range: { start: { line: problem.line, character: 0 }, end: { line: problem.line, character: lineText.length } },
    severity: LspSeverity.Error,
    code: 'config',
    source: DIAGNOSTIC_SOURCE,
    message: `${problem.message} (${problem.consequence})`,
  };
}
