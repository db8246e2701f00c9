import { compareState } from "@/app/_lib/compare-state";
import { handle, reply } from "@/app/_lib/respond";
import { readQuery } from "@/app/_lib/api/request";
import { routes } from "@/app/_lib/api/routes";
import { comparisonSchema } from "@/app/_lib/api/schemas";

const contract = routes["/api/v1/compare"].get;

/**
 * GET /api/v1/compare?laws=<id>,<id>&x=<quantity>&x.unit=&from=&to=&points=&fix.<symbol>=&y=&k=&at=
 * Laws sampled on one shared axis, units converted, mismatches as warnings;
 * with `at`, also `table`: the comparison at exactly those x, the values the
 * compare page tabulates and marks. The parameters' values are read by
 * lib/compare (compareQuery), which the compare page shares.
 */
export function GET(req: Request) {
  return handle(async () => {
    const { values, extra } = readQuery(req, contract.query);
    const query: Record<string, string> = { ...extra };
    for (const [k, v] of Object.entries(values)) if (v !== undefined) query[k] = v;
    const state = await compareState(query);
    if (values.at === undefined) return reply(comparisonSchema, state.result);
    const { at, result } = await state.table(values.at);
    return reply(comparisonSchema, { ...state.result, table: { at, ...result } });
  });
}
