/**
 * The curves a law's chart draws: the law sampled on a log-spaced grid of one
 * input over its fitted range and one decade beyond each end, with the other
 * inputs held at a few values inside their ranges. Points outside any fitted
 * range are flagged so the chart can mark them as extrapolated. Non-finite
 * values become gaps (null), never NaN.
 */
import { csvRow } from "./csv";
import { readerLabel, sliceLabel } from "./format";
import { type Law, executable } from "./law";
import { decadeExponents, inSpan } from "./span";

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
  /** The slice through the reader's own inputs (drawn stronger than the preset ones). */
  reader?: boolean;
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

/**
 * The law's chart: its output against one input (the first unless xSymbol
 * names another), one curve per combination of the other inputs held at the
 * ends and the geometric middle of their ranges, and, given the reader's
 * values (at), the curve through them as well.
 */
export function chartSeries(law: Law, opts: { xSymbol?: string; points?: number; at?: Readonly<Record<string, number>> } = {}): LawChart {
  const xInput = law.inputs.find((i) => i.symbol === opts.xSymbol) ?? law.inputs[0];
  if (!xInput) throw new Error(`${law.id} has no input to draw its chart against`);
  const xIndex = law.inputs.indexOf(xInput);
  const others = law.inputs.filter((i) => i !== xInput);
  const domain = drawSpan(xInput);
  const xs = logGrid(domain[0], domain[1], opts.points ?? 97);
  /** Each other input with the value it is held at. */
  type Held = { input: Law["inputs"][number]; value: number }[];
  // every combination of held values (3 per other input; laws here have at most 2 inputs)
  let combos: Held[] = [[]];
  for (const o of others) combos = combos.flatMap((c) => heldValues(o).map((value) => [...c, { input: o, value }]));
  const fn = executable(law).fn;
  const x = new Float64Array(law.inputs.length);
  const outside = (input: Law["inputs"][number], v: number) => input.range !== undefined && !inSpan(input.range, v);
  const labelled = (held: Held) => held.map(({ input, value }) => ({ symbol: input.symbol, unit: input.unit, value }));
  const slice = (held: Held): SeriesPoint[] => {
    for (const { input, value } of held) x[law.inputs.indexOf(input)] = value;
    const fixedOutside = held.some(({ input, value }) => outside(input, value));
    return xs.map((xv) => {
      x[xIndex] = xv;
      const y = fn(x);
      return { x: xv, y: Number.isFinite(y) ? y : null, extrapolated: fixedOutside || outside(xInput, xv) };
    });
  };
  const series: Series[] = combos.map((held) => ({ fixed: fixedOf(held), label: sliceLabel(labelled(held)) || law.output.symbol, points: slice(held) }));
  const at = opts.at;
  const reader: Held = others.flatMap((input) => {
    const value = at?.[input.symbol];
    return value !== undefined && Number.isFinite(value) ? [{ input, value }] : [];
  });
  if (others.length > 0 && reader.length === others.length) {
    series.push({ fixed: fixedOf(reader), label: readerLabel(labelled(reader)), points: slice(reader), reader: true });
  }
  return {
    x: { symbol: xInput.symbol, quantity: xInput.quantity, unit: xInput.unit, domain, range: xInput.range ?? null },
    y: { symbol: law.output.symbol, quantity: law.output.quantity, unit: law.output.unit },
    series,
  };
}

/** Held values by symbol. */
function fixedOf(held: readonly { input: { symbol: string }; value: number }[]): Record<string, number> {
  return Object.fromEntries(held.map(({ input, value }) => [input.symbol, value]));
}

/** Rounded to 12 significant digits: 0.1 * 3 is 0.3 and 2 * 10 ** -3 is 0.002 as ticks. */
const clean = (v: number) => Number(v.toPrecision(12));
const within = (v: number, lo: number, hi: number) => v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9);

/**
 * Ticks of a log axis over [lo, hi], at most max of them: the powers of ten
 * when three or more fit (every second or third one, aligned to multiples of
 * that step, when more than max fit); over a shorter span the round values
 * 1, 2 and 5 × 10^k (without the 2s, or only the decades, when more than max
 * of those fit); and in a band too narrow for three of those (a loss
 * between 1.8 and 2.4), round linear steps (niceTicks).
 */
export function logTicks(lo: number, hi: number, max = 8): number[] {
  const decades = decadeExponents([lo, hi]);
  if (decades.length >= 3) {
    const step = Math.ceil(decades.length / max);
    return decades.filter((k) => k % step === 0).map((k) => clean(10 ** k));
  }
  const fine: number[] = [];
  for (let k = Math.floor(Math.log10(lo)) - 1; k <= Math.ceil(Math.log10(hi)); k++) {
    for (const m of [1, 2, 5]) {
      const v = clean(m * 10 ** k);
      if (within(v, lo, hi)) fine.push(v);
    }
  }
  if (fine.length >= 3 && fine.length <= max) return fine;
  // too many for a narrow chart: drop the 2s, then keep only the decades
  const coarse = fine.filter((v) => Number(v.toExponential().split("e")[0]) !== 2);
  if (coarse.length >= 3 && coarse.length <= max) return coarse;
  if (decades.length === 2) return decades.map((k) => clean(10 ** k));
  return niceTicks(lo, hi, max);
}

/**
 * Ticks of a linear axis over [lo, hi]: the multiples of the smallest step
 * of 1, 2 or 5 × 10^k that gives at most max ticks.
 */
export function niceTicks(lo: number, hi: number, max = 8): number[] {
  if (!(hi > lo)) return [clean(lo)];
  // the step at which about max ticks fit, rounded down to a power of ten
  const mag = 10 ** Math.floor(Math.log10((hi - lo) / Math.max(1, max - 1)));
  for (const m of [1, 2, 5, 10, 20, 50]) {
    const step = m * mag;
    const first = Math.ceil(lo / step - 1e-9);
    const last = Math.floor(hi / step + 1e-9);
    if (last - first + 1 <= max) return Array.from({ length: last - first + 1 }, (_, i) => clean((first + i) * step));
  }
  return [clean(lo), clean(hi)];
}

/** The chart with every step-th point of each curve (and the last): enough for a narrow drawing, at a fraction of its markup. */
export function thinned(chart: LawChart, step: number): LawChart {
  const keep = (k: number, n: number) => k % step === 0 || k === n - 1;
  return {
    ...chart,
    series: chart.series.map((s) => ({
      ...s,
      points: s.points.filter((_, k) => keep(k, s.points.length)),
      ...(s.band ? { band: s.band.filter((_, k) => keep(k, s.band?.length ?? 0)) } : {}),
    })),
  };
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
