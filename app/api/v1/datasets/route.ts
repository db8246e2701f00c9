import { getDb } from "@/db/client";
import { listDatasets } from "@/db/queries";
import { handle, ok, queryRecord } from "@/app/_lib/respond";

/** GET /api/v1/datasets: every released dataset, its declaration and whether this deployment has the file. */
export function GET(req: Request) {
  return handle(() => {
    queryRecord(new URL(req.url), []);
    const datasets = listDatasets(getDb()).map((d) => ({ ...d.spec, status: d.status, reason: d.reason }));
    return ok({ count: datasets.length, datasets });
  });
}
