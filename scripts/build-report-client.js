// Bundles the HTML report's page script (src/formatters/html/client/, type-checked by its own
// tsconfig.json) into one browser script, which the html formatter inlines into every report.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

await build({
  entryPoints: [join(root, 'src', 'formatters', 'html', 'client', 'main.ts')],
  outfile: join(root, 'dist', 'html-client', 'report.js'),
  bundle: true,
  format: 'esm',
  target: 'es2020',
  legalComments: 'none',
  logLevel: 'warning',
});
