import { describe, expect, it } from "vitest";
import { LawdexError } from "@/lib/errors";
import { annealingAreas, parseScheduleRequest, rateAt, sampleSteps } from "@/lib/schedule";

/** The paper's double sum for S2 (Eq. 5), written out without the recursion, with m_1 = 0 (η_0 = η_1). */
function naiveS2(rates: number[], s: number, lambda: number): number {
  const eta = (k: number) => (k === 0 ? (rates[0] as number) : (rates[k - 1] as number));
  let total = 0;
  for (let i = 1; i <= s; i++) for (let k = 1; k <= i; k++) total += (eta(k - 1) - eta(k)) * lambda ** (i - k);
  return total;
}

describe("the forward and annealing areas of a schedule", () => {
  it("a constant schedule has S1 = η·s and no annealing area", () => {
    const a = annealingAreas({ kind: "constant", steps: 20_000, eta_max: 2e-4 }, { at: [1, 500, 20_000] });
    expect(a.S1[2]).toBeCloseTo(4, 10);
    expect(a.S1[1]).toBeCloseTo(0.1, 12);
    expect(a.S2).toEqual([0, 0, 0]);
  });

  it("the momentum recursion equals the paper's double sum", () => {
    const rates = [3e-4, 3e-4, 2.5e-4, 2e-4, 2e-4, 1e-4, 5e-5, 1.5e-4, 0, 1e-5];
    for (const lambda of [0, 0.5, 0.999]) {
      const a = annealingAreas({ kind: "rates", rates }, { lambda, at: rates.map((_, i) => i + 1) });
      rates.forEach((_, i) => expect(a.S2[i]).toBeCloseTo(naiveS2(rates, i + 1, lambda), 15));
    }
  });

  it("with λ = 0 the annealing area telescopes to η_1 − η_s, and a re-warmup makes it negative", () => {
    const a = annealingAreas({ kind: "rates", rates: [1, 0.5, 0.25, 1] }, { lambda: 0, at: [1, 2, 3, 4] });
    expect(a.S2).toEqual([0, 0.5, 0.75, 0]);
    expect(annealingAreas({ kind: "rates", rates: [1, 2] }, { lambda: 0, at: [2] }).S2[0]).toBe(-1);
  });

  it("cosine and WSD schedules follow their definitions", () => {
    const cos = { kind: "cosine", steps: 1000, eta_max: 1e-3, eta_min: 1e-4 } as const;
    expect(rateAt(cos, 0)).toBeCloseTo(1e-3, 15);
    expect(rateAt(cos, 500)).toBeCloseTo(5.5e-4, 15);
    expect(rateAt(cos, 1000)).toBeCloseTo(1e-4, 15);
    const wsd = { kind: "wsd", steps: 1000, eta_max: 1e-3, eta_min: 0, decay_steps: 200, decay: "linear" } as const;
    expect(rateAt(wsd, 800)).toBe(1e-3);
    expect(rateAt(wsd, 900)).toBeCloseTo(5e-4, 15);
    expect(rateAt(wsd, 1000)).toBe(0);
    // the cosine's forward area is the mean rate times the steps (to within the last half step)
    const a = annealingAreas(cos, { at: [1000] });
    expect(a.S1[0]).toBeCloseTo(0.55 - 0.45e-3, 6);
  });

  it("samples evenly, first and last step included, at most 1000 points", () => {
    expect(sampleSteps(20_000, 5)).toEqual([1, 5001, 10001, 15000, 20000]);
    expect(sampleSteps(3, 50)).toEqual([1, 2, 3]);
    expect(sampleSteps(2_000_000, 5000)).toHaveLength(1000);
  });

  it("rejects what it cannot do, naming the field", () => {
    const field = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        if (e instanceof LawdexError) return `${e.status} ${e.field}`;
        throw e;
      }
      return "no error";
    };
    expect(field(() => parseScheduleRequest({ schedule: { kind: "cosine", steps: 1e9, eta_max: 1e-3 } }))).toBe("400 schedule.steps");
    expect(field(() => parseScheduleRequest({ schedule: { kind: "triangle", steps: 10 } }))).toBe("400 schedule.kind");
    expect(field(() => parseScheduleRequest({ schedule: { kind: "constant", steps: 10, eta_max: -1 } }))).toBe("400 schedule.eta_max");
    expect(field(() => parseScheduleRequest({ schedule: { kind: "constant", steps: 10, eta_max: 1 }, lambda: 1 }))).toBe("400 lambda");
    expect(field(() => parseScheduleRequest({ schedule: { kind: "rates", rates: new Array(100_001).fill(1e-4) } }))).toBe("413 schedule.rates");
    expect(field(() => parseScheduleRequest({ schedule: { kind: "constant", steps: 10, eta_max: 1 }, colour: "red" }))).toBe("400 colour");
    expect(field(() => annealingAreas({ kind: "wsd", steps: 10, eta_max: 1, eta_min: 0, decay_steps: 20, decay: "cosine" }))).toBe("400 schedule.decay_steps");
    expect(field(() => annealingAreas({ kind: "constant", steps: 10, eta_max: 1 }, { at: [11] }))).toBe("400 at[0]");
  });
});
