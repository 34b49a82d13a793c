// The top of the report: what was linted, the scores, and the per-document overview.
import type { ReportData, SeverityCounts } from '../model.js';
import { byId, h, plural } from './dom.js';
import { scoreClass, SEVERITIES, SEVERITY_TITLES, STATUS } from './report.js';
import type { FindingsQuery } from './report.js';

export function renderHeader(data: ReportData): void {
  const findings = data.findings.filter((row) => row[STATUS] === 0).length;
  const parts = [
    plural(data.documents.length, 'document'),
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
      h(
        'li',
        { 'data-severity': SEVERITIES[severity], class: `sev-${SEVERITIES[severity]}` },
        h('strong', {}, count.toLocaleString('en')),
        ` ${SEVERITY_TITLES[severity]?.toLowerCase()}`,
      ),
    ),
  );
}

function scoreText(score: number | null): string {
  return score === null ? '–' : String(score);
}

function scoreCard(
  title: string,
  score: number | null,
  counts: SeverityCounts,
  note: string,
  attributes: Record<string, string>,
): HTMLElement {
  const gauge = h(
    'div',
    { class: `score ${scoreClass(score)}`, 'data-score': score === null ? '' : String(score) },
    h('span', {}, scoreText(score)),
  );
  gauge.style.setProperty('--score', String(score ?? 0));
  return h(
    'article',
    { class: 'score-card', ...attributes },
    h('h3', {}, title),
    gauge,
    countsList(counts),
    h('p', { class: 'note' }, note),
  );
}

export function renderScores(data: ReportData): void {
  const overall: SeverityCounts = [0, 0, 0, 0];
  for (const ruleset of data.rulesets)
    for (const [severity, count] of ruleset.counts.entries()) overall[severity as 0 | 1 | 2 | 3] += count;
  const cards = byId('scores');
  cards.append(scoreCard('All rulesets', data.score, overall, plural(data.operations, 'operation'), { 'data-overall': 'true' }));
  for (const ruleset of data.rulesets) {
    cards.append(scoreCard(ruleset.name, ruleset.score, ruleset.counts, plural(ruleset.rules, 'rule'), { 'data-ruleset': ruleset.name }));
  }
}

/** A row per document: operations, counts, the score per ruleset and overall; a document's name lists its findings. */
export function renderDocuments(data: ReportData, show: (query: FindingsQuery) => void): void {
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
    link.addEventListener('click', () => show({ document: index }));
    return h(
      'tr',
      { 'data-document': document.name },
      h('td', {}, link, document.problem === null ? null : h('div', { class: 'problem' }, `Not linted: ${document.problem}`)),
      h('td', { class: 'num' }, document.operations.toLocaleString('en')),
      ...document.counts.map((count, severity) => h('td', { class: `num sev-${SEVERITIES[severity]}` }, count.toLocaleString('en'))),
      ...document.scores.map((score) =>
        h('td', { class: `num ${scoreClass(score)}`, 'data-score': score === null ? '' : String(score) }, scoreText(score)),
      ),
    );
  });
  byId('documents').append(h('thead', {}, head), h('tbody', {}, ...rows));
}
