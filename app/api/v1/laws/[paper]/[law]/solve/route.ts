import { applyUnits } from "@/lib/inputs";
import { toPositiveNumber } from "@/lib/numeric";
import { solve } from "@/lib/solve";
import { deltaInterval } from "@/lib/uncertainty";
import { handle, reply } from "@/app/_lib/respond";
import { findLaw, getQuantities } from "@/app/_lib/lookup";
import { readQuery } from "@/app/_lib/api/request";
import { lawQueries } from "@/app/_lib/api/routes";
import { solutionSchema } from "@/app/_lib/api/schemas";

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
    const { target, for: forSymbol, ...given } = readQuery(req, lawQueries.solve(found)).values;
    const fixed: Record<string, number> = Object.create(null);
    for (const [k, v] of Object.entries(applyUnits(found, given, getQuantities()))) {
      // an input the caller left out reads as undefined: only those given are held fixed
      if (v !== undefined) fixed[k] = toPositiveNumber(v, k);
    }
    const s = solve(found, target, forSymbol, fixed);
    const interval = deltaInterval(found, (l) => {
      try {
        return solve(l, s.target, forSymbol, fixed).value;
      } catch {
        return Number.NaN;
      }
    }, s.value);
    return reply(solutionSchema, { ...s, unit: s.input.unit, output: { symbol: found.output.symbol, quantity: found.output.quantity, unit: found.output.unit }, interval });
  });
}
