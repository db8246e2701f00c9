/**
 * What the compare view knows of papers and laws beyond one comparison: how
 * each paper is cited, and the entries the law picker searches. Built once
 * per open database (the file is read-only and replaced by opening another).
 */
import { getDb, perDatabase } from "@/db/client";
import { type PaperSummary, listLaws, listPapers } from "@/db/queries";
import { findLaw, getQuantities } from "@/app/_lib/lookup";
import { paperLabel } from "@/lib/citation";
import { joinProblem } from "@/lib/compare";
import type { Law } from "@/lib/law";
import { type PickerEntry, findLaws, pickerEntry } from "@/lib/picker";
import type { Quantities } from "@/lib/quantities";

export interface Catalog {
  papers: Map<string, PaperSummary & { label: string }>;
  /** Laws that can be drawn (form-only laws have no coefficients to evaluate), by paper. */
  entries: PickerEntry[];
}

const catalogOf = perDatabase((db): Catalog => {
  const quantities = getQuantities();
  const papers = new Map(listPapers(db).map((p) => [p.slug, { ...p, label: paperLabel(p) }]));
  const entries = listLaws(db).flatMap((law) => {
    const paper = papers.get(law.paper);
    return paper && !law.free ? [pickerEntry(law, paper, quantities)] : [];
  });
  return { papers, entries };
});

/** The laws the compare view can draw, with their papers' citations, built once per open database. */
export function catalog(): Catalog {
  return catalogOf(getDb());
}

/** How a paper is cited in legends ("Hoffmann et al. 2022"); its slug if it is unknown. */
export function citationOf(slug: string): string {
  return catalog().papers.get(slug)?.label ?? slug;
}

/** A law the picker offers: who and what, and why it cannot join the laws chosen (null when it can). */
export interface PickerHit {
  id: string;
  citation: string;
  name: string;
  predicts: string;
  from: string[];
  problem: string | null;
}

/** The picker's answer to a query: the best matches not chosen already, and how many matched in all. */
export function pickerHits(query: string, chosen: Law[], quantities: Quantities): { hits: PickerHit[]; total: number } {
  const ids = new Set(chosen.map((l) => l.id));
  const { hits, total } = findLaws(
    catalog().entries.filter((e) => !ids.has(e.id)),
    query,
  );
  return {
    hits: hits.map((e) => {
      const law = findLaw(e.id);
      return { id: e.id, citation: e.citation, name: e.name, predicts: e.predicts, from: e.from, problem: joinProblem(chosen, law, quantities) };
    }),
    total,
  };
}
