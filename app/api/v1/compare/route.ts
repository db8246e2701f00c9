import { compareState } from "@/app/compare/_state";
import { handle, ok, queryRecord } from "../_lib/respond";

/**
 * GET /api/v1/compare?laws=<id>,<id>&x=<quantity>&x.unit=&from=&to=&points=&fix.<symbol>=&y=&k=
 * Laws sampled on one shared axis, units converted, mismatches as warnings.
 */
export function GET(req: Request) {
  return handle(async () => {
    return ok((await compareState(queryRecord(new URL(req.url)))).result);
  });
}
