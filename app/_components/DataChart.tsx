/**
 * Released data beside a law, as plain server-rendered SVG (readable with
 * JavaScript off): the measured output against one input on log-log axes,
 * each point's prediction by the law at that point's own inputs, and a strip
 * of residuals (log measured − log predicted) below.
 */
import { logTicks } from "@/lib/series";
import { formatNumber, tickLabels } from "@/lib/format";

export interface DataChartProps {
  x: { symbol: string; unit: string; values: number[] };
  y: { symbol: string; unit: string; values: number[] };
  /** Predictions at each point, drawn as hollow marks; the first is the one residuals are taken from. */
  predictions: { label: string; values: number[] }[];
  title: string;
}

const W = 760;
const H = 340;
const RH = 150;
const M = { left: 70, right: 20, top: 14, bottom: 42 };
const COLORS = ["#b2451f", "#1f5fa8"];

function scaleLog(lo: number, hi: number, a: number, b: number) {
  const l0 = Math.log10(lo);
  const span = Math.log10(hi) - l0 || 1;
  return (v: number) => a + ((Math.log10(v) - l0) / span) * (b - a);
}

const r1 = (v: number) => Math.round(v * 10) / 10;

/** Many dots as one path of zero-length segments with round caps: a few bytes a point instead of an element each. */
function dotsPath(points: readonly (readonly [number, number])[]): string {
  return points.map(([px, py]) => `M${r1(px)} ${r1(py)}h0`).join("");
}

/** Many small rings as one path of two arcs each. */
function ringsPath(points: readonly (readonly [number, number])[], r: number): string {
  return points.map(([px, py]) => `M${r1(px - r)} ${r1(py)}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`).join("");
}

/** The (x, value) pairs of two parallel columns, by index (a value without its x is not drawn). */
function pairs(xs: readonly number[], values: readonly number[]): [number, number][] {
  return values.flatMap((v, i): [number, number][] => {
    const xv = xs[i];
    return xv === undefined ? [] : [[xv, v]];
  });
}

function bounds(values: number[]): [number, number] {
  const pos = values.filter((v) => v > 0 && Number.isFinite(v));
  const lo = Math.min(...pos);
  const hi = Math.max(...pos);
  const pad = lo === hi ? 1.5 : (hi / lo) ** 0.05;
  return [lo / pad, hi * pad];
}

export function DataChart({ x, y, predictions, title }: DataChartProps) {
  const [xLo, xHi] = bounds(x.values);
  const [yLo, yHi] = bounds([...y.values, ...predictions.flatMap((p) => p.values)]);
  const sx = scaleLog(xLo, xHi, M.left, W - M.right);
  const sy = scaleLog(yLo, yHi, H - M.bottom, M.top);
  const xt = logTicks(xLo, xHi);
  const yt = logTicks(yLo, yHi);
  // one label style per axis, as on every chart (lib/format tickLabels)
  const xl = tickLabels(xt);
  const yl = tickLabels(yt);
  const ref = predictions[0];
  // a point without a prediction has no residual (NaN is not drawn)
  const residuals = ref ? y.values.map((v, i) => Math.log(v) - Math.log(ref.values[i] ?? NaN)) : [];
  const rMax = Math.max(1e-6, ...residuals.filter(Number.isFinite).map(Math.abs)) * 1.1;
  const ry = (r: number) => M.top + ((rMax - r) / (2 * rMax)) * (RH - M.top - M.bottom + 20);
  const rTicks = [-rMax / 1.1, 0, rMax / 1.1].map((v) => Number(v.toPrecision(2)));
  const xAxis = (top: number) => (
    <g className="axis">
      <line x1={M.left} x2={W - M.right} y1={top} y2={top} stroke="currentColor" />
      {xt.map((t, i) => (
        <g key={t}>
          <line x1={sx(t)} x2={sx(t)} y1={top} y2={top + 5} stroke="currentColor" />
          <text x={sx(t)} y={top + 18} textAnchor="middle" fontSize="12">
            {xl[i]}
          </text>
        </g>
      ))}
    </g>
  );
  return (
    <figure className="data-chart" data-testid="data-chart">
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" fill="currentColor" role="img" aria-label={`${title}: ${y.symbol} against ${x.symbol}, measured and predicted`}>
        {yt.map((t, i) => (
          <g key={t}>
            <line x1={M.left} x2={W - M.right} y1={sy(t)} y2={sy(t)} stroke="#e4e4df" />
            <text x={M.left - 6} y={sy(t) + 4} textAnchor="end" fontSize="12">
              {yl[i]}
            </text>
          </g>
        ))}
        {xAxis(H - M.bottom)}
        <text x={(M.left + W - M.right) / 2} y={H - 6} textAnchor="middle" fontSize="13">
          {x.symbol} ({x.unit})
        </text>
        <text x={14} y={(M.top + H - M.bottom) / 2} textAnchor="middle" fontSize="13" transform={`rotate(-90 14 ${(M.top + H - M.bottom) / 2})`}>
          {y.symbol} ({y.unit})
        </text>
        {predictions.map((p, k) => (
          <path
            key={p.label}
            className={`prediction prediction-${k}`}
            data-points={p.values.filter((v) => v > 0 && Number.isFinite(v)).length}
            d={ringsPath(pairs(x.values, p.values).flatMap(([xv, v]) => (v > 0 && Number.isFinite(v) ? [[sx(xv), sy(v)] as const] : [])), 3.2)}
            fill="none"
            stroke={COLORS[k % COLORS.length]}
            strokeWidth={1.2}
          />
        ))}
        <path className="measured" data-points={y.values.length} d={dotsPath(pairs(x.values, y.values).map(([xv, v]) => [sx(xv), sy(v)] as const))} stroke="currentColor" strokeWidth={4.8} strokeLinecap="round" fill="none" />
        <g fontSize="12">
          <circle cx={M.left + 12} cy={M.top + 8} r={2.6} fill="currentColor" />
          <text x={M.left + 20} y={M.top + 12}>
            measured ({y.values.length} points)
          </text>
          {predictions.map((p, k) => (
            <g key={p.label}>
              <circle cx={M.left + 12} cy={M.top + 26 + 16 * k} r={3.2} fill="none" stroke={COLORS[k % COLORS.length]} strokeWidth={1.2} />
              <text x={M.left + 20} y={M.top + 30 + 16 * k}>
                {p.label} at each point&apos;s inputs
              </text>
            </g>
          ))}
        </g>
      </svg>
      {ref && (
        <svg viewBox={`0 0 ${W} ${RH}`} width="100%" fill="currentColor" role="img" aria-label={`Residuals, log ${y.symbol} measured minus log ${y.symbol} predicted by ${ref.label}`}>
          <line x1={M.left} x2={W - M.right} y1={ry(0)} y2={ry(0)} stroke="#999" strokeDasharray="4 4" />
          {rTicks.map((t) => (
            <text key={t} x={M.left - 6} y={ry(t) + 4} textAnchor="end" fontSize="12">
              {t === 0 ? "0" : formatNumber(t, 2)}
            </text>
          ))}
          <path
            className="residual"
            data-points={residuals.filter(Number.isFinite).length}
            d={dotsPath(pairs(x.values, residuals).flatMap(([xv, r]) => (Number.isFinite(r) ? [[sx(xv), ry(r)] as const] : [])))}
            stroke={COLORS[0]}
            strokeWidth={4.8}
            strokeLinecap="round"
            fill="none"
          />
          {xAxis(RH - M.bottom + 20)}
          <text x={14} y={(RH - 20) / 2} textAnchor="middle" fontSize="12" transform={`rotate(-90 14 ${(RH - 20) / 2})`}>
            residual
          </text>
        </svg>
      )}
      <figcaption className="small muted">
        {title}. Filled dots: measured {y.symbol}; hollow marks: the law&apos;s prediction at the same inputs (all inputs, not only {x.symbol}).
        {ref && <> Lower panel: residuals log {y.symbol} − log (prediction by {ref.label}).</>}
      </figcaption>
    </figure>
  );
}
