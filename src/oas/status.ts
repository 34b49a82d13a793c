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

/** A key of a `responses` object that is a status code, a range (`4XX`) or `default`, not an `x-` extension. */
export function isResponseKey(key: string): boolean {
  return /^(?:[1-5](?:\d\d|XX)|default)$/i.test(key);
}

/** The responses of a `responses` object, extensions left out. */
export function responseEntries(responses: unknown): Array<[string, unknown]> {
  return typeof responses === 'object' && responses !== null && !Array.isArray(responses)
    ? Object.entries(responses).filter(([key]) => isResponseKey(key))
    : [];
}
