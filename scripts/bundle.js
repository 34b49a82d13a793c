// Bundles the CLI and its worker into a few files (dist/bundle), with every compiled built-in
// ruleset, so that `apistyle lint` starts by reading one module graph instead of resolving and
// compiling hundreds of package files.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { build } from 'esbuild';
import { ASSERTION_PATCH } from '../dist/core/engine/trustedRulesets.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const rulesets = (await readdir(join(dist, 'rulesets'))).filter((name) => name.endsWith('.js')).map((name) => name.slice(0, -3));

/** Replaces the path-based import of compiled rulesets with literal imports the bundler follows. */
const compiledRulesets = {
  name: 'compiled-rulesets',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]core[\\/]config[\\/]compiledRulesets\.js$/ }, () => ({
      resolveDir: join(dist, 'core', 'config'),
      contents: [
        'export async function importCompiledRuleset(file, name) {',
        '  switch (name) {',
        ...rulesets.map((name) => `    case ${JSON.stringify(name)}: return import(${JSON.stringify(`../../rulesets/${name}.js`)});`),
        // biome-ignore lint/suspicious/noTemplateCurlyInString: generated source, template literal included
        '    default: return import(new URL(`file://${file}`).href);',
        '  }',
        '}',
      ].join('\n'),
    }));
  },
};

/** Lets Spectral's ruleset validation skip the built-in rulesets, which the build validated (see core/engine/trustedRulesets.ts). */
const validatedRulesets = {
  name: 'validated-rulesets',
  setup(builder) {
    builder.onLoad(
      { filter: /[\\/]@stoplight[\\/]spectral-core[\\/]dist[\\/]ruleset[\\/]validation[\\/]assertions\.js$/ },
      async (args) => {
        patched = true;
        return { contents: `${await readFile(args.path, 'utf8')}\n${ASSERTION_PATCH}`, loader: 'js' };
      },
    );
  },
};
let patched = false;

/**
 * Spectral's ruleset-function module makes an ajv instance with ajv-errors and ajv-formats as it
 * loads (compiling their meta-schemas: 50 ms of every run), though only `createRulesetFunction`
 * compiling a schema uses it, and apistyle's functions compile theirs only when a ruleset that
 * needs validating uses them (src/core/engine/rulesetFunction.ts). The bundle makes it on first compile.
 */
const AJV_AT_LOAD = `const ajv = new ajv_1.default({ allErrors: true, allowUnionTypes: true, strict: true, keywords: ['x-internal'] });
(0, ajv_errors_1.default)(ajv);
(0, ajv_formats_1.default)(ajv);`;
const AJV_ON_FIRST_COMPILE = `let ajvInstance;
const ajv = {
    compile(schema) {
        if (ajvInstance === undefined) {
            ajvInstance = new ajv_1.default({ allErrors: true, allowUnionTypes: true, strict: true, keywords: ['x-internal'] });
            (0, ajv_errors_1.default)(ajvInstance);
            (0, ajv_formats_1.default)(ajvInstance);
        }
        return ajvInstance.compile(schema);
    },
};`;
let ajvDeferred = false;
const deferredAjv = {
  name: 'deferred-ajv',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]@stoplight[\\/]spectral-core[\\/]dist[\\/]ruleset[\\/]function\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      // Anything else in the module using the instance would need more than `compile`.
      if (!source.includes(AJV_AT_LOAD) || (source.match(/\bajv\./g) ?? []).length !== 2) return undefined;
      ajvDeferred = true;
      return { contents: source.replace(AJV_AT_LOAD, AJV_ON_FIRST_COMPILE), loader: 'js' };
    });
  },
};

/**
 * yargs lays out a command's help on every run of it, and its cliui and wrap-ansi measure each
 * cell with string-width, of which the bundle held three copies, each building an Intl.Segmenter
 * and Unicode property regexes as its module starts: 25 ms of every run, and segmenting every
 * cell took 15 ms more. Within yargs, string-width is the shim in scripts/shims, which measures
 * ASCII itself and loads yargs's own string-width for anything else.
 */
const lazyStringWidth = {
  name: 'lazy-string-width',
  setup(builder) {
    const shim = join(root, 'scripts', 'shims', 'string-width.js');
    const yargsStringWidth = join(root, 'node_modules', 'yargs', 'node_modules', 'string-width', 'index.js');
    builder.onResolve({ filter: /^string-width$/ }, (args) => {
      if (args.importer === shim) return { path: yargsStringWidth };
      return args.importer.includes(join('node_modules', 'yargs')) ? { path: shim } : undefined;
    });
  },
};

// Chunk names carry content hashes: leftovers of an earlier build would pile up.
await rm(join(dist, 'bundle'), { recursive: true, force: true });
await build({
  entryPoints: { main: join(dist, 'cli', 'main.js'), worker: join(dist, 'core', 'session', 'worker.js') },
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
  plugins: [compiledRulesets, validatedRulesets, lazyStringWidth, deferredAjv],
  logLevel: 'warning',
  legalComments: 'none',
  // V8 reads every byte of a module before it runs it: Spectral's chunk alone was 3.7 MB of source.
  // Names are kept (no identifier minifying): Spectral and the rule guard name functions in messages.
  minifyWhitespace: true,
  minifySyntax: true,
});
if (!patched)
  throw new Error("bundle: Spectral's ruleset assertions module was not found; built-in rulesets would be validated on every run");
if (!ajvDeferred) throw new Error("bundle: Spectral's ruleset-function module changed; its ajv instance would be made on every run");

// What the result cache is keyed by besides the documents and the ruleset: the exact build, so that
// a changed rule function or compiled ruleset never reuses findings of the code before it.
const hash = createHash('sha256');
for (const file of (await readdir(dist, { recursive: true })).filter((name) => name.endsWith('.js')).sort()) {
  hash.update(file).update(await readFile(join(dist, file)));
}
await writeFile(join(dist, 'build-id.txt'), hash.digest('hex'));
