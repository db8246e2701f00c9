import { describe, expect, it } from "vitest";
import { combine } from "@/lib/combine";
import { evaluate } from "@/lib/law";
import { expectClose, thrown } from "../helpers";
import { law, quantities } from "../registry";

const k = law("kaplan-2020-scaling/loss-n");
const h = law("hoffmann-2022-chinchilla/loss-nd");
const nopt = law("hoffmann-2022-chinchilla/n-opt~unrounded");
const knopt = law("kaplan-2020-scaling/n-opt");

describe("combine", () => {
  it("matches hand computation: h(N, 20*N) - k(N)", () => {
    const r = combine({ laws: { k, h }, expr: "h(N, 20*N) - k(N)", points: [{ N: 1e9 }, { N: "7e10" }] }, quantities);
    for (const [i, N] of [1e9, 7e10].entries()) {
      const hand = evaluate(h, { N, D: 20 * N }).value - evaluate(k, { N }).value;
      expectClose(r.values[i] as number, hand, 1e-14);
    }
    expect(r.output).toEqual({ quantity: "loss", unit: "nat/token" });
    expect(r.warnings).toEqual(["h() = hoffmann-2022-chinchilla/loss-nd and k() = kaplan-2020-scaling/loss-n are measured on different data (MassiveText vs WebText2); their difference mixes them"]);
  });

  it("composes when quantities and units line up: the loss at the paper's own optimum", () => {
    const r = combine({ laws: { h, n: nopt }, expr: "h(n(C), C / (6 * n(C)))", points: [{ C: 5.76e23 }] }, quantities);
    const N = evaluate(nopt, { C: 5.76e23 }).value;
    expectClose(r.values[0] as number, evaluate(h, { N, D: 5.76e23 / (6 * N) }).value, 1e-14);
  });

  const rejected: { name: string; laws: Record<string, typeof h>; expr: string; vars?: Record<string, number>; field: string; message: string }[] = [
    { name: "constructor", laws: { h }, expr: "constructor", field: "expr", message: 'Unknown name "constructor" (char 1)' },
    { name: "__proto__", laws: { h }, expr: "h(__proto__, 1)", field: "expr", message: 'Unknown name "__proto__" (char 3)' },
    { name: "process", laws: { h }, expr: "process.exit(1)", field: "expr", message: 'Unexpected character "." (char 8)' },
    { name: "unknown alias", laws: { h }, expr: "h(N, N) - k(N)", field: "expr", message: 'Unknown function "k" (char 11)' },
    { name: "string", laws: { h }, expr: "h('N', 1)", field: "expr", message: `Unexpected character "'" (char 3)` },
    { name: "assignment", laws: { h }, expr: "N = 1", field: "expr", message: 'Unexpected character "=" (char 3)' },
    { name: "wrong arity", laws: { h }, expr: "h(N)", field: "expr", message: "h() takes 2 arguments, got 1 (char 1)" },
    { name: "an alias used as a value", laws: { h }, expr: "h + 1", field: "expr", message: '"h" is a function; call it as h(...) (char 1)' },
    {
      name: "a loss fed where parameters go",
      laws: { h, k },
      expr: "h(k(N), N)",
      field: "expr",
      message: "h() argument 1 is Cross-entropy loss (nat/token) from k() = kaplan-2020-scaling/loss-n, but hoffmann-2022-chinchilla/loss-nd takes N as Parameters (total, including embeddings) (param) (char 3)",
    },
    {
      name: "non-embedding parameters fed where total parameters go",
      laws: { h, kn: knopt },
      expr: "h(kn(C), 1e12)",
      vars: { C: 1e4 },
      field: "expr",
      message: "h() argument 1 is Non-embedding parameters (param) from kn() = kaplan-2020-scaling/n-opt, but hoffmann-2022-chinchilla/loss-nd takes N as Parameters (total, including embeddings) (param) (char 3)",
    },
    { name: "adding unlike quantities", laws: { h, n: nopt }, expr: "h(N, N) + n(C)", vars: { N: 1, C: 1 }, field: "expr", message: "cannot add Parameters (total, including embeddings) (param) from n() = hoffmann-2022-chinchilla/n-opt~unrounded to Cross-entropy loss (nat/token) from h() = hoffmann-2022-chinchilla/loss-nd (char 9)" },
    { name: "alias named like a builtin", laws: { exp: h }, expr: "exp(N, N)", field: "laws.exp", message: 'alias "exp" is a built-in function name' },
    { name: "alias named constructor", laws: { constructor: h } as Record<string, typeof h>, expr: "1", field: "laws.constructor", message: '"constructor" cannot be an alias' },
    { name: "variable named __proto__", laws: { h }, expr: "1", vars: JSON.parse('{"__proto__": 1}'), field: "at.__proto__", message: '"__proto__" cannot be a variable name' },
  ];
  it.each(rejected)("rejects $name naming the position", ({ laws, expr, vars, field, message }) => {
    const err = thrown(() => combine({ laws, expr, points: [vars ?? { N: 1e9 }], field: "at" }, quantities));
    expect({ status: err.status, field: err.field, message: err.message }).toEqual({ status: 400, field, message });
  });
});
