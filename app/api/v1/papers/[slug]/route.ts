import { getDb } from "@/db/client";
import { listLaws } from "@/db/queries";
import { handle, ok, queryRecord } from "@/app/_lib/respond";
import { findPaper } from "@/app/_lib/lookup";
import { lawSummaryJson } from "../../_lib/present";

type Ctx = { params: Promise<{ slug: string }> };

/** GET /api/v1/papers/{slug}: metadata, summary and the paper's laws. */
export function GET(req: Request, ctx: Ctx) {
  return handle(async () => {
    queryRecord(new URL(req.url), []);
    const { slug } = await ctx.params;
    const paper = findPaper(slug);
    const db = getDb();
    const { body: _body, file: _file, ...meta } = paper;
    return ok({ ...meta, laws: listLaws(db, { paper: slug }).map((l) => lawSummaryJson(l, paper)) });
  });
}
