import type { NonStringKeyParams } from '../core/parse/yamlKeys.js';
import type { FixProvider } from './types.js';

/** The offset of a zero-based line and character in a text. */
function offsetOf(text: string, line: number, character: number): number | undefined {
  let at = 0;
  for (let current = 0; current < line; current++) {
    const next = text.indexOf('\n', at);
    if (next === -1) return undefined;
    at = next + 1;
  }
  return at + character;
}

/** An unquoted non-string key (`200:`) quoted (`'200':`), so that it reads as the string it was linted as. */
export const quoteKey: FixProvider<NonStringKeyParams> = (document, finding, { key }) => {
  if (document.isJson) return undefined;
  const start = offsetOf(document.text, finding.range.start.line, finding.range.start.character);
  if (start === undefined || document.text.slice(start, start + key.length) !== key) return undefined;
  return { title: `Quote the key ${key}`, edits: [{ start, end: start + key.length, newText: `'${key.replace(/'/g, "''")}'` }] };
};
