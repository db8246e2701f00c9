/**
 * How readers name a paper in prose: "Kaplan et al. 2020", "He and Su 2024",
 * "Fort 2023". One rule, for search and for any page that names a paper.
 */

/** The family name of an author written given name first ("Zeyuan Allen-Zhu" → "Allen-Zhu"). */
export function surname(author: string): string {
  const words = author.trim().split(/\s+/);
  return words[words.length - 1] ?? author;
}

/** "Surname year" for one author, "A and B year" for two, "A et al. year" from three. */
export function shortCitation(authors: readonly string[], year: number): string {
  const [first, second] = authors;
  if (first === undefined) return String(year);
  if (authors.length === 1) return `${surname(first)} ${year}`;
  if (authors.length === 2 && second !== undefined) return `${surname(first)} and ${surname(second)} ${year}`;
  return `${surname(first)} et al. ${year}`;
}
