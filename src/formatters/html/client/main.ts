// The report page's script: reads the data embedded in the page, then draws the summary, the
// findings table and, a frame later, the charts. Bundled into one script by scripts/build-report-client.js.
import { drawCharts } from './charts.js';
import { byId } from './dom.js';
import { readData } from './report.js';
import { renderDocuments, renderHeader, renderScores } from './summary.js';
import { FindingsTable } from './table.js';

async function start(): Promise<void> {
  const data = await readData();
  renderHeader(data);
  renderScores(data);
  const table = new FindingsTable(data);
  const show = table.show.bind(table);
  renderDocuments(data, show);
  performance.mark('apistyle:table');
  // The charts come a frame after the table, so that the page is readable as soon as possible.
  requestAnimationFrame(() => {
    drawCharts(data, show);
    performance.mark('apistyle:charts');
    document.body.dataset.ready = 'true';
  });
}

start().catch((error: unknown) => {
  byId('summary').textContent = `The report could not be drawn: ${error instanceof Error ? error.message : String(error)}`;
  throw error;
});
