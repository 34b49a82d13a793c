// The findings table: a page of rows at a time, each message opening the finding's code frame.
import type { FindingRow, ReportData } from '../model.js';
import { byId, h, plural } from './dom.js';
import { Filters } from './filters.js';
import {
  COLUMN,
  DOCUMENT,
  END_LINE,
  EXCERPT,
  JSON_PATH,
  LINE,
  LOCATION,
  MESSAGE,
  RULE,
  SEVERITIES,
  SEVERITY,
  STATUS,
  STATUS_NAMES,
  text,
} from './report.js';
import type { FindingsQuery } from './report.js';

/** A page of rows is what is drawn, so tens of thousands of findings cost no more than fifty. */
const PAGE_SIZE = 50;
/** Lines shown before and after the line a finding starts on: those the formatter kept. */
const CONTEXT_LINES = 2;

export class FindingsTable {
  private readonly filters: Filters;
  private visible: FindingRow[];
  private page = 0;

  constructor(private readonly data: ReportData) {
    this.visible = data.findings;
    this.filters = new Filters(data, () => this.refresh());
    const columns = [
      ['Severity', 'col-severity'],
      ['Rule', 'col-rule'],
      ['Message (open for the code)', 'col-message'],
      ['Where', 'col-where'],
      ['Path', 'col-path'],
    ];
    if (data.comparison !== null) columns.push(['Status', 'col-status']);
    byId('findings-head').append(h('tr', {}, ...columns.map(([title, name]) => h('th', { class: name }, title))));
    byId('page-previous').addEventListener('click', () => this.showPage(this.page - 1));
    byId('page-next').addEventListener('click', () => this.showPage(this.page + 1));
    this.refresh();
  }

  /** Lists the findings a chart or the overview asks for, and scrolls to them. */
  show(query: FindingsQuery): void {
    this.filters.set(query);
    this.refresh();
    byId('findings').scrollIntoView();
  }

  private refresh(): void {
    this.visible = this.filters.apply(this.data.findings);
    this.showPage(0);
  }

  private showPage(requested: number): void {
    const pages = Math.max(1, Math.ceil(this.visible.length / PAGE_SIZE));
    this.page = Math.min(Math.max(0, requested), pages - 1);
    const first = this.page * PAGE_SIZE;
    const rows = this.visible.slice(first, first + PAGE_SIZE);
    const fragment = document.createDocumentFragment();
    for (const row of rows) fragment.append(this.rowElement(row));
    byId('findings-body').replaceChildren(fragment);
    const count = byId('findings-count');
    const all = this.data.findings.length;
    count.textContent =
      all === 0
        ? 'No findings.'
        : this.visible.length === 0
          ? `No finding matches (of ${plural(all, 'finding')}).`
          : `Showing ${first + 1}–${first + rows.length} of ${plural(this.visible.length, 'finding')}.`;
    count.dataset.total = String(this.visible.length);
    byId('page-number').textContent = `Page ${this.page + 1} of ${pages}`;
    byId<HTMLButtonElement>('page-previous').disabled = this.page === 0;
    byId<HTMLButtonElement>('page-next').disabled = this.page >= pages - 1;
  }

  private rowElement(row: FindingRow): HTMLElement {
    const { data } = this;
    const rule = data.rules[row[RULE]];
    const severity = SEVERITIES[row[SEVERITY]] ?? 'hint';
    const status = STATUS_NAMES[row[STATUS]] ?? '';
    const ruleCell =
      rule?.url === null || rule?.url === undefined
        ? h('code', {}, rule?.id ?? '')
        : h('a', { href: rule.url, target: '_blank', rel: 'noopener', title: rule.description }, rule.id);
    return h(
      'tr',
      { class: 'finding', 'data-rule': rule?.id, 'data-severity': severity, 'data-line': String(row[LINE]), 'data-status': status },
      h('td', {}, h('span', { class: `badge sev-${severity}` }, severity)),
      h('td', { class: 'rule' }, ruleCell),
      h('td', { class: 'message' }, h('details', {}, h('summary', {}, text(data, row[MESSAGE])), this.codeFrame(row))),
      h('td', { class: 'where' }, `${data.documents[row[DOCUMENT]]?.name ?? ''}:${row[LINE]}:${row[COLUMN]}`),
      h('td', { class: 'path', title: text(data, row[JSON_PATH]) }, data.locations[row[LOCATION]]?.name ?? ''),
      data.comparison === null ? null : h('td', {}, h('span', { class: `status status-${status}` }, status)),
    );
  }

  private codeFrame(row: FindingRow): HTMLElement {
    const lines = this.data.documents[row[DOCUMENT]]?.lines ?? {};
    const start = row[LINE];
    const end = Math.max(row[END_LINE], start);
    const frame = h('pre', { class: 'frame' });
    for (let line = Math.max(1, start - CONTEXT_LINES); line <= start + CONTEXT_LINES; line++) {
      const shown = line === start && row[EXCERPT] >= 0 ? text(this.data, row[EXCERPT]) : lines[String(line)];
      if (shown === undefined) continue;
      const marked = line >= start && line <= end;
      frame.append(
        h('span', { class: marked ? 'line marked' : 'line', 'data-line': String(line) }, h('span', { class: 'ln' }, String(line)), shown),
      );
    }
    if (frame.childElementCount === 0) frame.append(h('span', { class: 'line' }, '(the document text is not available)'));
    return frame;
  }
}
