import type { Formatter } from '../types.js';
import { reportScripts } from './assets.js';
import { buildReportData } from './data.js';
import { renderPage } from './page.js';

/** One self-contained HTML page: scores, charts and a findings table, with its data, scripts and styles inlined. */
export const html: Formatter = (report, context) => renderPage(buildReportData(report, context), reportScripts());
