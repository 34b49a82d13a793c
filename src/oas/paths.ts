import { splitWords } from './words.js';

/** One `/`-separated part of a path template. */
export interface PathSegment {
  text: string;
  /** Position among the path's non-empty segments. */
  index: number;
  kind: 'parameter' | 'version' | 'static';
}

/**
 * A segment that is meant as an API version: `v1`, and the malformed `v1.0`, `v1_2`, `version2`,
 * which psa-version-major-only reports but which still mark the version's place.
 */
export const VERSION_LIKE = /^(?:v|version)\d+(?:[._-]\d+)*$/i;

/**
 * Splits a path template into segments; empty segments (a trailing slash) are dropped, and so is
 * anything after `#` or `?`, which some generated documents append to keep path keys unique
 * (`/#Action=DescribeVpcs`): it is not part of the URL path.
 */
export function pathSegments(pathKey: string): PathSegment[] {
  return pathKey
    .replace(/[#?].*$/s, '')
    .split('/')
    .filter((text) => text !== '')
    .map((text, index) => ({
      text,
      index,
      kind: text.includes('{') ? 'parameter' : VERSION_LIKE.test(text) ? 'version' : 'static',
    }));
}

export function staticSegments(pathKey: string): PathSegment[] {
  return pathSegments(pathKey).filter((segment) => segment.kind === 'static');
}

/** The words of a segment: `getCustomer-list` → get, customer, list. */
export const segmentWords = splitWords;
