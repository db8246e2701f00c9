/**
 * Renders charts to markup on the server: standalone SVG documents for the
 * .svg routes, and the markup that server components embed (StaticChart).
 * Next forbids importing react-dom/server in app/, so it and recharts are
 * loaded from node_modules at run time; the element tree is built with that
 * same recharts, so one React renders all of it. Documents are whole React
 * trees (app/_components/chart/ChartDocument, app/compare/_figure): nothing
 * here cuts or patches markup.
 */
import { createRequire } from "node:module";
import path from "node:path";
import type { ReactElement } from "react";
import type * as ReactDomServer from "react-dom/server";
import type * as Recharts from "recharts";
import { type ChartProps, chartElement } from "@/app/_components/chart/ChartSvg";
import { lawChartDocument } from "@/app/_components/chart/ChartDocument";

type Server = Pick<typeof ReactDomServer, "renderToStaticMarkup">;

/** The recharts components chartElement draws with: a module without them is not the recharts this code was written for. */
const RECHARTS_PARTS = ["Area", "CartesianGrid", "ComposedChart", "Legend", "Line", "ReferenceArea", "ReferenceDot", "XAxis", "YAxis"] as const;

const hasParts = (m: unknown, parts: readonly string[]): boolean =>
  typeof m === "object" && m !== null && parts.every((p) => p in m && (typeof Reflect.get(m, p) === "function" || typeof Reflect.get(m, p) === "object"));

function isRecharts(m: unknown): m is typeof Recharts {
  return hasParts(m, RECHARTS_PARTS);
}

function isServer(m: unknown): m is Server {
  return typeof m === "object" && m !== null && typeof Reflect.get(m, "renderToStaticMarkup") === "function";
}

let loaded: { rc: typeof Recharts; server: Server } | null = null;

/** recharts and react-dom/server from node_modules, checked for what this module calls (a check that fails names the package). */
export function loadRenderer(): { rc: typeof Recharts; server: Server } {
  if (!loaded) {
    const req = createRequire(path.join(/*turbopackIgnore: true*/ process.cwd(), "package.json"));
    const name = (s: string) => s; // keep the bundler from resolving these at build time
    const rc: unknown = req(name("recharts"));
    const server: unknown = req(name("react-dom/server"));
    if (!isRecharts(rc)) throw new Error(`recharts from node_modules lacks one of ${RECHARTS_PARTS.join(", ")}: the charts need recharts 2.15`);
    if (!isServer(server)) throw new Error("react-dom/server from node_modules has no renderToStaticMarkup");
    loaded = { rc, server };
  }
  return loaded;
}

/** The chart as HTML (recharts' wrapper div around the svg, plus its legend). */
export function chartMarkup(props: ChartProps): string {
  const { rc, server } = loadRenderer();
  return server.renderToStaticMarkup(chartElement(rc, props));
}

/** A standalone SVG document (an XML declaration, then the <svg> element the tree renders to). */
export function svgDocument(build: (rc: typeof Recharts) => ReactElement): string {
  const { rc, server } = loadRenderer();
  return `<?xml version="1.0" encoding="UTF-8"?>\n${server.renderToStaticMarkup(build(rc))}\n`;
}

/** A law's chart as a standalone SVG document, titled `title`, with its legend drawn in SVG. */
export function chartSvgDocument(props: ChartProps, title: string): string {
  return svgDocument((rc) => lawChartDocument(rc, props, title));
}
