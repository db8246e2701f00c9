/**
 * The fitting engine: a problem (expression, free and held coefficients,
 * data columns, objective, starts) is validated and compiled once, then
 * minimised from every start, polished, and optionally bootstrapped. Each
 * stage works on a range of starts or resamples so that callers can spread
 * them over worker threads or Web Workers and merge the pieces; the same
 * seed gives the same answer however the work is split.
 */
import type { CoefficientEstimate, FitSummary, Optimum, Predictions } from "./outcome";
export type { CoefficientEstimate, FitSummary, Optimum, Predictions };
import type { z } from "zod";
import type { lossSchema } from "../content/schema";
import { zip } from "../arrays";
import { ExprError, prepare, symbolsOf } from "../expr";
import { LawdexError, invalid } from "../errors";
import { minimize, type MinimizeResult } from "./lbfgs";
import {
  type CompiledObjective,
  type KernelFn,
  type Program,
  buildProgram,
  compileKernel,
  compileObjective,
  precompute,
} from "./program";
import { resampleCounts, stream } from "./rng";

export type Loss = z.infer<typeof lossSchema>;

/** A fit problem as plain data (it crosses to workers by structured clone). */
export interface FitProblem {
  expr: string;
  /** Input symbols, in the order of `x`. */
  inputs: string[];
  output: string;
  free: { symbol: string; log: boolean; lower?: number; upper?: number }[];
  fixed: Record<string, number>;
  objective: { loss: Loss; delta: number };
  lse: boolean;
  /** Starts in the fitted parametrisation (log θ for log-fitted coefficients), in `free` order. */
  starts: number[][];
  x: Float64Array[];
  y: Float64Array;
  /** Row labels for residual tables (optional). */
  labels?: string[];
}

export interface Compiled {
  problem: FitProblem;
  program: Program;
  objective: CompiledObjective;
  /** Input columns followed by precomputed data-only columns. */
  X: Float64Array[];
  /** The target column (log y for log-space objectives). */
  Y: Float64Array;
  n: number;
  k: number;
  lower: Float64Array | null;
  upper: Float64Array | null;
  /** f and ∂f/∂θ at one point, θ in the law's own parametrisation. */
  kernel: KernelFn;
}

export const MAX_FREE = 16;

const fail = (field: string, message: string) => new LawdexError(422, "unfittable", field, message);

/** Validates and compiles a problem; every error names the field at fault. */
export function compileProblem(problem: FitProblem): Compiled {
  const { inputs, free, fixed } = problem;
  const freeNames = free.map((f) => f.symbol);
  const fixedNames = Object.keys(fixed);
  const all = [...inputs, ...freeNames, ...fixedNames];
  const dup = all.find((s, i) => all.indexOf(s) !== i);
  if (dup) throw invalid("free", `${dup} is declared twice (as an input, a free or a fixed coefficient)`);
  if (free.length === 0) throw invalid("free", "name at least one coefficient to fit");
  if (free.length > MAX_FREE) throw invalid("free", `at most ${MAX_FREE} free coefficients, got ${free.length}`);
  let tree;
  try {
    tree = prepare(problem.expr, { symbols: new Set(all) });
  } catch (e) {
    if (e instanceof ExprError) throw invalid("expr", e.message);
    throw e;
  }
  const used = new Set(symbolsOf(tree));
  for (const s of freeNames) if (!used.has(s)) throw fail(`free`, `${s} does not appear in the expression, so the data cannot determine it`);
  for (const s of inputs) if (!used.has(s)) throw invalid(`data.${s}`, `${s} does not appear in the expression`);

  const n = problem.y.length;
  const k = free.length;
  if (n < k) throw fail("data", `${n} point(s) cannot determine ${k} free coefficients: give at least ${k} points`);
  if (problem.x.length !== inputs.length) throw invalid("data", `${inputs.length} input(s) (${inputs.join(", ")}) but ${problem.x.length} data column(s)`);
  for (const [s, col] of zip(inputs, problem.x)) {
    if (col.length !== n) throw invalid(`data.${s}`, `data.${s} has ${col.length} values but ${problem.output} has ${n}`);
    for (const [i, v] of col.entries()) {
      if (!Number.isFinite(v)) throw invalid(`data.${s}[${i}]`, `data.${s}[${i}] must be a finite number`);
      if (!(v > 0)) throw invalid(`data.${s}[${i}]`, `data.${s}[${i}] must be greater than 0 (inputs are positive quantities, and powers of them are taken in log space)`);
    }
  }
  const logTarget = problem.objective.loss !== "mse";
  for (const [i, v] of problem.y.entries()) {
    if (!Number.isFinite(v)) throw invalid(`data.${problem.output}[${i}]`, `data.${problem.output}[${i}] must be a finite number`);
    if (logTarget && !(v > 0)) {
      throw invalid(`data.${problem.output}[${i}]`, `data.${problem.output}[${i}] is ${v}, but ${problem.objective.loss} takes its log: every value must be greater than 0 (or use "mse")`);
    }
  }
  if (problem.objective.loss === "huber-log" && !(problem.objective.delta > 0 && Number.isFinite(problem.objective.delta))) {
    throw invalid("objective.delta", "objective.delta must be a positive number");
  }

  const lower = free.some((f) => f.lower !== undefined) ? Float64Array.from(free, (f) => bound(f, f.lower, "lower", Number.NEGATIVE_INFINITY)) : null;
  const upper = free.some((f) => f.upper !== undefined) ? Float64Array.from(free, (f) => bound(f, f.upper, "upper", Number.POSITIVE_INFINITY)) : null;
  if (lower && upper) {
    for (const [f, [lo, hi]] of zip(free, zip(lower, upper))) {
      if (!(lo < hi)) throw invalid(`bounds.${f.symbol}`, `bounds.${f.symbol}: the lower bound must be below the upper bound`);
    }
  }

  const constants = new Map(Object.entries(fixed));
  let program: Program;
  let objective: CompiledObjective;
  try {
    program = buildProgram(tree, {
      inputs,
      params: free.map((f) => ({ symbol: f.symbol, log: f.log })),
      constants,
      lse: problem.lse && logTarget,
      target: logTarget ? "log" : "raw",
    });
    objective = compileObjective(program, {
      kind: problem.objective.loss === "huber-log" ? "huber" : "mean-sse",
      delta: problem.objective.delta,
    });
  } catch (e) {
    if (e instanceof ExprError) throw fail("expr", e.message);
    throw e;
  }
  const extra = precompute(program, objective.dataColumns, problem.x);
  const Y = logTarget ? Float64Array.from(problem.y, Math.log) : problem.y;
  const lawProgram = buildProgram(tree, {
    inputs,
    params: free.map((f) => ({ symbol: f.symbol, log: false })),
    constants,
    lse: false,
    target: "raw",
  });
  problem.starts.forEach((s, i) => {
    if (s.length !== k) throw invalid(`starts[${i}]`, `starts[${i}] has ${s.length} values for ${k} free coefficients`);
    s.forEach((v, j) => {
      if (!Number.isFinite(v)) throw invalid(`starts[${i}]`, `starts[${i}]: the value for ${freeNames[j]} must be a finite number`);
    });
  });
  return {
    problem,
    program,
    objective,
    X: [...problem.x, ...extra],
    Y,
    n,
    k,
    lower,
    upper,
    kernel: compileKernel(lawProgram),
  };
}

function bound(f: FitProblem["free"][number], v: number | undefined, side: string, none: number): number {
  if (v === undefined) return none;
  if (!f.log) return v;
  if (v <= 0) {
    if (side === "lower") return Number.NEGATIVE_INFINITY;
    throw invalid(`bounds.${f.symbol}`, `${f.symbol} is fitted in log space, so its upper bound must be positive`);
  }
  return Math.log(v);
}

/**
 * A law at given coefficients as a function of its inputs, with its gradient
 * in the coefficients: for predictions from fitted or published values.
 */
export function lawKernel(spec: { expr: string; inputs: string[]; coefficients: string[] }): KernelFn {
  const tree = prepare(spec.expr, { symbols: new Set([...spec.inputs, ...spec.coefficients]) });
  return compileKernel(
    buildProgram(tree, {
      inputs: spec.inputs,
      params: spec.coefficients.map((symbol) => ({ symbol, log: false })),
      constants: new Map(),
      lse: false,
      target: "raw",
    }),
  );
}

/** θ in the law's parametrisation from the fitted parametrisation p. */
export function toLaw(c: Compiled, p: Iterable<number>): Float64Array {
  return Float64Array.from(zip(c.problem.free, p), ([f, v]) => (f.log ? Math.exp(v) : v));
}

export interface StartResult {
  f: number;
  p: number[];
  converged: boolean;
  iterations: number;
  evaluations: number;
}

function objectiveOf(c: Compiled, W: Float64Array | null): (p: Float64Array, g: Float64Array) => number {
  const { fn } = c.objective;
  return (p, g) => {
    const v = fn(p, c.X, c.Y, W, c.n, g);
    return Number.isNaN(v) ? Number.POSITIVE_INFINITY : v;
  };
}

function lbfgs(c: Compiled, fg: (p: Float64Array, g: Float64Array) => number, start: ArrayLike<number>, tight = false): MinimizeResult {
  return minimize(fg, Float64Array.from(start), {
    lower: c.lower,
    upper: c.upper,
    ...(tight ? { ftol: 1e-15, gtol: 1e-12, fscale: "relative" as const, maxIter: 20000, maxEval: 40000 } : {}),
  });
}

/** Minimises from starts [from, to); `onStart` is called after each (for progress). */
export function runStarts(c: Compiled, from: number, to: number, onStart?: (done: number) => void): StartResult[] {
  const fg = objectiveOf(c, null);
  const out: StartResult[] = [];
  for (const start of c.problem.starts.slice(from, to)) {
    const r = lbfgs(c, fg, start);
    out.push({ f: r.f, p: Array.from(r.x), converged: r.converged, iterations: r.iterations, evaluations: r.evaluations });
    onStart?.(out.length);
  }
  return out;
}


/** Starts stop by scipy's loose rule, so "the same optimum" allows for where they stop within it. */
export const REACH_TOL = 1e-4;
export const SAME_COEFFICIENTS = 1e-2;
/** A start that ended with some coefficient more than 10% away found another optimum. */
export const OTHER_COEFFICIENTS = 0.1;

/** The best of all starts, polished with tight tolerances. */
export function bestOf(c: Compiled, results: readonly StartResult[]): Optimum {
  let best: StartResult | null = null;
  let evaluations = 0;
  let converged = 0;
  let failed = 0;
  for (const r of results) {
    evaluations += r.evaluations;
    if (!Number.isFinite(r.f)) {
      failed++;
      continue;
    }
    if (r.converged) converged++;
    if (best === null || r.f < best.f || (!best.converged && r.converged && r.f <= best.f * (1 + 1e-12))) best = r;
  }
  if (best === null) {
    throw fail("starts", `the objective is not finite at any of the ${results.length} start(s): choose starts where the law gives positive, finite values on the data`);
  }
  // polish: the grid runs to scipy's (loose) stopping rule; the reported optimum is converged tightly
  const fg = objectiveOf(c, null);
  const polished = lbfgs(c, fg, best.p, true);
  const p = polished.f <= best.f ? Array.from(polished.x) : best.p;
  const f = Math.min(polished.f, best.f);
  evaluations += polished.evaluations;
  const theta = toLaw(c, p);
  let atBest = 0;
  let secondBest: number | null = null;
  for (const r of results) {
    if (!Number.isFinite(r.f)) continue;
    const th = toLaw(c, r.p);
    let distance = 0;
    for (const [b, t] of zip(theta, th)) distance = Math.max(distance, Math.abs(t - b) / Math.max(Math.abs(b), 1e-12));
    if (distance <= SAME_COEFFICIENTS && r.f <= f + REACH_TOL * Math.abs(f) + 1e-300) atBest++;
    else if (distance > OTHER_COEFFICIENTS && (secondBest === null || r.f < secondBest)) secondBest = r.f;
  }
  return {
    p,
    f,
    startsTotal: results.length,
    startsConverged: converged,
    startsFailed: failed,
    startsAtBest: Math.max(atBest, 1),
    secondBest,
    evaluations,
  };
}

/** Refits resamples [from, to) starting at the optimum; each row of the answer is θ (law parametrisation) or null when that resample failed. */
export function runBootstrap(c: Compiled, optimum: readonly number[], seed: number, from: number, to: number, onDone?: (done: number) => void): (number[] | null)[] {
  const out: (number[] | null)[] = [];
  for (let b = from; b < to; b++) {
    const W = resampleCounts(c.n, seed, b);
    // converged tightly: the resample's optimum is near the start, so scipy's loose stopping rule would end at once
    const r = lbfgs(c, objectiveOf(c, W), optimum, true);
    out.push(Number.isFinite(r.f) && r.x.every(Number.isFinite) ? Array.from(toLaw(c, r.x)) : null);
    onDone?.(b - from + 1);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Identifiability: the Jacobian of the fitted curve with respect to the free
// coefficients must have full column rank at a generic point. Where it does
// not (A·B·N^alpha, or E + c + A/N^alpha), no data can separate them.

/** Singular values and right singular vectors of an n × k matrix (one-sided Jacobi). */
export function svd(rows: Float64Array[], k: number): { values: number[]; vectors: number[][] } {
  const U = rows.map((r) => Float64Array.from(r));
  const V = Array.from({ length: k }, (_, i) => Float64Array.from({ length: k }, (_, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < k - 1; p++) {
      for (let q = p + 1; q < k; q++) {
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        for (const row of U) {
          const up = row[p] as number; // cast: p < k, the length of every row
          const uq = row[q] as number; // cast: q < k
          alpha += up * up;
          beta += uq * uq;
          gamma += up * uq;
        }
        if (gamma === 0 || Math.abs(gamma) <= 1e-15 * Math.sqrt(alpha * beta)) continue;
        off = Math.max(off, Math.abs(gamma) / Math.sqrt(alpha * beta));
        const zeta = (beta - alpha) / (2 * gamma);
        const t = Math.sign(zeta || 1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const cs = 1 / Math.sqrt(1 + t * t);
        const sn = cs * t;
        for (const row of U) {
          const up = row[p] as number; // cast: p < k
          const uq = row[q] as number; // cast: q < k
          row[p] = cs * up - sn * uq;
          row[q] = sn * up + cs * uq;
        }
        for (const row of V) {
          const vp = row[p] as number; // cast: p < k, V is k × k
          const vq = row[q] as number; // cast: q < k
          row[p] = cs * vp - sn * vq;
          row[q] = sn * vp + cs * vq;
        }
      }
    }
    if (off < 1e-15) break;
  }
  const values = Array.from({ length: k }, (_, j) => Math.sqrt(U.reduce((s, r) => s + (r[j] as number) ** 2, 0))); // cast: j < k
  const vectors = Array.from({ length: k }, (_, j) => V.map((r) => r[j] as number)); // cast: j < k
  return { values, vectors };
}

/** Jacobian rows ∂f(x_i)/∂θ_j, each column scaled by |θ_j| (so units do not matter). */
function jacobian(c: Compiled, theta: Float64Array): Float64Array[] | null {
  const g = new Float64Array(c.k);
  const rows: Float64Array[] = [];
  for (const x of pointsOf(c.problem.x, c.n)) {
    const f = c.kernel(theta, x, g);
    if (!Number.isFinite(f) || !g.every(Number.isFinite)) return null;
    rows.push(Float64Array.from(zip(g, theta), ([v, t]) => v * Math.max(Math.abs(t), 1e-8)));
  }
  return rows;
}

/** The data as points: the i-th holds every column's i-th value, in column order. */
export function pointsOf(columns: readonly ArrayLike<number>[], n: number): Float64Array[] {
  return Array.from({ length: n }, (_, i) => Float64Array.from(columns, (col) => col[i] as number)); // cast: i < n, the length of every column
}

const RANK_TOL = 1e-9;

/**
 * Throws 422 when the free coefficients cannot all be identified: at two
 * random points near the starts, some combination of them leaves the curve
 * unchanged on every data point. Names the coefficients involved.
 */
export function checkIdentifiable(c: Compiled): void {
  const rand = stream(0x1d, 7);
  const base = c.problem.starts[0] ?? c.problem.free.map(() => 0);
  let deficient = 0;
  let tried = 0;
  let culprit: number[] | null = null;
  for (let attempt = 0; attempt < 12 && tried < 2; attempt++) {
    const p = base.map((v) => v + (rand() - 0.5) * 0.6 * (Math.abs(v) + 0.5));
    const theta = toLaw(c, p);
    const J = jacobian(c, theta);
    if (!J) continue;
    tried++;
    const { values, vectors } = svd(J, c.k);
    const max = Math.max(...values);
    const min = Math.min(...values);
    if (max > 0 && min <= RANK_TOL * max) {
      deficient++;
      culprit = vectors[values.indexOf(min)] ?? null;
    } else return;
  }
  if (tried > 0 && deficient === tried && culprit) {
    const names = c.problem.free.filter((_, j) => Math.abs(culprit?.[j] ?? 0) > 0.1).map((f) => f.symbol);
    throw fail(
      "free",
      `the free coefficients cannot all be identified: ${names.join(", ")} change the curve only in a combination that leaves it unchanged on the data (for example a product or a sum of constants). Fix one of them or rewrite the form.`,
    );
  }
}

// ---------------------------------------------------------------------------
// Summaries



/** R² and RMS of log predictions against log measurements (nulls unless every value is positive and finite). */
export function logFit(measured: readonly number[] | Float64Array, predicted: readonly number[] | Float64Array): { r2: number | null; rmse: number | null } {
  const n = measured.length;
  if (predicted.length !== n) return { r2: null, rmse: null };
  const pairs = zip(measured, predicted);
  let mean = 0;
  for (const [y, f] of pairs) {
    if (!(y > 0) || !(f > 0) || !Number.isFinite(y) || !Number.isFinite(f)) return { r2: null, rmse: null };
    mean += Math.log(y) / n;
  }
  let ssr = 0;
  let sst = 0;
  for (const [y, f] of pairs) {
    const ly = Math.log(y);
    ssr += (ly - Math.log(f)) ** 2;
    sst += (ly - mean) ** 2;
  }
  return { r2: sst > 0 ? 1 - ssr / sst : null, rmse: n > 0 ? Math.sqrt(ssr / n) : null };
}

/** numpy's default percentile (linear interpolation between order statistics). */
export function percentile(sorted: readonly number[], q: number): number {
  const pos = (q / 100) * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  const a = sorted[lo];
  const b = sorted[hi];
  // only an empty list has no order statistics
  if (a === undefined || b === undefined) return Number.NaN;
  return a + (pos - lo) * (b - a);
}

export function summarise(c: Compiled, optimum: Optimum, boot: (number[] | null)[] | null, seed: number): FitSummary {
  const theta = toLaw(c, optimum.p);
  const names = c.problem.free.map((f) => f.symbol);
  const ok = (boot ?? []).filter((r): r is number[] => r !== null);
  // each coefficient's values over the resamples that fitted (every row holds k values)
  const samples = names.map((_, j) => ok.map((r) => r[j] as number)); // cast: j < k
  let covariance: number[][] | null = null;
  const coefficients: Record<string, CoefficientEstimate> = Object.create(null);
  if (ok.length >= 2) {
    const centred = samples.map((xs) => {
      const mean = xs.reduce((s, v) => s + v, 0) / ok.length;
      return xs.map((v) => v - mean);
    });
    covariance = centred.map((a) => centred.map((b) => zip(a, b).reduce((s, [u, v]) => s + u * v, 0) / (ok.length - 1)));
  }
  for (const [j, [s, value]] of zip(names, theta).entries()) {
    let se: number | null = null;
    let interval: [number, number] | null = null;
    const variance = covariance?.[j]?.[j];
    const xs = samples[j];
    if (variance !== undefined && xs) {
      se = Math.sqrt(variance);
      const sorted = [...xs].sort((a, b) => a - b);
      interval = [percentile(sorted, 2.5), percentile(sorted, 97.5)];
    }
    coefficients[s] = { value, se, interval };
  }
  const { fitted, residuals } = residualsOf(c, theta);
  const { r2: r2Log, rmse: rmseLog } = logFit(c.problem.y, fitted);
  return {
    coefficients,
    order: names,
    covariance,
    objective: optimum.f,
    residuals,
    fitted,
    r2Log,
    rmseLog,
    bootstrap: boot ? { resamples: boot.length, failed: boot.length - ok.length, seed, level: 0.95 } : null,
  };
}

/** Fitted values and residuals (log y − log f for log objectives, y − f otherwise) at θ. */
export function residualsOf(c: Compiled, theta: Float64Array): { fitted: number[]; residuals: number[] } {
  const g = new Float64Array(c.k);
  const fitted: number[] = [];
  const residuals: number[] = [];
  const logTarget = c.problem.objective.loss !== "mse";
  for (const [x, y] of zip(pointsOf(c.problem.x, c.n), c.problem.y)) {
    const f = c.kernel(theta, x, g);
    fitted.push(f);
    residuals.push(logTarget ? Math.log(y) - Math.log(f) : y - f);
  }
  return { fitted, residuals };
}

/**
 * A prediction of the fitted law at x with a 95% interval from the bootstrap
 * covariance, by the delta method with the full covariance (σ² = gᵀΣg).
 */
export function predictAt(c: Compiled, theta: Float64Array, covariance: number[][] | null, x: ArrayLike<number>): { value: number; interval: [number, number] | null; sigma: number | null } {
  const g = new Float64Array(c.k);
  const value = c.kernel(theta, x, g);
  if (!covariance) return { value, interval: null, sigma: null };
  let v = 0;
  for (const [ga, row] of zip(g, covariance)) for (const [gb, cov] of zip(g, row)) v += ga * cov * gb;
  const sigma = Math.sqrt(Math.max(v, 0));
  return { value, interval: [value - 1.96 * sigma, value + 1.96 * sigma], sigma };
}

/** Every combination of per-coefficient values, first coefficient varying slowest (itertools.product order). */
export function gridStarts(values: readonly (readonly number[])[]): number[][] {
  let out: number[][] = [[]];
  for (const vs of values) out = out.flatMap((prefix) => vs.map((v) => [...prefix, v]));
  return out;
}


/** The fitted law at many points (columns in the order of the problem's inputs). */
export function predictMany(c: Compiled, theta: Float64Array, covariance: number[][] | null, cols: readonly ArrayLike<number>[]): Predictions {
  const values: number[] = [];
  const intervals: ([number, number] | null)[] = [];
  for (const x of pointsOf(cols, cols[0]?.length ?? 0)) {
    const p = predictAt(c, theta, covariance, x);
    values.push(p.value);
    intervals.push(Number.isFinite(p.value) ? p.interval : null);
  }
  return { values, intervals };
}
