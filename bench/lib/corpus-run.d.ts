export interface CorpusDocument {
  path: string;
  /** The project directory of the document: its `$ref`s may not leave it. */
  root: string;
  name: string;
}

export interface CorpusSummary {
  ruleset: string | readonly string[];
  byCode: Record<string, number>;
  wallS: number;
  findings: number;
  inputProblems: Array<[string, number]>;
  failures: Array<{ document: string | undefined; problem: string }>;
  slowest: { ms: number; name?: string };
  peakRssKb: number;
}

export function lintCorpus(
  documents: readonly CorpusDocument[],
  /** A ruleset name or file, or several linted together. */
  ruleset: string | readonly string[],
  options?: { jobs?: number; timeoutMs?: number },
): Promise<CorpusSummary>;
