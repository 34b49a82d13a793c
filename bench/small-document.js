// Start-up benchmark: `apistyle lint` against the stock `spectral lint` on one small document with
// the same ruleset file, run alternately; prints the median wall time of each and the ratio.
// Usage: node bench/small-document.js [runs] [document] [ruleset name]
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const runs = Number(process.argv[2] ?? 10);
const document = process.argv[3] ?? join(root, 'specs', 'recommended', 'violating.yaml');
const ruleset = process.argv[4] ?? 'recommended';
const commands = {
  apistyle: [join(root, 'bin', 'apistyle.js'), 'lint', '--ruleset', ruleset, '--format', 'json', document],
  spectral: [
    join(root, 'node_modules', '@stoplight', 'spectral-cli', 'dist', 'index.js'),
    'lint',
    '--ruleset',
    join(root, 'rulesets', `${ruleset}.yaml`),
    '--format',
    'json',
    document,
  ],
};

const times = { apistyle: [], spectral: [] };
const outputs = {};
for (let i = 0; i < runs; i++) {
  for (const [name, args] of Object.entries(commands)) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
    times[name].push(Number(process.hrtime.bigint() - start) / 1e6);
    outputs[name] = result.stdout;
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const keyOf = (f) => JSON.stringify([f.code, f.path.map(String), f.severity]);
const same =
  JSON.stringify(JSON.parse(outputs.apistyle).map(keyOf).sort()) === JSON.stringify(JSON.parse(outputs.spectral).map(keyOf).sort());
const ours = median(times.apistyle);
const theirs = median(times.spectral);
console.log(`document: ${document}\nruleset: ${ruleset}\nruns: ${runs} each, alternating`);
console.log(`apistyle lint  median ${ours.toFixed(0)} ms`);
console.log(`spectral lint  median ${theirs.toFixed(0)} ms`);
console.log(`ratio apistyle/spectral: ${(ours / theirs).toFixed(2)}; same findings: ${same}`);
