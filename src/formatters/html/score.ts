import type { ScoreFormula, SeverityCounts } from './model.js';

/** What one finding weighs, by severity: error, warn, info, hint. */
export const SEVERITY_WEIGHTS: ScoreFormula['weights'] = [1, 0.5, 0.1, 0];

export const SCORE_FORMULA: ScoreFormula = {
  weights: SEVERITY_WEIGHTS,
  text:
    'score = 100 × N / (N + W), rounded down, where N is the number of operations in the documents (at least 1) ' +
    'and W the weighted findings: 1 per error, 0.5 per warning, 0.1 per info, 0 per hint. ' +
    'No finding scores 100; one error per operation on average scores 50; the score nears 0 as findings pile up.',
};

/** The weights in tenths, so that the score is computed in integers and never off by a rounding error. */
const WEIGHTS_IN_TENTHS = SEVERITY_WEIGHTS.map((weight) => Math.round(weight * 10));

/** The weighted findings W of the formula, in tenths. */
function tenthsOfWeight(counts: SeverityCounts): number {
  return counts.reduce((sum, count, severity) => sum + count * (WEIGHTS_IN_TENTHS[severity] ?? 0), 0);
}

/**
 * A score from 0 to 100 for findings over an API of `operations` operations. Measured against the
 * API's size so that a large API is not punished for being large, and never below 0 however many
 * findings there are, so that two bad APIs can still be told apart.
 */
export function score(counts: SeverityCounts, operations: number): number {
  const size = Math.max(1, operations);
  return Math.floor((1000 * size) / (10 * size + tenthsOfWeight(counts)));
}

export function emptyCounts(): SeverityCounts {
  return [0, 0, 0, 0];
}
