import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { type Law, evaluate, executable } from "@/lib/law";
import { deltaInterval, valueIntervals } from "@/lib/uncertainty";
import { expectClose } from "../helpers";

const base: Law = {
  id: "test-2024-x/l",
  paper: "test-2024-x",
  key: "l",
  name: "t",
  expr: "E + A / N^alpha",
  output: { symbol: "L", quantity: "loss", unit: "nat/token" },
  inputs: [{ symbol: "N", quantity: "params", unit: "param" }],
  coefficients: [
    { symbol: "E", value: 2, stderr: 0.1, source: "t" },
    { symbol: "A", value: 100, stderr: 10, source: "t" },
    { symbol: "alpha", value: 0.5, source: "t" },
  ],
  source: "t",
  variant: null,
  variants: [],
  verification: { level: "paper", source: "t" },
  checks: [],
  refits: [],
  links: [],
};

describe("deltaInterval", () => {
  it("equals the analytic σ for independent errors: σ² = σ_E² + (σ_A / N^α)²", () => {
    const N = 1e4;
    const iv = deltaInterval(base, (l) => evaluate(l, { N }).value);
    const sigma = Math.sqrt(0.1 ** 2 + (10 / N ** 0.5) ** 2);
    expectClose(iv?.sigma ?? 0, sigma, 1e-6);
    expectClose(iv?.lo ?? 0, 2 + 100 / 100 - 1.96 * sigma, 1e-6);
    expect(iv?.method).toMatch(/independent/);
  });
  it("is null when no coefficient has a standard error", () => {
    const law = { ...base, coefficients: base.coefficients.map(({ stderr: _s, ...c }) => c) };
    expect(deltaInterval(law, (l) => evaluate(l, { N: 10 }).value)).toBeNull();
  });
});

describe("valueIntervals (many points)", () => {
  it("gives at each point exactly deltaInterval of the law's value there", () => {
    const at = valueIntervals(base);
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e12, noNaN: true }), (N) => {
        const x = new Float64Array([N]);
        const y = executable(base).fn(x);
        expect(at?.(x, y)).toEqual(deltaInterval(base, (l) => executable(l).fn(x), y));
      }),
      { numRuns: 200 },
    );
  });
  it("is null when no coefficient has a standard error", () => {
    expect(valueIntervals({ ...base, coefficients: base.coefficients.map(({ stderr: _s, ...c }) => c) })).toBeNull();
  });
});
