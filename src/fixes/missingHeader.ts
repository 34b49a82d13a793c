import { isScalar } from 'yaml';
import type { JsonPath } from '@stoplight/types';
import type { SourceDocument } from './source.js';
import type { FixProvider } from './types.js';
import { parseRef } from '../oas/refSyntax.js';

const MESSAGE = /^.* does not declare (?!any of )(.+)\.$/;

/** "A, B and C" → [A, B, C]. */
function names(list: string): string[] {
  return list
    .split(/, | and /)
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/** The path of the local response component a `$ref` points at (a shared response is fixed where it is defined). */
function referencedResponse(document: SourceDocument, refPath: JsonPath): JsonPath | undefined {
  const node = document.node(refPath);
  const ref = isScalar(node) ? node.value : undefined;
  const parsed = parseRef(ref);
  return parsed.kind === 'local' && parsed.pointer.length === 3 && parsed.pointer[0] === 'components' && parsed.pointer[1] === 'responses'
    ? [...parsed.pointer]
    : undefined;
}

/**
 * A response that lacks a header the standard wants gets it declared by a `$ref` to the header
 * component of that name, when the document has one (3.x `components/headers`). A response
 * `$ref`'d from `components/responses` gets it there, for every operation that uses it.
 */
export const declareHeaderFromComponent: FixProvider = (document, finding) => {
  const match = MESSAGE.exec(finding.message.replace(/ \(in the response it references\)\.$/, '.'));
  if (match === null || document.isOas2) return undefined;
  const components = document.map(['components', 'headers']);
  if (components === undefined) return undefined;
  const available = document.keys(components);
  const refs: Array<readonly [string, { $ref: string }]> = [];
  for (const name of names(match[1]!)) {
    const component = available.find((key) => key.toLowerCase() === name.toLowerCase());
    // Declaring some headers only would leave the finding with another message: all or nothing.
    if (component === undefined) return undefined;
    refs.push([name, { $ref: `#/components/headers/${component.replace(/~/g, '~0').replace(/\//g, '~1')}` }]);
  }
  let path = finding.path[finding.path.length - 1] === '$ref' ? referencedResponse(document, finding.path) : finding.path;
  if (path === undefined) return undefined;
  if (path[path.length - 1] !== 'headers' && document.map([...path, 'headers']) !== undefined) path = [...path, 'headers'];
  const title = `Declare ${refs.map(([name]) => name).join(', ')} from components/headers`;
  if (path[path.length - 1] === 'headers') {
    const headers = document.map(path);
    const edit = headers === undefined || headers.items.length === 0 ? undefined : document.addEntries(headers, refs);
    return edit === undefined ? undefined : { title, edits: [edit] };
  }
  const response = document.map(path);
  if (response === undefined || document.pair(response, 'headers') !== undefined || document.pair(response, '$ref') !== undefined)
    return undefined;
  const edit = document.addEntries(response, [['headers', Object.fromEntries(refs)]]);
  return edit === undefined ? undefined : { title, edits: [edit] };
};
