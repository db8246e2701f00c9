/**
 * Every built-in function works the same way in every consumer derived from
 * lib/expr/functions.ts: the parser accepts it at its arity and refuses it
 * beyond, the compiler, the generated JavaScript and Python, and the fit
 * program's lowering compute the same known value, and its LaTeX renders.
 */
import { execFileSync } from "node:child_process";
import katex from "katex";
import { describe, expect, it } from "vitest";
import { compile, prepare, toCode, toLatex } from "@/lib/expr";
import { FUNCTIONS, type FunctionName } from "@/lib/expr/functions";
import { buildProgram, compileKernel } from "@/lib/fit/program";

/** One call per function at a point, with its value known without any of the code under test. */
const CASES: { readonly [K in FunctionName]: { expr: string; value: number; latex: string } } = {
  exp: { expr: "exp(x - 2)", value: 1, latex: "\\exp\\left(x - 2\\right)" },
  log: { expr: "log(x * 0 + 1)", value: 0, latex: "\\ln" },
  ln: { expr: "ln(x / 2)", value: 0, latex: "\\ln" },
  log10: { expr: "log10(x * 50)", value: 2, latex: "\\log_{10}" },
  log2: { expr: "log2(x * 4)", value: 3, latex: "\\log_{2}" },
  sqrt: { expr: "sqrt(x * 8)", value: 4, latex: "\\sqrt{" },
  abs: { expr: "abs(1 - x * 3)", value: 5, latex: "\\left|" },
  pow: { expr: "pow(x, 3)", value: 8, latex: "^{3}" },
  min: { expr: "min(x, 7, 9)", value: 2, latex: "\\min" },
  max: { expr: "max(x, 7, 9)", value: 9, latex: "\\max" },
};
const X = 2;

function python(code: string): number | null {
  try {
    return Number(execFileSync("python3", ["-c", `import math\nx = ${X}\nprint(repr(${code}))`], { encoding: "utf8" }).trim());
  } catch {
    return null;
  }
}
const hasPython = python("1") === 1;

describe("built-in functions: one table, every consumer", () => {
  it("has a case for every function in the table, and no more", () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(FUNCTIONS).sort());
  });

  for (const [name, c] of Object.entries(CASES) as [FunctionName, (typeof CASES)[FunctionName]][]) {
    it(`${name}: same value compiled, in generated JavaScript${hasPython ? " and Python" : ""}, and in the fit program; LaTeX renders`, () => {
      const tree = prepare(c.expr, { symbols: new Set(["x"]) });
      expect(compile(tree, { inputs: ["x"], constants: new Map() })([X])).toBeCloseTo(c.value, 12);
      const js = new Function("x", `return ${toCode(tree, "javascript")};`) as (x: number) => number;
      expect(js(X)).toBeCloseTo(c.value, 12);
      if (hasPython) expect(python(toCode(tree, "python"))).toBeCloseTo(c.value, 12);
      const kernel = compileKernel(buildProgram(tree, { inputs: ["x"], params: [], constants: new Map(), lse: false, target: "raw" }));
      expect(kernel(new Float64Array(0), [X], new Float64Array(0))).toBeCloseTo(c.value, 12);
      const latex = toLatex(tree);
      expect(latex).toContain(c.latex);
      expect(() => katex.renderToString(latex, { throwOnError: true })).not.toThrow();
    });

    it(`${name}: refused beyond its arity, naming the function`, () => {
      const { max } = FUNCTIONS[name].arity;
      const args = Array.from({ length: max + 1 }, () => "x").join(", ");
      expect(() => prepare(`${name}(${args})`, { symbols: new Set(["x"]) })).toThrow(new RegExp(name));
    });
  }

  it("calls nothing outside the table, own properties included", () => {
    for (const name of ["constructor", "toString", "eval", "Function", "floor"]) {
      expect(() => prepare(`${name}(1)`, { symbols: new Set() }), name).toThrow(/[Uu]nknown function/);
    }
  });
});
