import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { prepare } from "@/lib/expr";
import { buildProgram, compileKernel, compileObjective, precompute } from "@/lib/fit/program";

/** Relative difference, failing with the numbers in the message. */
function near(actual: number, expected: number, rel: number, what: string) {
  const scale = Math.max(Math.abs(expected), 1e-10);
  expect(Math.abs(actual - expected) / scale, `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(rel);
}

const FORMS: { name: string; expr: string; inputs: string[]; params: string[]; log: string[]; p: number[] }[] = [
  { name: "Chinchilla", expr: "E + A / N^alpha + B / D^beta", inputs: ["N", "D"], params: ["E", "A", "B", "alpha", "beta"], log: [], p: [1.7, 400, 410, 0.34, 0.28] },
  { name: "Chinchilla, logs", expr: "E + A / N^alpha + B / D^beta", inputs: ["N", "D"], params: ["A", "B", "E", "alpha", "beta"], log: ["A", "B", "E"], p: [6, 6, 0.5, 0.34, 0.28] },
  { name: "Kaplan L(N, D)", expr: "((N_c / N)^(alpha_N / alpha_D) + D_c / D)^alpha_D", inputs: ["N", "D"], params: ["N_c", "alpha_N", "D_c", "alpha_D"], log: [], p: [8.8e13, 0.076, 5.4e13, 0.095] },
  { name: "saturating exp with min/max", expr: "c - k * exp(-g * min(x, y)) + max(x, 2) * 0 + sqrt(abs(q)) * log2(x) / log10(y + 10)", inputs: ["x", "y"], params: ["c", "k", "g", "q"], log: [], p: [0.9, 2.2, 0.7, 3] },
  { name: "powers of parameters", expr: "(a * x)^b + pow(x, c) / (1 + x^-b)", inputs: ["x"], params: ["a", "b", "c"], log: [], p: [1.3, 0.6, -0.4] },
];

function data(inputs: string[], n: number, seed: number): Float64Array[] {
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  return inputs.map((name) => Float64Array.from({ length: n }, () => (name === "x" || name === "y" ? 0.5 + 4 * rand() : 10 ** (8 + 4 * rand()))));
}

describe("program: analytic gradients from the expression tree", () => {
  it.each(FORMS)("$name: objective gradient equals central differences (Huber, least squares, log and raw, with and without log-sum-exp)", (f) => {
    const tree = prepare(f.expr, { symbols: new Set([...f.inputs, ...f.params]) });
    let compared = 0;
    for (const target of ["log", "raw"] as const) {
      for (const lse of [false, true]) {
        const prog = buildProgram(tree, { inputs: f.inputs, params: f.params.map((s) => ({ symbol: s, log: f.log.includes(s) })), constants: new Map(), lse, target });
        const x = data(f.inputs, 37, 7);
        const kernel = compileKernel(buildProgram(tree, { inputs: f.inputs, params: f.params.map((s) => ({ symbol: s, log: false })), constants: new Map(), lse: false, target: "raw" }));
        const theta = Float64Array.from(f.p, (v, i) => (f.log.includes(f.params[i] as string) ? Math.exp(v) : v));
        // targets near the law's values, so that residuals fall on both sides of δ
        const y = Float64Array.from({ length: 37 }, (_, i) => {
          const v = kernel(theta, f.inputs.map((_, j) => (x[j] as Float64Array)[i] as number), new Float64Array(f.p.length));
          const t = v * (1 + 0.01 * Math.sin(i));
          return target === "log" ? Math.log(Math.abs(t)) : t;
        });
        for (const kind of ["huber", "sse", "mean-sse"] as const) {
          const obj = compileObjective(prog, { kind, delta: 3e-3 });
          const X = [...x, ...precompute(prog, obj.dataColumns, x)];
          const p = Float64Array.from(f.p);
          const g = new Float64Array(p.length);
          const f0 = obj.fn(p, X, y, null, 37, g);
          if (!Number.isFinite(f0)) continue; // e.g. log of a negative law value: nothing to differentiate
          p.forEach((v, k) => {
            const h = 1e-6 * Math.max(Math.abs(v), 1e-3);
            const up = Float64Array.from(p);
            const down = Float64Array.from(p);
            up[k] = v + h;
            down[k] = v - h;
            const tmp = new Float64Array(p.length);
            const fd = (obj.fn(up, X, y, null, 37, tmp) - obj.fn(down, X, y, null, 37, tmp)) / (2 * h);
            near(g[k] as number, fd, 2e-4, `${f.name} ${target} lse=${lse} ${kind} ∂/∂${f.params[k]}`);
            compared++;
          });
        }
      }
    }
    // the raw target is finite for every form, so at least those gradients were compared
    expect(compared).toBeGreaterThanOrEqual(f.params.length * 6);
  });

  it("log-sum-exp and the direct sum give the same objective", () => {
    const f = FORMS[1] as (typeof FORMS)[number];
    const tree = prepare(f.expr, { symbols: new Set([...f.inputs, ...f.params]) });
    const x = data(f.inputs, 50, 3);
    const y = Float64Array.from({ length: 50 }, (_, i) => Math.log(2 + 0.1 * Math.cos(i)));
    const value = (lse: boolean) => {
      const prog = buildProgram(tree, { inputs: f.inputs, params: f.params.map((s) => ({ symbol: s, log: f.log.includes(s) })), constants: new Map(), lse, target: "log" });
      const obj = compileObjective(prog, { kind: "huber", delta: 1e-3 });
      return obj.fn(Float64Array.from(f.p), [...x, ...precompute(prog, obj.dataColumns, x)], y, null, 50, new Float64Array(5));
    };
    near(value(true), value(false), 1e-12, "objective");
  });

  it("weights act as repeated points (a bootstrap resample is a weighting)", () => {
    const f = FORMS[0] as (typeof FORMS)[number];
    const tree = prepare(f.expr, { symbols: new Set([...f.inputs, ...f.params]) });
    const prog = buildProgram(tree, { inputs: f.inputs, params: f.params.map((s) => ({ symbol: s, log: false })), constants: new Map(), lse: false, target: "log" });
    const obj = compileObjective(prog, { kind: "mean-sse", delta: 1 });
    const x = data(f.inputs, 4, 11);
    const y = Float64Array.of(1, 1.1, 0.9, 1.05).map(Math.log);
    const X = [...x, ...precompute(prog, obj.dataColumns, x)];
    const weighted = obj.fn(Float64Array.from(f.p), X, y, Float64Array.of(2, 0, 1, 1), 4, new Float64Array(5));
    const rep = [0, 0, 2, 3];
    const Xr = X.map((c) => Float64Array.from(rep, (i) => c[i] as number));
    const repeated = obj.fn(Float64Array.from(f.p), Xr, Float64Array.from(rep, (i) => y[i] as number), null, 4, new Float64Array(5));
    near(weighted, repeated, 1e-14, "weighted vs repeated");
  });

  it("kernel gradients equal central differences at random coefficients (property)", () => {
    const tree = prepare("E + A / N^alpha + B / D^beta", { symbols: new Set(["N", "D", "E", "A", "B", "alpha", "beta"]) });
    const kernel = compileKernel(buildProgram(tree, { inputs: ["N", "D"], params: ["E", "A", "B", "alpha", "beta"].map((s) => ({ symbol: s, log: false })), constants: new Map(), lse: false, target: "raw" }));
    fc.assert(
      fc.property(
        fc.tuple(fc.double({ min: 0.5, max: 3, noNaN: true }), fc.double({ min: 10, max: 1e4, noNaN: true }), fc.double({ min: 10, max: 1e4, noNaN: true }), fc.double({ min: 0.05, max: 0.8, noNaN: true }), fc.double({ min: 0.05, max: 0.8, noNaN: true })),
        fc.double({ min: 1e6, max: 1e12, noNaN: true }),
        fc.double({ min: 1e8, max: 1e13, noNaN: true }),
        (theta, N, D) => {
          const p = Float64Array.from(theta);
          const g = new Float64Array(5);
          const f = kernel(p, [N, D], g);
          p.forEach((v, k) => {
            const h = 1e-6 * Math.abs(v);
            const a = Float64Array.from(p);
            const b = Float64Array.from(p);
            a[k] = v + h;
            b[k] = v - h;
            const fd = (kernel(a, [N, D], new Float64Array(5)) - kernel(b, [N, D], new Float64Array(5))) / (2 * h);
            // central differences lose about ε·|f|/h to cancellation; allow that on top of 1e-5 relative
            const tol = 1e-5 * Math.abs(fd) + 1e-13 * Math.abs(f) / h;
            expect(Math.abs((g[k] as number) - fd), `∂/∂θ${k}: ${g[k]} vs ${fd}`).toBeLessThanOrEqual(tol);
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it("generated code holds no caller text: names never reach the source", () => {
    const tree = prepare("constructor + __proto__ * toString", { symbols: new Set(["constructor", "__proto__", "toString"]) });
    const prog = buildProgram(tree, { inputs: ["toString"], params: [{ symbol: "constructor", log: true }, { symbol: "__proto__", log: false }], constants: new Map(), lse: false, target: "raw" });
    const { source } = compileObjective(prog, { kind: "sse", delta: 1 });
    expect(source).not.toMatch(/constructor|__proto__|toString/);
  });
});
