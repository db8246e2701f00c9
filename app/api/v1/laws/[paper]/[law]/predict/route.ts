import { handle } from "@/app/_lib/respond";
import { findLaw } from "@/app/_lib/lookup";
import { readQuery } from "@/app/_lib/api/request";
import { lawQueries } from "@/app/_lib/api/routes";
import { predictResponse } from "../../../../_lib/predict";

type Ctx = { params: Promise<{ paper: string; law: string }> };

/** GET /api/v1/laws/{paper}/{law}/predict?N=7e10&D=1.4e12 (any input may carry a unit: C=3.1e8&C.unit=PF-day) */
export function GET(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { paper, law } = await ctx.params;
    const found = findLaw(`${paper}/${law}`);
    return predictResponse(found, readQuery(req, lawQueries.predict(found)).values);
  });
}
