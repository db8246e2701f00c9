import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate } from "@/lib/law";
import { optimize } from "@/lib/optimize";
import { expectClose } from "../helpers";
import { law, quantities } from "../registry";

const coef = (id: string, s: string) => law(id).coefficients.find((c) => c.symbol === s)?.value as number;

/** Hoffmann et al. Eq. 4: N_opt = G (C/6)^a with G = (αA/(βB))^(1/(α+β)), a = β/(α+β). */
function closedForm(id: string, C: number, k = 6) {
  const [A, B, alpha, beta] = ["A", "B", "alpha", "beta"].map((s) => coef(id, s)) as [number, number, number, number];
  const G = ((alpha * A) / (beta * B)) ** (1 / (alpha + beta));
  return { N: G * (C / k) ** (beta / (alpha + beta)), D: G ** -1 * (C / k) ** (alpha / (alpha + beta)) };
}

const CHINCHILLA_FORM = ["hoffmann-2022-chinchilla/loss-nd", "hoffmann-2022-chinchilla/loss-nd~unrounded", "besiroglu-2024-replication/loss-nd"];

describe("optimize", () => {
  it("matches the closed form G·(C/6)^a to 1e-6 relative (property over C and k)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...CHINCHILLA_FORM), fc.double({ min: 18, max: 28, noNaN: true }), fc.constantFrom(6, 8), (id, logC, k) => {
        const C = 10 ** logC;
        const a = optimize(law(id), C, quantities, k);
        const cf = closedForm(id, C, k);
        expectClose(a.N, cf.N, 1e-6);
        expectClose(a.D, cf.D, 1e-6);
        expectClose(k * a.N * a.D, C, 1e-12);
      }),
      { numRuns: 300 },
    );
  });

  it("gives the three answers at the Gopher budget: ~32B rounded, ~40B unrounded, ~72B refit", () => {
    const n = (id: string) => optimize(law(id), 5.76e23, quantities).N / 1e9;
    expect(n("hoffmann-2022-chinchilla/loss-nd")).toBeCloseTo(32.19, 1);
    expect(n("hoffmann-2022-chinchilla/loss-nd~unrounded")).toBeCloseTo(40.36, 1);
    expect(n("besiroglu-2024-replication/loss-nd")).toBeCloseTo(72.25, 1);
  });

  it("agrees with the paper's own frontier law", () => {
    const a = optimize(law("hoffmann-2022-chinchilla/loss-nd~unrounded"), 1e22, quantities);
    const direct = evaluate(law("hoffmann-2022-chinchilla/n-opt~unrounded"), { C: 1e22 }).value;
    expectClose(a.N, direct, 1e-6);
  });

  it("refuses a law without parameters and tokens, naming the field", () => {
    expect(() => optimize(law("kaplan-2020-scaling/loss-cmin"), 1e22, quantities)).toThrow(
      "kaplan-2020-scaling/loss-cmin needs a parameters input and a tokens input to allocate compute; its inputs are C_min (compute)",
    );
  });

  it("refuses a budget below one parameter-token", () => {
    expect(() => optimize(law("hoffmann-2022-chinchilla/loss-nd"), 3, quantities)).toThrow("C = 3 is too small: it buys less than one parameter-token (C/k < 1)");
  });
});
