import { getDb } from "@/db/client";
import { getDomain, listPapers } from "@/db/queries";
import { notFound } from "@/lib/errors";
import { handle, ok, queryRecord } from "@/app/_lib/respond";

/** GET /api/v1/papers[?domain=] */
export function GET(req: Request) {
  return handle(() => {
    const { domain } = queryRecord(new URL(req.url), ["domain"]);
    const db = getDb();
    if (domain !== undefined && !getDomain(db, domain)) throw notFound("domain", `no domain ${domain}`);
    const papers = listPapers(db, { domain });
    return ok({ count: papers.length, papers });
  });
}
