// The findings table's filters: rule, severity, document, status (with a baseline), path, free
// text, and the treemap tile clicked last.
import type { FindingRow, ReportData } from '../model.js';
import { byId, h } from './dom.js';
import { DOCUMENT, JSON_PATH, LOCATION, MESSAGE, RULE, SEVERITIES, SEVERITY, STATUS, STATUS_NAMES, text } from './report.js';
import type { FindingsQuery } from './report.js';

/** Typing waits this long before the table is filtered again. */
const TYPING_PAUSE_MS = 120;

function option(value: string, label: string): HTMLOptionElement {
  return h('option', { value }, label) as HTMLOptionElement;
}

function labelled(label: string, control: HTMLElement): HTMLElement {
  return h('label', {}, h('span', {}, label), control);
}

function numberOf(control: HTMLSelectElement | null): number | undefined {
  return control === null || control.value === '' ? undefined : Number(control.value);
}

export class Filters {
  private readonly rule: HTMLSelectElement;
  private readonly severity: HTMLSelectElement;
  private readonly document: HTMLSelectElement | null;
  private readonly status: HTMLSelectElement | null;
  private readonly path: HTMLInputElement;
  private readonly text: HTMLInputElement;
  private readonly locationButton: HTMLButtonElement;
  private location: number | undefined;
  // Lower-cased search texts, made the first time a row is searched.
  private readonly searchText = new Map<FindingRow, string>();
  private readonly searchPath = new Map<FindingRow, string>();

  /** Puts the controls in #filters; `changed` runs whenever the user changes one. */
  constructor(
    private readonly data: ReportData,
    changed: () => void,
  ) {
    const select = (id: string, label: string, options: HTMLOptionElement[]): HTMLSelectElement => {
      const element = h('select', { id }, option('', label), ...options) as HTMLSelectElement;
      element.addEventListener('change', changed);
      return element;
    };
    const fired = new Map<number, number>();
    for (const row of data.findings) fired.set(row[RULE], (fired.get(row[RULE]) ?? 0) + 1);
    const ruleOptions = [...fired]
      .sort((a, b) => (data.rules[a[0]]?.id ?? '').localeCompare(data.rules[b[0]]?.id ?? ''))
      .map(([rule, count]) => option(String(rule), `${data.rules[rule]?.id} (${count})`));
    this.rule = select('filter-rule', 'All rules', ruleOptions);
    this.severity = select(
      'filter-severity',
      'All severities',
      SEVERITIES.map((name, severity) => option(String(severity), name)),
    );
    this.document =
      data.documents.length > 1
        ? select(
            'filter-document',
            'All documents',
            data.documents.map((document, index) => option(String(index), document.name)),
          )
        : null;
    this.status =
      data.comparison !== null
        ? select(
            'filter-status',
            'New and existing',
            STATUS_NAMES.map((name, status) => option(String(status), name)),
          )
        : null;
    this.path = h('input', {
      id: 'filter-path',
      type: 'search',
      placeholder: '/pets, components › schemas',
      autocomplete: 'off',
    }) as HTMLInputElement;
    this.text = h('input', {
      id: 'filter-text',
      type: 'search',
      placeholder: 'message, rule, file…',
      autocomplete: 'off',
    }) as HTMLInputElement;
    let timer: number | undefined;
    for (const input of [this.path, this.text]) {
      input.addEventListener('input', () => {
        window.clearTimeout(timer);
        timer = window.setTimeout(changed, TYPING_PAUSE_MS);
      });
    }
    this.locationButton = h('button', {
      type: 'button',
      id: 'filter-location',
      hidden: '',
      title: 'Show the findings of every location',
    }) as HTMLButtonElement;
    this.locationButton.addEventListener('click', () => {
      this.setLocation(undefined);
      changed();
    });
    const reset = h('button', { type: 'button', id: 'filter-reset' }, 'Reset');
    reset.addEventListener('click', () => {
      this.reset();
      changed();
    });
    const controls = [
      labelled('Rule', this.rule),
      labelled('Severity', this.severity),
      this.document === null ? null : labelled('Document', this.document),
      this.status === null ? null : labelled('Status', this.status),
      labelled('Path', this.path),
      labelled('Text', this.text),
      this.locationButton,
      reset,
    ];
    byId('filters').append(...controls.filter((control): control is HTMLElement => control !== null));
  }

  /** Clears every filter, then sets those of the query. */
  set(query: FindingsQuery): void {
    this.reset();
    if (query.rule !== undefined) this.rule.value = String(query.rule);
    if (query.severity !== undefined) this.severity.value = String(query.severity);
    if (query.document !== undefined && this.document !== null) this.document.value = String(query.document);
    if (query.location !== undefined) this.setLocation(query.location);
  }

  /** The rows the filters let through, in the report's order. */
  apply(rows: readonly FindingRow[]): FindingRow[] {
    const rule = numberOf(this.rule);
    const severity = numberOf(this.severity);
    const document = numberOf(this.document);
    const status = numberOf(this.status);
    const location = this.location;
    const path = this.path.value.trim().toLowerCase();
    const words = this.text.value
      .trim()
      .toLowerCase()
      .split(/\s+/)
      .filter((word) => word !== '');
    return rows.filter(
      (row) =>
        (rule === undefined || row[RULE] === rule) &&
        (severity === undefined || row[SEVERITY] === severity) &&
        (document === undefined || row[DOCUMENT] === document) &&
        (status === undefined || row[STATUS] === status) &&
        (location === undefined || row[LOCATION] === location) &&
        (path === '' || this.pathOf(row).includes(path)) &&
        (words.length === 0 || words.every((word) => this.textOf(row).includes(word))),
    );
  }

  private reset(): void {
    this.setLocation(undefined);
    for (const control of [this.rule, this.severity, this.document, this.status, this.path, this.text])
      if (control !== null) control.value = '';
  }

  /** The location filter shows as a button that clears it. */
  private setLocation(location: number | undefined): void {
    this.location = location;
    this.locationButton.hidden = location === undefined;
    this.locationButton.textContent = location === undefined ? '' : `Location: ${this.data.locations[location]?.name ?? ''} ✕`;
  }

  /** What the free text searches: the message, the rule id, the JSON path and the document's name. */
  private textOf(row: FindingRow): string {
    let searched = this.searchText.get(row);
    if (searched === undefined) {
      searched = [
        text(this.data, row[MESSAGE]),
        this.data.rules[row[RULE]]?.id,
        text(this.data, row[JSON_PATH]),
        this.data.documents[row[DOCUMENT]]?.name,
      ]
        .join('\n')
        .toLowerCase();
      this.searchText.set(row, searched);
    }
    return searched;
  }

  /** What the path searches: the API path (or component) and the JSON path. */
  private pathOf(row: FindingRow): string {
    let searched = this.searchPath.get(row);
    if (searched === undefined) {
      searched = `${this.data.locations[row[LOCATION]]?.name ?? ''}\n${text(this.data, row[JSON_PATH])}`.toLowerCase();
      this.searchPath.set(row, searched);
    }
    return searched;
  }
}
