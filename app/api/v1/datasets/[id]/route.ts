import { getDb } from "@/db/client";
import { listDatasets } from "@/db/queries";
import { dataDir, readDataset, selectRows } from "@/lib/datasets";
import { LawdexError, invalid, notFound } from "@/lib/errors";
import { handle, reply } from "@/app/_lib/respond";
import { readQuery } from "@/app/_lib/api/request";
import { routes } from "@/app/_lib/api/routes";
import { datasetDetailSchema } from "@/app/_lib/api/schemas";

type Ctx = { params: Promise<{ id: string }> };
const contract = routes["/api/v1/datasets/{id}"].get;

/**
 * GET /api/v1/datasets/{id}: the declaration. With ?rows=all (or ?subset=<id>)
 * also the numeric columns, for fitting in /fit or a notebook: only for a
 * dataset whose licence allows redistribution (serve: true) and whose file
 * this deployment has, verified.
 */
export function GET(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { id } = await ctx.params;
    const q = readQuery(req, contract.query).values;
    const row = listDatasets(getDb()).find((d) => d.id === id);
    if (!row) throw notFound("id", `no dataset ${id.slice(0, 80)}`);
    const spec = row.spec;
    const base = { ...spec, status: row.status, reason: row.reason };
    if (q.rows === undefined && q.subset === undefined) return reply(datasetDetailSchema, base);
    if (!spec.serve) throw new LawdexError(422, "not_served", "id", `${id} is not served by this site: ${spec.licence} See ${spec.source.repository}.`);
    const table = readDataset(spec, dataDir());
    if (table.status !== "present") throw new LawdexError(422, "data_absent", "id", `not available on this deployment: ${table.reason}`);
    const subset = q.subset;
    if (subset !== undefined && !spec.subsets.some((s) => s.id === subset)) throw invalid("subset", `${id} has no subset ${subset.slice(0, 40)}`);
    const rows = selectRows(table, subset);
    const columns: Record<string, (number | string | null)[]> = {};
    for (const c of spec.columns) {
      const num = table.numbers.get(c.name);
      const text = table.texts.get(c.name) ?? [];
      // a number column holds NaN where the file has no value: JSON has null for it
      columns[c.name] = rows.map((i) => (num ? nullIfNaN(num[i]) : (text[i] ?? null)));
    }
    return reply(datasetDetailSchema, { ...base, selected: rows.length, columns }, "public, max-age=3600");
  });
}

function nullIfNaN(v: number | undefined): number | null {
  return v === undefined || Number.isNaN(v) ? null : v;
}
