/**
 * The compare view's chart as a figure that stands alone (in a slide, a
 * paper, a message): a title, the plot, a legend naming paper and law, and a
 * source line with the comparison's Lawdex address and the papers cited, all
 * inside one SVG document.
 */
import type * as Recharts from "recharts";
import { type ChartProps, chartElement, colorOf } from "@/app/_components/chart/ChartSvg";
import { SVG_NS } from "@/app/_components/chart/ChartDocument";
import { MAX_BAND_HALF_WIDTH, MAX_BAND_SHARE } from "@/lib/compare";
import { formatNumber } from "@/lib/format";
import { catalog } from "@/app/_lib/compare-catalog";
import type { CompareState, CompareTable } from "@/app/_lib/compare-state";
import { plainTitle } from "@/lib/title";

const WIDTH = 760;
const MARGIN = 24;

/**
 * Lines of at most `chars` characters, broken at spaces; a word longer than a
 * line (an address) is broken after one of & , / ? where it can, else anywhere.
 * A line broken at a space keeps it at its end, so that the lines joined are
 * the text again (which is what a reader who copies it, or a test, gets).
 * The server cannot measure text, so widths are estimated per character for
 * the font size, generously: a line that wraps early beats one that runs off.
 */
export function wrap(text: string, chars: number): string[] {
  const pieces: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let rest = word;
    while (rest.length > chars) {
      const head = rest.slice(0, chars);
      const cut = Math.max(...["&", ",", "/", "?"].map((c) => head.lastIndexOf(c)));
      const at = cut > chars / 2 ? cut + 1 : chars;
      pieces.push(rest.slice(0, at));
      rest = rest.slice(at);
    }
    pieces.push(`${rest} `);
  }
  const lines: string[] = [];
  let line = "";
  for (const piece of pieces) {
    if (line && (line + piece).trimEnd().length > chars) {
      lines.push(line);
      line = piece;
    } else line += piece;
  }
  if (line) lines.push(line);
  const last = lines.pop();
  if (last !== undefined) lines.push(last.trimEnd());
  return lines;
}

/** A text block of wrapped lines, one tspan each. */
function Block({ lines, x, y, lineHeight, cls }: { lines: string[]; x: number; y: number; lineHeight: number; cls: string }) {
  return (
    <text className={cls} x={x} y={y}>
      {lines.map((l, i) => (
        <tspan key={i} x={x} dy={i === 0 ? 0 : lineHeight}>
          {l}
        </tspan>
      ))}
    </text>
  );
}

export interface FigureText {
  /** What is plotted against what (shown as the heading). */
  title: string;
  /** How to read the plot: scales, dashes, bands, marks. */
  note: string;
  /** One entry per series, in the chart's order (colours follow it). */
  legend: string[];
  /** The comparison's address and the papers cited. */
  source: string[];
  /** The document's <title>, for tools that list files by it. */
  description: string;
}

const STYLE =
  "text{font-family:system-ui,-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;font-size:12px;fill:#1c1d1f}" +
  ".title{font-size:16px;font-weight:600}.note,.source{font-size:11px;fill:#55575c}";

/**
 * The standalone document around the chart, as one React tree: the chart is
 * the page's own drawing (the same recharts rendering, marks included), as
 * the bare <svg> of recharts' compact rendering, placed in an <svg
 * class="plot"> of ours at its place in the figure.
 */
export function standaloneFigure(rc: typeof Recharts, chart: ChartProps, text: FigureText) {
  const plotWidth = chart.width ?? 760;
  const plotHeight = chart.height ?? 420;
  const width = Math.max(WIDTH, plotWidth);

  let y = MARGIN + 8;
  const title = wrap(text.title, 72);
  const titleY = y;
  y += (title.length - 1) * 20 + 18;
  const note = wrap(text.note, 118);
  const noteY = y;
  y += (note.length - 1) * 14 + 6;
  const plotY = y;
  y += plotHeight + 8;

  const legend = text.legend.map((label, i) => {
    const lines = wrap(label, 100);
    const at = y;
    y += lines.length * 16 + 4;
    return (
      <g key={i} className="legend-item">
        <line x1={MARGIN} x2={MARGIN + 28} y1={at - 4} y2={at - 4} stroke={colorOf(i)} strokeWidth={3} />
        <Block lines={lines} x={MARGIN + 36} y={at} lineHeight={16} cls="label" />
      </g>
    );
  });
  y += 8;

  const source = text.source.flatMap((s, i) => {
    const lines = wrap(s, 118);
    // entries follow one another in the text with a space, each on lines of its own
    const last = lines.length - 1;
    return i < text.source.length - 1 ? lines.map((l, k) => (k === last ? `${l} ` : l)) : lines;
  });
  const sourceY = y;
  y += (source.length - 1) * 14 + MARGIN;

  return (
    <svg xmlns={SVG_NS} width={width} height={y} viewBox={`0 0 ${width} ${y}`} role="img">
      <title>{text.description}</title>
      <style>{STYLE}</style>
      <rect width="100%" height="100%" fill="#fff" />
      <Block lines={title} x={MARGIN} y={titleY} lineHeight={20} cls="title" />
      <Block lines={note} x={MARGIN} y={noteY} lineHeight={14} cls="note" />
      <svg className="plot" x={0} y={plotY} width={plotWidth} height={plotHeight} viewBox={`0 0 ${plotWidth} ${plotHeight}`}>
        {chartElement(rc, { ...chart, width: plotWidth, height: plotHeight, legend: false, svgOnly: true })}
      </svg>
      <g className="legend">{legend}</g>
      <Block lines={source} x={MARGIN} y={sourceY} lineHeight={14} cls="source" />
    </svg>
  );
}

/** "Training compute" → "training compute" in running text; "FFN intermediate size" stays. */
const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0]?.toLowerCase() + s.slice(1) : s);

/**
 * The words around a comparison's chart, shared by the page (heading and
 * caption) and the standalone SVG: what is plotted, how to read it, and where
 * it comes from. `url` is the comparison's address on this site.
 */
export function figureText(state: CompareState, table: CompareTable | null, url: string): FigureText {
  const { result, quantities } = state;
  const title = `${quantities.name(result.y.quantity)} (${result.y.unit}) against ${lowerFirst(quantities.name(result.x.quantity))} (${result.x.unit})`;
  const positive = result.series.every((s) => s.points.every(([, v]) => v === null || v > 0));
  const frontier = result.series.some((s) => s.mode === "frontier");
  const note = [
    positive ? "Log-log." : "Log x axis.",
    frontier ? `Laws of parameters and tokens drawn along their compute-optimal frontier (C = ${state.request.k ?? 6}·N·D).` : "",
    "Dashed: outside a law's fitted range.",
    result.series.some((s) => s.band)
      ? `Shaded: 95% intervals from published standard errors (delta method, errors taken as independent), drawn where meaningful: half-width at most ${MAX_BAND_HALF_WIDTH * 100}% of the value and height at most ${MAX_BAND_SHARE * 100}% of the plot's.`
      : "",
    table && table.at.length ? `Dots: the values at ${table.at.map((x) => formatNumber(x, 4)).join(", ")} ${result.x.unit}.` : "",
  ]
    .filter(Boolean)
    .join(" ");
  const { papers } = catalog();
  const cited = [...new Set(result.series.map((s) => s.paper))].map((slug) => {
    const p = papers.get(slug);
    if (!p) return slug;
    return `${p.label}, “${plainTitle(p.title)}”${p.arxiv ? `, arXiv:${p.arxiv}` : p.venue ? `, ${p.venue}` : ""}`;
  });
  return {
    title,
    note,
    legend: result.series.map((s) => s.label),
    source: [`Source: Lawdex, ${url}`, `Laws from ${cited.join("; ")}.`],
    description: `${title}: ${result.series.map((s) => s.law).join(", ")}`,
  };
}
