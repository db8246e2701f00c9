import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate } from "@/lib/law";
import { solve } from "@/lib/solve";
import { expectClose, thrown } from "../helpers";
import { law } from "../registry";

const cases = [
  { id: "hoffmann-2022-chinchilla/loss-nd", for: "N", other: "D" },
  { id: "hoffmann-2022-chinchilla/loss-nd", for: "D", other: "N" },
  { id: "besiroglu-2024-replication/loss-nd", for: "N", other: "D" },
  { id: "kaplan-2020-scaling/loss-nd", for: "N", other: "D" },
  { id: "kaplan-2020-scaling/loss-n", for: "N", other: null },
  { id: "kaplan-2020-scaling/loss-cmin", for: "C_min", other: null },
  { id: "hoffmann-2022-chinchilla/n-opt~unrounded", for: "C", other: null },
];

describe("solve", () => {
  it("inverts predict (property over random valid points)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...cases), fc.double({ min: 3, max: 13, noNaN: true }), fc.double({ min: 8, max: 13, noNaN: true }), (c, logX, logOther) => {
        const l = law(c.id);
        const x = 10 ** logX;
        const fixed: Record<string, number> = c.other ? { [c.other]: 10 ** logOther } : {};
        const target = evaluate(l, { [c.for]: x, ...fixed }).value;
        const s = solve(l, target, c.for, fixed);
        expectClose(s.value, x, 1e-9);
        expectClose(s.achieved, target, 1e-12);
      }),
      { numRuns: 500 },
    );
  });

  it('answers "unreachable" for a loss below the irreducible term E', () => {
    const err = thrown(() => solve(law("hoffmann-2022-chinchilla/loss-nd"), 1.5, "N", { D: 1e12 }));
    expect(err.status).toBe(422);
    expect(err.code).toBe("unreachable");
    expect(err.field).toBe("target");
    expect(err.message).toMatch(/^unreachable: L = 1\.5 is below the lowest value the law takes \(1\.869\d*\) for N from /);
  });

  it("names a missing fixed input", () => {
    expect(() => solve(law("hoffmann-2022-chinchilla/loss-nd"), 2, "N", {})).toThrow("missing input D (tokens, token) to hold fixed");
  });
});
