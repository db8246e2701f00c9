import { compareState } from "@/app/_lib/compare-state";
import { handle, ok, queryRecord } from "@/app/_lib/respond";

/**
 * GET /api/v1/compare?laws=<id>,<id>&x=<quantity>&x.unit=&from=&to=&points=&fix.<symbol>=&y=&k=&at=
 * Laws sampled on one shared axis, units converted, mismatches as warnings;
 * with `at`, also `table`: the comparison at exactly those x, the values the
 * compare page tabulates and marks.
 */
export function GET(req: Request) {
  return handle(async () => {
    const query = queryRecord(new URL(req.url));
    const state = await compareState(query);
    if (query.at === undefined) return ok(state.result);
    const { at, result } = await state.table(query.at);
    return ok({ ...state.result, table: { at, ...result } });
  });
}
