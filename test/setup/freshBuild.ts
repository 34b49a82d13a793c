// The tests run the built CLI, as a user does: dist/ must be the build of the sources as they are
// now, or a test run after an edit would test the old code. When it is not, it is built first.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { RECORDED_HASH_FILE, sourceHash } from '../../scripts/sourceHash.js';
import { REPO_ROOT } from '../helpers/cli.js';

function builtHash(): string | undefined {
  return existsSync(RECORDED_HASH_FILE) ? readFileSync(RECORDED_HASH_FILE, 'utf8').trim() : undefined;
}

/** Whether dist/ was built from the sources as they are now. */
export function buildIsCurrent(): boolean {
  return builtHash() === sourceHash(REPO_ROOT);
}

/** Builds when the sources changed since the last build; throws with the build's output when it fails. */
export function ensureCurrentBuild(): void {
  if (buildIsCurrent()) return;
  console.log('dist/ is not the build of the current sources: building (npm run build)');
  const build = spawnSync('npm', ['run', 'build'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed, so the tests would run old code:\n${build.stdout}${build.stderr}`);
  if (!buildIsCurrent()) throw new Error('npm run build finished, but dist/source-hash.txt does not match the sources');
}
