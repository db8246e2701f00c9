/** "1 law", "2 laws", "0 papers": a count with its noun in the right number. */
export function plural(n: number, noun: string, many = `${noun}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? noun : many}`;
}

/** A family name from a full name: the last word, with the lowercase particles before it ("Harm de Vries" → "de Vries"). */
export function familyName(full: string): string {
  const words = full.trim().split(/\s+/);
  let i = words.length - 1;
  while (i > 0 && /^[a-z]/.test(words[i - 1] ?? "")) i--;
  return words.slice(i).join(" ");
}

/** How a paper is referred to in text: "Kaplan", "Kaplan and McCandlish", "Kaplan et al." (one rule everywhere). */
export function authorsShort(authors: readonly string[]): string {
  const [a, b] = authors;
  if (a === undefined) return "Anonymous";
  if (b === undefined) return familyName(a);
  if (authors.length === 2) return `${familyName(a)} and ${familyName(b)}`;
  return `${familyName(a)} et al.`;
}

/** "Hoffmann et al. 2022". */
export function paperLabel(p: { authors: readonly string[]; year: number }): string {
  return `${authorsShort(p.authors)} ${p.year}`;
}
