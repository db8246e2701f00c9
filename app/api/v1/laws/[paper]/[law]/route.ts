import { getDb } from "@/db/client";
import { linksTo } from "@/db/queries";
import { handle, reply } from "@/app/_lib/respond";
import { findLaw, paperOf } from "@/app/_lib/lookup";
import { readQuery } from "@/app/_lib/api/request";
import { routes } from "@/app/_lib/api/routes";
import { lawDetailSchema } from "@/app/_lib/api/schemas";
import { lawDetailJson } from "../../../_lib/present";

type Ctx = { params: Promise<{ paper: string; law: string }> };
const contract = routes["/api/v1/laws/{paper}/{law}"].get;

/** GET /api/v1/laws/{paper}/{law}: the full law, coefficients with sources, checks with results. */
export function GET(req: Request, ctx: Ctx) {
  return handle(async () => {
    readQuery(req, contract.query);
    const { paper, law } = await ctx.params;
    const found = findLaw(`${paper}/${law}`);
    const incoming = linksTo(getDb(), found.id).map((l) => ({ law: l.law, type: l.type }));
    return reply(lawDetailSchema, lawDetailJson(found, paperOf(found), incoming));
  });
}
