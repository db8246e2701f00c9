/**
 * BibTeX for a paper, from its metadata. The entry type and year follow the
 * version cited: a paper published at a venue is cited there (@inproceedings
 * with booktitle, or @article with journal, volume and number) in the venue's
 * year; a preprint is an @article in "arXiv preprint" in the paper's own year;
 * every entry with an arXiv id carries it as eprint.
 */

import { groups } from "./regex";

export interface BibPaper {
  slug: string;
  title: string;
  authors: readonly string[];
  year: number;
  arxiv?: string | null;
  venue?: string | null;
  url?: string | null;
}

// Characters that are special to (La)TeX inside a BibTeX field value.
const TEX: Record<string, string> = { "\\": "\\textbackslash{}", "{": "\\{", "}": "\\}", "&": "\\&", "%": "\\%", $: "\\$", "#": "\\#", _: "\\_", "~": "\\textasciitilde{}", "^": "\\textasciicircum{}" };

/** Text made safe for a BibTeX field: every TeX special character escaped. */
export function texEscape(s: string): string {
  return s.replace(/[\\{}&%$#_~^]/g, (c) => TEX[c] ?? c);
}

/** Whether braces balance in s (a math span with a stray brace would break the entry). */
function balanced(s: string): boolean {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "\\") i++;
    else if (s[i] === "{") depth++;
    else if (s[i] === "}" && --depth < 0) return false;
  }
  return depth === 0;
}

/**
 * A title as BibTeX expects it: math written as LaTeX ($^2$, $\alpha$) is kept
 * as LaTeX, the text around it escaped. A `$` that opens no complete math span
 * (an odd count, or braces that do not balance inside) is text and escaped.
 */
export function texTitle(title: string): string {
  const parts = title.split("$");
  if (parts.length % 2 === 0) return texEscape(title);
  const math = parts.filter((_, i) => i % 2 === 1);
  if (math.some((m) => m.trim() === "" || !balanced(m))) return texEscape(title);
  return parts.map((p, i) => (i % 2 === 1 ? `$${p}$` : texEscape(p))).join("");
}

/** Citation key: surname, year and first word of the slug, e.g. hoffmann2022chinchilla. */
export function citeKey(slug: string): string {
  return slug.replace(/-/g, "");
}

/** Where a paper was published, read from the content's venue text. */
export type Venue =
  | { kind: "preprint" }
  | { kind: "proceedings"; booktitle: string; year: number }
  | { kind: "journal"; journal: string; volume: string; number: string; year: number }
  | { kind: "other"; howpublished: string };

/**
 * Reads the venue as content writes it: "arXiv preprint" (or none), a
 * proceedings with its year ("NeurIPS 2022", "Findings of EMNLP 2023"), or a
 * journal with volume, article number and year ("Physical Review E 112,
 * 035317 (2025)"). A trailing "(as: <title>)" says the venue published the
 * paper under another title, which the entry then uses.
 */
export function parseVenue(venue: string | null | undefined): { venue: Venue; publishedTitle: string | null } {
  const text = (venue ?? "").trim();
  const as = groups(/^(.*?)\s*\(as: (.+)\)$/.exec(text), 2);
  const name = as ? as[0] : text;
  const publishedTitle = as ? as[1].trim() : null;
  if (name === "" || /^arxiv\b/i.test(name)) return { venue: { kind: "preprint" }, publishedTitle };
  const journal = groups(/^(.+?) (\d+), (\S+) \((\d{4})\)$/.exec(name), 4);
  if (journal) {
    const [title, volume, number, year] = journal;
    return { venue: { kind: "journal", journal: title, volume, number, year: Number(year) }, publishedTitle };
  }
  const proceedings = /^(.*\D)((?:19|20)\d{2})$/.exec(name);
  if (proceedings) return { venue: { kind: "proceedings", booktitle: name, year: Number(proceedings[2]) }, publishedTitle };
  return { venue: { kind: "other", howpublished: name }, publishedTitle };
}

export function bibtex(p: BibPaper): string {
  const { venue, publishedTitle } = parseVenue(p.venue);
  const fields: [string, string][] = [
    // the outer braces keep every capital (and the math) as written, whatever the style does to titles
    ["title", `{${texTitle(publishedTitle ?? p.title)}}`],
    ["author", p.authors.map(texEscape).join(" and ")],
  ];
  switch (venue.kind) {
    case "preprint":
      fields.push(["year", String(p.year)]);
      if (p.arxiv) fields.push(["journal", `arXiv preprint arXiv:${p.arxiv}`]);
      break;
    case "proceedings":
      fields.push(["year", String(venue.year)], ["booktitle", texEscape(venue.booktitle)]);
      break;
    case "journal":
      fields.push(["year", String(venue.year)], ["journal", texEscape(venue.journal)], ["volume", venue.volume], ["pages", texEscape(venue.number)]);
      break;
    case "other":
      fields.push(["year", String(p.year)], ["howpublished", texEscape(venue.howpublished)]);
      break;
  }
  if (p.arxiv) fields.push(["eprint", p.arxiv], ["archivePrefix", "arXiv"], ["url", `https://arxiv.org/abs/${p.arxiv}`]);
  else if (p.url) fields.push(["url", p.url]);
  const type = venue.kind === "proceedings" ? "inproceedings" : venue.kind === "other" || (venue.kind === "preprint" && !p.arxiv) ? "misc" : "article";
  return `@${type}{${citeKey(p.slug)},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(",\n")}\n}\n`;
}
