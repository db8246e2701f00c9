import { getDb } from "@/db/client";
import { getCoverage } from "@/db/queries";
import { handle, ok, queryRecord } from "@/app/_lib/respond";

/** GET /api/v1/coverage: every seed paper with its paper slug or exclusion reason. */
export function GET(req: Request) {
  return handle(() => {
    queryRecord(new URL(req.url), []);
    return ok(getCoverage(getDb()));
  });
}
