import { getDb } from "@/db/client";
import { listLaws } from "@/db/queries";
import { lawsCsv } from "@/lib/exports";
import { handle } from "@/app/_lib/respond";
import { readQuery } from "@/app/_lib/api/request";
import { routes } from "@/app/_lib/api/routes";

/** GET /api/v1/export/laws.csv: one row per law with its expression, coefficients and provenance. */
export function GET(req: Request) {
  return handle(() => {
    readQuery(req, routes["/api/v1/export/laws.csv"].get.query);
    return new Response(lawsCsv(listLaws(getDb())), {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'inline; filename="lawdex-laws.csv"', "Cache-Control": "public, max-age=3600" },
    });
  });
}
