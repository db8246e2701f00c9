import { invalid } from "@/lib/errors";
import { toPositiveNumber } from "@/lib/law";
import { DEFAULT_FLOPS_PER_PARAM_TOKEN, frontier, optimize, plan } from "@/lib/optimize";
import { logGrid } from "@/lib/series";
import { deltaInterval } from "@/lib/uncertainty";
import { handle, ok, queryRecord } from "@/app/_lib/respond";
import { findLaw, getQuantities } from "@/app/_lib/lookup";

type Ctx = { params: Promise<{ paper: string; law: string }> };
const MAX_FRONTIER_POINTS = 200;

/**
 * GET /api/v1/laws/{paper}/{law}/optimal?C=5.76e23[&C.unit=PF-day][&k=6]
 * GET /api/v1/laws/{paper}/{law}/optimal?from=1e20&to=1e25[&points=20]
 * Compute-optimal N, D and output under C = k·N·D.
 */
export function GET(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { paper, law } = await ctx.params;
    const found = findLaw(`${paper}/${law}`);
    const q = queryRecord(new URL(req.url), ["C", "C.unit", "from", "to", "points", "unit", "k"]);
    const quantities = getQuantities();
    const k = q.k !== undefined ? toPositiveNumber(q.k, "k") : DEFAULT_FLOPS_PER_PARAM_TOKEN;
    const inFlop = (v: string, field: string, unit: string | undefined, unitField: string) =>
      quantities.convert(toPositiveNumber(v, field), "compute", unit ?? "FLOP", "FLOP", unitField);
    const p = plan(found, quantities, k);
    const withInterval = (C: number) => {
      const a = optimize(found, C, quantities, k);
      const pick = (key: "N" | "D" | "value") => deltaInterval(found, (l) => {
        try {
          return optimize(l, C, quantities, k)[key];
        } catch {
          return Number.NaN;
        }
      }, a[key]);
      const intervals = { N: pick("N"), D: pick("D"), value: pick("value") };
      return { ...a, interval: intervals.N ? intervals : null };
    };
    if (q.C !== undefined) {
      if (q.from !== undefined || q.to !== undefined) throw invalid("C", "give either C or from and to, not both");
      return ok({ ...p, unit: { C: "FLOP", N: found.inputs.find((i) => i.symbol === p.n)?.unit, D: found.inputs.find((i) => i.symbol === p.d)?.unit }, ...withInterval(inFlop(q.C, "C", q["C.unit"], "C.unit")) });
    }
    if (q.from === undefined || q.to === undefined) throw invalid("C", "give C (one budget) or from and to (a frontier)");
    const from = inFlop(q.from, "from", q.unit, "unit");
    const to = inFlop(q.to, "to", q.unit, "unit");
    if (!(to > from)) throw invalid("to", "to must be greater than from");
    const points = q.points !== undefined ? Number(q.points) : 20;
    if (!Number.isInteger(points) || points < 2 || points > MAX_FRONTIER_POINTS) throw invalid("points", `points must be a whole number from 2 to ${MAX_FRONTIER_POINTS}`);
    return ok({ ...p, unit: { C: "FLOP" }, frontier: frontier(found, logGrid(from, to, points), quantities, k) });
  });
}
