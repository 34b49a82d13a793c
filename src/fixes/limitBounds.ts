import type { PARAMETER_SCHEMA_KEYWORDS_MESSAGES } from '../functions/parameterSchemaKeywords.js';
import type { ParamsOf } from '../core/engine/messages.js';
import type { FixProvider } from './types.js';

type MissingKeywords = ParamsOf<typeof PARAMETER_SCHEMA_KEYWORDS_MESSAGES>['missingKeywords'];

/** What a page holds when the client says nothing, and the most it may ask for: common values a team adjusts afterwards. */
export const DEFAULT_LIMIT = 20;
export const MAXIMUM_LIMIT = 100;

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** A `limit` parameter without `default` or `maximum` gets them (20 and 100, kept within the bounds it already declares). */
export const limitBounds: FixProvider<MissingKeywords> = (document, finding, { missing }) => {
  const last = finding.path[finding.path.length - 1];
  // 3.x: the inline schema; 2.0: the parameter itself, reported at its name. A `$ref`'d schema is fixed where it is defined.
  const target = last === 'schema' ? document.map(finding.path) : last === 'name' ? document.map(finding.path.slice(0, -1)) : undefined;
  if (target === undefined) return undefined;
  if (last === 'name' && !document.isOas2) return undefined;
  const minimum = numberOr(document.scalarValue(target, 'minimum'), 1);
  const maximum = numberOr(
    document.scalarValue(target, 'maximum'),
    Math.max(MAXIMUM_LIMIT, numberOr(document.scalarValue(target, 'default'), 0)),
  );
  const entries: Array<readonly [string, number]> = [];
  if (missing.includes('default')) entries.push(['default', Math.max(minimum, Math.min(DEFAULT_LIMIT, maximum))]);
  if (missing.includes('maximum')) entries.push(['maximum', maximum]);
  if (entries.length === 0) return undefined;
  const edits = document.setEntries(target, entries);
  const title = `Set ${entries.map(([key, value]) => `${key} ${value}`).join(' and ')} on this limit`;
  return edits === undefined || edits.length === 0 ? undefined : { title, edits };
};
