import { getDb } from "@/db/client";
import { getMeta, linksTo, listDomains, listExclusions, listLaws, listPapers, listQuantities, listStatements } from "@/db/queries";
import { handle, reply } from "@/app/_lib/respond";
import { readQuery } from "@/app/_lib/api/request";
import { routes } from "@/app/_lib/api/routes";
import { REGISTRY_FORMAT_VERSION, registrySchema } from "@/app/_lib/api/schemas";
import { lawDetailJson } from "../../_lib/present";

/** GET /api/v1/export/registry.json: everything, in one versioned document. */
export function GET(req: Request) {
  return handle(() => {
    readQuery(req, routes["/api/v1/export/registry.json"].get.query);
    const db = getDb();
    const papers = listPapers(db);
    const bySlug = new Map(papers.map((p) => [p.slug, p]));
    const laws = listLaws(db).flatMap((l) => {
      const paper = bySlug.get(l.paper);
      return paper ? [lawDetailJson(l, paper, linksTo(db, l.id).map((k) => ({ law: k.law, type: k.type })))] : [];
    });
    return reply(registrySchema, {
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
