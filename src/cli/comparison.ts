import { existsSync } from 'node:fs';
import { baselineText, compareWithBaseline, readBaseline } from '../core/compare/baseline.js';
import type { BaselineEntry } from '../core/compare/baseline.js';
import { UsageError, describeWriteError } from '../core/errors.js';
import { withoutNonOpenApi } from '../core/parse/nonOpenApi.js';
import { compareWithRevision } from '../core/compare/since.js';
import type { LintReport } from '../core/results/types.js';
import { writeFileAtomic } from './io.js';

export interface ComparisonOptions {
  baseline: string | undefined;
  writeBaseline: string | undefined;
  since: string | undefined;
  skipNonOpenApi: boolean;
  texts: ReadonlyMap<string, string>;
}

/**
 * What `--skip-non-openapi`, `--since`, `--baseline` and `--write-baseline` make of a run's report:
 * after them, `findings` holds what the run is judged on.
 */
export async function compareReport(report: LintReport, options: ComparisonOptions, cwd: string): Promise<LintReport> {
  let result = options.skipNonOpenApi ? await withoutNonOpenApi(report, options.texts) : report;
  // The baseline first, on every finding (what it holds that is not found any more is fixed);
  // then --since, on what the baseline did not hold: a finding is reported only when it is new to both.
  if (options.baseline !== undefined)
    result = compareWithBaseline(result, readBaseline(options.baseline), options.baseline, options.baseline);
  if (options.since !== undefined) {
    const byBaseline = result.comparison;
    result = await compareWithRevision(result, options.since, cwd, options.texts);
    if (byBaseline !== undefined && result.comparison !== undefined) {
      result = {
        ...result,
        comparison: {
          against: `${byBaseline.against} and ${result.comparison.against}`,
          existing: [...byBaseline.existing, ...result.comparison.existing],
          fixed: byBaseline.fixed,
        },
      };
    }
  }
  if (options.writeBaseline !== undefined) {
    const path = options.writeBaseline;
    const previous: BaselineEntry[] = existsSync(path) ? readBaseline(path) : [];
    const text = baselineText(result, path, previous);
    try {
      await writeFileAtomic(path, text);
    } catch (error) {
      throw new UsageError(`cannot write the baseline ${path}: ${describeWriteError(error)}`);
    }
    // Writing a baseline accepts what the run found: compared with it, nothing is new.
    if (options.baseline === undefined) result = compareWithBaseline(result, readBaseline(path), path, path);
  }
  return result;
}
