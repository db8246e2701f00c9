import { describe, expect, it } from "vitest";
import { type Law, evaluate } from "@/lib/law";
import { ILL_CONDITIONED, IMPRECISE, formatSensitivity, pointSensitivity, printSensitivity, printedStep } from "@/lib/precision";

function law(partial: Partial<Law> & Pick<Law, "expr" | "inputs" | "coefficients">): Law {
  return {
    id: "test-2024-law/f",
    paper: "test-2024-law",
    key: "f",
    name: "test",
    output: { symbol: "y", quantity: "dimensionless", unit: "1" },
    source: "test",
    variant: null,
    variants: [],
    verification: { level: "paper", source: "test" },
    checks: [],
    refits: [],
    links: [],
    ...partial,
  };
}

describe("the step of the last printed digit", () => {
  it.each([
    ["9.91e6", 1e4],
    ["0.20", 0.01],
    ["-180.75", 0.01],
    ["2048", 1],
    ["1.0e-3", 1e-4],
    ["1e9", 1e9],
    [".5", 0.1],
    ["-1.64e+8", 1e6],
  ])("%s → %s", (literal, step) => {
    expect(printedStep(literal)).toBeCloseTo(step, 12 - Math.log10(step));
    expect(printedStep(literal) as number / step).toBeCloseTo(1, 12);
  });

  it.each(["abc", "exp(6.0)", "1.2.3", "", "0x10", "1e"])("%s is not a plain number", (literal) => {
    expect(printedStep(literal)).toBeUndefined();
  });
});

describe("how far the printed digits determine a law", () => {
  // Kaplan's L(N) as printed: alpha_N = 0.076 (step 0.001), N_c = 8.8e13 (step 1e12), over [768, 1.5e9]
  const kaplan = law({
    expr: "(N_c / N)^alpha_N",
    inputs: [{ symbol: "N", quantity: "params-nonembedding", unit: "param", range: [768, 1.5e9], range_source: "x" }],
    coefficients: [
      { symbol: "alpha_N", value: 0.076, step: 0.001, source: "x" },
      { symbol: "N_c", value: 8.8e13, step: 1e12, source: "x" },
    ],
  });

  it("matches the analytic worst case at the far end of the range", () => {
    const s = printSensitivity(kaplan);
    expect(s).not.toBeNull();
    // largest at the smallest N, where ln(N_c/N) is largest
    expect(s?.at.N).toBe(768);
    const logRatio = Math.log(8.8e13 / 768);
    const fromAlpha = Math.exp(logRatio * 0.0005) - 1;
    const fromNc = (8.8e13 / (8.8e13 - 0.5e12)) ** 0.076 - 1;
    expect(s?.relative).toBeCloseTo(fromAlpha + fromNc, 6);
    expect(s?.coefficient).toBe("alpha_N");
    expect(s?.over).toBe("fitted");
    expect(s?.relative).toBeLessThan(IMPRECISE);
  });

  it("more printed digits, less sensitivity", () => {
    const finer = law({ ...kaplan, coefficients: kaplan.coefficients.map((c) => ({ ...c, step: (c.step as number) / 100 })) });
    expect((printSensitivity(finer)?.relative as number) * 100).toBeCloseTo(printSensitivity(kaplan)?.relative as number, 3);
  });

  // Isik et al. Table 5, en-fr after en-MC4 pre-training, 42M fine-tuning tokens: log A = 1.00, alpha = 2.57e-5, beta = 1.11e4
  const broken = law({
    expr: "(log_A + alpha * log(D_p))^beta",
    inputs: [{ symbol: "D_p", quantity: "tokens", unit: "token", plot: [1e9, 1.31072e11] }],
    coefficients: [
      { symbol: "log_A", value: 1.0, step: 0.01, source: "x" },
      { symbol: "alpha", value: 2.57e-5, step: 1e-7, source: "x" },
      { symbol: "beta", value: 1.11e4, step: 100, source: "x" },
    ],
  });

  it("marks a fit whose printed digits do not determine it", () => {
    const s = printSensitivity(broken);
    expect(s?.relative).toBeGreaterThan(1e6);
    expect(s?.over).toBe("plotted");
    expect(formatSensitivity(Number.POSITIVE_INFINITY)).toBe("unbounded");
    expect(formatSensitivity(s?.relative as number)).toBe("more than ±1000%");
    expect(formatSensitivity(0.0123)).toBe("±1.2%");
    expect(formatSensitivity(0.00042)).toBe("±0.04%");
    expect(formatSensitivity(0.39)).toBe("±39%");
  });

  it("predictions say so, and say nothing when the digits suffice", () => {
    const bad = evaluate({ ...broken, sensitivity: printSensitivity(broken) }, { D_p: 1e10 });
    expect(bad.precision?.relative).toBeGreaterThan(ILL_CONDITIONED);
    expect(bad.warnings.join("\n")).toMatch(/^ill-conditioned as printed: half a unit in the last printed digit of the coefficients moves this value by up to more than ±1000% \(most through log_A\)/m);
    const good = evaluate(kaplan, { N: 1e8 });
    expect(good.precision?.relative).toBeGreaterThan(0);
    expect(good.precision?.relative).toBeLessThan(0.01);
    expect(good.warnings.some((w) => w.includes("printed digit"))).toBe(false);
  });

  it("cannot be judged without ranges or without plain printed numbers", () => {
    expect(printSensitivity(law({ ...kaplan, inputs: [{ symbol: "N", quantity: "params-nonembedding", unit: "param" }] }))).toBeNull();
    const noSteps = law({ ...kaplan, coefficients: kaplan.coefficients.map(({ step: _, ...c }) => c) });
    expect(printSensitivity(noSteps)).toBeNull();
    expect(pointSensitivity(noSteps, Float64Array.of(1e6))).toBeNull();
  });

  it("a perturbation that leaves the law's domain is unbounded, not ignored", () => {
    // sqrt(x - c) with c printed as 1.0 at x = 1.02: c + 0.05 makes the root NaN
    const edge = law({
      expr: "sqrt(x - c)",
      inputs: [{ symbol: "x", quantity: "dimensionless", unit: "1", range: [1.02, 2], range_source: "x" }],
      coefficients: [{ symbol: "c", value: 1.0, step: 0.1, source: "x" }],
    });
    expect(pointSensitivity(edge, Float64Array.of(1.02))?.relative).toBe(Number.POSITIVE_INFINITY);
    expect(printSensitivity(edge)?.relative).toBe(Number.POSITIVE_INFINITY);
  });
});
