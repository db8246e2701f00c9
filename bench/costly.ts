/**
 * The costly requests that bench/cpu, bench/load and the e2e stall test send:
 * one definition, so that all three measure the same work.
 */

/** Eight compute-optimal frontiers: each point of a comparison over compute solves every one. */
export const COSTLY_FRONTIERS = [
  "hoffmann-2022-chinchilla/loss-nd",
  "hoffmann-2022-chinchilla/loss-nd~unrounded",
  "besiroglu-2024-replication/loss-nd",
  "kaplan-2020-scaling/loss-nd",
  "mcleish-2025-gemstones/loss-nd",
  "mcleish-2025-gemstones/loss-nd~cooldown",
  "mcleish-2025-gemstones/loss-nd~le-100b",
  "besiroglu-2024-replication/loss-nd~replicate-exactly",
].join(",");

/** Query of a comparison of the eight frontiers over compute at `points` points (vary it to defeat the cache). */
export const costlyCompareQuery = (points: number): string =>
  `laws=${COSTLY_FRONTIERS}&x=compute&x.unit=FLOP&from=1e18&to=1e26&points=${points}`;

/**
 * Body of POST /api/v1/fit: `points` synthetic Chinchilla-shaped runs, fitted
 * from the law's published starts or from the full 4,500-start grid.
 */
export function fitBody(points: number, starts: "published" | "grid"): string {
  const data = { N: [] as number[], D: [] as number[], L: [] as number[] };
  for (let i = 0; i < points; i++) {
    const N = 10 ** (7.5 + (2.5 * i) / points);
    const D = 10 ** (9.5 + (2.5 * ((i * 13) % points)) / points);
    data.N.push(N);
    data.D.push(D);
    data.L.push((1.8 + 480 / N ** 0.35 + 2100 / D ** 0.37) * (1 + 0.004 * Math.sin(i)));
  }
  const grid = { A: [0, 5, 10, 15, 20, 25], B: [0, 5, 10, 15, 20, 25], E: [-1, -0.5, 0, 0.5, 1], alpha: [0, 0.5, 1, 1.5, 2], beta: [0, 0.5, 1, 1.5, 2] };
  return JSON.stringify({ law: "hoffmann-2022-chinchilla/loss-nd", data, log: ["A", "B", "E"], lse: true, starts: starts === "grid" ? { grid } : "published" });
}
