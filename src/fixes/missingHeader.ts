import { isScalar } from 'yaml';
import type { JsonPath } from '@stoplight/types';
import type { SourceDocument } from './source.js';
import type { RESPONSE_HEADERS_MESSAGES } from '../functions/responseHeaders.js';
import type { ParamsOf } from '../core/engine/messages.js';
import type { FixProvider } from './types.js';
import { parseRef } from '../oas/refSyntax.js';

type MissingHeaders = ParamsOf<typeof RESPONSE_HEADERS_MESSAGES>['missing'];

/** A header name as components are often keyed: `Last-Token` as `LastToken`, `last_token` or `last-token`. */
const loose = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * The header component for a header: the one keyed by its name (in any case), else the only one
 * keyed by its name without punctuation (`LastToken` for `Last-Token`, as the PMSIpilot sample does).
 */
function componentFor(name: string, available: readonly string[]): string | undefined {
  const exact = available.find((key) => key.toLowerCase() === name.toLowerCase());
  if (exact !== undefined) return exact;
  const similar = available.filter((key) => loose(key) === loose(name));
  return similar.length === 1 ? similar[0] : undefined;
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
 * component of that name (punctuation aside), when the document has one (3.x `components/headers`). A response
 * `$ref`'d from `components/responses` gets it there, for every operation that uses it.
 */
export const declareHeaderFromComponent: FixProvider<MissingHeaders> = (document, finding, { missing }) => {
  if (document.isOas2) return undefined;
  const components = document.map(['components', 'headers']);
  if (components === undefined) return undefined;
  const available = document.keys(components);
  const refs: Array<readonly [string, { $ref: string }]> = [];
  for (const name of missing) {
    const component = componentFor(name, available);
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
