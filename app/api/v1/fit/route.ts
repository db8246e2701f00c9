import { csvData } from "@/lib/fit/csv-data";
import { LIMITS, parseFitRequest } from "@/lib/fit/request";
import { invalid } from "@/lib/errors";
import { toFiniteNumber } from "@/lib/numeric";
import { handle, ok, queryRecord, readJson, readText } from "@/app/_lib/respond";
import { runFit } from "@/app/_lib/fit";

export const dynamic = "force-dynamic";

const CSV_OPTIONS = ["law", "expr", "free", "output", "loss", "delta", "log", "lse", "starts", "bootstrap", "seed"] as const;

/**
 * POST /api/v1/fit: fits a law's coefficients (or an expression's) to points.
 * JSON (see the OpenAPI entry, generated from the request schema), or a CSV
 * body (text/csv, columns named by the symbols) with the options in the query:
 * ?law=…&loss=huber-log&delta=0.001&log=A,B,E&lse=true&bootstrap=200&seed=1.
 */
export function POST(req: Request) {
  return handle(async () => {
    const type = (req.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
    let body: unknown;
    if (type === "text/csv") {
      const q = queryRecord(new URL(req.url), CSV_OPTIONS);
      const list = (k: string) => (q[k] ? q[k].split(",").map((s) => s.trim()).filter(Boolean) : undefined);
      const num = (k: string) => (q[k] !== undefined ? toFiniteNumber(q[k], k) : undefined);
      if (q.lse !== undefined && q.lse !== "true" && q.lse !== "false") throw invalid("lse", "lse must be true or false");
      if (q.starts !== undefined && q.starts !== "published") throw invalid("starts", "with a CSV body, starts can only be published; send JSON for a grid");
      body = {
        ...(q.law !== undefined ? { law: q.law } : {}),
        ...(q.expr !== undefined ? { expr: q.expr } : {}),
        ...(list("free") ? { free: list("free") } : {}),
        ...(q.output !== undefined ? { output: q.output } : {}),
        ...(q.loss !== undefined || q.delta !== undefined ? { objective: { ...(q.loss !== undefined ? { loss: q.loss } : {}), ...(num("delta") !== undefined ? { delta: num("delta") } : {}) } } : {}),
        ...(list("log") ? { log: list("log") } : {}),
        ...(q.lse !== undefined ? { lse: q.lse === "true" } : {}),
        ...(q.starts !== undefined ? { starts: q.starts } : {}),
        ...(num("bootstrap") !== undefined ? { bootstrap: num("bootstrap") } : {}),
        ...(num("seed") !== undefined ? { seed: num("seed") } : {}),
        data: csvData(await readText(req, LIMITS.bodyBytes, "CSV"), "body"),
      };
    } else {
      queryRecord(new URL(req.url), []);
      body = await readJson(req, LIMITS.bodyBytes);
    }
    return ok(await runFit(parseFitRequest(body)), "no-store");
  });
}
