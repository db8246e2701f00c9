/**
 * How readers name a paper in prose: "Kaplan et al. 2020", "He and Su 2024",
 * "Fort 2023". One rule, for search and for any page that names a paper.
 */

/**
 * The family name of an author written given name first: the last word, with
 * the lowercase particles before it ("Zeyuan Allen-Zhu" → "Allen-Zhu",
 * "Harm de Vries" → "de Vries").
 */
export function surname(author: string): string {
  const words = author.trim().split(/\s+/);
  let i = words.length - 1;
  while (i > 0 && /^[a-z]/.test(words[i - 1] ?? "")) i--;
  return words.slice(i).join(" ") || author;
}

/** "Surname" for one author, "A and B" for two, "A et al." from three; "" for none. */
export function authorsShort(authors: readonly string[]): string {
  const [first, second] = authors;
  if (first === undefined) return "";
  if (authors.length === 1) return surname(first);
  if (authors.length === 2 && second !== undefined) return `${surname(first)} and ${surname(second)}`;
  return `${surname(first)} et al.`;
}

/** "Surname year" for one author, "A and B year" for two, "A et al. year" from three. */
export function shortCitation(authors: readonly string[], year: number): string {
  const who = authorsShort(authors);
  return who ? `${who} ${year}` : String(year);
}

/** "Fort 2023", "Allen-Zhu and Li 2024", "Hoffmann et al. 2022": shortCitation for a paper record. */
export function paperLabel(paper: { authors: readonly string[]; year: number }): string {
  return shortCitation(paper.authors, paper.year);
}

/** A law's name with its coefficient set's, for a variant: "Parametric loss, L(N, D) — Unrounded coefficients". */
export function lawName(law: { name: string; variant: { label: string } | null }): string {
  return `${law.name}${law.variant ? ` — ${law.variant.label}` : ""}`;
}

/** What legends and lists call a law: its paper, then its name ("Hoffmann et al. 2022 — Parametric loss, L(N, D)"). */
export function lawLabel(law: { name: string; variant: { label: string } | null }, citation: string | null): string {
  return citation ? `${citation} — ${lawName(law)}` : lawName(law);
}
