import leven from 'leven';

/** How far a typo may be from an id, by its length: one edit in a short id, up to a third of a long one. */
function tolerance(id: string): number {
  return Math.max(1, Math.floor(id.length / 3));
}

/**
 * The ids a user may have meant by `asked`: the one that differs only in letter case, else the
 * closest by edit distance (ignoring case), else those that contain it or that it contains.
 */
export function closeIds(asked: string, ids: Iterable<string>, limit = 3): string[] {
  const wanted = asked.toLowerCase();
  const all = [...new Set(ids)];
  const sameButCase = all.filter((id) => id.toLowerCase() === wanted);
  if (sameButCase.length > 0) return sameButCase.slice(0, limit);
  const scored = all
    .map((id) => ({ id, distance: leven(id.toLowerCase(), wanted) }))
    .filter(({ id, distance }) => distance <= tolerance(id))
    .sort((a, b) => a.distance - b.distance || a.id.localeCompare(b.id));
  if (scored.length > 0) return scored.slice(0, limit).map(({ id }) => id);
  return all.filter((id) => id.toLowerCase().includes(wanted) || wanted.includes(id.toLowerCase())).slice(0, limit);
}
