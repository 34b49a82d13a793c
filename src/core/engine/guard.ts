import { inputProblem } from '../parse/document.js';
import { oneLine } from '../errors.js';
import { InputLimitError, isStackOverflow, tooDeepMessage } from '../parse/inputLimits.js';
import type { Finding } from '../results/types.js';

/**
 * Runs the lint of one document so that nothing it throws escapes: a document too large or deep
 * to lint safely is a `parser` problem, anything else a `linter-error`, and the run goes on with
 * the other documents.
 */
export async function lintSafely(source: string, lintDocument: () => Promise<Finding[]>): Promise<Finding[]> {
  try {
    return await lintDocument();
  } catch (error) {
    if (error instanceof InputLimitError) return [inputProblem(source, 'parser', error.message)];
    if (isStackOverflow(error)) return [inputProblem(source, 'parser', tooDeepMessage())];
    return [inputProblem(source, 'linter-error', `linting stopped: ${oneLine(error)}`)];
  }
}
