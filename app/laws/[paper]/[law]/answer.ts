/**
 * What a law page's calculator answers, on the server (the result page works
 * without JavaScript). The coefficient sets it answers under, side by side:
 * the law's own variants (printed, unrounded, per table) and the published
 * refits of its form (Besiroglu et al. refit Hoffmann et al.), each only when
 * it takes the same inputs in the same units and predicts the same quantity,
 * so that one set of typed values means the same thing under every set.
 */
import type { Db } from "@/db/client";
import { getLaw, getPaper, linksTo, type StoredLaw } from "@/db/queries";
import { evaluate, type Prediction } from "@/lib/law";
import { LawdexError } from "@/lib/errors";
import { shortCitation } from "@/lib/citation";
import type { Answer, CoefficientSet } from "@/app/_components/LawExplorer";
import { lawHref } from "@/app/_lib/data";

/** At most this many sets are evaluated per answer (the live calculator asks the API once per set). */
export const MAX_SETS = 8;

const sameInputs = (a: StoredLaw, b: StoredLaw) =>
  !b.free &&
  a.output.quantity === b.output.quantity &&
  a.output.unit === b.output.unit &&
  a.inputs.length === b.inputs.length &&
  a.inputs.every((i, k) => i.symbol === b.inputs[k]?.symbol && i.unit === b.inputs[k]?.unit);

export function coefficientSets(db: Db, law: StoredLaw): { sets: CoefficientSet[]; omitted: number } {
  const own = law.variants.length > 0 ? law.variants.map((v) => v.id) : [law.id];
  // laws that refit any of our variants, and the laws any of them refits
  const partners = new Map<string, "refit" | "refitted">();
  for (const id of own) {
    for (const l of linksTo(db, id)) if (l.type === "refits") partners.set(l.law, "refit");
    for (const l of getLaw(db, id)?.links ?? []) if (l.type === "refits") partners.set(l.target, "refitted");
  }
  const ids = new Map<string, "own" | "refit" | "refitted">(own.map((id) => [id, "own"]));
  for (const [p, relation] of partners) {
    const found = getLaw(db, p);
    for (const id of found && found.variants.length > 0 ? found.variants.map((v) => v.id) : [p]) if (!ids.has(id)) ids.set(id, relation);
  }
  const all = [...ids].flatMap(([id, relation]) => {
    const other = getLaw(db, id);
    if (!other || !sameInputs(law, other)) return [];
    const label = other.variant?.label ?? other.name;
    if (relation === "own") return [{ id, label }];
    const paper = getPaper(db, other.paper);
    const cite = paper ? shortCitation(paper.authors, paper.year) : other.paper;
    return [{ id, label: `${cite} (${relation === "refit" ? "refit" : "refitted here"}): ${label}` }];
  });
  if (all.length < 2) return { sets: [], omitted: 0 };
  // the law itself always, then the others in order up to the limit
  const kept = new Set([law.id, ...all.filter((s) => s.id !== law.id).slice(0, MAX_SETS - 1).map((s) => s.id)]);
  const sets = all.filter((s) => kept.has(s.id)).map(({ id, label }) => ({ id, label, href: lawHref(id) }));
  return { sets, omitted: all.length - sets.length };
}

/** Each set's value at the reader's inputs, or why it gives none. */
function answerSets(db: Db, sets: CoefficientSet[], values: Record<string, string>): Answer["sets"] {
  return sets.map((s) => {
    const other = getLaw(db, s.id);
    if (!other) return { value: null, error: `no law ${s.id}` };
    try {
      return { value: evaluate(other, values).value, error: null };
    } catch (e) {
      if (!(e instanceof LawdexError)) throw e;
      return { value: null, error: e.message };
    }
  });
}

/** The calculator's answer for a prediction, with the value under each set. */
export function answerOf(db: Db, prediction: Prediction, sets: CoefficientSet[], values: Record<string, string>): Answer {
  return {
    inputs: prediction.inputs.map((r) => ({ symbol: r.symbol, value: r.value, unit: r.unit })),
    value: prediction.value,
    extrapolated: prediction.extrapolated,
    warnings: prediction.warnings,
    sets: answerSets(db, sets, values),
  };
}
