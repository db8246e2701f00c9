/**
 * A law's chart as a standalone SVG document, built as one React tree: our
 * own <svg> root (namespace, size, title, style, white background, a legend
 * drawn in SVG) with recharts' chart nested in it as the bare <svg> its
 * `compact` rendering gives. No markup is cut or patched afterwards, so what
 * recharts changes inside its drawing cannot break the document around it.
 */
import type * as Recharts from "recharts";
import { type ChartProps, chartElement, colorOf } from "./ChartSvg";

const SVG_NS = "http://www.w3.org/2000/svg";
const TEXT_STYLE = "text{font-family:system-ui,sans-serif;font-size:12px;fill:#1c1d1f}";

export function lawChartDocument(rc: typeof Recharts, props: ChartProps, title: string) {
  const width = props.width ?? 760;
  const height = props.height ?? 420;
  const labels = props.chart.series.map((s) => s.label);
  // recharts' legend is HTML outside its svg: the document draws its own below the plot
  const legendHeight = labels.length > 1 ? labels.length * 18 + 12 : 0;
  const total = height + legendHeight;
  return (
    <svg xmlns={SVG_NS} width={width} height={total} viewBox={`0 0 ${width} ${total}`} role="img">
      <title>{title}</title>
      <style>{TEXT_STYLE}</style>
      <rect width="100%" height="100%" fill="#fff" />
      {chartElement(rc, { ...props, width, height, legend: false, svgOnly: true })}
      {labels.length > 1 &&
        labels.map((label, i) => {
          const y = height + 14 + i * 18;
          return (
            <g key={label + i} className="legend-item">
              <line x1={24} x2={52} y1={y - 4} y2={y - 4} stroke={colorOf(i)} strokeWidth={2} />
              <text x={60} y={y}>
                {label}
              </text>
            </g>
          );
        })}
    </svg>
  );
}

export { SVG_NS };
