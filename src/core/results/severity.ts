import { DiagnosticSeverity } from '@stoplight/types';
import type { SeverityName } from './types.js';

export const SEVERITY_NAMES: readonly SeverityName[] = ['error', 'warn', 'info', 'hint'];

const BY_NAME: Record<SeverityName, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warn: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function severityFromName(name: SeverityName): DiagnosticSeverity {
  return BY_NAME[name];
}

export function severityName(severity: DiagnosticSeverity): SeverityName {
  return SEVERITY_NAMES[severity] ?? 'hint';
}

/** True when `severity` is at least as serious as `threshold` (Spectral numbers: 0 is the most serious). */
export function isAtLeast(severity: DiagnosticSeverity, threshold: DiagnosticSeverity): boolean {
  return severity <= threshold;
}
