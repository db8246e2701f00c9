import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadAndValidate } from "@/db/build";
import type { Registry } from "@/lib/content/load";
import { evaluate, runChecks } from "@/lib/law";
import { expectClose } from "../helpers";

let registry: Registry;
beforeAll(async () => {
  registry = await loadAndValidate(path.resolve("content"));
});
const law = (id: string) => {
  const found = registry.laws.find((l) => l.id === id);
  if (!found) throw new Error(`no law ${id}`);
  return found;
};

describe("the registry's content", () => {
  it("loads the three core papers", () => {
    expect(registry.papers.map((p) => p.slug)).toEqual(
      expect.arrayContaining(["besiroglu-2024-replication", "hoffmann-2022-chinchilla", "kaplan-2020-scaling"]),
    );
  });

  it("has every check of every law holding, and a reason wherever a law has no check", () => {
    for (const l of registry.laws) {
      const results = runChecks(l);
      expect(results.length > 0 || l.refits.length > 0 || Boolean(l.unchecked), `${l.id} has neither checks nor a reason`).toBe(true);
      for (const r of results) expect(r.passed, `${l.id}: ${r.check.source}`).toBe(true);
    }
  });

  // A spot check against the papers: each value as printed, with where. If one
  // of these changes, the change must come with a new reading of the source.
  const printed: [string, string, number][] = [
    ["kaplan-2020-scaling/loss-n", "alpha_N", 0.076], // Eq. 1.1
    ["kaplan-2020-scaling/loss-n", "N_c", 8.8e13], // Eq. 1.1
    ["kaplan-2020-scaling/loss-d", "alpha_D", 0.095], // Eq. 1.2
    ["kaplan-2020-scaling/loss-d", "D_c", 5.4e13], // Eq. 1.2
    ["kaplan-2020-scaling/loss-cmin", "alpha_C", 0.05], // Eq. 1.3
    ["kaplan-2020-scaling/loss-cmin", "C_c", 3.1e8], // Eq. 1.3, PF-days
    ["kaplan-2020-scaling/loss-nd", "alpha_D", 0.103], // Table 2
    ["kaplan-2020-scaling/loss-nd", "N_c", 6.4e13], // Table 2
    ["kaplan-2020-scaling/loss-nd", "D_c", 1.8e13], // Table 2
    ["hoffmann-2022-chinchilla/loss-nd", "E", 1.69], // Eq. 10
    ["hoffmann-2022-chinchilla/loss-nd", "A", 406.4], // Eq. 10
    ["hoffmann-2022-chinchilla/loss-nd", "B", 410.7], // Eq. 10
    ["hoffmann-2022-chinchilla/loss-nd", "alpha", 0.34], // Eq. 10
    ["hoffmann-2022-chinchilla/loss-nd", "beta", 0.28], // Eq. 10
    ["hoffmann-2022-chinchilla/loss-nd~unrounded", "alpha", 0.33917084],
    ["hoffmann-2022-chinchilla/loss-nd~unrounded", "beta", 0.2849083],
    ["besiroglu-2024-replication/loss-nd", "A", 482.01], // Table 1
    ["besiroglu-2024-replication/loss-nd", "B", 2085.43], // Table 1
    ["besiroglu-2024-replication/loss-nd", "E", 1.8172], // Table 1
  ];
  it.each(printed)("%s: %s = %d", (id, symbol, value) => {
    expect(law(id).coefficients.find((c) => c.symbol === symbol)?.value).toBe(value);
  });

  it("derives the unrounded values from the logs the source prints", () => {
    const a = law("hoffmann-2022-chinchilla/loss-nd~unrounded").coefficients.find((c) => c.symbol === "A");
    expect(a?.printed).toBe("exp(6.0073404)");
    expectClose(a?.value ?? 0, Math.exp(6.0073404));
  });
});

describe("acceptance numbers", () => {
  it("puts the unrounded Chinchilla optimum at C = 5.76e23 at about 40B parameters", () => {
    const v = evaluate(law("hoffmann-2022-chinchilla/n-opt~unrounded"), { C: 5.76e23 }).value;
    expect(v).toBeGreaterThan(39.5e9);
    expect(v).toBeLessThan(40.5e9);
  });
  it("puts the rounded one at about 32B", () => {
    const v = evaluate(law("hoffmann-2022-chinchilla/n-opt"), { C: 5.76e23 }).value;
    expect(v).toBeGreaterThan(31.5e9);
    expect(v).toBeLessThan(32.5e9);
  });
  it("makes N_opt · D_opt · 6 equal C (the frontier lies on the budget)", () => {
    for (const v of ["", "~unrounded"]) {
      const C = 1e22;
      const n = evaluate(law(`hoffmann-2022-chinchilla/n-opt${v}`), { C }).value;
      const d = evaluate(law(`hoffmann-2022-chinchilla/d-opt${v}`), { C }).value;
      expectClose(6 * n * d, C, 1e-12);
    }
  });
  it("reproduces Kaplan's intersection loss of about 1.7 at 1e4 PF-days", () => {
    expect(evaluate(law("kaplan-2020-scaling/loss-cmin"), { C_min: 1e4 }).value).toBeCloseTo(1.677, 3);
  });
});

describe("derived laws inherit fitted ranges from their parents", () => {
  it("gives Kaplan's N_opt(C_min) the compute span of its runs (6ND at the extremes of N and D), so 1e24 FLOP is extrapolated", () => {
    const nOpt = registry.laws.find((l) => l.id === "kaplan-2020-scaling/n-opt");
    const input = nOpt?.inputs[0];
    // 6 · 768 · 2.2e7 FLOP and 6 · 1.5e9 · 2.3e10 FLOP, in PF-days
    expect(input?.range?.[0]).toBeCloseTo((6 * 768 * 2.2e7) / 8.64e19, 11);
    expect(input?.range?.[1]).toBeCloseTo((6 * 1.5e9 * 2.3e10) / 8.64e19, 1);
    expect(input?.range_source).toMatch(/^derived: 6 \* N \* D over the fitted ranges of kaplan-2020-scaling\/loss-nd/);
    if (!nOpt) throw new Error("no kaplan-2020-scaling/n-opt");
    const p = evaluate(nOpt, { C_min: 1e24 / 8.64e19 });
    expect(p.extrapolated).toBe(true);
    expect(p.inputs[0]?.outside).toBe("above");
    expect(p.inputs[0]?.decades_outside).toBeCloseTo(Math.log10(1e24 / 8.64e19 / 2.4), 2);
  });
});

describe("printed precision, read from the files", () => {
  it("records the step of each coefficient's last written digit", () => {
    const kaplan = law("kaplan-2020-scaling/loss-n");
    expect(kaplan.coefficients.find((c) => c.symbol === "alpha_N")?.step).toBeCloseTo(0.001, 15);
    expect(kaplan.coefficients.find((c) => c.symbol === "N_c")?.step).toBeCloseTo(1e12, 0);
    // Isik et al. Table 3 prints log A = −1.64 × 10^8: one unit in the last digit is 10^6
    expect(law("isik-2024-downstream/bleu-log-law~en-de-mix-3b").coefficients.find((c) => c.symbol === "log_A")?.step).toBe(1e6);
  });

  it("finds Isik et al.'s broken en-fr fit ill-conditioned as printed, and Kaplan's L(N) well determined", () => {
    expect(law("isik-2024-downstream/bleu-log-law~en-fr-en-42m").sensitivity?.relative).toBeGreaterThan(1);
    expect(law("kaplan-2020-scaling/loss-n").sensitivity?.relative).toBeLessThan(0.02);
    // Chinchilla's printed exponents move the compute-optimal N by tens of percent over the fitted compute span
    const printed = law("hoffmann-2022-chinchilla/n-opt").sensitivity?.relative as number;
    expect(printed).toBeGreaterThan(0.1);
    expect(law("hoffmann-2022-chinchilla/n-opt~unrounded").sensitivity?.relative as number).toBeLessThan(printed / 10);
  });
});

describe("checks on two fits", () => {
  it("resolves the other fit's coefficient and counts it among the derived check's dependencies", () => {
    const xiao = law("xiao-2024-densing/density-growth~mmlu-after-chatgpt");
    const [r] = runChecks(xiao);
    expect(r?.check.bound?.A_before).toEqual({ law: "xiao-2024-densing/density-growth~mmlu-before-chatgpt", symbol: "A", value: 0.0048 });
    expect(r?.actual).toBeCloseTo(0.0073 / 0.0048, 12);
  });
});
