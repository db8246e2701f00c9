import { csvData } from "@/lib/fit/csv-data";
import { parseFitRequest } from "@/lib/fit/request";
import { handle, queryRecord, readJson, readText, reply } from "@/app/_lib/respond";
import { runFit } from "@/app/_lib/fit";
import { NO_QUERY, parseQuery } from "@/app/_lib/api/request";
import { routes } from "@/app/_lib/api/routes";
import { fitResponseSchema } from "@/app/_lib/api/schemas";

export const dynamic = "force-dynamic";

const contract = routes["/api/v1/fit"].post;

/**
 * POST /api/v1/fit: fits a law's coefficients (or an expression's) to points.
 * JSON (see the OpenAPI entry, generated from the request schema), or a CSV
 * body (text/csv, columns named by the symbols) with the options in the query:
 * ?law=…&loss=huber-log&delta=0.001&log=A,B,E&lse=true&bootstrap=200&seed=1.
 * The query is read only with a CSV body; a JSON body carries its options.
 */
export function POST(req: Request) {
  return handle(async () => {
    const type = (req.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
    const query = queryRecord(new URL(req.url));
    let body: unknown;
    if (type === "text/csv") {
      const { loss, delta, free, log, ...rest } = parseQuery(contract.query, query).values;
      const present = Object.fromEntries(Object.entries({ ...rest, free: free?.length ? free : undefined, log: log?.length ? log : undefined }).filter(([, v]) => v !== undefined));
      const objective = Object.fromEntries(Object.entries({ loss, delta }).filter(([, v]) => v !== undefined));
      body = {
        ...present,
        ...(Object.keys(objective).length ? { objective } : {}),
        data: csvData(await readText(req, contract.body.maxBytes, "CSV"), "body"),
      };
    } else {
      parseQuery({ ...NO_QUERY, unknown: (k) => `unknown query parameter ${k}; with a JSON body, the options go in the body` }, query);
      body = await readJson(req, contract.body.maxBytes);
    }
    return reply(fitResponseSchema, await runFit(parseFitRequest(body)), "no-store");
  });
}
