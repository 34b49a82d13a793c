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

/** The fix of a finding in a document, if its rule has one and it applies here. */
export function fixFor(document: SourceDocument, finding: Finding): Fix | undefined {
  const provider = Object.hasOwn(FIXES, finding.code) ? FIXES[finding.code] : undefined;
  if (provider === undefined || !document.usable) return undefined;
  try {
    const fix = provider(document, finding);
    return fix === undefined || fix.edits.length === 0 ? undefined : fix;
  } catch {
    // A fix is a convenience: one that cannot make sense of an odd document offers nothing.
    return undefined;
  }
}
