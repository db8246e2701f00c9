import { handle, queryRecord } from "@/app/_lib/respond";
import { comparisonCsv } from "@/lib/compare";
import { compareState } from "@/app/_lib/compare-state";

/** The compare view's series as CSV. */
export function GET(req: Request) {
  return handle(async () => {
    const { result } = await compareState(queryRecord(new URL(req.url)));
    return new Response(comparisonCsv(result), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": 'inline; filename="lawdex-compare.csv"',
        "Cache-Control": "public, max-age=3600",
      },
    });
  });
}
