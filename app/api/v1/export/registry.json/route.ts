import { getDb } from "@/db/client";
import { getMeta, linksTo, listDomains, listExclusions, listLaws, listPapers, listQuantities, listStatements } from "@/db/queries";
import { handle, ok, queryRecord } from "@/app/_lib/respond";
import { lawDetailJson } from "../../_lib/present";

export const REGISTRY_FORMAT_VERSION = 1;

/** GET /api/v1/export/registry.json: everything, in one versioned document. */
export function GET(req: Request) {
  return handle(() => {
    queryRecord(new URL(req.url), []);
    const db = getDb();
    const papers = listPapers(db);
    const bySlug = new Map(papers.map((p) => [p.slug, p]));
    const laws = listLaws(db).flatMap((l) => {
      const paper = bySlug.get(l.paper);
      return paper ? [lawDetailJson(l, paper, linksTo(db, l.id).map((k) => ({ law: k.law, type: k.type })))] : [];
    });
    return ok({
      format: "lawdex-registry",
      version: REGISTRY_FORMAT_VERSION,
      built_at: getMeta(db, "built_at"),
      papers,
      laws,
      statements: listStatements(db),
      exclusions: listExclusions(db),
      domains: listDomains(db),
      quantities: listQuantities(db),
    });
  });
}
