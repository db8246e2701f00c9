import { getDb } from "@/db/client";
import { linksTo } from "@/db/queries";
import { handle, ok, queryRecord } from "@/app/_lib/respond";
import { findLaw, paperOf } from "@/app/_lib/lookup";
import { lawDetailJson } from "../../../_lib/present";

type Ctx = { params: Promise<{ paper: string; law: string }> };

/** GET /api/v1/laws/{paper}/{law}: the full law, coefficients with sources, checks with results. */
export function GET(req: Request, ctx: Ctx) {
  return handle(async () => {
    queryRecord(new URL(req.url), []);
    const { paper, law } = await ctx.params;
    const found = findLaw(`${paper}/${law}`);
    const incoming = linksTo(getDb(), found.id).map((l) => ({ law: l.law, type: l.type }));
    return ok(lawDetailJson(found, paperOf(found), incoming));
  });
}
