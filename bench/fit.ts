/**
 * bench/fit: the fitting engine against scipy, side by side in one run.
 *
 *   npm run bench:fit [-- --skip-scipy] [--skip-browser]
 *
 * 1. Besiroglu et al.'s 240 points, the full 4,500-start grid, Huber δ = 1e-3
 *    in log-sum-exp form: lib/fit in one thread, and on 2 worker threads,
 *    against scipy's L-BFGS-B with finite-difference gradients (as the
 *    published notebooks run it) and with an analytic numpy gradient.
 *    Targets: same best objective (relative difference ≤ 1e-6); ≥ 20× faster
 *    than the first and ≥ 3× faster than the second. lib/fit runs 3
 *    alternating rounds (median); scipy runs once (it takes a minute).
 * 2. A bootstrap of 1,000 resamples on 2 workers against 1 worker (warm
 *    pools, 5 alternating rounds, median). Target: ≥ 1.7× the rate.
 * 3. The full-grid fit in Chromium (one Web Worker, public/fit-worker.js)
 *    against one Node worker thread. Target: ≤ 2× the Node time.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { chromium } from "playwright-core";
import { bundleWorkers } from "../lib/fit/bundle";
import { type FitProblem, gridStarts } from "../lib/fit/engine";
import { NodePool } from "../lib/fit/node-pool";
import { fit, inlineRunner } from "../lib/fit/run";
import { dataDir } from "../lib/datasets";
import { freePort } from "./server";

const flag = (name: string) => process.argv.includes(`--${name}`);

function besiroglu(): FitProblem {
  const text = fs.readFileSync(path.join(dataDir(), "besiroglu2024_chinchilla_svg_extracted.csv"), "utf8").trim().split("\n");
  const head = (text[0] as string).split(",");
  const rows = text.slice(1).map((l) => l.split(",")).filter((r) => r[head.indexOf("excluded_by_besiroglu2024")] === "0");
  const col = (name: string) => Float64Array.from(rows, (r) => Number(r[head.indexOf(name)]));
  const steps = (a: number, b: number, s: number) => Array.from({ length: Math.round((b - a) / s) + 1 }, (_, i) => a + i * s);
  return {
    expr: "E + A / N^alpha + B / D^beta",
    inputs: ["N", "D"],
    output: "L",
    free: [
      { symbol: "A", log: true },
      { symbol: "B", log: true },
      { symbol: "E", log: true },
      { symbol: "alpha", log: false },
      { symbol: "beta", log: false },
    ],
    fixed: {},
    objective: { loss: "huber-log", delta: 1e-3 },
    lse: true,
    starts: gridStarts([steps(0, 25, 5), steps(0, 25, 5), steps(-1, 1, 0.5), steps(0, 2, 0.5), steps(0, 2, 0.5)]),
    x: [col("params"), col("tokens_derived_flops_over_6params")],
    y: col("loss_nats"),
  };
}

const fmt = (x: number, d = 2) => x.toFixed(d);
const seconds = async (f: () => Promise<unknown>) => {
  const t = performance.now();
  await f();
  return (performance.now() - t) / 1000;
};

async function main() {
  bundleWorkers();
  const problem = besiroglu();
  console.log(`bench/fit: ${problem.y.length} points, ${problem.starts.length} starts, Huber δ = 1e-3, log-sum-exp form (2 cores)\n`);

  // 1. the grid
  let scipy: { fd?: { seconds: number; best: number }; analytic?: { seconds: number; best: number } } = {};
  if (!flag("skip-scipy")) {
    process.stdout.write("scipy L-BFGS-B (finite differences, then analytic gradient)… ");
    scipy = JSON.parse(execFileSync("python3", [path.join("bench", "fit_scipy.py")], { encoding: "utf8", env: { ...process.env, LAWDEX_DATA_DIR: dataDir() } }));
    console.log("done");
  }
  // three alternating rounds of each, median (the machine's two cores are noisy)
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  const pool2 = new NodePool({ size: 2 });
  await fit({ ...problem, starts: problem.starts.slice(0, 200) }, { bootstrap: 0, seed: 0 }, pool2); // warm both workers
  await fit({ ...problem, starts: problem.starts.slice(0, 200) }, { bootstrap: 0, seed: 0 }, inlineRunner);
  const singleTimes: number[] = [];
  const twoTimes: number[] = [];
  const single = { f: 0, s: 0 };
  const two = { f: 0, s: 0 };
  for (let round = 0; round < 3; round++) {
    singleTimes.push(await seconds(async () => void (single.f = (await fit(problem, { bootstrap: 0, seed: 0 }, inlineRunner)).summary.objective)));
    twoTimes.push(await seconds(async () => void (two.f = (await fit(problem, { bootstrap: 0, seed: 0 }, pool2)).summary.objective)));
  }
  single.s = median(singleTimes);
  two.s = median(twoTimes);
  const rows: string[][] = [["", "seconds (median)", "best objective", "rel. diff vs scipy", "scipy FD / this", "scipy analytic / this"]];
  const sfd = scipy.fd;
  const san = scipy.analytic;
  const line = (name: string, r: { f: number; s: number }) => [
    name,
    fmt(r.s),
    r.f.toPrecision(12),
    san ? (Math.abs(r.f - Math.min(san.best, sfd?.best ?? Infinity)) / Math.min(san.best, sfd?.best ?? Infinity)).toExponential(1) : "—",
    sfd ? `${fmt(sfd.seconds / r.s, 1)}×` : "—",
    san ? `${fmt(san.seconds / r.s, 1)}×` : "—",
  ];
  if (sfd) rows.push(["scipy, finite differences", fmt(sfd.seconds), sfd.best.toPrecision(12), "", "", ""]);
  if (san) rows.push(["scipy, analytic gradient", fmt(san.seconds), san.best.toPrecision(12), "", "", ""]);
  rows.push(line("lib/fit, 1 thread", single));
  rows.push(line("lib/fit, 2 worker threads", two));
  for (const r of rows) console.log(r.map((c, i) => (i === 0 ? c.padEnd(28) : c.padStart(23))).join(""));

  // 2. bootstrap scaling
  const bootProblem = { ...problem, starts: [[6.0073404, 6.0179186, 0.5267228, 0.33917084, 0.2849083]] };
  const pool1 = new NodePool({ size: 1 });
  await fit(bootProblem, { bootstrap: 300, seed: 1 }, pool1);
  await fit(bootProblem, { bootstrap: 300, seed: 1 }, pool2);
  const ones: number[] = [];
  const twos: number[] = [];
  for (let round = 0; round < 5; round++) {
    ones.push(await seconds(() => fit(bootProblem, { bootstrap: 1000, seed: 42 + round }, pool1)));
    twos.push(await seconds(() => fit(bootProblem, { bootstrap: 1000, seed: 42 + round }, pool2)));
  }
  const b1 = median(ones);
  const b2 = median(twos);
  console.log(`\nbootstrap, 1,000 resamples (median of 5 alternating rounds): 1 worker ${fmt(b1)} s, 2 workers ${fmt(b2)} s -> ${fmt(b1 / b2)}× the rate (target ≥ 1.7×)`);
  await pool1.close();

  // 3. Chromium vs Node, one worker each
  if (!flag("skip-browser")) {
    const nodeOne = new NodePool({ size: 1 });
    await fit({ ...problem, starts: problem.starts.slice(0, 200) }, { bootstrap: 0, seed: 0 }, nodeOne);
    const tn = await seconds(() => nodeOne.run({ kind: "fit", problem, options: { bootstrap: 0, seed: 0 } }));
    await nodeOne.close();
    const worker = fs.readFileSync(path.join("public", "fit-worker.js"));
    const port = await freePort();
    const server = http
      .createServer((req, res) => {
        if (req.url === "/fit-worker.js") {
          res.writeHead(200, { "content-type": "text/javascript" });
          res.end(worker);
        } else {
          res.writeHead(200, { "content-type": "text/html" });
          res.end("<!doctype html><title>bench</title>");
        }
      })
      .listen(port, "127.0.0.1");
    const executablePath = process.env.CHROMIUM_PATH ?? execFileSync("bash", ["-c", "command -v chromium"], { encoding: "utf8" }).trim();
    const browser = await chromium.launch({ executablePath, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    const plain = { ...problem, x: problem.x.map((c) => Array.from(c)), y: Array.from(problem.y) };
    // a string, not a function: the TypeScript loader would wrap a function in helpers the page does not have
    const script = `(async (p) => {
      const w = new Worker("/fit-worker.js");
      const run = (task) => new Promise((resolve, reject) => {
        const t = performance.now();
        w.onmessage = (e) => {
          if (e.data.type === "result") resolve((performance.now() - t) / 1000);
          else if (e.data.type === "error") reject(new Error(e.data.error.message));
        };
        w.postMessage({ id: 1, task });
      });
      const problem = { ...p, x: p.x.map((c) => Float64Array.from(c)), y: Float64Array.from(p.y) };
      await run({ kind: "fit", problem: { ...problem, starts: problem.starts.slice(0, 200) }, options: { bootstrap: 0, seed: 0 } });
      return run({ kind: "fit", problem, options: { bootstrap: 0, seed: 0 } });
    })(${JSON.stringify(plain)})`;
    const tb = (await page.evaluate(script)) as number;
    await browser.close();
    server.close();
    console.log(`full grid in one worker: Chromium ${fmt(tb)} s, Node ${fmt(tn)} s -> ${fmt(tb / tn)}× (target ≤ 2×)`);
  }
  await pool2.close();
}

void main();
