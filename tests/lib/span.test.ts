import { describe, expect, it } from "vitest";
import { decadeExponents, decadesOutside, inSpan, powerOfTen, side, spanText } from "@/lib/span";

describe("one rule for spans", () => {
  const fitted = [1e8, 1.6e10] as const;

  it("counts the printed ends as inside, and a value recomputed from an end too", () => {
    expect(inSpan(fitted, 1e8)).toBe(true);
    expect(inSpan(fitted, 1.6e10)).toBe(true);
    // 10 ** log10(x) is not always x to the last bit
    expect(inSpan(fitted, 10 ** Math.log10(1.6e10))).toBe(true);
    expect(inSpan(fitted, 1.6e10 * (1 + 1e-13))).toBe(true);
  });

  it("puts a value a rounding error beyond the slack outside, on the right side", () => {
    expect(side(fitted, 1.6e10 * (1 + 1e-9))).toBe("above");
    expect(side(fitted, 1e8 * (1 - 1e-9))).toBe("below");
    expect(side(fitted, 3e9)).toBe("inside");
  });

  it("measures how far outside in decades, 0 inside", () => {
    expect(decadesOutside(fitted, 1e7)).toBeCloseTo(1, 12);
    expect(decadesOutside(fitted, 1.6e12)).toBeCloseTo(2, 12);
    expect(decadesOutside(fitted, 5e9)).toBe(0);
  });

  it("lists the powers of ten in a span, ends included, and none in a span between two of them", () => {
    expect(decadeExponents([1e-3, 1e3])).toEqual([-3, -2, -1, 0, 1, 2, 3]);
    expect(decadeExponents([2e8, 9e8])).toEqual([]);
    expect(decadeExponents([0.0010000000001, 999.9999999])).toEqual([-3, -2, -1, 0, 1, 2, 3]);
    expect(powerOfTen(-3)).toBe(0.001);
  });

  it("writes a span the way pages do", () => {
    expect(spanText(fitted)).toBe("1e8 to 1.6e10");
    expect(spanText([0.5, 2], "nats")).toBe("0.5 to 2 nats");
  });
});
