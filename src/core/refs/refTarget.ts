import { isAbsolute } from 'node:path';
import type { JsonPath } from '@stoplight/types';
import type { Finding } from '../results/types.js';
import { isObject, valueAt } from '../../oas/json.js';
import { parseRef, refTarget } from '../../oas/refSyntax.js';

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
  const ref = parseRef(isObject(node) ? node['$ref'] : undefined);
  const file = ref.kind === 'file' ? refTarget(ref, finding.source) : undefined;
  return file === undefined || ref.kind === 'invalid' ? undefined : { file, path: [...ref.pointer] };
}

/** The file and path a finding is about: the `$ref`'d file for a finding reported at a `$ref`, else where it is reported. */
export function locationOf(finding: Pick<Finding, 'source' | 'path'>, data: unknown): Location {
  return externalRefTarget(finding, data) ?? { file: finding.source, path: finding.path };
}
