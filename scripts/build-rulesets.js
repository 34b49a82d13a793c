// Compiles each built-in ruleset (rulesets/*.yaml) ahead of time with Spectral's own migrator and
// bundler, so that `apistyle lint` loads a ready module instead of bundling on every run.
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import * as fs from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Ruleset } from '@stoplight/spectral-core';
import { migrateRuleset } from '@stoplight/spectral-ruleset-migrator';
import { bundleRuleset } from '@stoplight/spectral-ruleset-bundler';
import { stdin } from '@stoplight/spectral-ruleset-bundler/plugins/stdin';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = join(root, 'rulesets');
const outDir = join(root, 'dist', 'rulesets');

await mkdir(outDir, { recursive: true });
for (const file of (await readdir(sourceDir)).filter((name) => name.endsWith('.yaml')).sort()) {
  const input = join(sourceDir, file);
  const migrated = await migrateRuleset(input, { format: 'esm', fs });
  // The bundler resolves the migrated module's relative imports from this virtual entry point.
  const entry = join(sourceDir, '.spectral.js');
  const code = await bundleRuleset(entry, { target: 'node', format: 'esm', plugins: [stdin(migrated, entry)] });
  const output = join(outDir, file.replace(/\.yaml$/, '.js'));
  await writeFile(output, `// Generated from rulesets/${file} by scripts/build-rulesets.js.\n${code}`);
  // Spectral validates the compiled definition here, once: the bundled CLI trusts built-in rulesets.
  new Ruleset((await import(pathToFileURL(output).href)).default, { severity: 'recommended', source: input });
}
