import type { Finding } from '../../src/core/results/types.js';

export function lineLengths(text: string): number[];
export function findingProblem(
  finding: Finding,
  linesOf: (source: string) => number[] | undefined,
  knownCodes: ReadonlySet<string>,
): string | undefined;
