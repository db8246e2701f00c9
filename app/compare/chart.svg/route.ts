import { handle, queryRecord } from "@/app/_lib/respond";
import { compareState, toSearch } from "@/app/_lib/compare-state";
import { svgDocument } from "@/app/_lib/svg";
import { figureText, standaloneFigure } from "../_figure";

const HOST = /^(?:[A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;

/**
 * The site's address for the figure's source line: LAWDEX_ORIGIN where the
 * deployment states it (as the sitemap does), else the host the reader asked
 * (Next reports its own listening name, "localhost", in req.url). A Host
 * that is not a plain host name is not printed.
 */
function origin(req: Request, url: URL): { origin: string; fromHost: boolean } {
  if (process.env.LAWDEX_ORIGIN) return { origin: process.env.LAWDEX_ORIGIN, fromHost: false };
  const host = req.headers.get("host");
  return host && HOST.test(host) ? { origin: `${url.protocol}//${host}`, fromHost: true } : { origin: url.origin, fromHost: false };
}

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
    const site = origin(req, url);
    const text = figureText(state, table, `${site.origin}/compare?${toSearch(query)}`);
    const svg = svgDocument((rc) => standaloneFigure(rc, state.chartProps(table), text));
    return new Response(svg, {
      headers: {
        "Content-Type": "image/svg+xml; charset=utf-8",
        "Cache-Control": "public, max-age=3600",
        ...(site.fromHost ? { Vary: "Host" } : {}),
      },
    });
  });
}
