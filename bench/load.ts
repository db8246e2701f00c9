/**
 * bench/load: 60 s at 50 concurrent connections against the prediction route
 * and against a law page; then a mixed run (predictions, comparisons, search,
 * pages, small fits) offered at a fixed rate (--rate, 100/s on --mixed-connections 4:
 * under a third of what the server answers with this mix when saturated) with one costly
 * request always in flight (a comparison of eight frontiers at ~500 points, or
 * a 4,500-start fit, alternately) while /api/v1/health is probed every 20 ms. Bounded; loopback only. Any error
 * makes the run exit non-zero; so does a health p99 of 100 ms or more.
 *
 *   npm run bench:load [-- --seconds 60 --connections 50 --no-build]
 */
import { spawn } from "node:child_process";
import autocannon from "autocannon";
import { costlyCompareQuery, fitBody } from "./costly";
import { startServer } from "./server";
import { load, show } from "./http";

const arg = (name: string, d: number) => (process.argv.includes(`--${name}`) ? Number(process.argv[process.argv.indexOf(`--${name}`) + 1]) : d);
const SECONDS = arg("seconds", 60);
const CONNECTIONS = arg("connections", 50);
const HEALTH_P99_TARGET_MS = 100;
/** Offered load of the mixed run, requests/s: under a third of what the server answers when saturated with this mix (~340/s here), so that what is measured is whether the costly request stalls others, not queueing at saturation. */
const MIXED_RATE = arg("rate", 100);
/** Connections of the mixed run: autocannon releases a rate-limited run's requests in bursts of up to this many. */
const MIXED_CONNECTIONS = arg("mixed-connections", 4);

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? Number.NaN;
};

const { url, stop } = await startServer();
try {
  const a = await load("predict", { url: `${url}/api/v1/laws/hoffmann-2022-chinchilla/loss-nd/predict?N=7e10&D=1.4e12`, connections: CONNECTIONS, seconds: SECONDS });
  const b = await load("law page", { url: `${url}/laws/hoffmann-2022-chinchilla/loss-nd`, connections: CONNECTIONS, seconds: SECONDS });

  // the mixed run, with one costly request always in flight and health probed throughout
  let running = true;
  const costly = { done: 0, errors: 0, statuses: new Map<number, number>() };
  const costlyLoop = (async () => {
    for (let i = 0; running && !process.argv.includes("--no-costly"); i++) {
      const req =
        i % 2 === 0
          ? fetch(`${url}/api/v1/compare?${costlyCompareQuery(500 - (i % 400))}`)
          : fetch(`${url}/api/v1/fit`, { method: "POST", body: fitBody(240, "grid"), headers: { "content-type": "application/json" } });
      try {
        const r = await req;
        await r.arrayBuffer();
        costly.statuses.set(r.status, (costly.statuses.get(r.status) ?? 0) + 1);
        if (r.status >= 500 && r.status !== 503) costly.errors++;
        costly.done++;
      } catch {
        costly.errors++;
      }
    }
  })();
  // health is probed from its own process (bench/probe.ts): in this process autocannon's work would delay the probe
  const prober = spawn("node_modules/.bin/tsx", ["bench/probe.ts", `${url}/api/v1/health`], { stdio: ["pipe", "pipe", "inherit"] });
  let probeOut = "";
  prober.stdout.on("data", (c: Buffer) => {
    probeOut += c.toString();
  });
  const probed = new Promise<{ latencies: number[]; errors: number }>((resolve) => prober.on("close", () => resolve(JSON.parse(probeOut || '{"latencies":[],"errors":1}'))));
  const json = { "content-type": "application/json" };
  const mixed = await autocannon({
    url,
    connections: MIXED_CONNECTIONS,
    overallRate: MIXED_RATE,
    duration: SECONDS,
    requests: [
      { method: "GET", path: "/api/v1/laws/hoffmann-2022-chinchilla/loss-nd/predict?N=7e10&D=1.4e12" },
      { method: "GET", path: "/api/v1/compare?laws=kaplan-2020-scaling/loss-n,hoffmann-2022-chinchilla/loss-nd&x=params&fix.D=20*N" },
      { method: "GET", path: "/search?q=chinchilla" },
      { method: "GET", path: "/laws/kaplan-2020-scaling/loss-n" },
      { method: "GET", path: "/papers/hoffmann-2022-chinchilla" },
      { method: "POST", path: "/api/v1/predict", headers: json, body: JSON.stringify({ law: "kaplan-2020-scaling/loss-nd", inputs: { N: [1e8, 1e9], D: [1e9, 1e10] } }) },
      { method: "POST", path: "/api/v1/fit", headers: json, body: fitBody(40, "published") },
    ],
  });
  running = false;
  prober.stdin.end();
  const [, { latencies: health, errors: healthErrors }] = await Promise.all([costlyLoop, probed]);

  console.log(`bench/load: ${SECONDS} s per run, production server on loopback\n`);
  console.log(show(a));
  console.log(show(b));
  const mixedErrors = mixed.errors + mixed.timeouts + mixed.non2xx;
  console.log(
    `  ${`mixed (7 kinds) offered at ${MIXED_RATE}/s${process.argv.includes("--no-costly") ? "" : ", 1 costly in flight"}`.padEnd(44)} ${mixed.requests.average.toFixed(0).padStart(7)} req/s   p50 ${String(mixed.latency.p50).padStart(4)} ms   p99 ${String(mixed.latency.p99).padStart(4)} ms   errors ${mixedErrors}`,
  );
  console.log(`  mixed statuses: ${JSON.stringify(mixed.statusCodeStats)}`);
  console.log(`  costly requests completed: ${costly.done} (${[...costly.statuses].map(([s, n]) => `${n}× ${s}`).join(", ")}), errors ${costly.errors}`);
  const p99 = percentile(health, 0.99);
  console.log(`  /api/v1/health during the mixed run: ${health.length} probes, p50 ${percentile(health, 0.5).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms (target < ${HEALTH_P99_TARGET_MS} ms), errors ${healthErrors}`);
  const errors = a.errors + a.non2xx + b.errors + b.non2xx + mixedErrors + costly.errors + healthErrors;
  console.log(`\n  errors: ${errors}`);
  if (errors > 0 || !(p99 < HEALTH_P99_TARGET_MS)) process.exitCode = 1;
} finally {
  stop();
}
