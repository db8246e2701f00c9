import { describe, expect, it } from "vitest";
import { type Law, evaluate, lawLatex, parseInputs, runCheck } from "@/lib/law";
import { expectClose, thrown } from "../helpers";

const chinchilla: Law = {
  id: "test-2022-law/loss",
  paper: "test-2022-law",
  key: "loss",
  name: "test",
  expr: "E + A / N^alpha + B / D^beta",
  output: { symbol: "L", quantity: "loss", unit: "nat/token" },
  inputs: [
    { symbol: "N", quantity: "params", unit: "param", range: [7e7, 1.6e10], range_source: "x" },
    { symbol: "D", quantity: "tokens", unit: "token", range: [5e9, 5e11], range_source: "x" },
  ],
  coefficients: [
    { symbol: "E", value: 1.69, source: "Eq. 10" },
    { symbol: "A", value: 406.4, source: "Eq. 10" },
    { symbol: "B", value: 410.7, source: "Eq. 10" },
    { symbol: "alpha", value: 0.34, source: "Eq. 10" },
    { symbol: "beta", value: 0.28, source: "Eq. 10" },
  ],
  source: "Eq. 10",
  variant: null,
  variants: [],
  verification: { level: "paper", source: "test" },
  checks: [],
  refits: [],
  links: [],
};

function fieldError(fn: () => unknown): { field: string | null; message: string; status: number } {
  const e = thrown(fn);
  return { field: e.field, message: e.message, status: e.status };
}

describe("evaluate", () => {
  it("computes E + A/N^α + B/D^β with E as the coefficient", () => {
    const p = evaluate(chinchilla, { N: 7e10, D: 1.4e12 });
    expectClose(p.value, 1.69 + 406.4 / 7e10 ** 0.34 + 410.7 / 1.4e12 ** 0.28);
  });

  it("reports how many decades each input lies outside its fitted range", () => {
    const p = evaluate(chinchilla, { N: 1.6e11, D: "5e8" });
    expect(p.extrapolated).toBe(true);
    expect(p.inputs[0]).toMatchObject({ symbol: "N", outside: "above" });
    expectClose(p.inputs[0]?.decades_outside ?? 0, 1);
    expect(p.inputs[1]).toMatchObject({ symbol: "D", outside: "below" });
    expectClose(p.inputs[1]?.decades_outside ?? 0, 1);
    expect(p.warnings).toEqual([
      "N = 1.600e+11 param is 1.0 decade(s) above the fitted range [7.00e+7, 1.60e+10]: extrapolation",
      "D = 5.000e+8 token is 1.0 decade(s) below the fitted range [5.00e+9, 5.00e+11]: extrapolation",
    ]);
  });

  it("is not extrapolated inside the range, ends included", () => {
    const p = evaluate(chinchilla, { N: 7e7, D: 5e11 });
    expect(p.extrapolated).toBe(false);
    expect(p.inputs.map((r) => r.decades_outside)).toEqual([0, 0]);
    expect(p.warnings).toEqual([]);
  });

  const bad: { name: string; raw: Record<string, unknown>; field: string; message: string }[] = [
    { name: "missing input", raw: { N: 1e9 }, field: "D", message: "missing input D (tokens, token)" },
    { name: "extra input", raw: { N: 1e9, D: 1e10, X: 1 }, field: "X", message: "X is not an input of test-2022-law/loss; its inputs are N, D" },
    { name: "not a number", raw: { N: "abc", D: 1e10 }, field: "N", message: 'N must be a number, got "abc"' },
    { name: "hex", raw: { N: "0x10", D: 1e10 }, field: "N", message: 'N must be a number, got "0x10"' },
    { name: "empty string", raw: { N: "", D: 1e10 }, field: "N", message: 'N must be a number, got ""' },
    { name: "negative", raw: { N: "-1", D: 1e10 }, field: "N", message: "N must be greater than 0" },
    { name: "zero", raw: { N: 0, D: 1e10 }, field: "N", message: "N must be greater than 0" },
    { name: "negative zero", raw: { N: -0, D: 1e10 }, field: "N", message: "N must be greater than 0" },
    { name: "overflow", raw: { N: "1e400", D: 1e10 }, field: "N", message: "N must be a finite number" },
    { name: "Infinity", raw: { N: "Infinity", D: 1e10 }, field: "N", message: 'N must be a number, got "Infinity"' },
    { name: "NaN", raw: { N: Number.NaN, D: 1e10 }, field: "N", message: "N must be a finite number" },
    { name: "object", raw: { N: { valueOf: 1 }, D: 1e10 }, field: "N", message: 'N must be a number, got "object"' },
    { name: "prototype name", raw: JSON.parse('{"N": 1, "D": 1, "__proto__": 1}'), field: "__proto__", message: "__proto__ is not an input of test-2022-law/loss; its inputs are N, D" },
  ];
  it.each(bad)("rejects $name naming the field", ({ raw, field, message }) => {
    expect(fieldError(() => evaluate(chinchilla, raw))).toEqual({ field, message, status: 400 });
  });

  it('reads "7e 10" as 7e+10 (a + that an unencoded query turned into a space)', () => {
    expect(evaluate(chinchilla, { N: "7e 10", D: "1.4e+12" }).value).toBe(evaluate(chinchilla, { N: 7e10, D: 1.4e12 }).value);
  });

  it("prefixes fields for batch points", () => {
    expect(fieldError(() => parseInputs(chinchilla, { N: "x", D: 1 }, "points[3].")).field).toBe("points[3].N");
  });

  it("reports a non-finite result as a 400, not a crash", () => {
    const law: Law = { ...chinchilla, expr: "E + A / N^alpha + B / D^beta - 1e308 * 1e308" };
    expect(fieldError(() => evaluate(law, { N: 1e9, D: 1e10 }))).toMatchObject({ field: "inputs", status: 400 });
  });
});

describe("checks and LaTeX", () => {
  it("runs a check at inputs and one on coefficients", () => {
    const r1 = runCheck(chinchilla, { inputs: { N: 1e9, D: 1e10 }, expect: 2.5, rel_tol: 0.2, source: "t", kind: "derived" });
    expect(r1.passed).toBe(true);
    const r2 = runCheck(chinchilla, { of: "beta / (alpha + beta)", expect: 0.46, abs_tol: 0.005, source: "t", kind: "derived" });
    expect(r2.within).toBe(false);
    expect(r2.passed).toBe(false);
    const r3 = { ...runCheck(chinchilla, { of: "beta / (alpha + beta)", expect: 0.46, abs_tol: 0.005, source: "t", kind: "discrepancy" }) };
    expect(r3.passed).toBe(true);
    // a cross-check must hold exactly like a reproducing check
    expect(runCheck(chinchilla, { of: "beta / (alpha + beta)", expect: 0.46, abs_tol: 0.005, source: "t", kind: "cross-check" }).passed).toBe(false);
    expect(runCheck(chinchilla, { of: "beta / (alpha + beta)", expect: 0.452, abs_tol: 0.005, source: "t", kind: "cross-check" }).passed).toBe(true);
  });

  it("renders the law with its output symbol", () => {
    expect(lawLatex(chinchilla)).toBe("L = E + \\frac{A}{N^{\\alpha}} + \\frac{B}{D^{\\beta}}");
  });
});
