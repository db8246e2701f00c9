import { getDb } from "@/db/client";
import { listLaws } from "@/db/queries";
import { handle, reply } from "@/app/_lib/respond";
import { readQuery } from "@/app/_lib/api/request";
import { routes } from "@/app/_lib/api/routes";
import { paperDetailSchema } from "@/app/_lib/api/schemas";
import { findPaper } from "@/app/_lib/lookup";
import { lawSummaryJson } from "../../_lib/present";

type Ctx = { params: Promise<{ slug: string }> };

/** GET /api/v1/papers/{slug}: metadata, summary and the paper's laws. */
export function GET(req: Request, ctx: Ctx) {
  return handle(async () => {
    readQuery(req, routes["/api/v1/papers/{slug}"].get.query);
    const { slug } = await ctx.params;
    const paper = findPaper(slug);
    const db = getDb();
    const { body: _body, file: _file, ...meta } = paper;
    return reply(paperDetailSchema, { ...meta, laws: listLaws(db, { paper: slug }).map((l) => lawSummaryJson(l, paper)) });
  });
}
