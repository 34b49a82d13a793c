import { gzipSync } from 'node:zlib';
import type { ReportData } from './model.js';
import { STYLES } from './styles.js';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * JSON that can sit inside a `<script>` element: every `<` is written as `\u003c`, so neither
 * `</script>` nor `<!--` in a message or a document line can end or change the element.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Above this size the data is embedded gzipped (in base64): GitHub's description's data shrinks from 7 MB to 2 MB. */
export const COMPRESS_ABOVE = 1_000_000;

/** The data element: JSON as it is, readable in the page's source, or gzipped when large. */
function dataElement(data: ReportData): string {
  const json = scriptSafeJson(data);
  if (json.length <= COMPRESS_ABOVE) return `<script type="application/json" id="report-data">${json}</script>`;
  const packed = gzipSync(json).toString('base64');
  return `<script type="application/gzip" id="report-data" data-encoding="gzip-base64">${packed}</script>`;
}

/** Inlined code must not close its own element early; no library has `</script` in its code but a string could. */
function scriptSafeCode(code: string): string {
  return code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

/** The report page: a skeleton the page's script fills in from the embedded data. */
export function renderPage(data: ReportData, scripts: { libraries: string[]; client: string }): string {
  const title =
    data.documents.length === 1
      ? `apistyle report: ${data.documents[0]?.name ?? ''}`
      : `apistyle report: ${data.documents.length} documents`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${escapeHtml(`${data.tool.name} ${data.tool.version}`)}">
<title>${escapeHtml(title)}</title>
<style>${STYLES}</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<p id="summary"></p>
<p id="generated"></p>
</header>
<main>
<noscript><p>This report draws its content with JavaScript: allow scripts for this file to see it.</p></noscript>
<section>
<h2>Scores</h2>
<div id="scores"></div>
<p class="formula" id="formula"></p>
</section>
<section>
<h2>Documents</h2>
<table id="documents"></table>
</section>
<section>
<h2>Charts</h2>
<div id="charts">
<div class="chart-card rules"><h3>Findings by rule</h3><div class="chart-box"><canvas id="chart-rules" role="img" aria-label="Findings by rule"></canvas></div></div>
<div class="chart-card severity"><h3>Findings by severity</h3><div class="chart-box"><canvas id="chart-severity" role="img" aria-label="Findings by severity"></canvas></div></div>
<div class="chart-card"><h3>Findings by ruleset</h3><div class="chart-box"><canvas id="chart-rulesets" role="img" aria-label="Findings by ruleset"></canvas></div></div>
<div class="chart-card" id="comparison-card"><h3 id="comparison-title">Since the baseline</h3><div class="chart-box"><canvas id="chart-comparison" role="img" aria-label="New, existing and fixed findings"></canvas></div></div>
<div class="chart-card wide"><h3>Where the findings sit <label>Group by <select id="treemap-grouping"><option value="group">path</option><option value="tag">tag</option></select></label></h3><div class="chart-box tall"><canvas id="chart-locations" role="img" aria-label="Findings by path"></canvas></div><p class="legend">Area: the findings at an API path, a component or a section of the document; colour: the most serious of them. Click a tile to list its findings.</p></div>
</div>
</section>
<section id="findings">
<h2>Findings</h2>
<div id="filters"></div>
<div class="pager"><button type="button" id="page-previous">Previous</button><span id="page-number"></span><button type="button" id="page-next">Next</button><span id="findings-count"></span></div>
<table id="findings-table"><thead id="findings-head"></thead><tbody id="findings-body"></tbody></table>
</section>
<section id="fixed" hidden>
<h2 id="fixed-title"></h2>
<table id="fixed-table"></table>
</section>
</main>
${dataElement(data)}
${scripts.libraries.map((code) => `<script>${scriptSafeCode(code)}</script>`).join('\n')}
<script type="module">${scriptSafeCode(scripts.client)}</script>
</body>
</html>
`;
}
