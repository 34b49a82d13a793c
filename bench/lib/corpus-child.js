// One linting process of the corpus run: loads its rulesets once (together, as a config listing several), then lints the documents its parent
// sends, one at a time, and answers with what it found wrong. Run by bench/corpus.js through fork().
import { readFileSync } from 'node:fs';
import { Engine, loadRulesets } from '../../dist/index.js';
import { INPUT_PROBLEM_CODES } from '../../dist/core/results/types.js';
import { DUPLICATE_KEY } from '../../dist/core/engine/engine.js';
import { findingProblem, lineLengths } from './check-findings.js';

const send = (message) => process.send(message);
for (const event of ['unhandledRejection', 'uncaughtException']) {
  process.on(event, (error) => {
    send({
      type: 'crash',
      event,
      message: String(error?.stack ?? error)
        .split('\n')
        .slice(0, 4)
        .join(' | '),
    });
    process.exit(70);
  });
}

let engine;
let knownCodes;

process.on('message', async (message) => {
  if (message.type === 'ruleset') {
    const ruleset = await loadRulesets([message.ruleset].flat());
    knownCodes = new Set([...Object.keys(ruleset.rules), ...INPUT_PROBLEM_CODES, DUPLICATE_KEY]);
    engine = (root) => new Engine({ ruleset, projectRoot: root });
    send({ type: 'ready' });
    return;
  }
  const { index, path, root } = message;
  const started = performance.now();
  const problems = [];
  let findings = [];
  try {
    findings = (await engine(root).lint([path])).findings;
  } catch (error) {
    problems.push(`lint threw: ${String(error?.message ?? error).split('\n')[0]}`);
  }
  const ms = performance.now() - started;
  const lines = new Map();
  const linesOf = (source) => {
    if (!lines.has(source)) {
      try {
        lines.set(source, lineLengths(readFileSync(source, 'utf8').replace(/^\uFEFF/, '')));
      } catch {
        lines.set(source, undefined);
      }
    }
    return lines.get(source);
  };
  for (const finding of findings) {
    const problem = findingProblem(finding, linesOf, knownCodes);
    if (problem !== undefined) problems.push(problem);
  }
  const byCode = {};
  for (const finding of findings) byCode[finding.code] = (byCode[finding.code] ?? 0) + 1;
  send({
    type: 'done',
    index,
    ms,
    byCode,
    problems: problems.slice(0, 5),
    problemCount: problems.length,
    maxRssKb: process.resourceUsage().maxRSS,
  });
});
