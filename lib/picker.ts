/**
 * Finding a law by what a reader knows of it: its paper (authors, year,
 * title, or the short name in its slug such as "chinchilla"), the law's name,
 * or what it predicts and from what. Every word of the query must occur
 * somewhere in the law's entry; a law whose name or paper holds the words
 * ranks above one that holds them only in its description. Pure, so the
 * compare page (without JavaScript) and its picker route share it.
 */
import { lawName, paperLabel } from "./citation";
import type { Law } from "./law";
import type { Quantities } from "./quantities";

export interface PickerEntry {
  id: string;
  paper: string;
  /** "Hoffmann et al. 2022" */
  citation: string;
  title: string;
  /** The law's name, with its coefficient set's for a variant. */
  name: string;
  /** The quantity it predicts, and those it predicts it from (names). */
  predicts: string;
  from: string[];
  /** Lower-cased, accent-free text of each field, weighted by how much a match in it says. */
  fields: { text: string; weight: number }[];
}

export const MAX_PICKER_QUERY = 200;
export const PICKER_RESULTS = 12;

/** Lower case without accents, so "hagele" finds Hägele. */
const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

export function pickerEntry(law: Law, paper: { title: string; authors: readonly string[]; year: number }, quantities: Quantities): PickerEntry {
  const citation = paperLabel(paper);
  const name = lawName(law);
  const predicts = quantities.name(law.output.quantity);
  const from = law.inputs.map((i) => quantities.name(i.quantity));
  return {
    id: law.id,
    paper: law.paper,
    citation,
    title: paper.title,
    name,
    predicts,
    from,
    fields: [
      { text: fold(`${citation} ${law.paper} ${paper.authors.join(" ")}`), weight: 4 },
      { text: fold(`${name} ${law.output.symbol} ${law.id}`), weight: 3 },
      { text: fold(`${predicts} ${law.output.quantity} ${from.join(" ")}`), weight: 2 },
      { text: fold(paper.title), weight: 2 },
      { text: fold(law.description ?? ""), weight: 1 },
    ],
  };
}

/**
 * The entries that hold every word of the query, best first (ties keep the
 * catalogue's order: by paper, then the paper's own order), at most `limit`,
 * with how many matched in all.
 */
export function findLaws(entries: readonly PickerEntry[], query: string, limit = PICKER_RESULTS): { hits: PickerEntry[]; total: number } {
  const words = fold(query.slice(0, MAX_PICKER_QUERY))
    .split(/[\s,;]+/)
    .filter(Boolean);
  if (words.length === 0) return { hits: [], total: 0 };
  const phrase = words.join(" ");
  const scored: { entry: PickerEntry; score: number; index: number }[] = [];
  entries.forEach((entry, index) => {
    let score = 0;
    for (const word of words) {
      const best = Math.max(0, ...entry.fields.filter((f) => f.text.includes(word)).map((f) => f.weight));
      if (best === 0) return;
      score += best;
    }
    // the words together, as written, in the name or the paper: what was meant
    if (words.length > 1 && entry.fields.some((f) => f.weight >= 3 && f.text.includes(phrase))) score += 2;
    scored.push({ entry, score, index });
  });
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  return { hits: scored.slice(0, limit).map((s) => s.entry), total: scored.length };
}
