import { chartSvgDocument } from "@/app/_lib/svg";
import { findLaw } from "@/app/_lib/lookup";
import { handle, queryRecord } from "@/app/_lib/respond";
import { requireQuantitative } from "@/lib/law";
import { chartAt } from "../chart";

type Ctx = { params: Promise<{ paper: string; law: string }> };

/** The law page's chart as a standalone SVG document; with the inputs in the query (?N=…&D=…) also the curve through them and the point. */
export function GET(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { paper, law } = await ctx.params;
    const found = findLaw(`${paper}/${law}`);
    requireQuantitative(found);
    const { chart, point } = chartAt(found, queryRecord(new URL(req.url)));
    const svg = chartSvgDocument({ chart, point }, `${found.name} (${found.id})`);
    return new Response(svg, { headers: { "Content-Type": "image/svg+xml; charset=utf-8", "Cache-Control": "public, max-age=3600" } });
  });
}
