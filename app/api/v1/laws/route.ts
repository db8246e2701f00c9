import { getDb } from "@/db/client";
import { getDomain, listLaws, listPapers, searchLaws } from "@/db/queries";
import { notFound } from "@/lib/errors";
import { handle, reply } from "@/app/_lib/respond";
import { readQuery } from "@/app/_lib/api/request";
import { routes } from "@/app/_lib/api/routes";
import { lawListSchema } from "@/app/_lib/api/schemas";
import { lawSummaryJson } from "../_lib/present";

const contract = routes["/api/v1/laws"].get;

/** GET /api/v1/laws[?domain=][&q=]: every law, or those in a domain; with q, those the search finds, best first. */
export function GET(req: Request) {
  return handle(() => {
    const { domain, q } = readQuery(req, contract.query).values;
    const db = getDb();
    if (domain !== undefined && !getDomain(db, domain)) throw notFound("domain", `no domain ${domain}`);
    const papers = new Map(listPapers(db).map((p) => [p.slug, p]));
    let laws = listLaws(db, { domain });
    if (q !== undefined) {
      const byId = new Map(laws.map((l) => [l.id, l]));
      laws = searchLaws(db, q).flatMap((id) => byId.get(id) ?? []);
    }
    return reply(lawListSchema, {
      count: laws.length,
      ...(q !== undefined ? { q } : {}),
      laws: laws.flatMap((l) => {
        const paper = papers.get(l.paper);
        return paper ? [lawSummaryJson(l, paper)] : [];
      }),
    });
  });
}
