import { describe, expect, it } from "vitest";
import { logTicks } from "@/lib/series";

describe("log-axis ticks", () => {
  it("in a narrow band, are distinct and inside the band (a repeated tick is drawn twice; an outside one off the chart)", () => {
    for (const [lo, hi] of [
      [1.35, 1.45],
      [2.801, 2.83],
      [0.0000221, 0.0000234],
      [1.8, 2.4],
    ] as const) {
      const ticks = logTicks(lo, hi);
      expect(new Set(ticks).size, `${lo}..${hi}: ${ticks}`).toBe(ticks.length);
      expect(ticks.length).toBeGreaterThanOrEqual(4);
      for (const t of ticks) {
        expect(t).toBeGreaterThanOrEqual(lo);
        expect(t).toBeLessThanOrEqual(hi);
      }
    }
  });
  it("over decades, are powers of ten, at most about eight", () => {
    expect(logTicks(1e3, 1e6)).toEqual([1e3, 1e4, 1e5, 1e6]);
    expect(logTicks(1e18, 1e35).length).toBeLessThanOrEqual(9);
  });
});
