/**
 * bench/batch: the cost of intervals in POST /api/v1/predict, in process (the
 * route handler, its JSON, and gzip at level 6 as Next compresses it), side by
 * side in one run: a law without standard errors (no intervals to compute)
 * against one with five (Besiroglu et al.'s refit: ten more evaluations and one
 * interval object per point), 1 point and 10,000, median of interleaved rounds.
 *
 *   LAWDEX_DB=data/lawdex.db npm run bench:batch
 */
import zlib from "node:zlib";
import { POST } from "../app/api/v1/predict/route";

const N = Array.from({ length: 10_000 }, (_, i) => 1e8 * (1 + i));
const D = N.map((n) => 20 * n);
const body = (law: string, n: number) => JSON.stringify({ law, inputs: { N: N.slice(0, n), D: D.slice(0, n) } });

async function once(text: string): Promise<{ handler: number; gzip: number; bytes: number; gzipped: number }> {
  const t0 = performance.now();
  const res = await POST(new Request("http://bench/api/v1/predict", { method: "POST", body: text, headers: { "content-type": "application/json" } }));
  const raw = Buffer.from(await res.arrayBuffer());
  const t1 = performance.now();
  if (res.status !== 200) throw new Error(`batch answered ${res.status}: ${raw.toString().slice(0, 200)}`);
  const gz = zlib.gzipSync(raw, { level: 6 });
  return { handler: t1 - t0, gzip: performance.now() - t1, bytes: raw.length, gzipped: gz.length };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const cases = [
  { label: "no standard errors (Hoffmann L(N, D))", law: "hoffmann-2022-chinchilla/loss-nd" },
  { label: "5 standard errors (Besiroglu L(N, D))", law: "besiroglu-2024-replication/loss-nd" },
].flatMap((c) => [1, 10_000].map((n) => ({ ...c, n, text: body(c.law, n), runs: [] as Awaited<ReturnType<typeof once>>[] })));

for (const c of cases) for (let i = 0; i < 5; i++) await once(c.text); // warm-up: compile, JIT
for (let round = 0; round < 15; round++) for (const c of cases) c.runs.push(await once(c.text));

console.log("bench/batch: POST /api/v1/predict in process, columns form, median of 15 interleaved rounds\n");
for (const c of cases) {
  const h = median(c.runs.map((r) => r.handler));
  const g = median(c.runs.map((r) => r.gzip));
  const r = c.runs[0] as Awaited<ReturnType<typeof once>>;
  console.log(
    `  ${c.label.padEnd(40)} ${String(c.n).padStart(6)} pts  handler+JSON ${h.toFixed(2).padStart(7)} ms  gzip-6 ${g.toFixed(2).padStart(6)} ms  total ${(h + g).toFixed(2).padStart(7)} ms  ${(r.bytes / 1024).toFixed(0).padStart(5)} KB -> ${(r.gzipped / 1024).toFixed(0)} KB`,
  );
}
const total = (law: string, n: number) => {
  const c = cases.find((x) => x.law === law && x.n === n) as (typeof cases)[number];
  return median(c.runs.map((r) => r.handler + r.gzip));
};
const withErrors = total("besiroglu-2024-replication/loss-nd", 10_000);
const without = total("hoffmann-2022-chinchilla/loss-nd", 10_000);
console.log(`\n  10,000 points with intervals / without = ${(withErrors / without).toFixed(2)}x (${withErrors.toFixed(1)} ms against ${without.toFixed(1)} ms)`);
