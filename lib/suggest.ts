/**
 * "Did you mean": the known ids nearest to one that does not exist, for 404
 * answers. Nearest by edit distance over the ids (a typo, a wrong year or
 * variant), then by the words shared with an id or its name ("chinchilla-loss"
 * finds hoffmann-2022-chinchilla/loss-nd). The work is bounded: the id asked
 * for is cut to MAX_QUERY characters and the distance is computed only within
 * a band of at most MAX_DISTANCE edits either side, so one lookup costs at most
 * about 2,500 steps per known id.
 */

export const MAX_SUGGESTIONS = 5;
export const MAX_QUERY = 100;
const MAX_DISTANCE = 12;

export interface Candidate {
  id: string;
  /** A readable name whose words also count (a law's name, a paper's title). */
  name?: string;
}

/**
 * Levenshtein distance between a and b if it is at most `cap`, else cap + 1.
 * Only the diagonal band |i - j| <= cap is filled: O(|a| · cap).
 */
export function boundedDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const over = cap + 1;
  let prev = new Array<number>(b.length + 1);
  let row = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j <= cap ? j : over;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - cap);
    const to = Math.min(b.length, i + cap);
    // the cells either side of the band read as beyond the cap (this row's left one, the next row's right one)
    const first = i <= cap ? i : over;
    row[0] = first;
    if (from > 1) row[from - 1] = over;
    if (to < b.length) row[to + 1] = over;
    let best = from === 1 ? first : over;
    for (let j = from; j <= to; j++) {
      // the band reads only cells written before: the previous row's band and its edges, this row's left edge and cells
      const substitute = (prev[j - 1] as number) + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1); // cast: 0 ≤ j - 1 < b.length, written (see above)
      const d = Math.min(substitute, (prev[j] as number) + 1, (row[j - 1] as number) + 1, over); // cast: j ≤ b.length, both cells written (see above)
      row[j] = d;
      if (d < best) best = d;
    }
    if (best > cap) return over;
    const done = prev;
    prev = row;
    row = done;
  }
  return Math.min(prev[b.length] as number, over); // cast: prev has b.length + 1 cells, and the last row wrote its last (the band reaches it)
}

const words = (s: string): Set<string> => new Set(s.toLowerCase().match(/[a-z0-9]+/g) ?? []);

/**
 * Up to MAX_SUGGESTIONS ids nearest to `asked`, nearest first; none when
 * nothing is near. Ids a few edits away (within a quarter of the length, and
 * within 3 of the nearest) come first and alone; only when no id is that close
 * do ids sharing at least half the words asked for count (a year and "scaling"
 * alone would otherwise match half the registry).
 */
export function nearestIds(asked: string, candidates: readonly Candidate[]): string[] {
  const q = asked.toLowerCase().slice(0, MAX_QUERY);
  const cap = Math.min(MAX_DISTANCE, Math.max(2, Math.floor(q.length / 4)));
  const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const spelt = candidates
    .map((c) => ({ id: c.id, distance: boundedDistance(q, c.id.toLowerCase(), cap) }))
    .filter((c) => c.distance <= cap);
  if (spelt.length > 0) {
    const best = Math.min(...spelt.map((c) => c.distance));
    return spelt
      .filter((c) => c.distance <= best + 3)
      .sort((a, b) => a.distance - b.distance || byId(a.id, b.id))
      .slice(0, MAX_SUGGESTIONS)
      .map((c) => c.id);
  }
  const qWords = words(q);
  if (qWords.size === 0) return [];
  return candidates
    .map((c) => {
      const known = words(`${c.id} ${c.name ?? ""}`);
      let shared = 0;
      for (const w of qWords) if (known.has(w)) shared++;
      return { id: c.id, overlap: shared / qWords.size };
    })
    .filter((c) => c.overlap >= 0.5)
    .sort((a, b) => b.overlap - a.overlap || byId(a.id, b.id))
    .slice(0, MAX_SUGGESTIONS)
    .map((c) => c.id);
}

/** "; did you mean a, b or c?" for a message, or "" when there is nothing to suggest. */
export function didYouMean(ids: readonly string[]): string {
  if (ids.length === 0) return "";
  const list = ids.length === 1 ? ids[0] : `${ids.slice(0, -1).join(", ")} or ${ids[ids.length - 1]}`;
  return `; did you mean ${list}?`;
}
