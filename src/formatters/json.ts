import { json as spectralJson } from '@stoplight/spectral-formatters';
import type { Formatter } from './types.js';

/** Spectral's own JSON output: an array of {code, path, message, severity, range, source}. */
export const json: Formatter = (report, context) =>
  `${spectralJson(
    report.findings.map((finding) => ({ ...finding })),
    { failSeverity: context.failSeverity },
  )}\n`;
