/** Levenshtein distance (insert, delete, substitute: 1 each); strings over `limit` characters are compared by length only. */
export function editDistance(a: string, b: string, limit = 64): number {
  if (a.length > limit || b.length > limit) return Math.abs(a.length - b.length) + limit;
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0] ?? 0;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j] ?? 0;
      const left = previous[j - 1] ?? 0;
      previous[j] = Math.min(above + 1, left + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length] ?? 0;
}
