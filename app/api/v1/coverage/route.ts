import { getDb } from "@/db/client";
import { getCoverage } from "@/db/queries";
import { handle, reply } from "@/app/_lib/respond";
import { readQuery } from "@/app/_lib/api/request";
import { routes } from "@/app/_lib/api/routes";
import { coverageSchema } from "@/app/_lib/api/schemas";

/** GET /api/v1/coverage: every seed paper with its paper slug or exclusion reason. */
export function GET(req: Request) {
  return handle(() => {
    readQuery(req, routes["/api/v1/coverage"].get.query);
    return reply(coverageSchema, getCoverage(getDb()));
  });
}
