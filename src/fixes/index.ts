import type { FindingData, MessageParams } from '../core/engine/findingData.js';
import { oneLine } from '../core/errors.js';
import type { Finding } from '../core/results/types.js';
import { ARRAY_PARAMETER_STYLE_MESSAGES } from '../functions/arrayParameterStyle.js';
import type { Messages, MessageShapes } from '../core/engine/messages.js';
import { NAME_CASING_MESSAGES } from '../functions/nameCasing.js';
import { PARAMETER_SCHEMA_KEYWORDS_MESSAGES } from '../functions/parameterSchemaKeywords.js';
import { RESPONSE_HEADERS_MESSAGES } from '../functions/responseHeaders.js';
import { SERVER_SCHEME_MESSAGES } from '../functions/serverScheme.js';
import { VERSION_SEGMENT_FORMAT_MESSAGES } from '../functions/versionSegmentFormat.js';
import { commaSeparatedArray } from './arrayParameterStyle.js';
import { limitBounds } from './limitBounds.js';
import { declareHeaderFromComponent } from './missingHeader.js';
import { renameToCasing } from './nameCasing.js';
import { httpsServer } from './serverScheme.js';
import type { SourceDocument } from './source.js';
import type { Fix, FixProvider } from './types.js';
import { majorVersionSegment } from './versionSegment.js';
import { YAML_KEY_MESSAGES } from '../core/parse/yamlKeys.js';
import { quoteKey } from './yamlKey.js';

export { applyEdits, overlaps, SourceDocument } from './source.js';
export type { Fix, FixProvider, TextEdit } from './types.js';

/** A function's fixes by message id, typed by the parameters of each message. */
type FixesOf<Shapes extends MessageShapes> = { readonly [Id in keyof Shapes]?: FixProvider<Shapes[Id]> };

function fixesOf<Shapes extends MessageShapes>(
  messages: Pick<Messages<Shapes>, 'functionName' | 'templates'>,
  fixes: FixesOf<Shapes>,
): readonly [string, FixesOf<Shapes>] {
  return [messages.functionName, fixes];
}

/**
 * The mechanical fixes, by rule function and message id: any rule that uses the function, a
 * user's own included, gets them.
 */
export const FIXES: ReadonlyMap<string, Readonly<Record<string, FixProvider<never>>>> = new Map<
  string,
  Readonly<Record<string, FixProvider<never>>>
>([
  fixesOf(NAME_CASING_MESSAGES, { rename: renameToCasing }),
  fixesOf(PARAMETER_SCHEMA_KEYWORDS_MESSAGES, { missingKeywords: limitBounds }),
  fixesOf(ARRAY_PARAMETER_STYLE_MESSAGES, {
    collectionFormat: commaSeparatedArray,
    style: commaSeparatedArray,
    exploded: commaSeparatedArray,
  }),
  fixesOf(VERSION_SEGMENT_FORMAT_MESSAGES, { capitalV: majorVersionSegment, notMajorOnly: majorVersionSegment }),
  fixesOf(SERVER_SCHEME_MESSAGES, { scheme: httpsServer, serverUrl: httpsServer }),
  fixesOf(RESPONSE_HEADERS_MESSAGES, { missing: declareHeaderFromComponent }),
  fixesOf(YAML_KEY_MESSAGES, { nonStringKey: quoteKey }),
]);

function providerFor(data: FindingData): FixProvider | undefined {
  const byMessage = FIXES.get(data.function);
  const provider = byMessage !== undefined && Object.hasOwn(byMessage, data.messageId) ? byMessage[data.messageId] : undefined;
  // The table pairs each provider with its own message's parameters; the data carries those.
  return provider as FixProvider<MessageParams> | undefined;
}

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
 * The fix of a finding in a document, if its function has one for its message and it applies
 * here. A provider returns undefined where its fix does not apply; one that throws has a defect:
 * that is a `FixError`.
 */
export function fixFor(document: SourceDocument, finding: Finding): Fix | undefined {
  const provider = finding.data === undefined ? undefined : providerFor(finding.data);
  if (provider === undefined || finding.data === undefined || !document.usable) return undefined;
  let fix: Fix | undefined;
  try {
    fix = provider(document, finding, finding.data.params);
  } catch (error) {
    throw new FixError(finding, error);
  }
  return fix === undefined || fix.edits.length === 0 ? undefined : fix;
}
