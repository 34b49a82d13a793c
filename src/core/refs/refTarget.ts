import { dirname, isAbsolute, resolve } from 'node:path';
import type { JsonPath } from '@stoplight/types';
import type { Finding } from '../results/types.js';
import { isObject, pointerToPath, valueAt } from '../../oas/json.js';

/** Where a finding really lies: a file and a JSON path in it. */
export interface Location {
  file: string;
  path: JsonPath;
}

/**
 * The rule functions walk documents as written, so a problem in content another file holds is
 * reported at the `$ref` that brings it in (`…/schema/$ref`). Such a finding is about that other
 * file: this gives the file and the pointer the `$ref` names, or undefined when the finding is
 * not at a `$ref` to another local file.
 */
export function externalRefTarget(finding: Pick<Finding, 'source' | 'path'>, data: unknown): Location | undefined {
  if (!isAbsolute(finding.source)) return undefined;
  const path = finding.path[finding.path.length - 1] === '$ref' ? finding.path.slice(0, -1) : finding.path;
  const node = valueAt(data, path);
  const ref = isObject(node) ? node['$ref'] : undefined;
  if (typeof ref !== 'string' || ref.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(ref)) return undefined;
  const hash = ref.indexOf('#');
  const file = hash === -1 ? ref : ref.slice(0, hash);
  const pointer = pointerToPath(hash === -1 ? '' : ref.slice(hash)) ?? [];
  try {
    return { file: resolve(dirname(finding.source), decodeURI(file)), path: pointer };
  } catch {
    return undefined;
  }
}

/** The file and path a finding is about: the `$ref`'d file for a finding reported at a `$ref`, else where it is reported. */
export function locationOf(finding: Pick<Finding, 'source' | 'path'>, data: unknown): Location {
  return externalRefTarget(finding, data) ?? { file: finding.source, path: finding.path };
}
