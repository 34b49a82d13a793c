// Growth: GitHub's description with its paths copied 1, 2, 4 and 8 times (each copy under its own
// prefix), linted by apistyle; time and memory should grow no faster than the document.
// Usage: node bench/growth.js [ruleset=psa] [runs=1]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CACHE_DIR, ensurePackage } from './lib/corpus.js';
import { measure } from './lib/measure.js';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const ruleset = process.argv[2] ?? 'psa';
const runs = Number(process.argv[3] ?? 1);
const github = join(ensurePackage('@octokit/openapi', '23.0.2'), 'generated', 'api.github.com.json');

function scaled(factor) {
  const file = join(CACHE_DIR, `api.github.com.x${factor}.json`);
  if (!existsSync(file)) {
    const document = JSON.parse(readFileSync(github, 'utf8'));
    const paths = {};
    for (let copy = 0; copy < factor; copy++) {
      for (const [key, item] of Object.entries(document.paths)) paths[copy === 0 ? key : `/copy${copy}${key}`] = item;
    }
    document.paths = paths;
    writeFileSync(file, JSON.stringify(document));
  }
  return file;
}

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
console.log(`apistyle lint --ruleset ${ruleset}, median of ${runs}\n`);
console.log('| copies of the paths | size | wall | peak RSS | findings |');
console.log('| ---: | ---: | ---: | ---: | ---: |');
for (const factor of [1, 2, 4, 8]) {
  const file = scaled(factor);
  const samples = [];
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    const result = measure(process.execPath, [join(root, 'bin', 'apistyle.js'), 'lint', '--ruleset', ruleset, '--format', 'json', file], {
      cwd: root,
    });
    samples.push(result);
    findings = JSON.parse(result.stdout).length;
  }
  const size = readFileSync(file).length / 1024 / 1024;
  console.log(
    `| ${factor}x | ${size.toFixed(0)} MB | ${(median(samples.map((s) => s.wallMs)) / 1000).toFixed(2)} s | ${(median(samples.map((s) => s.peakRssKb)) / 1024).toFixed(0)} MB | ${findings} |`,
  );
}
