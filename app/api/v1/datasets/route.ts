import { getDb } from "@/db/client";
import { listDatasets } from "@/db/queries";
import { handle, reply } from "@/app/_lib/respond";
import { readQuery } from "@/app/_lib/api/request";
import { routes } from "@/app/_lib/api/routes";
import { datasetListSchema } from "@/app/_lib/api/schemas";

/** GET /api/v1/datasets: every released dataset, its declaration and whether this deployment has the file. */
export function GET(req: Request) {
  return handle(() => {
    readQuery(req, routes["/api/v1/datasets"].get.query);
    const datasets = listDatasets(getDb()).map((d) => ({ ...d.spec, status: d.status, reason: d.reason }));
    return reply(datasetListSchema, { count: datasets.length, datasets });
  });
}
