// Checks that a finding can be shown to a user as it is: a known code, and a range that lies inside
// the text of the file it names. Shared by the corpus run (bench/corpus.js) and its sample in npm test.

/** The length of each line of a text, split as editors and Spectral count lines (LF, CRLF or CR). */
export function lineLengths(text) {
  return text.split(/\r\n|\r|\n/).map((line) => line.length);
}

function positionInside(position, lengths) {
  return (
    Number.isInteger(position?.line) &&
    Number.isInteger(position?.character) &&
    position.line >= 0 &&
    position.line < lengths.length &&
    position.character >= 0 &&
    position.character <= lengths[position.line]
  );
}

function before(a, b) {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

/**
 * What is wrong with a finding, or undefined when nothing is.
 * `linesOf(source)` gives the line lengths of a file (undefined when it cannot be read);
 * `knownCodes` holds the rule ids of the ruleset and the input-problem codes.
 */
export function findingProblem(finding, linesOf, knownCodes) {
  if (!knownCodes.has(finding.code)) return `unknown code "${finding.code}"`;
  if (typeof finding.message !== 'string' || finding.message.trim() === '') return `${finding.code}: empty message`;
  if (![0, 1, 2, 3].includes(finding.severity)) return `${finding.code}: severity ${finding.severity}`;
  if (!Array.isArray(finding.path)) return `${finding.code}: path is not a list`;
  const lengths = linesOf(finding.source);
  if (lengths === undefined) return `${finding.code}: source "${finding.source}" cannot be read`;
  const { start, end } = finding.range ?? {};
  if (!positionInside(start, lengths) || !positionInside(end, lengths) || !before(start, end)) {
    return `${finding.code}: range ${JSON.stringify(finding.range)} is not inside ${finding.source} (${lengths.length} lines)`;
  }
  return undefined;
}
