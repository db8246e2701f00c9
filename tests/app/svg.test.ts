/**
 * The standalone SVG documents (app/_lib/svg.ts) are React trees with
 * recharts' chart nested as a bare <svg>. They rely on one behaviour of
 * recharts 2.15: with `compact` a chart renders as its <svg> element alone.
 * If an upgrade changes that, these tests say so before a reader gets an SVG
 * file with HTML inside it.
 */
import { describe, expect, it } from "vitest";
import { chartElement } from "@/app/_components/chart/ChartSvg";
import { standaloneFigure } from "@/app/compare/_figure";
import { chartSvgDocument, loadRenderer, svgDocument } from "@/app/_lib/svg";
import type { LawChart } from "@/lib/series";

const chart: LawChart = {
  x: { symbol: "N", quantity: "params", unit: "param", domain: [1e6, 1e10], range: [1e7, 1e9] },
  y: { symbol: "L", quantity: "loss", unit: "nat/token" },
  series: ["Kaplan <et al.> & co", "Hoffmann"].map((label, i) => ({
    label,
    fixed: {},
    points: [1e6, 1e7, 1e8, 1e9, 1e10].map((x) => ({ x, y: (2 + i) * (x / 1e6) ** -0.07, extrapolated: x < 1e7 || x > 1e9 })),
  })),
};

/** The elements directly inside the document's root, by tag, in order (nested elements skipped). */
function rootChildren(svg: string): string[] {
  const body = svg.slice(svg.indexOf(">", svg.indexOf("<svg")) + 1, svg.lastIndexOf("</svg>"));
  const tags: string[] = [];
  let depth = 0;
  for (const m of body.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    if (m[1]) depth--;
    else {
      if (depth === 0) tags.push(m[2] ?? "");
      if (!m[3]) depth++;
    }
  }
  return tags;
}

describe("recharts' compact rendering, which the documents nest", () => {
  it("is the <svg> element alone: no wrapper div, no HTML legend", () => {
    const { rc, server } = loadRenderer();
    const markup = server.renderToStaticMarkup(chartElement(rc, { chart, svgOnly: true }));
    expect(markup.startsWith('<svg id="chart-')).toBe(true);
    expect(markup).toMatch(/^<svg [^>]*class="recharts-surface"[^>]*width="760" height="420" viewBox="0 0 760 420">/);
    expect(markup.endsWith("</svg>")).toBe(true);
    expect(markup.match(/<svg/g)).toHaveLength(1);
    expect(markup).not.toContain("<div");
    expect(markup).toMatch(/class="recharts-curve recharts-line-curve"[^>]*d="M/);
    // and the page's rendering is still the wrapper with its legend, which the documents must not contain
    const page = server.renderToStaticMarkup(chartElement(rc, { chart }));
    expect(page.startsWith('<div class="recharts-wrapper"')).toBe(true);
    expect(page).toContain("recharts-legend-wrapper");
  });
});

describe("a law's chart as a standalone SVG document", () => {
  const svg = chartSvgDocument({ chart }, "Loss & params <law>");

  it("is one <svg> root with namespace, size and view box, after the XML declaration", () => {
    // the plot's 420 px and a legend of two lines below it
    const head = '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="760" height="468" viewBox="0 0 760 468" role="img">';
    expect(svg.slice(0, head.length)).toBe(head);
    expect(svg.endsWith("</svg>\n")).toBe(true);
    expect(svg).not.toContain("<div");
  });

  it("holds its title, style, white background, the chart and an SVG legend, in that order", () => {
    expect(rootChildren(svg)).toEqual(["title", "style", "rect", "svg", "g", "g"]);
    expect(svg).toContain("<title>Loss &amp; params &lt;law&gt;</title>");
    expect(svg).toContain('<rect width="100%" height="100%" fill="#fff"></rect>');
    expect(svg).toMatch(/<svg [^>]*class="recharts-surface" width="760" height="420" viewBox="0 0 760 420">/);
    expect([...svg.matchAll(/<g class="legend-item"><line [^>]*stroke="(#[0-9a-f]{6})"[^>]*><\/line><text x="60" y="\d+">([^<]*)<\/text><\/g>/g)].map((m) => [m[1], m[2]])).toEqual([
      ["#1f5fa8", "Kaplan &lt;et al.&gt; &amp; co"],
      ["#b2451f", "Hoffmann"],
    ]);
  });

  it("draws no legend for a single curve", () => {
    const one = chartSvgDocument({ chart: { ...chart, series: chart.series.slice(0, 1) } }, "one");
    expect(one).toContain('height="420" viewBox="0 0 760 420" role="img">');
    expect(rootChildren(one)).toEqual(["title", "style", "rect", "svg"]);
  });
});

describe("the compare view's standalone figure", () => {
  it("places the chart in an <svg class=\"plot\"> between the note and the legend", () => {
    const text = { title: "Loss against parameters", note: "Log-log.", legend: ["A", "B"], source: ["Source: Lawdex, http://x/compare?a=1&b=2", "Laws from A."], description: "Loss: a, b" };
    const svg = svgDocument((rc) => standaloneFigure(rc, { chart }, text));
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="760" height="')).toBe(true);
    expect(rootChildren(svg)).toEqual(["title", "style", "rect", "text", "text", "svg", "g", "text"]);
    expect(svg).toMatch(/<svg class="plot" x="0" y="\d+" width="760" height="420" viewBox="0 0 760 420"><svg [^>]*class="recharts-surface"/);
    expect(svg).toContain('<text class="source" x="24" y="');
    expect(svg).toContain(">Source: Lawdex, http://x/compare?a=1&amp;b=2 </tspan>");
    expect(svg).not.toContain("<div");
  });
});
