import { getDb } from "@/db/client";
import { listDatasets } from "@/db/queries";
import { dataDir, readDataset, selectRows } from "@/lib/datasets";
import { LawdexError, invalid, notFound } from "@/lib/errors";
import { handle, ok, queryRecord } from "@/app/_lib/respond";

type Ctx = { params: Promise<{ id: string }> };

/**
 * GET /api/v1/datasets/{id}: the declaration. With ?rows=all (or ?subset=<id>)
 * also the numeric columns, for fitting in /fit or a notebook: only for a
 * dataset whose licence allows redistribution (serve: true) and whose file
 * this deployment has, verified.
 */
export function GET(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { id } = await ctx.params;
    const q = queryRecord(new URL(req.url), ["rows", "subset"]);
    const row = listDatasets(getDb()).find((d) => d.id === id);
    if (!row) throw notFound("id", `no dataset ${id.slice(0, 80)}`);
    const spec = row.spec;
    const base = { ...spec, status: row.status, reason: row.reason };
    if (q.rows === undefined && q.subset === undefined) return ok(base);
    if (q.rows !== undefined && q.rows !== "all") throw invalid("rows", 'rows must be "all" (or give subset=<id>)');
    if (!spec.serve) throw new LawdexError(422, "not_served", "id", `${id} is not served by this site: ${spec.licence} See ${spec.source.repository}.`);
    const table = readDataset(spec, dataDir());
    if (table.status !== "present") throw new LawdexError(422, "data_absent", "id", `not available on this deployment: ${table.reason}`);
    if (q.subset !== undefined && !spec.subsets.some((s) => s.id === q.subset)) throw invalid("subset", `${id} has no subset ${q.subset.slice(0, 40)}`);
    const rows = selectRows(table, q.subset);
    const columns: Record<string, (number | string | null)[]> = {};
    for (const c of spec.columns) {
      const num = table.numbers.get(c.name);
      const text = table.texts.get(c.name) ?? [];
      columns[c.name] = rows.map((i) => (num ? (Number.isNaN(num[i] as number) ? null : (num[i] as number)) : (text[i] as string)));
    }
    return ok({ ...base, selected: rows.length, columns }, "public, max-age=3600");
  });
}
