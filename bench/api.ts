/**
 * bench/api: the prediction route against a route of the same build that
 * returns a constant JSON body (the framework's ceiling), side by side in one
 * run, against the production server on loopback; and a 10,000-point batch against a
 * 1-point one.
 *
 *   npm run bench:api [-- --seconds 10 --connections 20 --no-build]
 */
import { startServer } from "./server";
import { type Run, load, show } from "./http";

const arg = (name: string, d: number) => (process.argv.includes(`--${name}`) ? Number(process.argv[process.argv.indexOf(`--${name}`) + 1]) : d);
const SECONDS = arg("seconds", 10);
const CONNECTIONS = arg("connections", 20);

async function latency(url: string, body: string, n: number, encoding?: string): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const r = await fetch(url, { method: "POST", body, headers: { "content-type": "application/json", ...(encoding ? { "accept-encoding": encoding } : {}) } });
    await r.arrayBuffer();
    if (!r.ok) throw new Error(`batch request failed: ${r.status}`);
    out.push(performance.now() - t0);
  }
  return out.sort((a, b) => a - b);
}

const median = (xs: number[]) => xs[Math.floor(xs.length / 2)] as number;

const { url, stop } = await startServer();
try {
  // the same prediction on its two paths: the per-law route (a dynamic path Next matches against its
  // route patterns) and GET /api/v1/predict?law= (one fixed path, like the constant route)
  const predict = `${url}/api/v1/laws/hoffmann-2022-chinchilla/loss-nd/predict?N=7e10&D=1.4e12`;
  const predictFixed = `${url}/api/v1/predict?law=hoffmann-2022-chinchilla/loss-nd&N=7e10&D=1.4e12`;
  const ceiling = `${url}/api/v1/health`;
  await load("warm-up", { url: predict, connections: CONNECTIONS, seconds: 2 });
  await load("warm-up", { url: predictFixed, connections: CONNECTIONS, seconds: 2 });
  // interleaved twice so that drift hits all alike
  const runs: Run[] = [];
  for (let i = 0; i < 2; i++) {
    runs.push(await load("constant JSON (framework ceiling)", { url: ceiling, connections: CONNECTIONS, seconds: SECONDS }));
    runs.push(await load("predict, /api/v1/predict?law=…", { url: predictFixed, connections: CONNECTIONS, seconds: SECONDS }));
    runs.push(await load("predict, /api/v1/laws/…/predict", { url: predict, connections: CONNECTIONS, seconds: SECONDS }));
  }
  const mean = (prefix: string) => {
    const xs = runs.filter((r) => r.label.startsWith(prefix)).map((r) => r.rps);
    return xs.reduce((a, b) => a + b, 0) / xs.length;
  };
  const rc = mean("constant");
  const rf = mean("predict, /api/v1/predict?");
  const rp = mean("predict, /api/v1/laws/");

  const batch = `${url}/api/v1/predict`;
  const point = { N: 7e10, D: 1.4e12 };
  const one = JSON.stringify({ law: "hoffmann-2022-chinchilla/loss-nd", points: [point] });
  const grid = Array.from({ length: 10_000 }, (_, i) => ({ N: 1e8 * (1 + i), D: 2e10 * (1 + i) }));
  const many = JSON.stringify({ law: "hoffmann-2022-chinchilla/loss-nd", points: grid });
  const cols = JSON.stringify({ law: "hoffmann-2022-chinchilla/loss-nd", inputs: { N: grid.map((p) => p.N), D: grid.map((p) => p.D) } });
  await latency(batch, many, 5);
  await latency(batch, cols, 5);
  // interleaved in blocks so that drift hits all three alike
  const l1: number[] = [];
  const l10k: number[] = [];
  const lcols: number[] = [];
  const i1: number[] = [];
  const icols: number[] = [];
  for (let b = 0; b < 5; b++) {
    l1.push(...(await latency(batch, one, 10)));
    l10k.push(...(await latency(batch, many, 10)));
    lcols.push(...(await latency(batch, cols, 10)));
    i1.push(...(await latency(batch, one, 10, "identity")));
    icols.push(...(await latency(batch, cols, 10, "identity")));
  }
  for (const xs of [l1, l10k, lcols, i1, icols]) xs.sort((a, b) => a - b);

  console.log(`bench/api: production server on loopback, ${CONNECTIONS} connections, ${SECONDS} s per run, runs interleaved\n`);
  for (const r of runs) console.log(show(r));
  console.log(`\n  predict (?law=, fixed path) / ceiling throughput = ${(rf / rc).toFixed(2)}x   (target >= 0.9x: ${rf / rc >= 0.9 ? "met" : "NOT met"})`);
  console.log(`  predict (per-law dynamic path) / ceiling     = ${(rp / rc).toFixed(2)}x   (target >= 0.9x: ${rp / rc >= 0.9 ? "met" : "NOT met"})`);
  console.log(`\n  POST /api/v1/predict, sequential, median of 50 (fetch's default accept-encoding: gzip, deflate):`);
  console.log(`    1 point        ${median(l1).toFixed(2)} ms`);
  console.log(`    10,000 points as objects  ${median(l10k).toFixed(2)} ms  (${(many.length / 1024).toFixed(0)} KB body)`);
  console.log(`    10,000 points as columns  ${median(lcols).toFixed(2)} ms  (${(cols.length / 1024).toFixed(0)} KB body)`);
  console.log(`  10,000-point / 1-point latency, objects = ${(median(l10k) / median(l1)).toFixed(2)}x   (target <= 2x: ${median(l10k) / median(l1) <= 2 ? "met" : "NOT met"})`);
  console.log(`  10,000-point / 1-point latency, columns = ${(median(lcols) / median(l1)).toFixed(2)}x   (target <= 2x: ${median(lcols) / median(l1) <= 2 ? "met" : "NOT met"})`);
  // Next gzips any answer above 1 KB at level 6 when the client accepts gzip (fetch does), and drops a
  // Content-Encoding a route sets itself, so the part of the 10,000-point cost that is compression shows here:
  console.log(`\n  the same without compression (accept-encoding: identity): 1 point ${median(i1).toFixed(2)} ms, 10,000 as columns ${median(icols).toFixed(2)} ms = ${(median(icols) / median(i1)).toFixed(2)}x`);
} finally {
  stop();
}
