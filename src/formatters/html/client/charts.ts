// The charts, drawn with Chart.js and its treemap plugin (inlined before this script as classic
// scripts). A click on a bar, an arc or a tile lists its findings in the table.
import type { ActiveElement, ChartConfiguration, ChartEvent } from 'chart.js';
import type { Chart as ChartClass } from 'chart.js';
import type {} from 'chartjs-chart-treemap';
import type { Location, ReportData, SeverityCounts } from '../model.js';
import { byId, h, plural } from './dom.js';
import { countBy, isRuleFinding, LOCATION, RULE, SEVERITIES, SEVERITY, SEVERITY_COLORS, total } from './report.js';
import type { FindingsQuery } from './report.js';

declare const Chart: typeof ChartClass;

function drawRulesChart(data: ReportData, show: (query: FindingsQuery) => void): void {
  const byRule = [...countBy(data, (row) => row[RULE])].sort(
    (a, b) => total(b[1]) - total(a[1]) || (data.rules[a[0]]?.id ?? '').localeCompare(data.rules[b[0]]?.id ?? ''),
  );
  const canvas = byId<HTMLCanvasElement>('chart-rules');
  canvas.parentElement!.style.height = `${Math.max(120, byRule.length * 17 + 70)}px`;
  const config: ChartConfiguration<'bar'> = {
    type: 'bar',
    data: {
      labels: byRule.map(([rule]) => data.rules[rule]?.id ?? ''),
      datasets: SEVERITIES.map((name, severity) => ({
        label: name,
        data: byRule.map(([, counts]) => counts[severity] ?? 0),
        backgroundColor: SEVERITY_COLORS[severity],
      })).filter((dataset) => dataset.data.some((count) => count > 0)),
    },
    options: {
      indexAxis: 'y',
      scales: { x: { stacked: true, title: { display: true, text: 'findings' } }, y: { stacked: true, ticks: { autoSkip: false } } },
      plugins: { legend: { position: 'bottom' } },
      onClick: (_event: ChartEvent, elements: ActiveElement[]) => {
        const hit = elements[0];
        const rule = hit === undefined ? undefined : byRule[hit.index]?.[0];
        if (rule !== undefined) show({ rule });
      },
    },
  };
  new Chart(canvas, config);
}

function drawRulesetsChart(data: ReportData): void {
  const byRuleset = countBy(data, (row) => data.rules[row[RULE]]?.ruleset ?? -1);
  const names = data.rulesets.map((ruleset) => ruleset.name);
  byId<HTMLCanvasElement>('chart-rulesets').parentElement!.style.height = `${Math.max(120, names.length * 40 + 70)}px`;
  const config: ChartConfiguration<'bar'> = {
    type: 'bar',
    data: {
      labels: names,
      datasets: SEVERITIES.map((name, severity) => ({
        label: name,
        data: names.map((_, index) => byRuleset.get(index)?.[severity] ?? 0),
        backgroundColor: SEVERITY_COLORS[severity],
      })),
    },
    options: {
      indexAxis: 'y',
      scales: { x: { stacked: true, title: { display: true, text: 'findings' } }, y: { stacked: true } },
      plugins: { legend: { position: 'bottom' } },
    },
  };
  new Chart(byId<HTMLCanvasElement>('chart-rulesets'), config);
}

function drawSeverityChart(data: ReportData, show: (query: FindingsQuery) => void): void {
  const counts: SeverityCounts = [0, 0, 0, 0];
  for (const row of data.findings) if (isRuleFinding(data, row)) counts[row[SEVERITY] as 0 | 1 | 2 | 3] += 1;
  const config: ChartConfiguration<'doughnut'> = {
    type: 'doughnut',
    data: { labels: [...SEVERITIES], datasets: [{ data: counts, backgroundColor: SEVERITY_COLORS }] },
    options: {
      plugins: { legend: { position: 'bottom' } },
      onClick: (_event: ChartEvent, elements: ActiveElement[]) => {
        const hit = elements[0];
        if (hit !== undefined) show({ severity: hit.index });
      },
    },
  };
  new Chart(byId<HTMLCanvasElement>('chart-severity'), config);
}

interface LocationLeaf {
  document: string;
  // Not "group": the treemap plugin keeps a field of that name in its grouped records.
  section: string;
  tag: string;
  name: string;
  count: number;
  worst: number;
  location: number;
}

function locationLeaves(data: ReportData): LocationLeaf[] {
  const counts = countBy(data, (row) => row[LOCATION]);
  return [...counts].map(([location, severityCounts]) => {
    const where = data.locations[location] as Location;
    return {
      document: data.documents[where.document]?.name ?? '',
      section: where.group,
      tag: where.tag,
      name: where.name,
      count: total(severityCounts),
      worst: severityCounts.findIndex((count) => count > 0),
      location,
    };
  });
}

let locationsChart: ChartClass<'treemap'> | undefined;

function drawLocationsChart(data: ReportData, show: (query: FindingsQuery) => void): void {
  const leaves = locationLeaves(data);
  const grouping = byId<HTMLSelectElement>('treemap-grouping').value === 'tag' ? 'tag' : 'section';
  const groups: (keyof LocationLeaf)[] = data.documents.length > 1 ? ['document', grouping, 'name'] : [grouping, 'name'];
  locationsChart?.destroy();
  const config: ChartConfiguration<'treemap'> = {
    type: 'treemap',
    data: {
      datasets: [
        {
          label: 'findings',
          tree: leaves as unknown as Record<string, unknown>[],
          key: 'count',
          groups: groups as string[],
          spacing: 1,
          borderWidth: 1,
          borderColor: '#ffffff',
          backgroundColor: (context) => {
            const raw = context.raw as { isLeaf?: boolean; _data?: { children?: LocationLeaf[] } } | undefined;
            if (raw?.isLeaf !== true) return '#eaeef2';
            const worst = raw._data?.children?.[0]?.worst ?? 3;
            return SEVERITY_COLORS[worst] ?? '#8c959f';
          },
          captions: {
            display: true,
            color: '#1f2328',
            font: { size: 11, weight: 'bold' },
            formatter: (context) => {
              const raw = context.raw as { g?: string; s: number };
              return `${raw.g ?? ''} (${raw.s})`;
            },
          },
          labels: {
            display: true,
            color: '#ffffff',
            font: { size: 10 },
            overflow: 'hidden',
            formatter: (context) => {
              const raw = context.raw as { _data?: { name?: string }; v: number };
              return [raw._data?.name ?? '', String(raw.v)];
            },
          },
          data: [],
        },
      ],
    },
    options: {
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            title: (items) => {
              const raw = items[0]?.raw as { _data?: { name?: string; children?: unknown[] }; g?: string } | undefined;
              return raw?._data?.name ?? raw?.g ?? '';
            },
            label: (item) => plural((item.raw as { v: number }).v, 'finding'),
          },
        },
      },
      onClick: (_event: ChartEvent, elements: ActiveElement[]) => {
        // Under the pointer are the tile and the groups around it: the tile is the one to show.
        const points = locationsChart?.data.datasets[0]?.data as { isLeaf?: boolean; _data?: { children?: LocationLeaf[] } }[] | undefined;
        const leaf = elements.map((element) => points?.[element.index]).find((raw) => raw?.isLeaf === true)?._data?.children?.[0];
        if (leaf !== undefined) show({ location: leaf.location });
      },
    },
  };
  locationsChart = new Chart(byId<HTMLCanvasElement>('chart-locations'), config);
}

function drawComparisonChart(data: ReportData): void {
  const comparison = data.comparison;
  const section = byId('comparison-card');
  if (comparison === null) {
    section.remove();
    return;
  }
  byId('comparison-title').textContent = `Since ${comparison.against}`;
  const names = data.rulesets.map((ruleset) => ruleset.name);
  const series = [
    { label: 'new', key: 'new', color: '#cf222e' },
    { label: 'existing', key: 'existing', color: '#8c959f' },
    { label: 'fixed', key: 'fixed', color: '#1a7f37' },
  ] as const;
  const config: ChartConfiguration<'bar'> = {
    type: 'bar',
    data: {
      labels: names,
      datasets: series.map(({ label, key, color }) => ({
        label,
        backgroundColor: color,
        data: names.map((_, index) => comparison.byRuleset[index]?.[key] ?? 0),
      })),
    },
    options: { scales: { x: { title: { display: true, text: 'findings' } } }, indexAxis: 'y', plugins: { legend: { position: 'bottom' } } },
  };
  byId<HTMLCanvasElement>('chart-comparison').parentElement!.style.height = `${Math.max(140, names.length * 50 + 60)}px`;
  new Chart(byId<HTMLCanvasElement>('chart-comparison'), config);
  renderFixed(data);
}

function renderFixed(data: ReportData): void {
  const comparison = data.comparison;
  if (comparison === null || comparison.fixed.length === 0) return;
  const section = byId('fixed');
  section.hidden = false;
  byId('fixed-title').textContent = `Fixed since ${comparison.against}: ${plural(comparison.fixed.length, 'finding')}`;
  const rows = comparison.fixed.map((fixed) =>
    h('tr', {}, h('td', {}, fixed.code), h('td', {}, fixed.message), h('td', {}, fixed.file), h('td', { class: 'path' }, fixed.path)),
  );
  byId('fixed-table').append(
    h('thead', {}, h('tr', {}, h('th', {}, 'Rule'), h('th', {}, 'Message'), h('th', {}, 'File'), h('th', {}, 'Path'))),
    h('tbody', {}, ...rows),
  );
}

/** Draws every chart, or says there is nothing to chart. */
export function drawCharts(data: ReportData, show: (query: FindingsQuery) => void): void {
  if (!data.findings.some((row) => isRuleFinding(data, row)) && data.comparison === null) {
    byId('charts').replaceChildren(h('p', { id: 'no-charts' }, 'No findings: nothing to chart.'));
    return;
  }
  Chart.defaults.animation = false;
  Chart.defaults.responsive = true;
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  drawRulesChart(data, show);
  drawSeverityChart(data, show);
  drawRulesetsChart(data);
  drawLocationsChart(data, show);
  drawComparisonChart(data);
  byId<HTMLSelectElement>('treemap-grouping').addEventListener('change', () => drawLocationsChart(data, show));
}
