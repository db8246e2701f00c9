import { findLaw } from "@/app/_lib/lookup";
import { handle, queryRecord } from "@/app/_lib/respond";
import { requireQuantitative } from "@/lib/law";
import { seriesCsv } from "@/lib/series";
import { chartAt } from "../chart";

type Ctx = { params: Promise<{ paper: string; law: string }> };

/** The law page's chart series as CSV; with the inputs in the query (?N=…&D=…) also the curve through them. */
export function GET(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { paper, law } = await ctx.params;
    const found = findLaw(`${paper}/${law}`);
    requireQuantitative(found);
    return new Response(seriesCsv(chartAt(found, queryRecord(new URL(req.url))).chart), {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Cache-Control": "public, max-age=3600" },
    });
  });
}
