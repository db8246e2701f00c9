import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/coverage/route";

describe("GET /api/v1/coverage", () => {
  it("lists all 85 seeds, each with a paper slug, an exclusion reason, or missing", async () => {
    const body = (await (await GET(new Request("http://lawdex.test/api/v1/coverage"))).json()) as {
      total: number;
      papers: number;
      excluded: number;
      missing: number;
      seeds: { n: number; status: string; paper: string | null; reason: string | null }[];
    };
    expect(body.total).toBe(85);
    expect(body.seeds.map((s) => s.n)).toEqual(Array.from({ length: 85 }, (_, i) => i + 1));
    expect(body.papers + body.excluded + body.missing).toBe(85);
    expect(body.seeds.find((s) => s.n === 18)).toMatchObject({ status: "paper", paper: "kaplan-2020-scaling" });
    expect(body.seeds.find((s) => s.n === 2)).toMatchObject({ status: "excluded", paper: null });
    for (const s of body.seeds) {
      if (s.status === "paper") expect(s.paper).toBeTruthy();
      if (s.status === "excluded") expect(s.reason).toBeTruthy();
    }
  });

  it("reports each seed paper by its strongest tier, counting only predictions, derived numbers and refits as checked", async () => {
    const body = (await (await GET(new Request("http://lawdex.test/api/v1/coverage"))).json()) as {
      withCheckedLaw: number;
      withCrossCheckOnly: number;
      seeds: { n: number; checkedLaws: number; crossCheckedLaws: number }[];
    };
    // Shen et al. (55): table coefficients checked against the figure's annotation of the same fit
    expect(body.seeds.find((s) => s.n === 55)).toMatchObject({ checkedLaws: 0, crossCheckedLaws: 4 }); // four architectures
    // Kaplan (18): numbers it derives from two or more fitted coefficients (α_N/α_D, the intersection point)
    expect(body.seeds.find((s) => s.n === 18)?.checkedLaws).toBeGreaterThan(0);
    const tiers = body as unknown as { byTier: Record<string, number>; seeds: { n: number; tier: string | null; checkedLaws: number; crossCheckedLaws: number }[] };
    expect(tiers.seeds.find((s) => s.n === 18)?.tier).toBe("derived");
    expect(tiers.seeds.find((s) => s.n === 15)?.tier).toBe("prediction"); // Frantar et al.: a held-out run's measured loss
    expect(tiers.seeds.find((s) => s.n === 55)?.tier).toBe("cross-check");
    for (const s of tiers.seeds) {
      if (s.checkedLaws > 0) expect(["refit", "prediction", "derived"]).toContain(s.tier);
      else if (s.crossCheckedLaws > 0) expect(s.tier).toBe("cross-check");
    }
    expect(Object.values(tiers.byTier).reduce((a, b) => a + b, 0)).toBe(tiers.seeds.filter((s) => s.tier !== null).length);
    expect(body.withCheckedLaw).toBe(body.seeds.filter((s) => s.checkedLaws > 0).length);
    expect(body.withCrossCheckOnly).toBe(body.seeds.filter((s) => s.checkedLaws === 0 && s.crossCheckedLaws > 0).length);
    expect(body.withCrossCheckOnly).toBeGreaterThan(0);
  });
});
