/**
 * Intervals from coefficients' standard errors, by the delta method:
 * σ² = Σ (∂g/∂c_i)² σ_i², with derivatives by central differences through
 * any computation g of the law (a prediction, an optimum, a solved input).
 * Deterministic. Papers publish standard errors but not covariances, so the
 * errors are taken as independent; every interval says so.
 */
import { type Law, executable } from "./law";

export const INTERVAL_METHOD =
  "delta method, ±1.96σ (95%), coefficient errors taken as independent because covariances are not published";

export interface Interval {
  lo: number;
  hi: number;
  sigma: number;
  level: 0.95;
  method: string;
}

export function hasUncertainty(law: Law): boolean {
  return law.coefficients.some((c) => c.stderr !== undefined && c.stderr > 0);
}

export function withCoefficient(law: Law, symbol: string, value: number): Law {
  return { ...law, coefficients: law.coefficients.map((c) => (c.symbol === symbol ? { ...c, value } : c)) };
}

/** For each coefficient with a standard error: the step of its central difference and the law moved up and down by it. */
function perturbations(law: Law): { stderr: number; h: number; up: Law; down: Law }[] {
  return law.coefficients.flatMap((c) => {
    if (!c.stderr) return [];
    const h = Math.max(Math.abs(c.value) * 1e-6, 1e-12);
    return [{ stderr: c.stderr, h, up: withCoefficient(law, c.symbol, c.value + h), down: withCoefficient(law, c.symbol, c.value - h) }];
  });
}

/** σ² = Σ (∂g/∂c_i)² σ_i² from g at each perturbation; null when a derivative is not finite. */
function fromDifferences<S extends { stderr: number; h: number }>(center: number, steps: readonly S[], up: (s: S) => number, down: (s: S) => number): Interval | null {
  let variance = 0;
  for (const s of steps) {
    const { stderr, h } = s;
    const partial = (up(s) - down(s)) / (2 * h);
    if (!Number.isFinite(partial)) return null;
    variance += (partial * stderr) ** 2;
  }
  const sigma = Math.sqrt(variance);
  return { lo: center - 1.96 * sigma, hi: center + 1.96 * sigma, sigma, level: 0.95, method: INTERVAL_METHOD };
}

/** The 95% interval of g(law), or null when no coefficient carries a standard error. */
export function deltaInterval(law: Law, g: (l: Law) => number, center = g(law)): Interval | null {
  if (!hasUncertainty(law) || !Number.isFinite(center)) return null;
  return fromDifferences(center, perturbations(law), (s) => g(s.up), (s) => g(s.down));
}

/**
 * The interval of a law's value at a point, for many points: the same numbers
 * as deltaInterval of the law's value there, with the perturbed laws compiled
 * once, so a point costs two evaluations per coefficient with an error. Null
 * when no coefficient carries a standard error.
 */
export function valueIntervals(law: Law): ((x: Float64Array, center: number) => Interval | null) | null {
  if (!hasUncertainty(law)) return null;
  const steps = perturbations(law).map((p) => ({ stderr: p.stderr, h: p.h, up: executable(p.up).fn, down: executable(p.down).fn }));
  return (x, center) => (Number.isFinite(center) ? fromDifferences(center, steps, (s) => s.up(x), (s) => s.down(x)) : null);
}
