import { seriesCsv } from "@/lib/series";
import { chartExport } from "../chart";

/** The law page's chart series as CSV; with the inputs in the query (?N=…&D=…) also the curve through them. */
export const GET = chartExport(
  (_law, { chart }) =>
    new Response(seriesCsv(chart), {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Cache-Control": "public, max-age=3600" },
    }),
);
