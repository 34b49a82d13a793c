// The HTML report of GitHub's 13 MB description: how long apistyle takes to write it, how large
// it is, and how soon headless Chromium shows it (the page's script marks when the findings table
// and when the charts are drawn). Needs Debian's chromium (`apt-get install chromium`).
// Usage: node bench/html-report.js [--runs 5] [--ruleset psa]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { FORMATTERS, lint, loadRuleset, ruleDocUrl } from '../dist/index.js';
import { CACHE_DIR, ensurePackage } from './lib/corpus.js';
import { measure } from './lib/measure.js';

const root = join(fileURLToPath(import.meta.url), '..', '..');
function argument(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] !== undefined ? process.argv[index + 1] : fallback;
}
const runs = Number(argument('runs', '5'));
const ruleset = argument('ruleset', 'psa');

const github = join(ensurePackage('@octokit/openapi', '23.0.2'), 'generated', 'api.github.com.json');
const report = join(CACHE_DIR, `api.github.com.${ruleset}.html`);
const cli = join(root, 'bin', 'apistyle.js');

const megabytes = (bytes) => `${(bytes / 1e6).toFixed(2)} MB`;
const ms = (value) => `${Math.round(value)} ms`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const asJson = measure(
  process.execPath,
  [cli, 'lint', github, '-r', ruleset, '-f', 'json', '-o', join(CACHE_DIR, `api.github.com.${ruleset}.json`)],
  { cwd: root },
);
const asHtml = measure(process.execPath, [cli, 'lint', github, '-r', ruleset, '-f', 'html', '-o', report], { cwd: root });
if (asHtml.status !== 0 && asHtml.status !== 1) throw new Error(`apistyle exited with ${asHtml.status}`);
const findings = JSON.parse(readFileSync(join(CACHE_DIR, `api.github.com.${ruleset}.json`), 'utf8')).length;
const html = readFileSync(report, 'utf8');
const dataElement = /<script[^>]* id="report-data"([^>]*)>([^<]*)<\/script>/.exec(html);

// The formatter alone, in this process: the lint's own time is noisy on a shared machine.
const loaded = await loadRuleset(ruleset, root);
const lintReport = await lint([github], { ruleset: loaded, cwd: root, workers: 1 });
const formatStarted = performance.now();
FORMATTERS.html(lintReport, {
  cwd: root,
  rules: loaded.rules,
  failSeverity: 0,
  color: false,
  docUrl: (id) => ruleDocUrl(id, loaded.rules),
});
const formatMs = performance.now() - formatStarted;

const which = spawnSync('which', ['chromium'], { encoding: 'utf8' });
if (which.status !== 0) throw new Error('chromium is not installed (apt-get install chromium)');
const profile = mkdtempSync(join(tmpdir(), 'apistyle-bench-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: which.stdout.trim(),
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
  viewport: { width: 1280, height: 900 },
});
const samples = [];
try {
  for (let run = 0; run < runs; run++) {
    const page = await context.newPage();
    await page.goto(pathToFileURL(report).href);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    const marks = await page.evaluate(() => {
      const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
      return { table: at('apistyle:table'), charts: at('apistyle:charts') };
    });
    // Filtering every finding: choose the rule that fired most, as a user clicking its bar would.
    const filterMs = await page.evaluate(() => {
      const select = document.getElementById('filter-rule');
      const started = performance.now();
      select.value = select.options[1].value;
      select.dispatchEvent(new Event('change'));
      return performance.now() - started;
    });
    samples.push({ ...marks, filter: filterMs });
    await page.close();
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}

console.log(`GitHub's description (${megabytes(statSync(github).size)}), ruleset ${ruleset}, ${findings} findings, ${runs} page loads\n`);
console.log('| measure | value |');
console.log('| --- | ---: |');
console.log(`| \`lint -f json\` wall | ${ms(asJson.wallMs)} |`);
console.log(`| \`lint -f html\` wall | ${ms(asHtml.wallMs)} |`);
console.log(`| of which the html formatter (in process) | ${ms(formatMs)} |`);
console.log(`| report size | ${megabytes(statSync(report).size)} |`);
console.log(
  `| of which data${dataElement?.[1].includes('gzip') ? ' (gzipped, base64)' : ''} | ${megabytes(dataElement?.[2].length ?? 0)} |`,
);
console.log(`| findings table drawn (median) | ${ms(median(samples.map((s) => s.table)))} |`);
console.log(`| charts drawn, page ready (median) | ${ms(median(samples.map((s) => s.charts)))} |`);
console.log(`| slowest page ready | ${ms(Math.max(...samples.map((s) => s.charts)))} |`);
console.log(`| filter by one rule (median) | ${ms(median(samples.map((s) => s.filter)))} |`);
