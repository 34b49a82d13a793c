import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VERSION } from './packageInfo.js';
import { PACKAGE_ROOT } from './paths.js';

/**
 * The build that is running: a hash of the compiled code and rulesets, written by the build
 * (scripts/bundle.js). Without one (sources run directly), the version stands for it.
 */
export const BUILD_ID = ((): string => {
  try {
    return `${VERSION}+${readFileSync(join(PACKAGE_ROOT, 'dist', 'build-id.txt'), 'utf8').trim()}`;
  } catch {
    return VERSION;
  }
})();
