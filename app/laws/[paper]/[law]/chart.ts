import type { StoredLaw } from "@/db/queries";
import { evaluate } from "@/lib/law";
import { chartSeries } from "@/lib/series";

/**
 * The chart of a law page's exports: as the page draws it, and given the
 * reader's inputs (all of them, checked as the calculator checks them) with
 * the curve through them and the predicted point, as the result page draws it.
 */
export function chartAt(law: StoredLaw, query: Record<string, string>) {
  if (Object.keys(query).length === 0) return { chart: chartSeries(law), point: null };
  const prediction = evaluate(law, query);
  const at = Object.fromEntries(prediction.inputs.map((r) => [r.symbol, r.value]));
  return { chart: chartSeries(law, { at }), point: { x: prediction.inputs[0]?.value ?? 0, y: prediction.value } };
}
