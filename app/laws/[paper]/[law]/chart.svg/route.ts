import { chartSvgDocument } from "@/app/_lib/svg";
import { chartExport } from "../chart";

/** The law page's chart as a standalone SVG document; with the inputs in the query (?N=…&D=…) also the curve through them and the point. */
export const GET = chartExport(
  (law, { chart, point }) =>
    new Response(chartSvgDocument({ chart, point }, `${law.name} (${law.id})`), {
      headers: { "Content-Type": "image/svg+xml; charset=utf-8", "Cache-Control": "public, max-age=3600" },
    }),
);
