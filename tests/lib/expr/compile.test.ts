import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compile, prepare, toSource } from "@/lib/expr";
import { expectClose } from "../../helpers";

const inputs = ["x", "N", "D"];
const constants = new Map([
  ["E", 1.69],
  ["alpha", 0.34],
  ["neg", -2],
]);
const scope = { symbols: new Set([...inputs, ...constants.keys()]) };
const run = (src: string, x: number[] = [3, 7e10, 1.4e12]) => compile(prepare(src, scope), { inputs, constants })(x);

describe("compile: values", () => {
  const cases: { name: string; input: string; expected: number }[] = [
    { name: "unary minus binds looser than ^", input: "-x^2", expected: -9 },
    { name: "negative exponent", input: "2^-1", expected: 0.5 },
    { name: "right-associative power", input: "2^3^2", expected: 512 },
    { name: "left-associative subtraction", input: "10 - 2 - 3", expected: 5 },
    { name: "left-associative division", input: "2 / 4 / 2", expected: 0.25 },
    { name: "E is the coefficient, not Euler's number", input: "E", expected: 1.69 },
    { name: "Euler's number is only exp(1)", input: "exp(1)", expected: Math.E },
    { name: "log is natural", input: "log(exp(2))", expected: 2 },
    { name: "ln", input: "ln(exp(3))", expected: 3 },
    { name: "log10", input: "log10(1000)", expected: 3 },
    { name: "log2", input: "log2(8)", expected: 3 },
    { name: "sqrt", input: "sqrt(16)", expected: 4 },
    { name: "abs", input: "abs(neg)", expected: 2 },
    { name: "pow", input: "pow(2, 10)", expected: 1024 },
    { name: "min", input: "min(3, 1, 2)", expected: 1 },
    { name: "max", input: "max(3, 1, 2)", expected: 3 },
    { name: "negative constant next to minus", input: "x - neg", expected: 5 },
    { name: "power of negative constant", input: "neg^2", expected: 4 },
    { name: "unary minus of negative constant", input: "-neg", expected: 2 },
    { name: "inputs by slot", input: "N / D", expected: 7e10 / 1.4e12 },
    { name: "chinchilla form", input: "E + 406.4 / N^alpha + 410.7 / D^0.28", expected: 1.69 + 406.4 / 7e10 ** 0.34 + 410.7 / 1.4e12 ** 0.28 },
  ];
  it.each(cases)("$name", ({ input, expected }) => {
    expectClose(run(input), expected);
  });
});

describe("compile: generated source", () => {
  it("contains only numbers, operators, Math.* and slot indices", () => {
    const src = toSource(prepare("E + exp(-alpha * x) / N^alpha - max(D, neg)", scope), { inputs, constants });
    expect(src).toBe("((1.69 + (Math.exp(((-0.34) * x[0])) / Math.pow(x[1], 0.34))) - Math.max(x[2], (-2)))");
  });

  it("never contains a caller's identifier (property)", () => {
    const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,11}$/).filter((s) => !/^(Math|pow|exp|log|ln|log10|log2|sqrt|abs|min|max|x)$/.test(s));
    fc.assert(
      fc.property(fc.uniqueArray(name, { minLength: 2, maxLength: 4 }), fc.integer({ min: 0, max: 5 }), (names, shape) => {
        const [a, b, ...rest] = names as [string, string, ...string[]];
        const forms = [`${a} + ${b}`, `${a}^-${b} * 2`, `exp(${a}) / (${b} - 1)`, `min(${a}, ${b}, ${rest[0] ?? a})`, `-(${a})^${b}`, `${a} * ${b} / ${a}`];
        const expr = forms[shape] as string;
        const consts = new Map(rest.map((r, i) => [r, i + 0.5] as const));
        const tree = prepare(expr, { symbols: new Set(names) });
        const src = toSource(tree, { inputs: [a, b], constants: consts });
        for (const n of names) expect(new RegExp(`\\b${n}\\b`).test(src)).toBe(false);
        expect(src).toMatch(/^[\d\s.eE+\-*/(),x[\]Mathpowexplgqrtbsinmaxd0-9]*$/);
      }),
      { numRuns: 1000 },
    );
  });
});
