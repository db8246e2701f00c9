import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { type FitProblem, checkIdentifiable, compileProblem, gridStarts, percentile } from "@/lib/fit/engine";
import { minimize } from "@/lib/fit/lbfgs";
import { fit, inlineRunner } from "@/lib/fit/run";
import { stream } from "@/lib/fit/rng";
import { thrown } from "@/tests/helpers";

const CHINCHILLA = "E + A / N^alpha + B / D^beta";

/** Points of a Chinchilla-form law on a log grid of N and D, times log-normal noise of `sigma`. */
function chinchillaData(theta: { E: number; A: number; B: number; alpha: number; beta: number }, n: number, sigma: number, seed: number) {
  const rand = stream(seed, 0);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const N = Float64Array.from({ length: n }, () => 10 ** (7.5 + 3 * rand()));
  const D = Float64Array.from({ length: n }, () => 10 ** (9 + 3 * rand()));
  const L = Float64Array.from({ length: n }, (_, i) => (theta.E + theta.A / (N[i] as number) ** theta.alpha + theta.B / (D[i] as number) ** theta.beta) * Math.exp(sigma * gauss()));
  return { N, D, L };
}

function problem(d: { N: Float64Array; D: Float64Array; L: Float64Array }, over: Partial<FitProblem> = {}): FitProblem {
  return {
    expr: CHINCHILLA,
    inputs: ["N", "D"],
    output: "L",
    free: ["A", "B", "E"].map((s) => ({ symbol: s, log: true })).concat(["alpha", "beta"].map((s) => ({ symbol: s, log: false }))),
    fixed: {},
    objective: { loss: "huber-log", delta: 1e-3 },
    lse: true,
    starts: gridStarts([[0, 5, 10], [0, 5, 10], [-1, 0.5], [0.2, 0.6], [0.2, 0.6]]),
    x: [d.N, d.D],
    y: d.L,
    ...over,
  };
}


describe("L-BFGS", () => {
  it("minimises Rosenbrock's function to its minimum (1, 1)", () => {
    const r = minimize(
      (x, g) => {
        const [a = 0, b = 0] = x;
        g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
        g[1] = 200 * (b - a * a);
        return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
      },
      Float64Array.of(-1.2, 1),
      { ftol: 1e-15, gtol: 1e-10, fscale: "relative" },
    );
    expect(r.converged).toBe(true);
    expect(Math.abs((r.x[0] as number) - 1)).toBeLessThan(1e-6);
    expect(Math.abs((r.x[1] as number) - 1)).toBeLessThan(1e-6);
  });
  it("respects bounds: the minimum of (x − 3)² on [0, 2] is at the bound 2", () => {
    const r = minimize((x, g) => {
      g[0] = 2 * ((x[0] as number) - 3);
      return ((x[0] as number) - 3) ** 2;
    }, Float64Array.of(0.5), { lower: Float64Array.of(0), upper: Float64Array.of(2) });
    expect(r.x[0]).toBe(2);
  });
  it("says so when it starts where the objective is not finite", () => {
    const r = minimize(() => Number.NaN, Float64Array.of(1));
    expect(r.reason).toBe("non-finite-start");
    expect(r.f).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("fit: recovery of known laws (property over random laws)", () => {
  it("fits noiseless data from random Chinchilla-form laws back to their coefficients", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          E: fc.double({ min: 0.5, max: 3, noNaN: true }),
          A: fc.double({ min: 50, max: 5000, noNaN: true }),
          B: fc.double({ min: 50, max: 5000, noNaN: true }),
          alpha: fc.double({ min: 0.15, max: 0.6, noNaN: true }),
          beta: fc.double({ min: 0.15, max: 0.6, noNaN: true }),
        }),
        fc.integer({ min: 1, max: 1_000_000 }),
        async (theta, seed) => {
          const d = chinchillaData(theta, 120, 0, seed);
          // only laws whose terms the data can see: each power-law term is at least 3% of the loss somewhere
          const share = (term: (i: number) => number) => Math.max(...Array.from(d.L, (l, i) => term(i) / l));
          fc.pre(share((i) => theta.A / (d.N[i] as number) ** theta.alpha) > 0.03 && share((i) => theta.B / (d.D[i] as number) ** theta.beta) > 0.03);
          const out = await fit(problem(d), { bootstrap: 0, seed: 1 });
          const c = out.summary.coefficients;
          for (const s of ["E", "alpha", "beta"] as const) {
            expect(Math.abs((c[s]?.value as number) / theta[s] - 1), `${s}: ${c[s]?.value} vs ${theta[s]}`).toBeLessThan(2e-3);
          }
          for (const s of ["A", "B"] as const) {
            expect(Math.abs(Math.log((c[s]?.value as number) / theta[s])), `${s}: ${c[s]?.value} vs ${theta[s]}`).toBeLessThan(2e-2);
          }
        },
      ),
      { numRuns: 12, maxSkipsPerRun: 200 },
    );
  });

  it("with 1% noise, the 95% bootstrap intervals of α and β cover the truth and E is within 3 standard errors (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1_000_000 }), async (seed) => {
        const theta = { E: 1.8, A: 480, B: 2100, alpha: 0.35, beta: 0.37 };
        const d = chinchillaData(theta, 240, 0.01, seed);
        const out = await fit(problem(d, { starts: gridStarts([[6], [7.5], [0.5], [0.35], [0.35]]) }), { bootstrap: 60, seed });
        const c = out.summary.coefficients;
        for (const s of ["alpha", "beta"] as const) {
          const iv = c[s]?.interval as [number, number];
          // a 95% interval may miss; 3× its half-width around the estimate must not
          const half = (iv[1] - iv[0]) / 2;
          expect(Math.abs((c[s]?.value as number) - theta[s]), `${s}`).toBeLessThan(3 * half);
        }
        expect(Math.abs((c.E?.value as number) - theta.E)).toBeLessThan(3 * (c.E?.se as number));
      }),
      { numRuns: 4 },
    );
  });

  it("recovers a one-input exponential law under least squares on the output", async () => {
    const L = Float64Array.from({ length: 30 }, (_, i) => 2.5 + 0.1 * i);
    const y = L.map((v) => 0.86 - 2.2 * Math.exp(-0.71 * v));
    const out = await fit(
      { expr: "epsilon - k * exp(-gamma * L)", inputs: ["L"], output: "Err", free: ["epsilon", "k", "gamma"].map((s) => ({ symbol: s, log: false })), fixed: {}, objective: { loss: "mse", delta: 1 }, lse: false, starts: [[1, 1, 1]], x: [L], y },
      { bootstrap: 0, seed: 0 },
    );
    expect(out.summary.coefficients.gamma?.value).toBeCloseTo(0.71, 6);
    expect(out.summary.coefficients.k?.value).toBeCloseTo(2.2, 5);
  });
});

describe("fit: bootstrap", () => {
  const d = chinchillaData({ E: 1.8, A: 480, B: 2100, alpha: 0.35, beta: 0.37 }, 120, 0.02, 5);
  const p = problem(d, { starts: gridStarts([[6], [7.5], [0.5], [0.35], [0.35]]) });
  it("gives the same answer for the same seed, and another for another seed", async () => {
    const a = await fit(p, { bootstrap: 40, seed: 7 });
    const b = await fit(p, { bootstrap: 40, seed: 7 });
    const c = await fit(p, { bootstrap: 40, seed: 8 });
    expect(b.summary.covariance).toEqual(a.summary.covariance);
    expect(b.summary.coefficients.alpha?.interval).toEqual(a.summary.coefficients.alpha?.interval);
    expect(c.summary.covariance).not.toEqual(a.summary.covariance);
  });
  it("does not depend on how resamples are split between workers", async () => {
    const whole = await fit(p, { bootstrap: 30, seed: 3 }, inlineRunner);
    const split = await fit(p, { bootstrap: 30, seed: 3 }, { parallelism: 3, run: inlineRunner.run });
    expect(split.summary.covariance).toEqual(whole.summary.covariance);
  });
  it("reports intervals as numpy's linear-interpolation percentiles", () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([0, 10], 2.5)).toBeCloseTo(0.25, 12);
  });
});

describe("fit: bad input names the field", () => {
  const d = chinchillaData({ E: 1.8, A: 480, B: 2100, alpha: 0.35, beta: 0.37 }, 10, 0, 1);
  const cases: { name: string; over: Partial<FitProblem>; status: number; field: string; message: RegExp }[] = [
    { name: "fewer points than coefficients", over: { x: [d.N.slice(0, 3), d.D.slice(0, 3)], y: d.L.slice(0, 3) }, status: 422, field: "data", message: /3 point\(s\) cannot determine 5 free coefficients/ },
    { name: "a non-positive output under a log objective", over: { y: Float64Array.from(d.L, (v, i) => (i === 4 ? -1 : v)) }, status: 400, field: "data.L[4]", message: /takes its log/ },
    { name: "NaN in an input", over: { x: [Float64Array.from(d.N, (v, i) => (i === 2 ? Number.NaN : v)), d.D] }, status: 400, field: "data.N[2]", message: /finite/ },
    { name: "a zero input", over: { x: [d.N, Float64Array.from(d.D, (v, i) => (i === 1 ? 0 : v))] }, status: 400, field: "data.D[1]", message: /greater than 0/ },
    { name: "columns of different lengths", over: { x: [d.N.slice(0, 9), d.D] }, status: 400, field: "data.N", message: /has 9 values/ },
    { name: "an unknown name in the expression", over: { expr: "E + A / N^alpha + B / D^gamma" }, status: 400, field: "expr", message: /Unknown name "gamma"/ },
    { name: "a free coefficient the expression does not use", over: { expr: "E + A / N^alpha + B / D^0.3" }, status: 422, field: "free", message: /beta does not appear/ },
  ];
  it.each(cases)("$name", ({ over, status, field, message }) => {
    const e = thrown(() => compileProblem(problem(d, over)));
    expect(e.status).toBe(status);
    expect(e.field).toBe(field);
    expect(e.message).toMatch(message);
  });
  it("a form whose coefficients cannot be identified (a product of two) is refused, naming them", () => {
    const e = thrown(() =>
      checkIdentifiable(
        compileProblem({
          ...problem(d),
          expr: "E + A * C / N^alpha + B / D^beta",
          free: ["E", "A", "C", "B", "alpha", "beta"].map((s) => ({ symbol: s, log: false })),
          starts: [[1.8, 20, 20, 2000, 0.3, 0.3]],
        }),
      ),
    );
    expect(e.status).toBe(422);
    expect(e.message).toMatch(/cannot all be identified: A, C/);
  });
  it("an identifiable form passes the same test", () => {
    expect(() => checkIdentifiable(compileProblem(problem(d)))).not.toThrow();
  });
});
