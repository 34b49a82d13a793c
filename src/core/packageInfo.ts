import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from './paths.js';

interface PackageJson {
  name: string;
  version: string;
  homepage?: string;
  repository?: { url?: string };
}

const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as PackageJson;

export const PACKAGE_NAME = pkg.name;
export const VERSION = pkg.version;

/** The web address of the repository, from package.json (`git+https://…/x.git` → `https://…/x`). */
export const REPOSITORY_URL = (pkg.repository?.url ?? pkg.homepage ?? '')
  .replace(/^git\+/, '')
  .replace(/\.git$/, '')
  .replace(/#.*$/, '');
