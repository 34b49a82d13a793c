// The report page's script: reads the report data embedded in the page and draws the scores, the
// charts and the findings table. Everything it shows is put in the page as text (textContent),
// never as markup, so nothing from a document can run as code.
import type { ActiveElement, ChartConfiguration, ChartEvent } from 'chart.js';
import type { Chart as ChartClass } from 'chart.js';
import type {} from 'chartjs-chart-treemap';
import type { FindingRow, Location, ReportData, SeverityCounts } from '../model.js';

/** Chart.js and its treemap plugin are inlined before this script as classic scripts. */
declare const Chart: typeof ChartClass;

const SEVERITIES = ['error', 'warn', 'info', 'hint'] as const;
const SEVERITY_TITLES = ['Errors', 'Warnings', 'Info', 'Hints'];
const SEVERITY_COLORS = ['#cf222e', '#bf8700', '#0969da', '#8c959f'];
const STATUS_NAMES = ['new', 'existing'];
const PAGE_SIZE = 50;
/** Lines shown before and after the line a finding starts on: those the formatter kept. */
const CONTEXT_LINES = 2;

// Field positions in a FindingRow.
const RULE = 0;
const SEVERITY = 1;
const DOCUMENT = 2;
const LINE = 3;
const COLUMN = 4;
const END_LINE = 5;
const MESSAGE = 6;
const JSON_PATH = 7;
const LOCATION = 8;
const STATUS = 9;
const EXCERPT = 10;

const data = await readData();

/** The embedded data: JSON, or for a large report gzipped JSON in base64 (a fifth of the size for GitHub's description). */
async function readData(): Promise<ReportData> {
  const element = byId('report-data');
  const text = element.textContent ?? '{}';
  if (element.dataset.encoding !== 'gzip-base64') return JSON.parse(text) as ReportData;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return JSON.parse(await new Response(stream).text()) as ReportData;
}

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`the page has no #${id}`);
  return element as T;
}

type Child = Node | string | null | undefined | false;

/** Creates an element; attributes are set as attributes and children as text or nodes, never parsed as HTML. */
function h(tag: string, attributes: Record<string, string | undefined> = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) element.setAttribute(name, value);
  for (const child of children) if (child !== null && child !== undefined && child !== false) element.append(child);
  return element;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

function str(index: number): string {
  return data.strings[index] ?? '';
}

function scoreClass(score: number | null): string {
  if (score === null) return 'score-none';
  if (score >= 90) return 'score-good';
  if (score >= 70) return 'score-fair';
  if (score >= 50) return 'score-poor';
  return 'score-bad';
}

/** Input problems (a document that could not be linted) are listed but belong to no ruleset and no chart. */
function isRuleFinding(row: FindingRow): boolean {
  return (data.rules[row[RULE]]?.ruleset ?? -1) >= 0;
}

// ---------------------------------------------------------------- header and scores

function renderHeader(): void {
  const documents = data.documents.length;
  const findings = data.findings.filter((row) => row[STATUS] === 0).length;
  const parts = [
    plural(documents, 'document'),
    plural(data.operations, 'operation'),
    data.comparison === null ? plural(findings, 'finding') : `${plural(findings, 'new finding')} since ${data.comparison.against}`,
  ];
  if (data.suppressed > 0) parts.push(`${plural(data.suppressed, 'finding')} suppressed`);
  byId('summary').textContent = parts.join(' · ');
  byId('generated').textContent = `${data.tool.name} ${data.tool.version}, ${new Date(data.generatedAt).toLocaleString('en')}`;
  byId('formula').textContent = data.formula.text;
}

function countsList(counts: SeverityCounts): HTMLElement {
  return h(
    'ul',
    { class: 'counts' },
    ...counts.map((count, severity) =>
      h('li', { 'data-severity': SEVERITIES[severity], class: `sev-${SEVERITIES[severity]}` }, h('strong', {}, count.toLocaleString('en')), ` ${SEVERITY_TITLES[severity]?.toLowerCase()}`),
    ),
  );
}

function scoreCard(title: string, score: number | null, counts: SeverityCounts, note: string, attributes: Record<string, string>): HTMLElement {
  const gauge = h('div', { class: `score ${scoreClass(score)}`, 'data-score': score === null ? '' : String(score) }, h('span', {}, score === null ? '–' : String(score)));
  gauge.style.setProperty('--score', String(score ?? 0));
  return h('article', { class: 'score-card', ...attributes }, h('h3', {}, title), gauge, countsList(counts), h('p', { class: 'note' }, note));
}

function renderScores(): void {
  const overall: SeverityCounts = [0, 0, 0, 0];
  for (const ruleset of data.rulesets) ruleset.counts.forEach((count, severity) => (overall[severity as 0 | 1 | 2 | 3] += count));
  const cards = byId('scores');
  cards.append(scoreCard('All rulesets', data.score, overall, plural(data.operations, 'operation'), { 'data-overall': 'true' }));
  for (const ruleset of data.rulesets) {
    cards.append(scoreCard(ruleset.name, ruleset.score, ruleset.counts, plural(ruleset.rules, 'rule'), { 'data-ruleset': ruleset.name }));
  }
}

function renderDocuments(): void {
  const table = byId('documents');
  const head = h(
    'tr',
    {},
    h('th', {}, 'Document'),
    h('th', { class: 'num' }, 'Operations'),
    ...SEVERITY_TITLES.map((title) => h('th', { class: 'num' }, title)),
    ...data.rulesets.map((ruleset) => h('th', { class: 'num' }, ruleset.name)),
    h('th', { class: 'num' }, 'All rulesets'),
  );
  const rows = data.documents.map((document, index) => {
    const link = h('button', { type: 'button', class: 'link' }, document.name);
    link.addEventListener('click', () => {
      if (filters.document !== null) filters.document.value = String(index);
      applyFilters(true);
    });
    const nameCell = h('td', {}, link, document.problem === null ? null : h('div', { class: 'problem' }, `Not linted: ${document.problem}`));
    return h(
      'tr',
      { 'data-document': document.name },
      nameCell,
      h('td', { class: 'num' }, document.operations.toLocaleString('en')),
      ...document.counts.map((count, severity) => h('td', { class: `num sev-${SEVERITIES[severity]}` }, count.toLocaleString('en'))),
      ...document.scores.map((score) => h('td', { class: `num ${scoreClass(score)}`, 'data-score': score === null ? '' : String(score) }, score === null ? '–' : String(score))),
    );
  });
  table.append(h('thead', {}, head), h('tbody', {}, ...rows));
}

// ---------------------------------------------------------------- charts

Chart.defaults.animation = false;
Chart.defaults.responsive = true;
Chart.defaults.maintainAspectRatio = false;
Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;

function countBy<K>(key: (row: FindingRow) => K): Map<K, SeverityCounts> {
  const counts = new Map<K, SeverityCounts>();
  for (const row of data.findings) {
    if (!isRuleFinding(row)) continue;
    const k = key(row);
    let entry = counts.get(k);
    if (entry === undefined) counts.set(k, (entry = [0, 0, 0, 0]));
    entry[row[SEVERITY]] = (entry[row[SEVERITY]] ?? 0) + 1;
  }
  return counts;
}

function total(counts: SeverityCounts): number {
  return counts[0] + counts[1] + counts[2] + counts[3];
}

function showFindings(filter: { rule?: number; severity?: number; location?: number }): void {
  resetFilters();
  if (filter.rule !== undefined) filters.rule.value = String(filter.rule);
  if (filter.severity !== undefined) filters.severity.value = String(filter.severity);
  if (filter.location !== undefined) setLocation(filter.location);
  applyFilters(true);
}

function drawRulesChart(): void {
  const byRule = [...countBy((row) => row[RULE])].sort((a, b) => total(b[1]) - total(a[1]) || (data.rules[a[0]]?.id ?? '').localeCompare(data.rules[b[0]]?.id ?? ''));
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
        if (rule !== undefined) showFindings({ rule });
      },
    },
  };
  new Chart(canvas, config);
}

function drawRulesetsChart(): void {
  const byRuleset = countBy((row) => data.rules[row[RULE]]?.ruleset ?? -1);
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

function drawSeverityChart(): void {
  const counts: SeverityCounts = [0, 0, 0, 0];
  for (const row of data.findings) if (isRuleFinding(row)) counts[row[SEVERITY] as 0 | 1 | 2 | 3] += 1;
  const config: ChartConfiguration<'doughnut'> = {
    type: 'doughnut',
    data: { labels: [...SEVERITIES], datasets: [{ data: counts, backgroundColor: SEVERITY_COLORS }] },
    options: {
      plugins: { legend: { position: 'bottom' } },
      onClick: (_event: ChartEvent, elements: ActiveElement[]) => {
        const hit = elements[0];
        if (hit !== undefined) showFindings({ severity: hit.index });
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

function locationLeaves(): LocationLeaf[] {
  const counts = countBy((row) => row[LOCATION]);
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

function drawLocationsChart(): void {
  const leaves = locationLeaves();
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
        if (leaf !== undefined) showFindings({ location: leaf.location });
      },
    },
  };
  locationsChart = new Chart(byId<HTMLCanvasElement>('chart-locations'), config);
}

function drawComparisonChart(): void {
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
      datasets: series.map(({ label, key, color }) => ({ label, backgroundColor: color, data: names.map((_, index) => comparison.byRuleset[index]?.[key] ?? 0) })),
    },
    options: { scales: { x: { title: { display: true, text: 'findings' } } }, indexAxis: 'y', plugins: { legend: { position: 'bottom' } } },
  };
  byId<HTMLCanvasElement>('chart-comparison').parentElement!.style.height = `${Math.max(140, names.length * 50 + 60)}px`;
  new Chart(byId<HTMLCanvasElement>('chart-comparison'), config);
  renderFixed();
}

function renderFixed(): void {
  const comparison = data.comparison;
  if (comparison === null || comparison.fixed.length === 0) return;
  const section = byId('fixed');
  section.hidden = false;
  byId('fixed-title').textContent = `Fixed since ${comparison.against}: ${plural(comparison.fixed.length, 'finding')}`;
  const rows = comparison.fixed.map((fixed) => h('tr', {}, h('td', {}, fixed.code), h('td', {}, fixed.message), h('td', {}, fixed.file), h('td', { class: 'path' }, fixed.path)));
  byId('fixed-table').append(h('thead', {}, h('tr', {}, h('th', {}, 'Rule'), h('th', {}, 'Message'), h('th', {}, 'File'), h('th', {}, 'Path'))), h('tbody', {}, ...rows));
}

// ---------------------------------------------------------------- findings table

interface Filters {
  rule: HTMLSelectElement;
  severity: HTMLSelectElement;
  document: HTMLSelectElement | null;
  status: HTMLSelectElement | null;
  path: HTMLInputElement;
  text: HTMLInputElement;
}

let filters: Filters;
/** The treemap tile clicked last: its findings only, until the filter is cleared. */
let locationFilter: number | undefined;
let visible: FindingRow[] = data.findings;
let page = 0;
const searchText = new Map<FindingRow, string>();
const searchPath = new Map<FindingRow, string>();

function option(value: string, label: string): HTMLOptionElement {
  return h('option', { value }, label) as HTMLOptionElement;
}

function select(id: string, label: string, options: HTMLOptionElement[]): HTMLSelectElement {
  const element = h('select', { id }, option('', label), ...options) as HTMLSelectElement;
  element.addEventListener('change', () => applyFilters(false));
  return element;
}

function labelled(text: string, control: HTMLElement): HTMLElement {
  return h('label', {}, h('span', {}, text), control);
}

function buildFilters(): void {
  const fired = new Map<number, number>();
  for (const row of data.findings) fired.set(row[RULE], (fired.get(row[RULE]) ?? 0) + 1);
  const ruleOptions = [...fired]
    .sort((a, b) => (data.rules[a[0]]?.id ?? '').localeCompare(data.rules[b[0]]?.id ?? ''))
    .map(([rule, count]) => option(String(rule), `${data.rules[rule]?.id} (${count})`));
  const path = h('input', { id: 'filter-path', type: 'search', placeholder: '/pets, components › schemas', autocomplete: 'off' }) as HTMLInputElement;
  const text = h('input', { id: 'filter-text', type: 'search', placeholder: 'message, rule, file…', autocomplete: 'off' }) as HTMLInputElement;
  let timer: number | undefined;
  for (const input of [path, text]) {
    input.addEventListener('input', () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => applyFilters(false), 120);
    });
  }
  filters = {
    rule: select('filter-rule', 'All rules', ruleOptions),
    severity: select('filter-severity', 'All severities', SEVERITIES.map((name, severity) => option(String(severity), name))),
    document: data.documents.length > 1 ? select('filter-document', 'All documents', data.documents.map((document, index) => option(String(index), document.name))) : null,
    status: data.comparison !== null ? select('filter-status', 'New and existing', STATUS_NAMES.map((name, status) => option(String(status), name))) : null,
    path,
    text,
  };
  const location = h('button', { type: 'button', id: 'filter-location', hidden: '', title: 'Show the findings of every location' }) as HTMLButtonElement;
  location.addEventListener('click', () => {
    setLocation(undefined);
    applyFilters(false);
  });
  const reset = h('button', { type: 'button', id: 'filter-reset' }, 'Reset');
  reset.addEventListener('click', () => {
    resetFilters();
    applyFilters(false);
  });
  const controls = [
    labelled('Rule', filters.rule),
    labelled('Severity', filters.severity),
    filters.document === null ? null : labelled('Document', filters.document),
    filters.status === null ? null : labelled('Status', filters.status),
    labelled('Path', filters.path),
    labelled('Text', filters.text),
    location,
    reset,
  ];
  byId('filters').append(...controls.filter((control): control is HTMLElement => control !== null));
  byId('page-previous').addEventListener('click', () => showPage(page - 1));
  byId('page-next').addEventListener('click', () => showPage(page + 1));
}

/** Shows the location filter as a button that clears it. */
function setLocation(location: number | undefined): void {
  locationFilter = location;
  const chip = byId<HTMLButtonElement>('filter-location');
  chip.hidden = location === undefined;
  chip.textContent = location === undefined ? '' : `Location: ${data.locations[location]?.name ?? ''} ✕`;
}

function resetFilters(): void {
  setLocation(undefined);
  for (const control of [filters.rule, filters.severity, filters.document, filters.status, filters.path, filters.text]) if (control !== null) control.value = '';
}

function textOf(row: FindingRow): string {
  let text = searchText.get(row);
  if (text === undefined) {
    text = [str(row[MESSAGE]), data.rules[row[RULE]]?.id, str(row[JSON_PATH]), data.documents[row[DOCUMENT]]?.name].join('\n').toLowerCase();
    searchText.set(row, text);
  }
  return text;
}

function pathOf(row: FindingRow): string {
  let text = searchPath.get(row);
  if (text === undefined) {
    text = `${data.locations[row[LOCATION]]?.name ?? ''}\n${str(row[JSON_PATH])}`.toLowerCase();
    searchPath.set(row, text);
  }
  return text;
}

function applyFilters(scroll: boolean): void {
  const numberOf = (control: HTMLSelectElement | null): number | undefined => (control === null || control.value === '' ? undefined : Number(control.value));
  const rule = numberOf(filters.rule);
  const severity = numberOf(filters.severity);
  const documentIndex = numberOf(filters.document);
  const status = numberOf(filters.status);
  const path = filters.path.value.trim().toLowerCase();
  const words = filters.text.value.trim().toLowerCase().split(/\s+/).filter((word) => word !== '');
  visible = data.findings.filter(
    (row) =>
      (rule === undefined || row[RULE] === rule) &&
      (severity === undefined || row[SEVERITY] === severity) &&
      (documentIndex === undefined || row[DOCUMENT] === documentIndex) &&
      (status === undefined || row[STATUS] === status) &&
      (locationFilter === undefined || row[LOCATION] === locationFilter) &&
      (path === '' || pathOf(row).includes(path)) &&
      (words.length === 0 || words.every((word) => textOf(row).includes(word))),
  );
  showPage(0);
  if (scroll) byId('findings').scrollIntoView();
}

function codeFrame(row: FindingRow): HTMLElement {
  const lines = data.documents[row[DOCUMENT]]?.lines ?? {};
  const start = row[LINE];
  const end = Math.max(row[END_LINE], start);
  const frame = h('pre', { class: 'frame' });
  for (let line = Math.max(1, start - CONTEXT_LINES); line <= start + CONTEXT_LINES; line++) {
    const text = line === start && row[EXCERPT] >= 0 ? str(row[EXCERPT]) : lines[String(line)];
    if (text === undefined) continue;
    const marked = line >= start && line <= end;
    frame.append(h('span', { class: marked ? 'line marked' : 'line', 'data-line': String(line) }, h('span', { class: 'ln' }, String(line)), text));
  }
  if (frame.childElementCount === 0) frame.append(h('span', { class: 'line' }, '(the document text is not available)'));
  return frame;
}

function findingRow(row: FindingRow): HTMLElement {
  const rule = data.rules[row[RULE]];
  const severity = SEVERITIES[row[SEVERITY]] ?? 'hint';
  const document = data.documents[row[DOCUMENT]];
  const location = data.locations[row[LOCATION]];
  const ruleCell = rule?.url === null || rule?.url === undefined ? h('code', {}, rule?.id ?? '') : h('a', { href: rule.url, target: '_blank', rel: 'noopener', title: rule.description }, rule.id);
  const details = h('details', {}, h('summary', {}, str(row[MESSAGE])), codeFrame(row));
  return h(
    'tr',
    { class: 'finding', 'data-rule': rule?.id, 'data-severity': severity, 'data-line': String(row[LINE]), 'data-status': STATUS_NAMES[row[STATUS]] },
    h('td', {}, h('span', { class: `badge sev-${severity}` }, severity)),
    h('td', { class: 'rule' }, ruleCell),
    h('td', { class: 'message' }, details),
    h('td', { class: 'where' }, `${document?.name ?? ''}:${row[LINE]}:${row[COLUMN]}`),
    h('td', { class: 'path', title: str(row[JSON_PATH]) }, location?.name ?? ''),
    data.comparison === null ? null : h('td', {}, h('span', { class: `status status-${STATUS_NAMES[row[STATUS]]}` }, STATUS_NAMES[row[STATUS]] ?? '')),
  );
}

function showPage(requested: number): void {
  const pages = Math.max(1, Math.ceil(visible.length / PAGE_SIZE));
  page = Math.min(Math.max(0, requested), pages - 1);
  const first = page * PAGE_SIZE;
  const rows = visible.slice(first, first + PAGE_SIZE);
  const body = byId('findings-body');
  const fragment = document.createDocumentFragment();
  for (const row of rows) fragment.append(findingRow(row));
  body.replaceChildren(fragment);
  byId('findings-count').textContent =
    data.findings.length === 0 ? 'No findings.' : visible.length === 0 ? `No finding matches (of ${plural(data.findings.length, 'finding')}).` : `Showing ${first + 1}–${first + rows.length} of ${plural(visible.length, 'finding')}.`;
  byId('findings-count').dataset.total = String(visible.length);
  byId('page-number').textContent = `Page ${page + 1} of ${pages}`;
  byId<HTMLButtonElement>('page-previous').disabled = page === 0;
  byId<HTMLButtonElement>('page-next').disabled = page >= pages - 1;
}

function buildTableHead(): void {
  const columns = [
    ['Severity', 'col-severity'],
    ['Rule', 'col-rule'],
    ['Message (open for the code)', 'col-message'],
    ['Where', 'col-where'],
    ['Path', 'col-path'],
  ];
  if (data.comparison !== null) columns.push(['Status', 'col-status']);
  byId('findings-head').append(h('tr', {}, ...columns.map(([title, name]) => h('th', { class: name }, title))));
}

// ---------------------------------------------------------------- start

renderHeader();
renderScores();
renderDocuments();
buildTableHead();
buildFilters();
applyFilters(false);
performance.mark('apistyle:table');
// The charts are drawn after the table so the page is readable as soon as possible.
requestAnimationFrame(() => {
  if (data.findings.some(isRuleFinding) || data.comparison !== null) {
    drawRulesChart();
    drawSeverityChart();
    drawRulesetsChart();
    drawLocationsChart();
    drawComparisonChart();
    byId<HTMLSelectElement>('treemap-grouping').addEventListener('change', drawLocationsChart);
  } else {
    byId('charts').replaceChildren(h('p', { id: 'no-charts' }, 'No findings: nothing to chart.'));
  }
  performance.mark('apistyle:charts');
  document.body.dataset.ready = 'true';
});
