/**
 * How a paper is named where a reader meets it in passing (legends, figure
 * sources, pickers): the first author's surname, "and" for two, "et al." for
 * three or more, then the year. One rule, so a chart and its export name a
 * paper the same way.
 */

/** The surname of an author as content writes names ("Samir Yitzhak Gadre" → "Gadre"). */
function surname(author: string): string {
  const parts = author.trim().split(/\s+/);
  return parts[parts.length - 1] ?? author;
}

/** "Fort 2023", "Allen-Zhu and Li 2024", "Hoffmann et al. 2022". */
export function paperLabel(paper: { authors: readonly string[]; year: number }): string {
  const [first, second] = paper.authors;
  if (first === undefined) return String(paper.year);
  const names = paper.authors.length === 1 ? surname(first) : paper.authors.length === 2 ? `${surname(first)} and ${surname(second as string)}` : `${surname(first)} et al.`;
  return `${names} ${paper.year}`;
}

/** A law's name with its coefficient set's, for a variant: "Parametric loss, L(N, D) — Unrounded coefficients". */
export function lawName(law: { name: string; variant: { label: string } | null }): string {
  return `${law.name}${law.variant ? ` — ${law.variant.label}` : ""}`;
}

/** What legends and lists call a law: its paper, then its name ("Hoffmann et al. 2022 — Parametric loss, L(N, D)"). */
export function lawLabel(law: { name: string; variant: { label: string } | null }, citation: string | null): string {
  return citation ? `${citation} — ${lawName(law)}` : lawName(law);
}
