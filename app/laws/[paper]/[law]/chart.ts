import type { StoredLaw } from "@/db/queries";
import { evaluate, requireQuantitative } from "@/lib/law";
import { chartSeries } from "@/lib/series";
import { findLaw } from "@/app/_lib/lookup";
import { handle, queryRecord } from "@/app/_lib/respond";

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

type Ctx = { params: Promise<{ paper: string; law: string }> };

/**
 * A GET handler for one of the law page's chart exports (chart.svg,
 * chart.csv): the quantitative law the path names, its chart at the query's
 * inputs, and the answer render makes of them.
 */
export function chartExport(render: (law: StoredLaw, drawn: ReturnType<typeof chartAt>) => Response) {
  return (req: Request, ctx: Ctx) =>
    handle(async () => {
      const { paper, law } = await ctx.params;
      const found = findLaw(`${paper}/${law}`);
      requireQuantitative(found);
      return render(found, chartAt(found, queryRecord(new URL(req.url))));
    });
}
