/**
 * The acceptance of the fitting issue, from the released data: the build
 * refits each linked law by its paper's procedure. The first block needs the
 * data (LAWDEX_DATA_DIR, default ../shared/data) and is skipped without it;
 * the second proves that without data every refit says "not checked", never
 * "passed".
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type BuiltRegistry, loadAndValidate } from "@/db/build";
import { dataDir } from "@/lib/datasets";
import type { RefitOutcome } from "@/lib/refit";

let registry: BuiltRegistry;
const present = fs.existsSync(path.join(dataDir(), "besiroglu2024_chinchilla_svg_extracted.csv"));

beforeAll(async () => {
  registry = await loadAndValidate(path.resolve("content"));
}, 300_000);

function refit(id: string, position = 0): RefitOutcome {
  const r = registry.refits.get(id)?.[position];
  if (!r) throw new Error(`no refit ${position} for ${id}`);
  return r;
}

const rel = (a: number, b: number) => Math.abs(a / b - 1);

describe.runIf(present)("refits from the released data (data present)", () => {
  it("Besiroglu et al.'s 'replicate exactly' grid: objective 0.00101827 and A, B, E, α, β within 0.5%", () => {
    const r = refit("besiroglu-2024-replication/loss-nd~replicate-exactly");
    expect(r.status).toBe("reproduces");
    expect(rel(r.objective as number, 0.00101827)).toBeLessThan(1e-5);
    const printed = { A: 477.84171252965143, B: 2143.8637880335505, E: 1.817235504463726, alpha: 0.34731265761033453, beta: 0.3671826173946711 };
    for (const [s, v] of Object.entries(printed)) expect(rel(r.coefficients?.[s] as number, v), s).toBeLessThan(0.005);
    expect(r.diagnostics?.starts).toBe(4500);
  });
  it("Muennighoff et al.'s second stage: R*_N and R*_D within 1% with the first stage held", () => {
    const r = refit("muennighoff-2023-data-constrained/loss-data-constrained");
    expect(r.status).toBe("reproduces");
    expect(rel(r.coefficients?.R_D_star as number, 15.387756)).toBeLessThan(0.01);
    expect(rel(r.coefficients?.R_N_star as number, 5.309743)).toBeLessThan(0.01);
    expect(r.coefficients?.A).toBeCloseTo(Math.exp(6.255414), 6);
    expect(r.diagnostics?.points).toBe(182);
  });
  it("Gadre et al.'s four printed relative errors (loss 0.7103% and 0.7320%, 17-task error 3.6365% and 0.0464%)", () => {
    const loss = refit("gadre-2024-overtraining/loss-nm");
    const err = refit("gadre-2024-overtraining/error-from-loss");
    expect(loss.status).toBe("reproduces");
    expect(err.status).toBe("reproduces");
    const got = [...loss.comparisons, ...err.comparisons].map((c) => Number((c.actual * 100).toFixed(4)));
    expect(got).toEqual([0.7103, 0.732, 3.6365, 0.0464]);
  });
  it("Gemstones' approach-3 fits are documented discrepancies: the refit reaches a lower objective than the stored fits", () => {
    for (const id of ["mcleish-2025-gemstones/loss-nd", "mcleish-2025-gemstones/loss-nd~le-100b", "mcleish-2025-gemstones/loss-nd~cooldown"]) {
      const r = refit(id);
      expect(r.status, id).toBe("discrepancy");
      expect(r.passed, id).toBe(true);
      const objective = r.comparisons.find((c) => c.what === "objective");
      expect(objective && objective.actual <= objective.expected * (1 + 1e-6), id).toBe(true);
    }
  });
  it("the data beside each law: measured points, the refit's and the published coefficients' predictions", () => {
    const r = refit("besiroglu-2024-replication/loss-nd~replicate-exactly");
    expect(r.points?.y).toHaveLength(240);
    expect(r.points?.published).toHaveLength(240);
    const logRes = (r.points?.y ?? []).map((y, i) => Math.log(y / (r.points?.refit[i] as number)));
    const rms = Math.sqrt(logRes.reduce((s, v) => s + v * v, 0) / logRes.length);
    expect(rms).toBeLessThan(0.01);
  });
});

describe("refits with the data dir pointing nowhere", () => {
  it("report every refit as not checked instead of failing the build", async () => {
    const reg = await loadAndValidate(path.resolve("content"), { dataDir: "/nonexistent-lawdex-data" });
    const all = [...reg.refits.values()].flat();
    expect(all.length).toBeGreaterThanOrEqual(7);
    expect(all.every((r) => r.status === "data-absent" && !r.passed)).toBe(true);
    expect([...reg.tables.values()].every((t) => t.status === "absent")).toBe(true);
  });
});
