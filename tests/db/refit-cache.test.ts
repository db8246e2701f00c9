import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { refitCache } from "@/db/refit-cache";
import type { FitProblem } from "@/lib/fit/engine";
import type { FitOutcome } from "@/lib/fit/outcome";

const outcome: FitOutcome = {
  optimum: { p: [1, 0.5], f: 0.25, startsTotal: 4, startsConverged: 4, startsFailed: 0, startsAtBest: 3, secondBest: null, evaluations: 120 },
  summary: {
    coefficients: { A: { value: 10, se: 0.5, interval: [9, 11] }, alpha: { value: 0.5, se: Number.NaN, interval: null } },
    order: ["A", "alpha"],
    covariance: null,
    objective: 0.25,
    residuals: [0.1, -0.1],
    fitted: [1, 2],
    r2Log: 0.99,
    rmseLog: 0.01,
    bootstrap: null,
  },
  predictions: { values: [1.5, Number.NaN], intervals: [null, [1, 2]] },
  ms: 12,
};

describe("the refit cache", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lawdex-refit-cache-"));
  const cache = refitCache(process.cwd(), dir);
  if (!cache) throw new Error("the refit cache is off in this environment");
  const problem = { x: [new Float64Array([1, 2])], y: new Float64Array([3, 4]) } as unknown as FitProblem;
  const key = cache.key(problem);

  it("reads back what it wrote; a NaN (null in JSON) reads as NaN where the field is a number, as null where null is allowed", () => {
    cache.set(key, outcome);
    const back = cache.get(key);
    expect(back?.summary.coefficients.alpha?.se).toBeNull();
    expect(back?.predictions?.values[1]).toBeNaN();
    expect(back?.predictions?.intervals).toEqual([null, [1, 2]]);
    expect({ ...back, predictions: null, summary: { ...back?.summary, coefficients: { A: back?.summary.coefficients.A } } }).toEqual({
      ...outcome,
      predictions: null,
      summary: { ...outcome.summary, coefficients: { A: outcome.summary.coefficients.A } },
    });
  });

  it("treats a file that is not an outcome as a miss, so the fit runs again", () => {
    fs.writeFileSync(path.join(dir, `${key}.json`), JSON.stringify({ ...outcome, optimum: { ...outcome.optimum, p: "1,0.5" } }));
    expect(cache.get(key)).toBeUndefined();
    fs.writeFileSync(path.join(dir, `${key}.json`), '{"optimum": ');
    expect(cache.get(key)).toBeUndefined();
    expect(cache.get("0".repeat(32))).toBeUndefined();
  });
});
