import leven from 'leven';

/** How far a typo may be from an id, by its length: one edit in a short id, up to a third of a long one. */
function tolerance(id: string): number {
  return Math.max(1, Math.floor(id.length / 3));
}

/**
 * The ids a user may have meant by `asked`, ignoring letter case: the one that differs only in
 * case; else those that contain it or that it contains, then those a few typos away, closest first.
 */
export function closeIds(asked: string, ids: Iterable<string>, limit = 3): string[] {
  const wanted = asked.toLowerCase();
  const all = [...new Set(ids)];
  const sameButCase = all.filter((id) => id.toLowerCase() === wanted);
  if (sameButCase.length > 0) return sameButCase.slice(0, limit);
  const byDistance = (list: readonly string[]): string[] =>
    list
      .map((id) => ({ id, distance: leven(id.toLowerCase(), wanted) }))
      .sort((a, b) => a.distance - b.distance || a.id.localeCompare(b.id))
      .map(({ id }) => id);
  const containing = all.filter((id) => id.toLowerCase().includes(wanted) || wanted.includes(id.toLowerCase()));
  const typos = all.filter((id) => !containing.includes(id) && leven(id.toLowerCase(), wanted) <= tolerance(id));
  return [...byDistance(containing), ...byDistance(typos)].slice(0, limit);
}
