import { describe, expect, it } from "vitest";
import { zip } from "../../lib/arrays";

describe("zip", () => {
  const cases = [
    { name: "equal lengths", a: ["N", "D"], b: Float64Array.of(1e9, 2e10), expected: [["N", 1e9], ["D", 2e10]] },
    { name: "a shorter", a: ["N"], b: [1, 2], expected: [["N", 1]] },
    { name: "b shorter", a: ["N", "D"], b: [1], expected: [["N", 1]] },
    { name: "empty", a: [], b: [1], expected: [] },
  ];
  for (const c of cases) it(c.name, () => expect(zip(c.a, c.b)).toEqual(c.expected));
});
