// The HTML report as a user sees it: written by the CLI, opened in a real headless Chromium, and
// checked against the JSON findings of the same run.
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { ruleDocUrl } from '../src/core/docs.js';
import type { Finding, LintReport } from '../src/core/results/types.js';
import { FORMATTERS, loadRuleset } from '../src/index.js';
import { openBrowser, openReport } from './helpers/browser.js';
import { CHROMIUM, describeWithTool } from './helpers/externalTools.js';
import type { Browser } from './helpers/browser.js';
import { ONE_ERROR_ONE_WARNING, REPO_ROOT, runCli, tempProject } from './helpers/cli.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const SEVERITIES = ['error', 'warn', 'info', 'hint'];

/** Operations in a document, counted here independently of the report's code. */
function operationsOf(file: string): number {
  const document = parseYaml(readFileSync(file, 'utf8'), { uniqueKeys: false }) as { paths?: Record<string, Record<string, unknown>> };
  return Object.values(document.paths ?? {}).reduce(
    (sum, item) => sum + Object.keys(item).filter((key) => METHODS.includes(key)).length,
    0,
  );
}

/** The documented formula: 100 × N / (N + W), W = 1 per error, 0.5 per warning, 0.1 per info; in tenths to stay exact. */
function expectedScore(findings: readonly Finding[], operations: number): number {
  const tenths = [10, 5, 1, 0];
  const weight = findings.reduce((sum, finding) => sum + (tenths[finding.severity] ?? 0), 0);
  const n = Math.max(1, operations);
  return Math.floor((1000 * n) / (10 * n + weight));
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** Runs the CLI twice on the same input, `-f html -o` and `-f json`, and returns the report file and the JSON findings. */
async function lintBoth(args: readonly string[], dir: string, cwd = REPO_ROOT): Promise<{ file: string; findings: Finding[] }> {
  const file = join(dir, 'report.html');
  const html = await runCli(['lint', ...args, '-f', 'html', '-o', file], { cwd, timeoutMs: 60_000 });
  assert.equal(html.stderr, '');
  assert.equal(html.stdout, '');
  const json = await runCli(['lint', ...args, '-f', 'json'], { cwd, timeoutMs: 60_000 });
  assert.equal(html.code, json.code);
  return { file, findings: JSON.parse(json.stdout) as Finding[] };
}

interface Row {
  rule: string;
  severity: string;
  line: number;
  message: string;
  status: string | null;
}

/** The rows of the findings table on the current page. */
function rowsOnPage(page: Page): Promise<Row[]> {
  return page.$$eval('#findings-body tr.finding', (rows) =>
    rows.map((row) => ({
      rule: row.getAttribute('data-rule') ?? '',
      severity: row.getAttribute('data-severity') ?? '',
      line: Number(row.getAttribute('data-line')),
      message: row.querySelector('summary')?.textContent ?? '',
      status: row.getAttribute('data-status'),
    })),
  );
}

/** Every row the table shows across its pages, after the current filters. */
async function allRows(page: Page): Promise<Row[]> {
  const rows = await rowsOnPage(page);
  while (await page.isEnabled('#page-next')) {
    await page.click('#page-next');
    rows.push(...(await rowsOnPage(page)));
  }
  return rows;
}

function key(row: { rule: string; line: number; message: string }): string {
  return `${row.rule}|${row.line}|${row.message}`;
}

function keysOf(findings: readonly Finding[]): string[] {
  return findings.map((finding) => key({ rule: finding.code, line: finding.range.start.line + 1, message: finding.message })).sort();
}

async function shownTotal(page: Page): Promise<number> {
  return Number(await page.getAttribute('#findings-count', 'data-total'));
}

interface ChartData {
  labels: unknown[];
  datasetLabels: unknown[];
  datasets: unknown[][];
  /** The elements drawn for the first dataset (bars, arcs, tiles). */
  elements: number;
}

// Functions passed to the page are written without named inner functions: the test runner's
// compiler would wrap those in a helper the page does not have.
type ChartJs = {
  getChart(id: string):
    | {
        data: { labels?: unknown[]; datasets: { label?: string; data: unknown[] }[] };
        getDatasetMeta(index: number): {
          data: {
            $context?: { raw?: { isLeaf?: boolean; v: number; l?: number; g?: string; _data?: { name?: string } } };
            getCenterPoint(): { x: number; y: number };
          }[];
        };
      }
    | undefined;
};

/** What Chart.js holds for a chart of the page, or undefined when the page has no such chart. */
function chartData(page: Page, id: string): Promise<ChartData | undefined> {
  return page.evaluate((canvasId) => {
    const chart = (window as unknown as { Chart: ChartJs }).Chart.getChart(canvasId);
    if (chart === undefined) return undefined;
    return {
      labels: chart.data.labels ?? [],
      datasetLabels: chart.data.datasets.map((dataset) => dataset.label),
      datasets: chart.data.datasets.map((dataset) => dataset.data),
      elements: chart.getDatasetMeta(0).data.length,
    };
  }, id);
}

/** The leaf tiles of a treemap: their name, value and index among the chart's elements. */
function treemapLeaves(page: Page, id: string): Promise<{ name: string; v: number; index: number }[]> {
  return page.evaluate((canvasId) => {
    const chart = (window as unknown as { Chart: ChartJs }).Chart.getChart(canvasId);
    return (chart?.getDatasetMeta(0).data ?? [])
      .map((element, index) => ({ raw: element.$context?.raw, index }))
      .filter(({ raw }) => raw?.isLeaf === true)
      .map(({ raw, index }) => ({ name: raw?._data?.name ?? '', v: raw?.v ?? 0, index }));
  }, id);
}

/** The names of a treemap's outermost groups, sorted. */
function treemapGroups(page: Page, id: string): Promise<string[]> {
  return page.evaluate((canvasId) => {
    const chart = (window as unknown as { Chart: ChartJs }).Chart.getChart(canvasId);
    return (chart?.getDatasetMeta(0).data ?? [])
      .map((element) => element.$context?.raw)
      .filter((raw) => raw?.isLeaf !== true && raw?.l === 0)
      .map((raw) => raw?.g ?? '')
      .sort();
  }, id);
}

/**
 * Clicks the centre of a chart's element; Playwright scrolls the chart into view and waits until
 * it keeps still. Chart.js handles pointer events in the next animation frame: so does this wait.
 */
async function clickChart(page: Page, id: string, index: number): Promise<void> {
  const centre = await page.evaluate(
    ([canvasId, elementIndex]) => {
      const chart = (window as unknown as { Chart: ChartJs }).Chart.getChart(String(canvasId));
      return chart!.getDatasetMeta(0).data[Number(elementIndex)]!.getCenterPoint();
    },
    [id, index],
  );
  await page.locator(`#${id}`).click({ position: centre });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

describeWithTool(CHROMIUM, 'HTML report', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe('of one document (specs/psa/violating.yaml, psa)', () => {
    const sample = join(REPO_ROOT, 'specs', 'psa', 'violating.yaml');
    let findings: Finding[];
    let page: Page;
    let errors: string[];
    let html: string;

    beforeAll(async () => {
      const run = await lintBoth([sample, '-r', 'psa'], tempProject());
      findings = run.findings;
      html = readFileSync(run.file, 'utf8');
      ({ page, errors } = await openReport(browser, run.file));
    });

    it('is one self-contained file: nothing is fetched when it is opened', () => {
      assert.ok(findings.length > 50, 'the sample violates every rule');
      assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+href=/i);
      assert.deepEqual(browser.networkRequests, []);
      assert.deepEqual(errors, []);
    });

    it('shows the documented score and the counts by severity of the JSON findings', async () => {
      const expected = expectedScore(findings, operationsOf(sample));
      assert.equal(await page.getAttribute('[data-ruleset="psa"] .score', 'data-score'), String(expected));
      assert.equal(await page.getAttribute('[data-overall] .score', 'data-score'), String(expected));
      for (const [severity, name] of SEVERITIES.entries()) {
        const shown = await page.textContent(`[data-ruleset="psa"] li[data-severity="${name}"] strong`);
        assert.equal(Number(shown), findings.filter((finding) => finding.severity === severity).length, name);
      }
      assert.match((await page.textContent('#formula')) ?? '', /100 × N \/ \(N \+ W\)/);
    });

    it('charts the findings by rule, by severity and by location', async () => {
      const charts = {
        rules: await chartData(page, 'chart-rules'),
        severity: await chartData(page, 'chart-severity'),
        rulesets: await chartData(page, 'chart-rulesets'),
        comparison: await chartData(page, 'chart-comparison'),
      };
      const byRule = countBy(findings, (finding) => finding.code);
      assert.ok(charts.rules !== undefined);
      const shownByRule = new Map(
        charts.rules.labels.map((label, index) => [
          String(label),
          charts.rules!.datasets.reduce((sum, data) => sum + Number(data[index]), 0),
        ]),
      );
      assert.deepEqual(shownByRule, byRule);
      assert.equal(charts.rules.elements, byRule.size, 'one bar per rule that fired');
      const bySeverity = SEVERITIES.map((_, severity) => findings.filter((finding) => finding.severity === severity).length);
      assert.deepEqual(charts.severity?.datasets[0], bySeverity);
      assert.deepEqual(charts.rulesets?.labels, ['psa']);
      assert.deepEqual(
        charts.rulesets?.datasets,
        bySeverity.map((count) => [count]),
      );
      // One tile per API path, component or other section with findings, together holding every finding.
      const places = new Set(
        findings.map((finding) =>
          JSON.stringify(
            finding.path[0] === 'paths'
              ? finding.path.slice(0, 2)
              : finding.path[0] === 'components'
                ? finding.path.slice(0, 3)
                : finding.path.slice(0, 1),
          ),
        ),
      );
      const leaves = await treemapLeaves(page, 'chart-locations');
      assert.equal(leaves.length, places.size);
      assert.equal(
        leaves.reduce((sum, leaf) => sum + leaf.v, 0),
        findings.length,
      );
      for (const path of new Set(findings.filter((finding) => finding.path[0] === 'paths').map((finding) => String(finding.path[1])))) {
        assert.ok(
          leaves.some((leaf) => leaf.name === path),
          `a tile for ${path}`,
        );
      }
      assert.equal(charts.comparison, undefined, 'no comparison chart without a baseline');

      // Grouped by tag, the same tiles hold the same findings, under the tags (the sample has none) and sections.
      assert.deepEqual(
        await treemapGroups(page, 'chart-locations'),
        [
          ...new Set(
            leaves.map((leaf) =>
              leaf.name.startsWith('/') ? `/${leaf.name.split('/')[1]}` : leaf.name.split(' › ').slice(0, 2).join(' › '),
            ),
          ),
        ].sort(),
      );
      await page.selectOption('#treemap-grouping', 'tag');
      const byTag = await treemapLeaves(page, 'chart-locations');
      assert.deepEqual(byTag.map((leaf) => [leaf.name, leaf.v]).sort(), leaves.map((leaf) => [leaf.name, leaf.v]).sort());
      assert.deepEqual(
        await treemapGroups(page, 'chart-locations'),
        [...new Set(leaves.map((leaf) => (leaf.name.startsWith('/') ? '(no tag)' : leaf.name.split(' › ')[0]!)))].sort(),
      );
      await page.selectOption('#treemap-grouping', 'group');
    });

    it('lists every JSON finding in the table, page by page', async () => {
      assert.equal(await shownTotal(page), findings.length);
      assert.equal((await rowsOnPage(page)).length, Math.min(50, findings.length));
      assert.deepEqual((await allRows(page)).map(key).sort(), keysOf(findings));
    });

    it('filters the rows by rule, severity, path and text', async () => {
      await page.click('#filter-reset');
      await page.selectOption('#filter-rule', {
        label: `psa-version-in-uri (${findings.filter((f) => f.code === 'psa-version-in-uri').length})`,
      });
      assert.deepEqual((await allRows(page)).map(key).sort(), keysOf(findings.filter((finding) => finding.code === 'psa-version-in-uri')));

      await page.click('#filter-reset');
      await page.selectOption('#filter-severity', { label: 'warn' });
      assert.deepEqual((await allRows(page)).map(key).sort(), keysOf(findings.filter((finding) => finding.severity === 1)));

      await page.click('#filter-reset');
      await page.fill('#filter-path', '/customers');
      const onCustomers = findings.filter((finding) => finding.path.join('.').toLowerCase().includes('/customers'));
      assert.ok(onCustomers.length > 0);
      await page.waitForFunction(
        (count) => document.querySelector('#findings-count')?.getAttribute('data-total') === String(count),
        onCustomers.length,
      );
      assert.deepEqual((await allRows(page)).map(key).sort(), keysOf(onCustomers));

      await page.click('#filter-reset');
      await page.fill('#filter-text', 'camelcase');
      const camel = findings.filter((finding) =>
        `${finding.message}\n${finding.code}\n${finding.path.join('.')}`.toLowerCase().includes('camelcase'),
      );
      assert.ok(camel.length > 0 && camel.length < findings.length);
      await page.waitForFunction(
        (count) => document.querySelector('#findings-count')?.getAttribute('data-total') === String(count),
        camel.length,
      );
      assert.deepEqual((await allRows(page)).map(key).sort(), keysOf(camel));

      await page.fill('#filter-text', 'no finding says this');
      await page.waitForFunction(() => document.querySelector('#findings-count')?.getAttribute('data-total') === '0');
      assert.deepEqual(await rowsOnPage(page), []);
      await page.click('#filter-reset');
      assert.equal(await shownTotal(page), findings.length);
    });

    it('lists the findings of a bar or a tile clicked in the charts', async () => {
      await page.click('#filter-reset');
      await clickChart(page, 'chart-rules', 0);
      const topRule = [...countBy(findings, (finding) => finding.code)].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
      assert.deepEqual((await allRows(page)).map(key).sort(), keysOf(findings.filter((finding) => finding.code === topRule)));

      const leaves = await treemapLeaves(page, 'chart-locations');
      const index = leaves.findIndex((leaf) => leaf.name.startsWith('/'));
      await clickChart(page, 'chart-locations', leaves[index]!.index);
      const atPath = findings.filter((finding) => finding.path[0] === 'paths' && finding.path[1] === leaves[index]!.name);
      assert.equal(atPath.length, leaves[index]!.v);
      assert.deepEqual((await allRows(page)).map(key).sort(), keysOf(atPath));
      assert.equal(await page.textContent('#filter-location'), `Location: ${leaves[index]!.name} ✕`);
      await page.click('#filter-location');
      assert.equal(await shownTotal(page), findings.length);
      assert.equal(await page.isVisible('#filter-location'), false);
    });

    it("gives each finding its code frame and its rule's doc link", async () => {
      await page.click('#filter-reset');
      const lines = readFileSync(sample, 'utf8').split('\n');
      const first = page.locator('#findings-body tr.finding').first();
      const finding = findings[0]!;
      assert.equal(await first.getAttribute('data-rule'), finding.code);
      assert.equal(await first.locator('td.rule a').getAttribute('href'), ruleDocUrl(finding.code));
      await first.locator('summary').click();
      const frame = await first.locator('pre.frame .line').evaluateAll((spans) =>
        spans.map((span) => ({
          line: Number(span.getAttribute('data-line')),
          text: span.lastChild?.textContent ?? '',
          marked: span.classList.contains('marked'),
        })),
      );
      const start = finding.range.start.line + 1;
      assert.deepEqual(
        frame.map((entry) => entry.line),
        [start - 2, start - 1, start, start + 1, start + 2].filter((line) => line >= 1 && line <= lines.length),
      );
      for (const entry of frame) assert.equal(entry.text, lines[entry.line - 1], `line ${entry.line} as in the document`);
      assert.ok(frame.find((entry) => entry.line === start)?.marked);
    });

    it('takes a screenshot', async () => {
      const file = join(tempProject(), 'report.png');
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: file });
      const png = readFileSync(file);
      assert.deepEqual([...png.subarray(1, 4)].map((byte) => String.fromCharCode(byte)).join(''), 'PNG');
      assert.ok(png.length > 20_000, 'a picture with something in it');
    });
  });

  it('gives several documents one report with a per-document overview', async () => {
    const documents = ['specs/psa/violating.yaml', 'specs/recommended/violating.yaml', 'specs/psa/compliant.yaml'];
    const { file, findings } = await lintBoth([...documents, '-r', 'psa', '-r', 'recommended'], tempProject());
    const { page, errors } = await openReport(browser, file);
    assert.deepEqual(errors, []);
    const rows = await page.$$eval('#documents tbody tr', (trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent ?? '')),
    );
    assert.deepEqual(
      rows.map((cells) => cells[0]),
      documents,
    );
    for (const [index, name] of documents.entries()) {
      const own = findings.filter((finding) => finding.source === join(REPO_ROOT, name));
      const cells = rows[index]!;
      assert.equal(Number(cells[1]), operationsOf(join(REPO_ROOT, name)), `${name}: operations`);
      assert.deepEqual(
        cells.slice(2, 6).map(Number),
        SEVERITIES.map((_, severity) => own.filter((finding) => finding.severity === severity).length),
        `${name}: counts`,
      );
      const psa = own.filter((finding) => finding.code.startsWith('psa-'));
      const recommended = own.filter((finding) => finding.code.startsWith('recommended-'));
      assert.deepEqual(
        cells.slice(6).map(Number),
        [expectedScore(psa, Number(cells[1])), expectedScore(recommended, Number(cells[1])), expectedScore(own, Number(cells[1]))],
        `${name}: scores`,
      );
    }
    assert.deepEqual(rows[2]!.slice(6), ['100', '100', '100'], 'the compliant sample scores 100');
    const operations = documents.reduce((sum, name) => sum + operationsOf(join(REPO_ROOT, name)), 0);
    assert.equal(
      await page.getAttribute('[data-ruleset="recommended"] .score', 'data-score'),
      String(
        expectedScore(
          findings.filter((f) => f.code.startsWith('recommended-')),
          operations,
        ),
      ),
    );
    assert.equal(
      await page.getAttribute('[data-ruleset="psa"] .score', 'data-score'),
      String(
        expectedScore(
          findings.filter((f) => f.code.startsWith('psa-')),
          operations,
        ),
      ),
    );

    await page.click('#documents tbody tr:nth-child(2) button');
    assert.deepEqual(
      (await allRows(page)).map(key).sort(),
      keysOf(findings.filter((finding) => finding.source === join(REPO_ROOT, documents[1]!))),
    );
    await page.close();
  });

  it('scores a compliant document 100 and charts nothing', async () => {
    const { file, findings } = await lintBoth(['specs/psa/compliant.yaml', '-r', 'psa'], tempProject());
    assert.deepEqual(findings, []);
    const { page, errors } = await openReport(browser, file);
    assert.deepEqual(errors, []);
    assert.equal(await page.getAttribute('[data-ruleset="psa"] .score', 'data-score'), '100');
    assert.equal(await page.textContent('#no-charts'), 'No findings: nothing to chart.');
    assert.equal(await page.locator('canvas').count(), 0);
    assert.equal(await page.textContent('#findings-count'), 'No findings.');
    await page.close();
  });

  it('shows new, existing and fixed findings when the run is compared with a baseline', async () => {
    const sample = join(REPO_ROOT, 'specs', 'psa', 'violating.yaml');
    const all = JSON.parse((await runCli(['lint', sample, '-r', 'psa', '-f', 'json'])).stdout) as Finding[];
    const fresh = all.slice(0, 10);
    const report: LintReport = {
      findings: fresh,
      inputProblems: [],
      documents: [sample],
      comparison: {
        against: 'origin/main',
        existing: all.slice(10),
        fixed: [
          { file: 'specs/psa/violating.yaml', code: 'psa-http-verbs', path: 'paths./old', message: 'gone' },
          { file: 'specs/psa/violating.yaml', code: 'psa-update-204', path: 'paths./old.put', message: 'gone too' },
          { file: 'specs/psa/violating.yaml', code: 'psa-no-nulls', path: 'components.schemas.Old', message: 'fixed' },
        ],
      },
    };
    const ruleset = await loadRuleset('psa');
    const html = FORMATTERS.html(report, {
      cwd: REPO_ROOT,
      rules: ruleset.rules,
      failSeverity: 0,
      color: false,
      docUrl: (id) => ruleDocUrl(id, ruleset.rules),
    });
    const file = join(tempProject(), 'report.html');
    writeFileSync(file, html);
    const { page, errors } = await openReport(browser, file);
    assert.deepEqual(errors, []);
    const chart = await chartData(page, 'chart-comparison');
    const comparison = { labels: chart?.labels, datasets: chart?.datasets.map((data, index) => [chart.datasetLabels[index], data]) };
    assert.deepEqual(comparison, {
      labels: ['psa'],
      datasets: [
        ['new', [10]],
        ['existing', [all.length - 10]],
        ['fixed', [3]],
      ],
    });
    assert.match((await page.textContent('#comparison-title')) ?? '', /origin\/main/);
    // The score is the API's state: new and existing findings alike.
    assert.equal(await page.getAttribute('[data-ruleset="psa"] .score', 'data-score'), String(expectedScore(all, operationsOf(sample))));
    assert.equal(await shownTotal(page), all.length);
    await page.selectOption('#filter-status', { label: 'new' });
    const rows = await allRows(page);
    assert.deepEqual(rows.map(key).sort(), keysOf(fresh));
    assert.ok(rows.every((row) => row.status === 'new'));
    assert.equal(await page.locator('#fixed-table tbody tr').count(), 3);
    await page.close();
  });

  it('quotes standard input in code frames, and lists a document that could not be linted without a score', async () => {
    const dir = tempProject({ 'broken.yaml': 'openapi: 3.0.3\ninfo: [unclosed\n' });
    const file = join(dir, 'report.html');
    const run = await runCli(['lint', '-', 'broken.yaml', '-f', 'html', '-o', file], { cwd: dir, stdin: ONE_ERROR_ONE_WARNING });
    assert.equal(run.code, 2);
    assert.equal(run.stderr, '');
    const { page, errors } = await openReport(browser, file);
    assert.deepEqual(errors, []);
    const rows = await page.$$eval('#documents tbody tr', (trs) =>
      trs.map((tr) => ({
        name: tr.getAttribute('data-document'),
        problem: tr.querySelector('.problem')?.textContent ?? null,
        scores: Array.from(tr.querySelectorAll('td[data-score]')).map((td) => td.getAttribute('data-score')),
      })),
    );
    const broken = rows.find((row) => row.name === 'broken.yaml');
    assert.match(broken?.problem ?? '', /^Not linted: /);
    assert.deepEqual(broken?.scores, ['', '']);
    const stdin = rows.find((row) => row.name === '<stdin>');
    assert.equal(stdin?.problem, null);
    const server = page.locator('#findings-body tr.finding[data-rule="recommended-server-https"]');
    await server.locator('summary').click();
    assert.match((await server.locator('pre.frame .line.marked').textContent()) ?? '', /url: http:\/\/api\.example\.com\/v1/);
    await page.close();
  });

  it('shows what a document says as text: nothing in it runs', async () => {
    const hostile = ONE_ERROR_ONE_WARNING.replace(
      '  version: 1.0.0\n',
      '  version: 1.0.0\n  description: "</script><script>window.injected = true</script><!-- <img src=x onerror=window.injected=true>"\n',
    );
    const dir = tempProject({ 'api.yaml': hostile });
    const { file, findings } = await lintBoth(['api.yaml'], dir, dir);
    const { page, errors } = await openReport(browser, file);
    assert.deepEqual(errors, []);
    assert.equal(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected), undefined);
    assert.equal(await shownTotal(page), findings.length);
    const server = page.locator('#findings-body tr.finding[data-rule="recommended-server-https"]');
    await server.locator('summary').click();
    const frame = (await server.locator('pre.frame').textContent()) ?? '';
    assert.ok(frame.includes('"</script><script>window.injected = true</script><!-- <img src=x onerror=window.injected=true>"'), frame);
    assert.equal(await page.locator('img').count(), 0);
    await page.close();
  });

  it('embeds a large report gzipped and still lists every finding', async () => {
    // Enough paths, each with findings, to pass the size above which the data is compressed.
    const paths = Array.from(
      { length: 2500 },
      (_, index) =>
        `  /Customer${index}/getOrders:\n    get:\n      responses:\n        '200':\n          description: The orders of customer ${index}, a long enough description.\n`,
    ).join('');
    const dir = tempProject({
      'big.yaml': `openapi: 3.0.3\ninfo:\n  title: Big\n  version: 1.0.0\nservers:\n  - url: http://api.example.com/v1\npaths:\n${paths}`,
    });
    const { file, findings } = await lintBoth(['big.yaml'], dir, dir);
    assert.ok(/id="report-data" data-encoding="gzip-base64"/.test(readFileSync(file, 'utf8')), 'the data is gzipped');
    const { page, errors } = await openReport(browser, file);
    assert.deepEqual(errors, []);
    assert.ok(findings.length > 5000);
    assert.equal(await shownTotal(page), findings.length);
    const pages = Math.ceil(findings.length / 50);
    assert.equal(await page.textContent('#page-number'), `Page 1 of ${pages}`);
    await page.selectOption('#filter-rule', {
      label: `recommended-no-verbs-in-path (${findings.filter((f) => f.code === 'recommended-no-verbs-in-path').length})`,
    });
    assert.deepEqual(
      (await allRows(page)).map(key).sort(),
      keysOf(findings.filter((finding) => finding.code === 'recommended-no-verbs-in-path')),
    );
    await page.close();
  });
});
