import { describe, expect, it } from "vitest";
import { formatNumber, readerLabel, sciParts, sliceLabel, superscript, tickLabels } from "@/lib/format";

describe("formatNumber", () => {
  const cases: [number, number, string][] = [
    [100, 2, "100"],
    [1000, 2, "1000"],
    [99999, 4, "1e5"],
    [1.4e12, 4, "1.4e12"],
    [7e10, 4, "7e10"],
    [0.0001234, 3, "1.23e-4"],
    [1.93664547, 6, "1.93665"],
    [0.34, 4, "0.34"],
    [-2.5e-7, 2, "-2.5e-7"],
    [0, 4, "0"],
  ];
  it.each(cases)("%d with %i digits -> %s", (v, d, expected) => {
    expect(formatNumber(v, d)).toBe(expected);
  });
  it("splits mantissa and exponent for display", () => {
    expect(sciParts(4.0361e10, 3)).toEqual({ mantissa: "4.04", exponent: 10 });
    expect(sciParts(406.4)).toEqual({ mantissa: "406.4", exponent: 0 });
  });
});

describe("tick labels", () => {
  const cases: { name: string; ticks: number[]; expected: string[] }[] = [
    { name: "small values stay plain", ticks: [0.01, 0.1, 1, 10, 100, 1000], expected: ["0.01", "0.1", "1", "10", "100", "1000"] },
    { name: "one large tick makes the whole axis powers of ten", ticks: [100, 1e4, 1e6], expected: ["10²", "10⁴", "10⁶"] },
    { name: "mantissas other than 1", ticks: [2e9, 5e9, 1e10, 1.5e23], expected: ["2×10⁹", "5×10⁹", "10¹⁰", "1.5×10²³"] },
    { name: "negative exponents", ticks: [1e-4, 2e-4, 1e-3], expected: ["10⁻⁴", "2×10⁻⁴", "10⁻³"] },
    { name: "zero and negative values", ticks: [-1e5, 0, 1e5], expected: ["-10⁵", "0", "10⁵"] },
    { name: "float noise is not printed", ticks: [0.1 * 3, 0.7], expected: ["0.3", "0.7"] },
  ];
  it.each(cases)("$name", ({ ticks, expected }) => {
    expect(tickLabels(ticks)).toEqual(expected);
  });
  it("writes integers in superscript", () => {
    expect(superscript(23)).toBe("²³");
    expect(superscript(-10)).toBe("⁻¹⁰");
  });
});

describe("labels of a chart's curves and papers", () => {
  it("names the held inputs with value and unit, the reader's as such", () => {
    expect(sliceLabel([{ symbol: "D", unit: "token", value: 5e10 }])).toBe("D = 5e10 token");
    expect(sliceLabel([{ symbol: "G", unit: "1", value: 8 }, { symbol: "D", unit: "token", value: 1.058e9 }])).toBe("G = 8, D = 1.058e9 token");
    expect(readerLabel([{ symbol: "D", unit: "token", value: 1.4e12 }])).toBe("D = 1.4e12 token (your input)");
    expect(readerLabel([{ symbol: "D", unit: "token", value: 1.4e12 }, { symbol: "G", unit: "1", value: 4 }])).toBe("D = 1.4e12 token, G = 4 (your inputs)");
  });
});
