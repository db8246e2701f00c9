import { describe, expect, it } from "vitest";
import { POST as schedulePOST } from "@/app/api/v1/schedule/route";
import { GET as predictGET } from "@/app/api/v1/laws/[paper]/[law]/predict/route";

const BASE = "http://lawdex.test";
async function post(body: unknown) {
  const r = await schedulePOST(new Request(`${BASE}/api/v1/schedule`, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } }));
  return { status: r.status, body: (await r.json()) as Record<string, unknown> & { error?: { field: string | null; message: string } } };
}

describe("POST /api/v1/schedule", () => {
  it("gives S1, S2 and Tissue et al.'s predicted loss along a schedule", async () => {
    const { status, body } = await post({ schedule: { kind: "constant", steps: 20_000, eta_max: 2e-4 }, law: "tissue-2024-annealing/loss-step", points: 5 });
    expect(status).toBe(200);
    expect(body.steps).toEqual([1, 5001, 10001, 15000, 20000]);
    expect((body.S1 as number[])[4]).toBeCloseTo(4, 10);
    expect(body.S2).toEqual([0, 0, 0, 0, 0]);
    const law = body.law as { id: string; values: number[] };
    // setting A (Fig. 2): 2.628 + 0.429 · 4^−0.550 at the end of a 20K-step run at 2e-4
    expect(law.values[4]).toBeCloseTo(2.628 + 0.429 * 4 ** -0.55, 12);
    expect(body.warnings).toEqual([expect.stringMatching(/one run's fit \(Setting A/)]);
  });

  it("over 60K steps annealing pays: WSD below cosine below constant, as the paper finds (Section 4.4)", async () => {
    const run = async (schedule: unknown) => ((await post({ schedule, law: "tissue-2024-annealing/loss-step", at: [60_000] })).body.law as { values: number[] }).values[0] as number;
    const constant = await run({ kind: "constant", steps: 60_000, eta_max: 2e-4 });
    const cosine = await run({ kind: "cosine", steps: 60_000, eta_max: 2e-4 });
    const wsd = await run({ kind: "wsd", steps: 60_000, eta_max: 2e-4, decay_steps: 12_000 });
    expect(constant).toBeCloseTo(2.628 + 0.429 * 12 ** -0.55, 12);
    expect(cosine).toBeLessThan(constant - 0.02);
    expect(wsd).toBeLessThan(cosine - 0.02);
  });

  it("refuses a law that does not take the schedule areas, naming the field", async () => {
    const kaplan = await post({ schedule: { kind: "constant", steps: 100, eta_max: 1e-3 }, law: "kaplan-2020-scaling/loss-n" });
    expect(kaplan.status).toBe(400);
    expect(kaplan.body.error?.field).toBe("law");
    expect(kaplan.body.error?.message).toMatch(/takes N, not the schedule areas S_1 and S_2/);
    const unknown = await post({ schedule: { kind: "constant", steps: 100, eta_max: 1e-3 }, law: "tissue-2024-annealing/nothing" });
    expect(unknown.status).toBe(404);
    const huge = await post({ schedule: { kind: "cosine", steps: 50_000_000, eta_max: 1e-3 } });
    expect(huge.status).toBe(400);
    expect(huge.body.error?.field).toBe("schedule.steps");
  });
});

describe("the optimal annealing ratio of a WSD schedule (Section 4.5, Fig. 12)", () => {
  it("lies around 10% to 20% for long runs under setting A's fit, as the paper reads off its Fig. 12", async () => {
    const best = async (steps: number) => {
      let arg = 0;
      let min = Number.POSITIVE_INFINITY;
      for (let r = 0.02; r < 0.9; r += 0.02) {
        const schedule = { kind: "wsd", steps, eta_max: 2e-4, decay_steps: Math.round(r * steps) };
        const value = ((await post({ schedule, law: "tissue-2024-annealing/loss-step", at: [steps] })).body.law as { values: number[] }).values[0] as number;
        if (value < min) [arg, min] = [r, value];
      }
      return arg;
    };
    const [short, medium, long] = [await best(20_000), await best(60_000), await best(100_000)];
    expect(medium).toBeGreaterThanOrEqual(0.1);
    expect(medium).toBeLessThanOrEqual(0.2);
    expect(long).toBeGreaterThanOrEqual(0.1);
    expect(long).toBeLessThanOrEqual(0.2);
    // interior optima that shrink as the run grows, not an edge of the scan
    expect(short).toBeGreaterThan(medium);
    expect(medium).toBeGreaterThan(long);
  });
});

describe("inputs that may be zero or negative", () => {
  const predict = async (query: string) => {
    const r = await predictGET(new Request(`${BASE}/api/v1/laws/tissue-2024-annealing/loss-step/predict?${query}`), { params: Promise.resolve({ paper: "tissue-2024-annealing", law: "loss-step" }) });
    return { status: r.status, body: (await r.json()) as Record<string, unknown> & { error?: { field: string | null } } };
  };
  it("accepts S_2 = 0 (a constant schedule) and S_2 < 0 (after a re-warmup), but not S_1 = 0", async () => {
    const zero = await predict("S_1=4&S_2=0");
    expect(zero.status).toBe(200);
    expect(zero.body.value).toBeCloseTo(2.628 + 0.429 * 4 ** -0.55, 12);
    const negative = await predict("S_1=4&S_2=-0.5");
    expect(negative.status).toBe(200);
    expect(negative.body.value).toBeCloseTo(2.628 + 0.429 * 4 ** -0.55 + 0.411 * 0.5, 12);
    const bad = await predict("S_1=0&S_2=0");
    expect(bad.status).toBe(400);
    expect(bad.body.error?.field).toBe("S_1");
  });
});
