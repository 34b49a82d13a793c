// Runs once before the test files (and before each re-run in watch mode): builds dist/ when the
// sources changed since the last build, prints one line per missing external tool, so a skipped
// suite never goes unexplained, and fixes the seed of the property-based tests.
import type { TestProject } from 'vitest/node';
import { EXTERNAL_TOOLS, isInstalled, missingToolNotice } from '../helpers/externalTools.js';
import { ensureCurrentBuild } from './freshBuild.js';

/** The seed when FC_SEED does not name one: every run explores the same cases, so a failure reproduces. */
const DEFAULT_SEED = 20261207;

declare module 'vitest' {
  interface ProvidedContext {
    fastCheckSeed: number;
  }
}

function seedFromEnvironment(): number {
  const given = process.env['FC_SEED'];
  if (given === undefined || given === '') return DEFAULT_SEED;
  const seed = Number(given);
  if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer, not ${JSON.stringify(given)}`);
  return seed;
}

export default function setup(project: TestProject): void {
  ensureCurrentBuild();
  project.onTestsRerun(() => ensureCurrentBuild());
  for (const tool of EXTERNAL_TOOLS) if (!isInstalled(tool)) console.log(missingToolNotice(tool));
  const seed = seedFromEnvironment();
  console.log(`fast-check seed ${seed} (FC_SEED=<n> runs another)`);
  project.provide('fastCheckSeed', seed);
}
