// Drives bench/lib/corpus-child.js: the corpus run of bench/corpus.js and its sample in npm test.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const CHILD = join(fileURLToPath(import.meta.url), '..', 'corpus-child.js');
const INPUT_PROBLEM_CODES = ['unreadable-file', 'parser', 'not-openapi', 'invalid-ref', 'linter-error'];

/**
 * Lints documents ({path, root, name}) with one ruleset (or several, together) across `jobs` child processes, each document
 * within `timeoutMs` (a child past it is killed and replaced), and checks every finding.
 * Returns the counts by code, the failures (crash, unhandled rejection, time-out, bad finding),
 * the slowest document and the peak RSS of a child.
 */
export async function lintCorpus(documents, ruleset, { jobs = 2, timeoutMs = 120_000 } = {}) {
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
          if (message.type === 'crash')
            return failures.push({ document: documents[current]?.name, problem: `${message.event}: ${message.message}` });
          clearTimeout(timer);
          results[message.index] = message;
          peakRssKb = Math.max(peakRssKb, message.maxRssKb);
          for (const problem of message.problems) failures.push({ document: documents[message.index].name, problem });
          feed();
        });
        child.on('exit', (code, signal) => {
          clearTimeout(timer);
          if (current !== undefined && results[current] === undefined) {
            if (signal !== 'SIGKILL')
              failures.push({ document: documents[current].name, problem: `the process exited (${code ?? signal})` });
            results[current] = { index: current, ms: NaN, byCode: {}, problemCount: 1 };
            start();
          } else if (current === undefined) {
            // Finished, or died before it could lint anything (a ruleset that does not load).
            done();
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
          failures.push({ document: document.name, problem: `no result within ${timeoutMs / 1000} s` });
          child.kill('SIGKILL');
        }, timeoutMs);
        child.send({ type: 'lint', index: current, path: document.path, root: document.root });
      };
      start();
    });
  const started = Date.now();
  await Promise.all(Array.from({ length: jobs }, worker));
  const byCode = {};
  let slowest = { ms: 0 };
  for (const [index, result] of results.entries()) {
    for (const [code, count] of Object.entries(result.byCode)) byCode[code] = (byCode[code] ?? 0) + count;
    if (result.ms > slowest.ms) slowest = { ms: result.ms, name: documents[index].name };
  }
  const inputProblems = Object.entries(byCode).filter(([code]) => INPUT_PROBLEM_CODES.includes(code));
  const findings = Object.values(byCode).reduce((a, b) => a + b, 0);
  return { ruleset, byCode, wallS: (Date.now() - started) / 1000, findings, inputProblems, failures, slowest, peakRssKb };
}
