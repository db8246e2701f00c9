/**
 * The curves a law's chart draws: the law sampled on a log-spaced grid of one
 * input over its fitted range and one decade beyond each end, with the other
 * inputs held at a few values inside their ranges. Points outside any fitted
 * range are flagged so the chart can mark them as extrapolated. Non-finite
 * values become gaps (null), never NaN.
 */
import { csvRow } from "./csv";
import { type Law, executable } from "./law";

export interface SeriesPoint {
  x: number;
  y: number | null;
  extrapolated: boolean;
}

export interface Series {
  /** Values of the inputs held fixed, by symbol. */
  fixed: Record<string, number>;
  label: string;
  points: SeriesPoint[];
  /** 95% interval per point (null where there is none), drawn as a band. */
  band?: ([number, number] | null)[];
}

export interface LawChart {
  x: { symbol: string; quantity: string; unit: string; domain: [number, number]; range: [number, number] | null };
  y: { symbol: string; quantity: string; unit: string };
  series: Series[];
}

/** Span an input is drawn over: fitted range and one decade each side, else the content's plot span. */
export function drawSpan(input: Law["inputs"][number]): [number, number] {
  if (input.range) return [input.range[0] / 10, input.range[1] * 10];
  if (input.plot) return input.plot;
  return [1, 1e6];
}

export function logGrid(lo: number, hi: number, n: number): number[] {
  const a = Math.log10(lo);
  const b = Math.log10(hi);
  // rounded to 12 significant digits so that 1e18 stays 1e18, not 1.0000000000000002e18
  return Array.from({ length: n }, (_, i) => Number((10 ** (a + ((b - a) * i) / (n - 1))).toPrecision(12)));
}

function heldValues(input: Law["inputs"][number]): number[] {
  const [lo, hi] = input.range ?? input.plot ?? [1, 1e6];
  return [lo, Math.sqrt(lo * hi), hi];
}

export function chartSeries(law: Law, opts: { xSymbol?: string; points?: number } = {}): LawChart {
  const xi = opts.xSymbol ? law.inputs.findIndex((i) => i.symbol === opts.xSymbol) : 0;
  const xInput = law.inputs[xi < 0 ? 0 : xi] as Law["inputs"][number];
  const others = law.inputs.filter((i) => i !== xInput);
  const domain = drawSpan(xInput);
  const xs = logGrid(domain[0], domain[1], opts.points ?? 97);
  // every combination of held values (3 per other input; laws here have at most 2 inputs)
  let combos: Record<string, number>[] = [{}];
  for (const o of others) combos = combos.flatMap((c) => heldValues(o).map((v) => ({ ...c, [o.symbol]: v })));
  const fn = executable(law).fn;
  const x = new Float64Array(law.inputs.length);
  const outside = (input: Law["inputs"][number], v: number) =>
    input.range !== undefined && (v < input.range[0] * (1 - 1e-12) || v > input.range[1] * (1 + 1e-12));
  const series = combos.map((fixed) => {
    law.inputs.forEach((inp, i) => {
      if (inp !== xInput) x[i] = fixed[inp.symbol] as number;
    });
    const fixedOutside = others.some((o) => outside(o, fixed[o.symbol] as number));
    const points = xs.map((xv) => {
      x[law.inputs.indexOf(xInput)] = xv;
      const y = fn(x);
      return { x: xv, y: Number.isFinite(y) ? y : null, extrapolated: fixedOutside || outside(xInput, xv) };
    });
    const label = Object.entries(fixed)
      .map(([k, v]) => `${k} = ${v.toExponential(1)}`)
      .join(", ");
    return { fixed, label: label || law.output.symbol, points };
  });
  return {
    x: { symbol: xInput.symbol, quantity: xInput.quantity, unit: xInput.unit, domain, range: xInput.range ?? null },
    y: { symbol: law.output.symbol, quantity: law.output.quantity, unit: law.output.unit },
    series,
  };
}

/** Decade ticks 10^k inside [lo, hi]; when fewer than three fit, add 2× and 5× steps. */
export function logTicks(lo: number, hi: number): number[] {
  const ticks: number[] = [];
  for (let k = Math.ceil(Math.log10(lo) - 1e-9); k <= Math.floor(Math.log10(hi) + 1e-9); k++) ticks.push(10 ** k);
  if (ticks.length >= 3) {
    // thin out very long axes to at most ~8 labels
    const step = Math.ceil(ticks.length / 8);
    return ticks.filter((_, i) => i % step === 0);
  }
  const fine: number[] = [];
  for (let k = Math.floor(Math.log10(lo)) - 1; k <= Math.ceil(Math.log10(hi)); k++) {
    for (const m of [1, 2, 5]) {
      const v = m * 10 ** k;
      if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) fine.push(v);
    }
  }
  if (fine.length >= 3) return fine;
  // a narrow band (e.g. losses between 1.8 and 2.4): five log-spaced ticks, rounded to
  // the fewest digits that keep them distinct and inside the band (a repeated or
  // outside tick would be drawn twice or off the chart)
  const grid = logGrid(lo, hi, 5);
  for (let digits = 2; digits <= 12; digits++) {
    const rounded = [...new Set(grid.map((v) => Number(v.toPrecision(digits))))].filter((v) => v >= lo && v <= hi);
    if (rounded.length >= 4) return rounded;
  }
  return grid;
}

/** A chart's series as CSV: x, then per series its value and whether it is extrapolated. Gaps are empty. */
export function seriesCsv(chart: LawChart): string {
  const head = [`${chart.x.symbol} (${chart.x.unit})`, ...chart.series.flatMap((s) => [`${chart.y.symbol} (${chart.y.unit}) ${s.label}`, `extrapolated ${s.label}`])];
  const n = chart.series[0]?.points.length ?? 0;
  const rows = [csvRow(head)];
  for (let i = 0; i < n; i++) {
    rows.push([String(chart.series[0]?.points[i]?.x ?? ""), ...chart.series.flatMap((s) => [String(s.points[i]?.y ?? ""), String(s.points[i]?.extrapolated ?? "")])].join(","));
  }
  return `${rows.join("\n")}\n`;
}
