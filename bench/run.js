// The benchmark harness: `apistyle lint` and the stock `spectral lint`, alternating, with the same
// ruleset files, on a small document, GitHub's description (JSON and YAML) and 300 corpus documents
// in one invocation. Prints median wall time, CPU time and peak RSS, the ratios, and whether both
// reported the same findings (code, path, severity). Inputs are installed into a cache outside the
// package (see bench/lib/corpus.js).
// Usage: node bench/run.js [--runs 3] [--rulesets psa,pmsipilot] [--scenarios small,github-json,github-yaml,corpus]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { CACHE_DIR, ensurePackage, openapiDirectoryDocuments } from './lib/corpus.js';
import { measure } from './lib/measure.js';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const argument = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1];
};
const runs = Number(argument('runs', '3'));
const rulesets = argument('rulesets', 'psa').split(',');
const scenarios = argument('scenarios', 'small,github-json,github-yaml,corpus').split(',');

function githubJson() {
  return join(ensurePackage('@octokit/openapi', '23.0.2'), 'generated', 'api.github.com.json');
}

function githubYaml() {
  const file = join(CACHE_DIR, 'api.github.com.yaml');
  if (!existsSync(file)) writeFileSync(file, stringify(JSON.parse(readFileSync(githubJson(), 'utf8')), { aliasDuplicateObjects: false }));
  return file;
}

const inputs = {
  small: () => [join(root, 'specs', 'psa', 'violating.yaml')],
  'github-json': () => [githubJson()],
  'github-yaml': () => [githubYaml()],
  corpus: () => openapiDirectoryDocuments().slice(0, 300).map((d) => d.path),
};

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const keys = (stdout) => JSON.parse(stdout).map((f) => JSON.stringify([f.source, f.code, f.path.map(String), f.severity])).sort();

const rows = [];
for (const ruleset of rulesets) {
  for (const scenario of scenarios) {
    const files = inputs[scenario]();
    const tools = {
      apistyle: [join(root, 'bin', 'apistyle.js'), 'lint', '--ruleset', ruleset, '--format', 'json', ...files],
      spectral: [join(root, 'node_modules', '@stoplight', 'spectral-cli', 'dist', 'index.js'), 'lint', '--ruleset', join(root, 'rulesets', `${ruleset}.yaml`), '--format', 'json', ...files],
    };
    const samples = { apistyle: [], spectral: [] };
    const outputs = {};
    for (let i = 0; i < runs; i++) {
      for (const [tool, args] of Object.entries(tools)) {
        const result = measure(process.execPath, args, { cwd: root });
        samples[tool].push(result);
        outputs[tool] = result.stdout;
      }
    }
    const same = JSON.stringify(keys(outputs.apistyle)) === JSON.stringify(keys(outputs.spectral));
    const summary = (tool) => ({
      wall: median(samples[tool].map((s) => s.wallMs)),
      cpu: median(samples[tool].map((s) => s.cpuMs)),
      rss: median(samples[tool].map((s) => s.peakRssKb)),
    });
    const a = summary('apistyle');
    const s = summary('spectral');
    rows.push({ ruleset, scenario, a, s, same, findings: keys(outputs.apistyle).length });
    process.stderr.write(`${ruleset} ${scenario} done\n`);
  }
}

const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const mb = (kb) => `${(kb / 1024).toFixed(0)} MB`;
console.log(`runs: ${runs} each, alternating; medians\n`);
console.log('| ruleset | input | apistyle wall | spectral wall | wall ratio | apistyle CPU | spectral CPU | apistyle peak RSS | spectral peak RSS | RSS ratio | findings | same findings |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
for (const { ruleset, scenario, a, s, same, findings } of rows) {
  console.log(`| ${ruleset} | ${scenario} | ${fmt(a.wall)} | ${fmt(s.wall)} | ${(a.wall / s.wall).toFixed(2)} | ${fmt(a.cpu)} | ${fmt(s.cpu)} | ${mb(a.rss)} | ${mb(s.rss)} | ${(a.rss / s.rss).toFixed(2)} | ${findings} | ${same ? 'yes' : 'NO'} |`);
}
