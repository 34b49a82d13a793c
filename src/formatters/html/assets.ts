import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PACKAGE_ROOT } from '../../core/paths.js';

const require = createRequire(import.meta.url);

/** The page's own script, bundled for the browser by `npm run build` (scripts/build-report-client.js). */
const CLIENT_SCRIPT = join(PACKAGE_ROOT, 'dist', 'html-client', 'report.js');

/** A file next to a package's main entry point: the packages do not export their browser builds by path. */
function besideMain(packageName: string, file: string): string {
  return join(dirname(require.resolve(packageName)), file);
}

function withoutSourceMap(script: string): string {
  return script.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
}

let cached: { libraries: string[]; client: string } | undefined;

/** The scripts a report inlines: Chart.js, its treemap plugin, then the page's script. Read once per process. */
export function reportScripts(): { libraries: string[]; client: string } {
  if (cached !== undefined) return cached;
  if (!existsSync(CLIENT_SCRIPT)) throw new Error(`the HTML report's script is not built (${CLIENT_SCRIPT}): run "npm run build"`);
  cached = {
    libraries: [besideMain('chart.js', 'chart.umd.min.js'), besideMain('chartjs-chart-treemap', 'chartjs-chart-treemap.min.js')].map(
      (file) => withoutSourceMap(readFileSync(file, 'utf8')),
    ),
    client: withoutSourceMap(readFileSync(CLIENT_SCRIPT, 'utf8')),
  };
  return cached;
}
