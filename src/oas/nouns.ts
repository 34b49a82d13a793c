import pluralize from 'pluralize';
import { splitWords } from './words.js';

/** Whether a path segment names a collection: its last word is plural, or has no plural (`status`, `news`). */
export function isPluralNoun(segment: string, uncountable: ReadonlySet<string>): boolean {
  const words = splitWords(segment);
  const last = words[words.length - 1];
  return last === undefined || uncountable.has(last) || pluralize.isPlural(last);
}

/** The segment with its last word made plural, keeping the rest as written: `device-request` → `device-requests`. */
export function pluralOf(segment: string): string {
  const words = splitWords(segment);
  const last = words[words.length - 1];
  if (last === undefined || !segment.toLowerCase().endsWith(last)) return pluralize.plural(segment);
  return segment.slice(0, segment.length - last.length) + pluralize.plural(segment.slice(segment.length - last.length));
}
