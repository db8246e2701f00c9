import { handle } from "@/app/api/v1/_lib/respond";
import { chartSvgDocument } from "@/app/_lib/svg";
import { comparisonChart } from "@/lib/compare";
import { compareState } from "../_state";
import { queryRecord } from "@/app/api/v1/_lib/respond";

/** The compare view's chart as a standalone SVG document. */
export function GET(req: Request) {
  return handle(async () => {
    const { result, quantities } = await compareState(queryRecord(new URL(req.url)));
    const title = `${result.y.symbol} (${result.y.unit}) against ${quantities.name(result.x.quantity)} (${result.x.unit}): ${result.series.map((s) => s.law).join(", ")}`;
    return new Response(chartSvgDocument({ chart: comparisonChart(result, quantities) }, title), {
      headers: { "Content-Type": "image/svg+xml; charset=utf-8", "Cache-Control": "public, max-age=3600" },
    });
  });
}
