import { getDb } from "@/db/client";
import { getDomain, listPapers } from "@/db/queries";
import { notFound } from "@/lib/errors";
import { handle, reply } from "@/app/_lib/respond";
import { readQuery } from "@/app/_lib/api/request";
import { routes } from "@/app/_lib/api/routes";
import { paperListSchema } from "@/app/_lib/api/schemas";

/** GET /api/v1/papers[?domain=] */
export function GET(req: Request) {
  return handle(() => {
    const { domain } = readQuery(req, routes["/api/v1/papers"].get.query).values;
    const db = getDb();
    if (domain !== undefined && !getDomain(db, domain)) throw notFound("domain", `no domain ${domain}`);
    const papers = listPapers(db, { domain });
    return reply(paperListSchema, { count: papers.length, papers });
  });
}
