export interface CorpusDocument {
  path: string;
  /** The project directory of the document: its `$ref`s may not leave it. */
  root: string;
  name: string;
}

export interface CorpusSummary {
  ruleset: string;
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
  ruleset: string,
  options?: { jobs?: number; timeoutMs?: number },
): Promise<CorpusSummary>;
