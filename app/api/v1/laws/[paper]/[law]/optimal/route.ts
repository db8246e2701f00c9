import { invalid } from "@/lib/errors";
import { DEFAULT_FLOPS_PER_PARAM_TOKEN, frontier, optimize, plan } from "@/lib/optimize";
import { logGrid } from "@/lib/series";
import { deltaInterval } from "@/lib/uncertainty";
import { handle, reply } from "@/app/_lib/respond";
import { findLaw, getQuantities } from "@/app/_lib/lookup";
import { readQuery } from "@/app/_lib/api/request";
import { routes } from "@/app/_lib/api/routes";
import { optimalSchema } from "@/app/_lib/api/schemas";

type Ctx = { params: Promise<{ paper: string; law: string }> };
const contract = routes["/api/v1/laws/{paper}/{law}/optimal"].get;

/**
 * GET /api/v1/laws/{paper}/{law}/optimal?C=5.76e23[&C.unit=PF-day][&k=6]
 * GET /api/v1/laws/{paper}/{law}/optimal?from=1e20&to=1e25[&points=20]
 * Compute-optimal N, D and output under C = k·N·D.
 */
export function GET(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { paper, law } = await ctx.params;
    const found = findLaw(`${paper}/${law}`);
    const q = readQuery(req, contract.query).values;
    const quantities = getQuantities();
    const k = q.k ?? DEFAULT_FLOPS_PER_PARAM_TOKEN;
    const inFlop = (v: number, unit: string | undefined, unitField: string) => quantities.convert(v, "compute", unit ?? "FLOP", "FLOP", unitField);
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
      const unit = { C: "FLOP" as const, N: found.inputs.find((i) => i.symbol === p.n)?.unit, D: found.inputs.find((i) => i.symbol === p.d)?.unit };
      return reply(optimalSchema, { ...p, unit, ...withInterval(inFlop(q.C, q["C.unit"], "C.unit")) });
    }
    if (q.from === undefined || q.to === undefined) throw invalid("C", "give C (one budget) or from and to (a frontier)");
    const from = inFlop(q.from, q.unit, "unit");
    const to = inFlop(q.to, q.unit, "unit");
    if (!(to > from)) throw invalid("to", "to must be greater than from");
    return reply(optimalSchema, { ...p, unit: { C: "FLOP" }, frontier: frontier(found, logGrid(from, to, q.points ?? 20), quantities, k) });
  });
}
