/**
 * Log-log chart of a law, rendered to SVG on the server (recharts 2.15 with a
 * fixed size and no animation renders fully in server HTML). Extrapolated
 * parts of each curve are dashed and the region outside the fitted range is
 * shaded. Every tick given is drawn (interval 0): recharts would otherwise
 * drop ticks whose labels it measures as overlapping, which it can do in the
 * browser but not on the server, and the two renderings would differ.
 * Ticks are round (lib/series) and labelled in one style per axis
 * (lib/format); axis text is 12 px in the SVG's own units, and a drawing
 * narrower than 500 px gets fewer ticks: pages draw a narrow chart for phones
 * rather than scale the wide one down until its text is unreadable.
 */
import type * as Recharts from "recharts";
import type { LawChart as ChartData } from "@/lib/series";
import { logTicks, niceTicks } from "@/lib/series";
import { formatNumber, tickLabels } from "@/lib/format";

/** Axis text in the SVG's own pixels: the page draws a chart at its own size (a narrow variant on phones), never scaled far down. */
export const AXIS_FONT_SIZE = 12;

/** Charts narrower than this get fewer ticks and a slimmer y axis. */
const NARROW = 500;

/** Ticks and their labels (one style per axis), as recharts takes them. */
function axisTicks(ticks: number[]): { ticks: number[]; tickFormatter: (v: number) => string } {
  const text = tickLabels(ticks);
  const labels = new Map(ticks.flatMap((t, i) => (text[i] === undefined ? [] : [[t, text[i]] as const])));
  return { ticks, tickFormatter: (v: number) => labels.get(v) ?? formatNumber(v, 3) };
}

export const COLORS = ["#1f5fa8", "#b2451f", "#2d7d46", "#7a3fa0", "#8a6d00", "#0f7b83", "#a0306b", "#555555"] as const;

/** The colour of series `i` (the palette repeats). */
export const colorOf = (i: number): string => COLORS[i % COLORS.length] ?? COLORS[0];

export interface ChartProps {
  chart: ChartData;
  /** Standalone documents draw their own legend: recharts' is HTML outside the svg. */
  legend?: boolean;
  /**
   * The <svg> element alone (recharts' `compact` rendering), for nesting in a
   * standalone SVG document: no wrapper div, no HTML legend, no tooltip.
   */
  svgOnly?: boolean;
  point?: { x: number; y: number } | null;
  /** Values marked on the curves (e.g. the compare view's table): a dot in series `series`' colour at (x, y). */
  marks?: { series: number; x: number; y: number }[];
  width?: number;
  height?: number;
}

/**
 * An id for the chart's clip paths (its own and each line's) that the server
 * and the browser agree on. recharts otherwise numbers them from counters
 * that live as long as the process, so a page prerendered after others gets "recharts7-clip" in its
 * HTML and "recharts1-clip" when it hydrates, and React rejects the page.
 */
function chartId(chart: ChartData, width: number, height: number): string {
  const key = JSON.stringify([chart.x, chart.y, chart.series.map((s) => [s.label, s.points[0], s.points.at(-1)]), width, height]);
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return `chart-${h.toString(36)}`;
}

/**
 * The chart as a React element built from the recharts module it is given:
 * pages pass the bundled recharts (in a client component); the standalone
 * .svg route passes recharts loaded at run time with react-dom/server, which
 * Next does not allow a route to import.
 */
export function chartElement(rc: typeof Recharts, { chart, point, marks, width = 760, height = 420, legend = true, svgOnly = false }: ChartProps) {
  const { Area, CartesianGrid, ComposedChart, Legend, Line, ReferenceArea, ReferenceDot, XAxis, YAxis } = rc;
  // One row per x; per series a solid key (inside the fitted range) and a
  // dashed key (extrapolated), overlapping by one point so the line is continuous.
  const n = chart.series[0]?.points.length ?? 0;
  // a value of a line, or a band's [low, high]
  const rows: Record<string, number | [number, number] | null>[] = [];
  for (let k = 0; k < n; k++) {
    const row: Record<string, number | [number, number] | null> = { x: chart.series[0]?.points[k]?.x ?? 0 };
    chart.series.forEach((s, i) => {
      const p = s.points[k];
      const prev = s.points[k - 1];
      const next = s.points[k + 1];
      const y = p?.y ?? null;
      row[`in${i}`] = p && !p.extrapolated ? y : null;
      row[`ex${i}`] = p && (p.extrapolated || prev?.extrapolated || next?.extrapolated) ? y : null;
      const b = s.band?.[k];
      if (s.band) row[`band${i}`] = b && b[0] > 0 ? [b[0], b[1]] : null;
    });
    rows.push(row);
  }
  // a log y axis when every value is positive; otherwise (a unigram-normalised
  // loss below 0) a linear one over all the values, which the filter to
  // positive values left empty, and the chart with it
  const positive = chart.series.some((s) => s.points.some((p) => p.y !== null)) && chart.series.every((s) => s.points.every((p) => p.y === null || p.y > 0));
  const ys = chart.series
    .flatMap((s) => [...s.points.map((p) => p.y), ...(s.band ?? []).flatMap((b) => (b && (b[0] > 0 || !positive) ? b : []))])
    .filter((y): y is number => y !== null && Number.isFinite(y) && (y > 0 || !positive));
  let yLo = Math.min(...ys);
  let yHi = Math.max(...ys);
  if (point && Number.isFinite(point.y) && (point.y > 0 || !positive)) {
    yLo = Math.min(yLo, point.y);
    yHi = Math.max(yHi, point.y);
  }
  const pad = positive ? (yHi / yLo) ** 0.04 : 0.04 * (yHi - yLo || Math.abs(yHi) || 1);
  const yDomain: [number, number] = positive ? [yLo / pad, yHi * pad] : [yLo - pad, yHi + pad];
  const [xLo, xHi] = chart.x.domain;
  const range = chart.x.range;
  const id = chartId(chart, width, height);
  const xLabel = `${chart.x.symbol} (${chart.x.unit})`;
  const yLabel = `${chart.y.symbol} (${chart.y.unit})`;
  const narrow = width < NARROW;
  const xTicks = axisTicks(logTicks(xLo, xHi, narrow ? 5 : 8));
  const yTicks = axisTicks(positive ? logTicks(yDomain[0], yDomain[1], narrow ? 6 : 8) : niceTicks(yDomain[0], yDomain[1], narrow ? 6 : 8));
  const font = { fontSize: AXIS_FONT_SIZE };

  return (
    <ComposedChart
      id={id}
      width={width}
      height={height}
      compact={svgOnly}
      data={rows}
      margin={{ top: 10, right: narrow ? 12 : 24, bottom: 34, left: narrow ? 16 : 24 }}
      role="img"
      aria-label={`${positive ? "Log-log chart" : "Chart (log x, linear y)"} of ${chart.y.symbol} against ${chart.x.symbol}`}
    >
      <CartesianGrid stroke="#e4e4df" />
      <XAxis
        dataKey="x"
        type="number"
        scale="log"
        domain={[xLo, xHi]}
        {...xTicks}
        tick={font}
        interval={0}
        allowDataOverflow
        label={{ value: xLabel, position: "insideBottom", offset: -20, ...font }}
      />
      <YAxis
        type="number"
        scale={positive ? "log" : "linear"}
        domain={yDomain}
        {...yTicks}
        tick={font}
        interval={0}
        allowDataOverflow
        width={narrow ? 54 : 70}
        label={{ value: yLabel, angle: -90, position: "insideLeft", offset: -8, ...font }}
      />
      {range && xLo < range[0] && <ReferenceArea x1={xLo} x2={range[0]} fill="#999" fillOpacity={0.1} ifOverflow="hidden" />}
      {range && xHi > range[1] && <ReferenceArea x1={range[1]} x2={xHi} fill="#999" fillOpacity={0.1} ifOverflow="hidden" />}
      {chart.series.map((s, i) =>
        s.band ? (
          <Area
            key={`band${i}`}
            id={`${id}-band${i}`}
            dataKey={`band${i}`}
            name={`${s.label} (95% interval)`}
            stroke="none"
            fill={colorOf(i)}
            fillOpacity={0.15}
            isAnimationActive={false}
            connectNulls={false}
            legendType="none"
            className="band"
          />
        ) : null,
      )}
      {chart.series.map((s, i) => (
        <Line
          key={`in${i}`}
          id={`${id}-in${i}`}
          dataKey={`in${i}`}
          name={s.label}
          stroke={colorOf(i)}
          strokeWidth={s.reader ? 3 : 2}
          dot={false}
          isAnimationActive={false}
          connectNulls={false}
          className={s.reader ? "fitted reader" : "fitted"}
        />
      ))}
      {chart.series.map((s, i) => (
        <Line
          key={`ex${i}`}
          id={`${id}-ex${i}`}
          dataKey={`ex${i}`}
          name={`${s.label} (extrapolated)`}
          stroke={colorOf(i)}
          strokeWidth={s.reader ? 3 : 2}
          strokeDasharray="6 5"
          dot={false}
          isAnimationActive={false}
          connectNulls={false}
          legendType="none"
          className={s.reader ? "extrapolated reader" : "extrapolated"}
        />
      ))}
      {point && Number.isFinite(point.y) && (point.y > 0 || !positive) && (
        <ReferenceDot x={point.x} y={point.y} r={6} fill="#f0b400" stroke="#1c1d1f" ifOverflow="extendDomain" />
      )}
      {marks?.map((m) => (
        <ReferenceDot
          key={`mark${m.series}-${m.x}`}
          x={m.x}
          y={m.y}
          r={4}
          fill={colorOf(m.series)}
          stroke="#fff"
          strokeWidth={1.5}
          ifOverflow="discard"
          className="table-mark"
        />
      ))}
      {legend && !svgOnly && chart.series.length > 1 && <Legend verticalAlign="top" height={28} />}
    </ComposedChart>
  );
}
