import { z } from "zod";
import { getDb } from "@/db/client";
import { getDomain, listLaws, listPapers, searchLaws } from "@/db/queries";
import { notFound, requestIssue } from "@/lib/errors";
import { handle, ok, queryRecord } from "@/app/_lib/respond";
import { lawSummaryJson } from "../_lib/present";

const querySchema = z.strictObject({
  domain: z.string().min(1, "must name a domain").optional(),
  /** The site's search (db/queries searchRegistry's ranking), over laws. */
  q: z
    .string()
    .max(200, "may be at most 200 characters")
    .refine((q) => /[\p{L}\p{N}_]/u.test(q), "must contain a word to search for")
    .optional(),
});

/** GET /api/v1/laws[?domain=][&q=]: every law, or those in a domain; with q, those the search finds, best first. */
export function GET(req: Request) {
  return handle(() => {
    const parsed = querySchema.safeParse(queryRecord(new URL(req.url), ["domain", "q"]));
    if (!parsed.success) throw requestIssue(parsed.error.issues);
    const { domain, q } = parsed.data;
    const db = getDb();
    if (domain !== undefined && !getDomain(db, domain)) throw notFound("domain", `no domain ${domain}`);
    const papers = new Map(listPapers(db).map((p) => [p.slug, p]));
    let laws = listLaws(db, { domain });
    if (q !== undefined) {
      const byId = new Map(laws.map((l) => [l.id, l]));
      laws = searchLaws(db, q).flatMap((id) => byId.get(id) ?? []);
    }
    return ok({
      count: laws.length,
      ...(q !== undefined ? { q } : {}),
      laws: laws.flatMap((l) => {
        const paper = papers.get(l.paper);
        return paper ? [lawSummaryJson(l, paper)] : [];
      }),
    });
  });
}
