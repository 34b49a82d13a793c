// Bundles the CLI and its worker into a few files (dist/bundle), with every compiled built-in
// ruleset, so that `apistyle lint` starts by reading one module graph instead of resolving and
// compiling hundreds of package files.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readdir, readFile, rm } from 'node:fs/promises';
import { build } from 'esbuild';
import { ASSERTION_PATCH } from '../dist/core/trustedRulesets.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const rulesets = (await readdir(join(dist, 'rulesets'))).filter((name) => name.endsWith('.js')).map((name) => name.slice(0, -3));

/** Replaces the path-based import of compiled rulesets with literal imports the bundler follows. */
const compiledRulesets = {
  name: 'compiled-rulesets',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]core[\\/]compiledRulesets\.js$/ }, () => ({
      resolveDir: join(dist, 'core'),
      contents: [
        'export async function importCompiledRuleset(file, name) {',
        '  switch (name) {',
        ...rulesets.map((name) => `    case ${JSON.stringify(name)}: return import(${JSON.stringify(`../rulesets/${name}.js`)});`),
        '    default: return import(new URL(`file://${file}`).href);',
        '  }',
        '}',
      ].join('\n'),
    }));
  },
};

/** Lets Spectral's ruleset validation skip the built-in rulesets, which the build validated (see core/trustedRulesets.ts). */
const validatedRulesets = {
  name: 'validated-rulesets',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]@stoplight[\\/]spectral-core[\\/]dist[\\/]ruleset[\\/]validation[\\/]assertions\.js$/ }, async (args) => {
      patched = true;
      return { contents: `${await readFile(args.path, 'utf8')}\n${ASSERTION_PATCH}`, loader: 'js' };
    });
  },
};
let patched = false;

// Chunk names carry content hashes: leftovers of an earlier build would pile up.
await rm(join(dist, 'bundle'), { recursive: true, force: true });
await build({
  entryPoints: { main: join(dist, 'cli', 'main.js'), worker: join(dist, 'core', 'worker.js') },
  outdir: join(dist, 'bundle'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // jsonc-parser's CommonJS entry is a UMD module whose requires a bundler cannot follow.
  mainFields: ['module', 'main'],
  outExtension: { '.js': '.js' },
  chunkNames: '[name]-[hash]',
  // CommonJS packages inside an ES module bundle still call `require` for Node's built-ins, and
  // some resolve files from `__dirname` (which then means the bundle's folder, inside the package).
  banner: {
    js: [
      "import { createRequire as __createRequire } from 'node:module';",
      "import { fileURLToPath as __fileURLToPath } from 'node:url';",
      "import { dirname as __pathDirname } from 'node:path';",
      'const require = __createRequire(import.meta.url);',
      'var __filename = __fileURLToPath(import.meta.url);',
      'var __dirname = __pathDirname(__filename);',
    ].join(' '),
  },
  // piscina starts its workers from a file of its own, found through __dirname; rollup's fsevents is macOS-only.
  external: ['piscina', 'fsevents'],
  plugins: [compiledRulesets, validatedRulesets],
  logLevel: 'warning',
  legalComments: 'none',
});
if (!patched) throw new Error("bundle: Spectral's ruleset assertions module was not found; built-in rulesets would be validated on every run");
