import { oneLine } from '../core/errors.js';
import type { Finding } from '../core/types.js';
import { commaSeparatedArray } from './arrayParameterStyle.js';
import { limitBounds } from './limitBounds.js';
import { declareHeaderFromComponent } from './missingHeader.js';
import { renameToCasing } from './nameCasing.js';
import { httpsServer } from './serverScheme.js';
import type { SourceDocument } from './source.js';
import type { Fix, FixProvider } from './types.js';
import { majorVersionSegment } from './versionSegment.js';

export { SourceDocument, applyEdits, overlaps } from './source.js';
export type { Fix, FixProvider, TextEdit } from './types.js';

/** The rules whose findings have a mechanical fix, by rule id. */
export const FIXES: Readonly<Record<string, FixProvider>> = {
  'psa-property-camel-case': renameToCasing,
  'redex-property-pascal-case': renameToCasing,
  'redex-query-pascal-case': renameToCasing,
  'psa-pagination-limit-default': limitBounds,
  'psa-multi-value-comma': commaSeparatedArray,
  'psa-version-major-only': majorVersionSegment,
  'recommended-server-https': httpsServer,
  'psa-server-https': httpsServer,
  'psa-created-location': declareHeaderFromComponent,
  'psa-not-modified-headers': declareHeaderFromComponent,
  'pmsi-last-token-header': declareHeaderFromComponent,
  'pmsi-rate-limit-headers': declareHeaderFromComponent,
  'qualicharge-429-retry-after': declareHeaderFromComponent,
};

/** A fix provider that threw: a defect of the fix, reported as such instead of passed over in silence. */
export class FixError extends Error {
  readonly finding: Finding;

  constructor(finding: Finding, cause: unknown) {
    super(oneLine(cause), { cause });
    this.finding = finding;
  }
}

/** How the fix of a finding is found: `fixFor`, or another lookup (tests give faulty ones). */
export type FixLookup = (document: SourceDocument, finding: Finding) => Fix | undefined;

/**
 * The fix of a finding in a document, if its rule has one and it applies here. A provider returns
 * undefined where its fix does not apply; one that throws has a defect: that is a `FixError`.
 */
export function fixFor(document: SourceDocument, finding: Finding): Fix | undefined {
  const provider = Object.hasOwn(FIXES, finding.code) ? FIXES[finding.code] : undefined;
  if (provider === undefined || !document.usable) return undefined;
  let fix: Fix | undefined;
  try {
    fix = provider(document, finding);
  } catch (error) {
    throw new FixError(finding, error);
  }
  return fix === undefined || fix.edits.length === 0 ? undefined : fix;
}
