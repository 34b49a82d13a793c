import { DiagnosticSeverity } from '@stoplight/types';
import { INPUT_PROBLEM_CODES } from './types.js';
import type { Finding, InputProblem } from './types.js';

const INPUT_CODES: ReadonlySet<string> = new Set(INPUT_PROBLEM_CODES);

/** A parser warning (tabs, say) is a finding; a parser error means the document could not be read. */
export function isInputProblem(finding: Finding): finding is InputProblem {
  return INPUT_CODES.has(finding.code) && finding.severity === DiagnosticSeverity.Error;
}
