// The benchmark harness: `apistyle lint` and the stock `spectral lint`, alternating, with the same
// ruleset files, on a small document, GitHub's description (JSON and YAML) and 300 corpus documents
// in one invocation. Prints median wall time, CPU time and peak RSS, the ratios, and whether both
// reported the same findings (code, path, severity). Inputs are installed into a cache outside the
// package (see bench/lib/corpus.js).
// `--rulesets all` runs the four standards' rulesets together (apistyle: four `-r`; Spectral: a
// ruleset file extending the four). `--redocly` adds `redocly lint` (its recommended ruleset) on
// GitHub's description as the outside reference; `--scenarios corpus-warm` times apistyle's cold
// and warm `--cache` runs on the 300 corpus documents.
// Usage: node bench/run.js [--runs 3] [--rulesets psa,pmsipilot,all] [--scenarios small,github-json,github-yaml,corpus,corpus-warm] [--redocly]
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  corpus: () =>
    openapiDirectoryDocuments()
      .slice(0, 300)
      .map((d) => d.path),
};

const FOUR = ['psa', 'pmsipilot', 'redex', 'qualicharge'];

/** apistyle's and Spectral's ruleset arguments for a ruleset name, or `all` for the four standards. */
function rulesetArguments(ruleset) {
  if (ruleset !== 'all') return { apistyle: ['--ruleset', ruleset], spectral: ['--ruleset', join(root, 'rulesets', `${ruleset}.yaml`)] };
  const combined = join(CACHE_DIR, 'all-four.yaml');
  writeFileSync(combined, stringify({ extends: FOUR.map((name) => join(root, 'rulesets', `${name}.yaml`)) }));
  return { apistyle: FOUR.flatMap((name) => ['--ruleset', name]), spectral: ['--ruleset', combined] };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const keys = (stdout) =>
  JSON.parse(stdout)
    .map((f) => JSON.stringify([f.source, f.code, f.path.map(String), f.severity]))
    .sort();

const rows = [];
const warmRows = [];
for (const ruleset of rulesets) {
  const rulesetArgs = rulesetArguments(ruleset);
  for (const scenario of scenarios) {
    if (scenario === 'corpus-warm') {
      warmRows.push({ ruleset, ...warmCache(rulesetArgs.apistyle) });
      process.stderr.write(`${ruleset} ${scenario} done\n`);
      continue;
    }
    const files = inputs[scenario]();
    const tools = {
      apistyle: [join(root, 'bin', 'apistyle.js'), 'lint', ...rulesetArgs.apistyle, '--format', 'json', ...files],
      spectral: [
        join(root, 'node_modules', '@stoplight', 'spectral-cli', 'dist', 'index.js'),
        'lint',
        ...rulesetArgs.spectral,
        '--format',
        'json',
        ...files,
      ],
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
    const a = summary(samples.apistyle);
    const s = summary(samples.spectral);
    rows.push({ ruleset, scenario, a, s, same, findings: keys(outputs.apistyle).length });
    process.stderr.write(`${ruleset} ${scenario} done\n`);
  }
}

function summary(samples) {
  return {
    wall: median(samples.map((s) => s.wallMs)),
    cpu: median(samples.map((s) => s.cpuMs)),
    rss: median(samples.map((s) => s.peakRssKb)),
  };
}

/** apistyle on the 300 corpus documents with `--cache`: a cold run (no cache file), then a warm one. */
function warmCache(apistyleRulesetArgs) {
  const files = inputs.corpus();
  const cacheFile = join(CACHE_DIR, 'corpus.apistylecache');
  const args = [
    join(root, 'bin', 'apistyle.js'),
    'lint',
    ...apistyleRulesetArgs,
    '--format',
    'json',
    '--cache',
    '--cache-location',
    cacheFile,
    ...files,
  ];
  const cold = [];
  const warm = [];
  let same = true;
  for (let i = 0; i < runs; i++) {
    rmSync(cacheFile, { force: true });
    const first = measure(process.execPath, args, { cwd: root });
    const second = measure(process.execPath, args, { cwd: root });
    cold.push(first);
    warm.push(second);
    same &&= first.stdout === second.stdout;
  }
  return { cold: summary(cold), warm: summary(warm), same };
}

/** `redocly lint` with its recommended ruleset on GitHub's description, next to apistyle with the four rulesets. */
function redocly() {
  const cli = join(ensurePackage('@redocly/cli', '2.77.0'), 'bin', 'cli.js');
  const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
  const tools = {
    apistyle: [join(root, 'bin', 'apistyle.js'), 'lint', ...rulesetArguments('all').apistyle, '--format', 'json', githubJson()],
    redocly: [cli, 'lint', '--extends', 'recommended', '--format', 'json', githubJson()],
  };
  const samples = { apistyle: [], redocly: [] };
  for (let i = 0; i < runs; i++)
    for (const [tool, args] of Object.entries(tools)) samples[tool].push(measure(process.execPath, args, { cwd: root, env }));
  return { a: summary(samples.apistyle), r: summary(samples.redocly) };
}

const redoclyRow = process.argv.includes('--redocly') ? redocly() : undefined;

const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const mb = (kb) => `${(kb / 1024).toFixed(0)} MB`;
console.log(`runs: ${runs} each, alternating; medians\n`);
console.log(
  '| ruleset | input | apistyle wall | spectral wall | wall ratio | apistyle CPU | spectral CPU | apistyle peak RSS | spectral peak RSS | RSS ratio | findings | same findings |',
);
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
for (const { ruleset, scenario, a, s, same, findings } of rows) {
  console.log(
    `| ${ruleset} | ${scenario} | ${fmt(a.wall)} | ${fmt(s.wall)} | ${(a.wall / s.wall).toFixed(2)} | ${fmt(a.cpu)} | ${fmt(s.cpu)} | ${mb(a.rss)} | ${mb(s.rss)} | ${(a.rss / s.rss).toFixed(2)} | ${findings} | ${same ? 'yes' : 'NO'} |`,
  );
}
if (warmRows.length > 0) {
  console.log(
    '\n| ruleset | 300 corpus documents | cold (--cache, no cache file) | warm (--cache) | warm / cold | warm peak RSS | same output |',
  );
  console.log('| --- | --- | ---: | ---: | ---: | ---: | --- |');
  for (const { ruleset, cold, warm, same } of warmRows)
    console.log(
      `| ${ruleset} | corpus | ${fmt(cold.wall)} | ${fmt(warm.wall)} | ${(warm.wall / cold.wall).toFixed(3)} | ${mb(warm.rss)} | ${same ? 'yes' : 'NO'} |`,
    );
}
if (redoclyRow !== undefined) {
  const { a, r } = redoclyRow;
  console.log("\n| GitHub's description (JSON) | wall | CPU | peak RSS |");
  console.log('| --- | ---: | ---: | ---: |');
  console.log(`| apistyle, psa + pmsipilot + redex + qualicharge | ${fmt(a.wall)} | ${fmt(a.cpu)} | ${mb(a.rss)} |`);
  console.log(`| redocly lint, recommended | ${fmt(r.wall)} | ${fmt(r.cpu)} | ${mb(r.rss)} |`);
  console.log(
    `| ratio apistyle / redocly | ${(a.wall / r.wall).toFixed(2)} | ${(a.cpu / r.cpu).toFixed(2)} | ${(a.rss / r.rss).toFixed(2)} |`,
  );
}
