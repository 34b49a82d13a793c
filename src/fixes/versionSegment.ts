import { isScalar } from 'yaml';
import type { VERSION_SEGMENT_FORMAT_MESSAGES } from '../functions/versionSegmentFormat.js';
import type { ParamsOf } from '../core/engine/messages.js';
import type { FixProvider } from './types.js';

type VersionSegment = ParamsOf<typeof VERSION_SEGMENT_FORMAT_MESSAGES>['capitalV'];

function replaceSegment(path: string, segment: string, wanted: string): string {
  const [beforeQuery = '', ...rest] = path.split(/(?=[?#])/);
  return [
    beforeQuery
      .split('/')
      .map((part) => (part === segment ? wanted : part))
      .join('/'),
    ...rest,
  ].join('');
}

/** `v1.0` → `v1`, `V2` → `v2` in a server URL, a 2.0 `basePath` or a path key. */
export const majorVersionSegment: FixProvider<VersionSegment> = (document, finding, { segment, wanted }) => {
  const title = `Write the version segment "${segment}" as "${wanted}"`;
  const { path } = finding;
  if (path.length === 2 && path[0] === 'paths') {
    const paths = document.map(['paths']);
    const pair = paths === undefined ? undefined : document.pair(paths, String(path[1]));
    const renamed = replaceSegment(String(path[1]), segment, wanted);
    if (paths === undefined || pair === undefined || renamed === path[1] || document.keys(paths).includes(renamed)) return undefined;
    const edit = document.replaceScalar(pair.key, renamed);
    return edit === undefined ? undefined : { title, edits: [edit] };
  }
  const node = document.node(path);
  if (!isScalar(node) || typeof node.value !== 'string') return undefined;
  // A version that comes from a server variable's default is not in the URL as written.
  const renamed = node.value.replace(
    /^([a-z][a-z0-9+.-]*:\/\/[^/]*)?(.*)$/i,
    (_all, origin: string | undefined, rest: string) => `${origin ?? ''}${replaceSegment(rest, segment, wanted)}`,
  );
  if (renamed === node.value) return undefined;
  const edit = document.replaceScalar(node, renamed);
  return edit === undefined ? undefined : { title, edits: [edit] };
};
