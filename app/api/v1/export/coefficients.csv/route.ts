import { getDb } from "@/db/client";
import { listLaws } from "@/db/queries";
import { coefficientsCsv } from "@/lib/exports";
import { handle, queryRecord } from "@/app/_lib/respond";

/** GET /api/v1/export/coefficients.csv: one row per coefficient (law, variant, symbol, value, standard error, source). */
export function GET(req: Request) {
  return handle(() => {
    queryRecord(new URL(req.url), []);
    return new Response(coefficientsCsv(listLaws(getDb())), {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'inline; filename="lawdex-coefficients.csv"', "Cache-Control": "public, max-age=3600" },
    });
  });
}
