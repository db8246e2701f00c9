import { handle, queryRecord } from "@/app/api/v1/_lib/respond";
import { compareState, toSearch } from "../_state";
import { figureText, standaloneFigure } from "../_figure";

/**
 * The compare view's chart as an SVG document that stands alone: title,
 * plot (with the table's values marked, as on the page), legend and source.
 */
export function GET(req: Request) {
  return handle(async () => {
    const url = new URL(req.url);
    const query = queryRecord(url);
    const state = await compareState(query);
    const table = await state.table(query.at);
    const text = figureText(state, table, `${url.origin}/compare?${toSearch(query)}`);
    return new Response(standaloneFigure(state.chart(table), text), {
      headers: { "Content-Type": "image/svg+xml; charset=utf-8", "Cache-Control": "public, max-age=3600" },
    });
  });
}
