// Regenerates docs/report-screenshot.png, the picture of the HTML report the README shows:
// the report of two violating samples, opened in headless Chromium like the test does.
// Usage: npm run docs:screenshot
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBrowser, openReport } from '../test/helpers/browser.js';
import { REPO_ROOT, runCli } from '../test/helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'apistyle-screenshot-'));
const report = join(dir, 'report.html');
const run = await runCli(
  ['lint', 'specs/psa/violating.yaml', 'specs/redex/violating.yaml', '-r', 'psa', '-r', 'redex', '-f', 'html', '-o', report],
  { timeoutMs: 60_000 },
);
if (run.stderr !== '') throw new Error(`apistyle failed: ${run.stderr}`);

const browser = await openBrowser();
try {
  const { page, errors } = await openReport(browser, report);
  if (errors.length > 0) throw new Error(`the report has errors: ${errors.join('; ')}`);
  const output = join(REPO_ROOT, 'docs', 'report-screenshot.png');
  await page.setViewportSize({ width: 1280, height: 1500 });
  await page.screenshot({ path: output });
  console.log(`wrote ${output}`);
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
