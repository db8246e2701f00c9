/**
 * How far the printed digits of a law's coefficients determine its value.
 *
 * A paper prints each coefficient to some number of digits; the true fitted
 * value lies anywhere within half a unit of the last digit. For most laws that
 * moves a prediction by a fraction of a percent. For some (a log-law whose
 * intercept is -1.64e8 and whose slope is 9.91e6, an exponent of 1.11e4 on a
 * base printed as 1.00) it moves the prediction by more than the prediction:
 * the fit is ill-conditioned as printed, and the registry says so rather than
 * serving its numbers as if they meant something.
 *
 * The measure is first order and worst case: at each point of a grid over the
 * law's fitted ranges (or plotted ranges where the paper prints none), each
 * coefficient is moved by half a unit of its last printed digit up and down,
 * and the larger change in the law's value is summed over coefficients,
 * relative to the value. The result is the largest such sum over the grid.
 */
import { zip } from "./arrays";
import { compile, prepare } from "./expr";
import type { Law } from "./law";
import type { PrintSensitivity } from "./content/resolved";

/** From this relative sensitivity on, a prediction says that the printed digits do not pin its value down. */
export const IMPRECISE = 0.1;
/** From this on (the value can move by as much as itself), the law is ill-conditioned as printed. */
export const ILL_CONDITIONED = 1;

/** How far the printed digits of a law's coefficients determine its value over its ranges; the type is the schema's (lib/content/resolved.ts). */
export type { PrintSensitivity };

/**
 * The unit in the last digit of a number as written: "9.91e6" → 1e4,
 * "0.20" → 0.01, "-180.75" → 0.01, "2048" → 1. Undefined for anything that is
 * not a plain decimal literal.
 */
export function printedStep(literal: string): number | undefined {
  const m = /^[+-]?(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(literal.trim()) ?? /^[+-]?()\.(\d+)(?:[eE]([+-]?\d+))?$/.exec(literal.trim());
  if (!m) return undefined;
  const decimals = m[2]?.length ?? 0;
  const exponent = m[3] ? Number(m[3]) : 0;
  const power = exponent - decimals;
  // 1 / 10^n is the nearest double to 10^-n; 10 ** -n is not always (10 ** -4 = 0.00009999999999999999)
  return power >= 0 ? 10 ** power : 1 / 10 ** -power;
}

const POINTS_PER_INPUT = [0, 9, 7, 5, 4, 3, 3, 3];

function grid(spans: [number, number][]): Float64Array[] {
  const k = POINTS_PER_INPUT[spans.length] ?? 2;
  const axes = spans.map(([lo, hi]) =>
    Array.from({ length: k }, (_, i) => (lo > 0 && hi > 0 ? lo * (hi / lo) ** (i / (k - 1)) : lo + ((hi - lo) * i) / (k - 1))),
  );
  let points: number[][] = [[]];
  for (const axis of axes) points = points.flatMap((p) => axis.map((v) => [...p, v]));
  return points.map((p) => Float64Array.from(p));
}

interface Perturbed {
  f0: (x: Float64Array) => number;
  moved: { symbol: string; up: (x: Float64Array) => number; down: (x: Float64Array) => number }[];
}

// compiled once per law object (laws are immutable once loaded; the site caches them per database)
const perturbedCache = new WeakMap<Law, Perturbed | null>();

function perturbed(law: Law): Perturbed | null {
  const hit = perturbedCache.get(law);
  if (hit !== undefined) return hit;
  let out: Perturbed | null = null;
  const movable = law.free ? [] : law.coefficients.filter((c): c is typeof c & { step: number } => c.step !== undefined && c.step > 0);
  if (movable.length > 0 && law.inputs.length > 0) {
    const symbols = new Set([...law.inputs.map((i) => i.symbol), ...law.coefficients.map((c) => c.symbol)]);
    const tree = prepare(law.expr, { symbols });
    const inputs = law.inputs.map((i) => i.symbol);
    const base = new Map(law.coefficients.map((c) => [c.symbol, c.value]));
    const fn = (moved?: { symbol: string; value: number }) => {
      const constants = new Map(base);
      if (moved) constants.set(moved.symbol, moved.value);
      return compile(tree, { inputs, constants });
    };
    out = {
      f0: fn(),
      moved: movable.map((c) => ({
        symbol: c.symbol,
        up: fn({ symbol: c.symbol, value: c.value + c.step / 2 }),
        down: fn({ symbol: c.symbol, value: c.value - c.step / 2 }),
      })),
    };
  }
  perturbedCache.set(law, out);
  return out;
}

/** The relative sensitivity at one point (slot order = law.inputs), or null when it cannot be judged. */
export function pointSensitivity(law: Law, x: Float64Array): { relative: number; coefficient: string } | null {
  const p = perturbed(law);
  if (!p) return null;
  const v = p.f0(x);
  if (!Number.isFinite(v) || v === 0) return null;
  let sum = 0;
  let top: { symbol: string; d: number } | null = null;
  for (const m of p.moved) {
    const a = m.up(x);
    const b = m.down(x);
    const d = Number.isFinite(a) && Number.isFinite(b) ? Math.max(Math.abs(a - v), Math.abs(b - v)) / Math.abs(v) : Number.POSITIVE_INFINITY;
    sum += d;
    if (top === null || d > top.d) top = { symbol: m.symbol, d };
  }
  // perturbed() moves at least one coefficient
  return top && { relative: sum, coefficient: top.symbol };
}

/** The print sensitivity of a quantitative law over its ranges, or null when it cannot be judged (no ranges, no plain printed digits). */
export function printSensitivity(law: Law): PrintSensitivity | null {
  if (law.free) return null;
  const spans: [number, number][] = [];
  for (const input of law.inputs) {
    const span = input.range ?? input.plot;
    if (!span) return null;
    spans.push(span);
  }
  if (!perturbed(law)) return null;
  const fitted = law.inputs.every((i) => i.range);
  let worst: PrintSensitivity | null = null;
  for (const x of grid(spans)) {
    const r = pointSensitivity(law, x);
    if (r && (!worst || !(r.relative <= worst.relative))) {
      worst = {
        relative: r.relative,
        at: Object.fromEntries(zip(law.inputs, x).map(([input, v]) => [input.symbol, v])),
        coefficient: r.coefficient,
        over: fitted ? "fitted" : "plotted",
      };
    }
  }
  return worst;
}

/** "±0.3%", "±140%", "more than ±1000%", "unbounded" — for pages and warnings. */
export function formatSensitivity(relative: number): string {
  if (!Number.isFinite(relative)) return "unbounded";
  const pct = relative * 100;
  if (pct >= 1000) return "more than ±1000%";
  return `±${pct >= 10 ? pct.toFixed(0) : pct >= 1 ? pct.toFixed(1) : pct.toPrecision(1)}%`;
}
