/** n strings, as a tuple: Strings<2> is [string, string]. */
export type Strings<N extends number, T extends string[] = []> = T["length"] extends N ? T : Strings<N, [...T, string]>;

/**
 * Groups 1..n of a match, typed as strings: `const [name, title] = groups(m, 2)`.
 * For patterns whose first n groups take part in every match (none optional,
 * none inside an alternative); a group that did not is a bug in the pattern,
 * and throws rather than reading as text.
 */
export function groups<N extends number>(m: RegExpMatchArray, n: N): Strings<N>;
export function groups<N extends number>(m: RegExpMatchArray | null, n: N): Strings<N> | null;
export function groups<N extends number>(m: RegExpMatchArray | null, n: N): Strings<N> | null {
  if (m === null) return null;
  const out: string[] = [];
  for (let i = 1; i <= n; i++) {
    const g = m[i];
    if (g === undefined) throw new Error(`group ${i} of ${m[0]} did not take part in the match`);
    out.push(g);
  }
  return out as Strings<N>; // cast: the loop pushed exactly n strings
}
