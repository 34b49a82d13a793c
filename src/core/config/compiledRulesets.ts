import { pathToFileURL } from 'node:url';

/**
 * Imports a compiled built-in ruleset module. The single-file build replaces this module with one
 * that imports each compiled ruleset by a literal path, so that they are bundled too.
 */
export async function importCompiledRuleset(file: string, _name: string): Promise<unknown> {
  return import(pathToFileURL(file).href);
}
