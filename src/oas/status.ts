/** Whether a response key (`404`, `4XX`, `default`) is matched by a wanted code or range (`4XX`). */
export function statusMatches(code: string, wanted: string): boolean {
  const have = code.toUpperCase();
  const want = wanted.toUpperCase();
  if (have === want) return true;
  if (/^\dXX$/.test(want)) return have[0] === want[0] && /^\d(?:\d\d|XX)$/.test(have);
  return false;
}

export function matchesAny(code: string, wanted: readonly string[]): boolean {
  return wanted.some((w) => statusMatches(code, w));
}
