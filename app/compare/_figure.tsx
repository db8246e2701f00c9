/**
 * The compare view's chart as a figure that stands alone (in a slide, a
 * paper, a message): a title, the plot, a legend naming paper and law, and a
 * source line with the comparison's Lawdex address and the papers cited, all
 * inside one SVG document. The plot is the page's own markup (the same
 * recharts rendering, marks included), nested at its place.
 */
import { COLORS } from "@/app/_components/chart/ChartSvg";
import { MAX_BAND_HALF_WIDTH, MAX_BAND_SHARE } from "@/lib/compare";
import { formatNumber } from "@/lib/format";
import { catalog } from "@/app/_lib/compare-catalog";
import type { CompareState, CompareTable } from "@/app/_lib/compare-state";
import { plainTitle } from "@/lib/title";

const WIDTH = 760;
const MARGIN = 24;

const escape = (t: string) => t.replace(/[<>&"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[c] as string);

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
  if (lines.length) lines[lines.length - 1] = (lines[lines.length - 1] as string).trimEnd();
  return lines;
}

/** A text block of wrapped lines, one tspan each. */
function block(lines: string[], x: number, y: number, lineHeight: number, cls: string): string {
  const spans = lines.map((l, i) => `<tspan x="${x}" dy="${i === 0 ? 0 : lineHeight}">${escape(l)}</tspan>`).join("");
  return `<text class="${cls}" x="${x}" y="${y}">${spans}</text>`;
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

/** The standalone document around a chart's markup (recharts' wrapper div with its svg inside). */
export function standaloneFigure(chartMarkup: string, text: FigureText): string {
  const start = chartMarkup.indexOf("<svg");
  const svg = chartMarkup.slice(start, chartMarkup.indexOf("</svg>", start) + "</svg>".length);
  const [, w, h] = /^<svg[^>]*\bwidth="(\d+)"[^>]*\bheight="(\d+)"/.exec(svg) ?? [];
  const plotWidth = Number(w ?? WIDTH);
  const plotHeight = Number(h ?? 420);
  const width = Math.max(WIDTH, plotWidth);

  const parts: string[] = [];
  let y = MARGIN + 8;
  const title = wrap(text.title, 72);
  parts.push(block(title, MARGIN, y, 20, "title"));
  y += (title.length - 1) * 20 + 18;
  const note = wrap(text.note, 118);
  parts.push(block(note, MARGIN, y, 14, "note"));
  y += (note.length - 1) * 14 + 6;

  const plot = svg
    .replace(/^<svg[^>]*>/, `<svg class="plot" x="0" y="${y}" width="${plotWidth}" height="${plotHeight}" viewBox="0 0 ${plotWidth} ${plotHeight}">`)
    .replace("<title></title>", "")
    .replace("<desc></desc>", "");
  parts.push(plot);
  y += plotHeight + 8;

  const legend: string[] = [];
  text.legend.forEach((label, i) => {
    const lines = wrap(label, 100);
    const color = COLORS[i % COLORS.length] as string;
    legend.push(`<g class="legend-item"><line x1="${MARGIN}" x2="${MARGIN + 28}" y1="${y - 4}" y2="${y - 4}" stroke="${color}" stroke-width="3"/>${block(lines, MARGIN + 36, y, 16, "label")}</g>`);
    y += lines.length * 16 + 4;
  });
  parts.push(`<g class="legend">${legend.join("")}</g>`);
  y += 8;

  const source = text.source.flatMap((s, i) => {
    const lines = wrap(s, 118);
    // entries follow one another in the text with a space, each on lines of its own
    if (i < text.source.length - 1 && lines.length) lines[lines.length - 1] += " ";
    return lines;
  });
  parts.push(block(source, MARGIN, y, 14, "source"));
  y += (source.length - 1) * 14 + MARGIN;

  const style =
    "text{font-family:system-ui,-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;font-size:12px;fill:#1c1d1f}" +
    ".title{font-size:16px;font-weight:600}.note,.source{font-size:11px;fill:#55575c}";
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y}" viewBox="0 0 ${width} ${y}" role="img">` +
    `<title>${escape(text.description)}</title><style>${style}</style><rect width="100%" height="100%" fill="#fff"/>` +
    `${parts.join("")}</svg>\n`
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
