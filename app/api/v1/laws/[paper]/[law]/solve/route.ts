import { invalid } from "@/lib/errors";
import { applyUnits } from "@/lib/inputs";
import { toFiniteNumber, toPositiveNumber } from "@/lib/numeric";
import { solve } from "@/lib/solve";
import { deltaInterval } from "@/lib/uncertainty";
import { handle, ok, queryRecord } from "@/app/_lib/respond";
import { findLaw, getQuantities } from "@/app/_lib/lookup";

type Ctx = { params: Promise<{ paper: string; law: string }> };

/**
 * GET /api/v1/laws/{paper}/{law}/solve?target=2.0&for=N&D=1e12
 * The input value at which the law's output equals target; 422 "unreachable"
 * when the law never takes that value.
 */
export function GET(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { paper, law } = await ctx.params;
    const found = findLaw(`${paper}/${law}`);
    const { target, for: forSymbol, ...rest } = queryRecord(new URL(req.url));
    if (target === undefined) throw invalid("target", "target is required: the output value to reach");
    if (forSymbol === undefined) throw invalid("for", `for is required: the input to solve for (${found.inputs.map((i) => i.symbol).join(", ")})`);
    const targetValue = toFiniteNumber(target, "target");
    if (!found.inputs.some((i) => i.symbol === forSymbol)) {
      throw invalid("for", `for must name an input of ${found.id}: ${found.inputs.map((i) => i.symbol).join(", ")}`);
    }
    const raw = applyUnits(found, rest, getQuantities());
    const fixed: Record<string, number> = Object.create(null);
    for (const [k, v] of Object.entries(raw)) {
      const input = found.inputs.find((i) => i.symbol === k);
      if (!input) throw invalid(k, `${k} is not an input of ${found.id}; its inputs are ${found.inputs.map((i) => i.symbol).join(", ")}`);
      if (k === forSymbol) throw invalid(k, `${k} is what is solved for; do not give it`);
      fixed[k] = toPositiveNumber(v, k);
    }
    const s = solve(found, targetValue, forSymbol, fixed);
    const interval = deltaInterval(found, (l) => {
      try {
        return solve(l, s.target, forSymbol, fixed).value;
      } catch {
        return Number.NaN;
      }
    }, s.value);
    return ok({ ...s, unit: s.input.unit, output: { symbol: found.output.symbol, quantity: found.output.quantity, unit: found.output.unit }, interval });
  });
}
