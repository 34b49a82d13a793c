import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { findUp } from '../paths.js';
import { findConfigFile } from './configFile.js';

/** A repository or package root: where a project's files end. */
function isRepositoryRoot(dir: string): boolean {
  return existsSync(join(dir, '.git')) || existsSync(join(dir, 'package.json'));
}

/**
 * The directory a document's `$ref`s may not leave, found from the document itself (never from
 * the working directory, so `apistyle lint ~/elsewhere/api.yaml` reaches `api.yaml`'s siblings
 * wherever it runs): the folder of its nearest config, else its repository or package root, else
 * its own folder. A document without a file (standard input) sits in `cwd`.
 */
export function projectRootOf(document: string | undefined, cwd: string): string {
  const folder = document === undefined ? resolve(cwd) : dirname(resolve(cwd, document));
  const config = findConfigFile(folder);
  if (config !== undefined) return dirname(config);
  return findUp(folder, isRepositoryRoot) ?? folder;
}
