// A hash of everything `npm run build` reads. The build records it in dist/source-hash.txt as its
// last step; the tests compare it with the sources to know whether dist/ is the current code.
// Run directly (`node scripts/sourceHash.js --record`), it records the hash of the tree.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..');
const INPUT_FOLDERS = ['src', 'rulesets', 'scripts'];
const INPUT_FILES = ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'];

/** @param {string} dir @returns {string[]} */
function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/** @param {string} [root] @returns {string} */
export function sourceHash(root = ROOT) {
  const files = [...INPUT_FOLDERS.flatMap((folder) => filesUnder(join(root, folder))), ...INPUT_FILES.map((file) => join(root, file))]
    .map((file) => relative(root, file).split('\\').join('/'))
    .sort();
  const hash = createHash('sha256');
  for (const file of files)
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(join(root, file)))
      .update('\0');
  return hash.digest('hex');
}

/** Where the build records the hash of what it built. */
export const RECORDED_HASH_FILE = join(ROOT, 'dist', 'source-hash.txt');

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === '--record') {
  writeFileSync(RECORDED_HASH_FILE, `${sourceHash()}\n`);
}
