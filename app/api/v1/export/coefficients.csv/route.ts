import { getDb } from "@/db/client";
import { listLaws } from "@/db/queries";
import { coefficientsCsv } from "@/lib/exports";
import { handle } from "@/app/_lib/respond";
import { readQuery } from "@/app/_lib/api/request";
import { routes } from "@/app/_lib/api/routes";

/** GET /api/v1/export/coefficients.csv: one row per coefficient (law, variant, symbol, value, standard error, source). */
export function GET(req: Request) {
  return handle(() => {
    readQuery(req, routes["/api/v1/export/coefficients.csv"].get.query);
    return new Response(coefficientsCsv(listLaws(getDb())), {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'inline; filename="lawdex-coefficients.csv"', "Cache-Control": "public, max-age=3600" },
    });
  });
}
