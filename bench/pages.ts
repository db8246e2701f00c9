/**
 * bench/pages: prerendered law and paper pages against a static file served
 * by the same server, and the dynamic compare view, side by side in one run.
 *
 * The static file is a copy of the page's own bytes (as published to
 * public/_prerendered/) under public/_bench/: the
 * load generator (autocannon, on the same two cores) spends measurably more
 * per byte on bodies with non-ASCII text than on ASCII JavaScript (a 224 KB
 * slice of a paper page: 1,440 req/s; the same slice with non-ASCII bytes
 * replaced: 2,490), so only identical bytes make a fair ceiling. The closest-
 * size /_next/static asset is printed too, for reference. Page and file
 * alternate for several rounds and the median ratio is reported, so drift of
 * the machine affects both sides alike.
 *
 *   npm run bench:pages [-- --seconds 5 --rounds 3 --connections 20 --no-build]
 */
import fs from "node:fs";
import path from "node:path";
import { startServer } from "./server";
import { type Run, load, show } from "./http";

const arg = (name: string, d: number) => (process.argv.includes(`--${name}`) ? Number(process.argv[process.argv.indexOf(`--${name}`) + 1]) : d);
const SECONDS = arg("seconds", 5);
const ROUNDS = arg("rounds", 3);
const CONNECTIONS = arg("connections", 20);
const BENCH_DIR = "public/_bench";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const pages = [
  { name: "law page", route: "/laws/hoffmann-2022-chinchilla/loss-nd", file: "laws/hoffmann-2022-chinchilla/loss-nd.html" },
  { name: "paper page", route: "/papers/kaplan-2020-scaling", file: "papers/kaplan-2020-scaling.html" },
];
const compareUrl = "/compare?laws=hoffmann-2022-chinchilla/loss-nd,besiroglu-2024-replication/loss-nd&x=compute&at=5.76e23";

const { url, stop } = await startServer(() => {
  // the ceiling: each page's prerendered bytes as a plain file in public/
  fs.rmSync(BENCH_DIR, { recursive: true, force: true });
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  for (const p of pages) fs.copyFileSync(path.join("public/_prerendered", p.file), path.join(BENCH_DIR, path.basename(p.file)));
});
try {
  await load("warm-up", { url: `${url}${pages[0]?.route}`, connections: CONNECTIONS, seconds: 2 });
  await load("warm-up", { url: `${url}${compareUrl}`, connections: CONNECTIONS, seconds: 2 });
  const assets = fs
    .readdirSync(".next/static/chunks")
    .filter((f) => f.endsWith(".js") || f.endsWith(".css"))
    .map((f) => ({ f, size: fs.statSync(path.join(".next/static/chunks", f)).size }));

  console.log(`bench/pages: production server on loopback, ${CONNECTIONS} connections, ${SECONDS} s per run, ${ROUNDS} alternating rounds\n`);
  const summary: string[] = [];
  for (const p of pages) {
    const page = `${url}${p.route}`;
    const copy = `${url}/_bench/${path.basename(p.file)}`;
    const [pageBody, copyBody] = await Promise.all([fetch(page), fetch(copy)].map(async (r) => Buffer.from(await (await r).arrayBuffer())));
    if (!pageBody || !copyBody || !pageBody.equals(copyBody)) throw new Error(`${p.route}: the static copy differs from the page`);
    const kb = (pageBody.length / 1024).toFixed(0);
    const ratios: number[] = [];
    for (let r = 1; r <= ROUNDS; r++) {
      const f: Run = await load(`round ${r}: same bytes as a static file`, { url: copy, connections: CONNECTIONS, seconds: SECONDS });
      const q: Run = await load(`round ${r}: ${p.name} (${kb} KB)`, { url: page, connections: CONNECTIONS, seconds: SECONDS });
      console.log(show(f));
      console.log(show(q));
      ratios.push(q.rps / f.rps);
    }
    const asset = assets.sort((a, b) => Math.abs(a.size - pageBody.length) - Math.abs(b.size - pageBody.length))[0];
    const a = await load(`reference: /_next/static asset of ${((asset?.size ?? 0) / 1024).toFixed(0)} KB`, { url: `${url}/_next/static/chunks/${asset?.f}`, connections: CONNECTIONS, seconds: SECONDS });
    console.log(`${show(a)}\n`);
    const m = median(ratios);
    summary.push(`  ${p.name} / the same bytes as a static file = ${m.toFixed(2)}x (median of ${ratios.map((x) => x.toFixed(2)).join(", ")})   target >= 0.9x: ${m >= 0.9 ? "met" : "NOT met"}`);
  }
  const c = await load("compare view (dynamic, 2 frontiers + band)", { url: `${url}${compareUrl}`, connections: CONNECTIONS, seconds: SECONDS * 2 });
  console.log(show(c));
  console.log(`\n${summary.join("\n")}`);
  console.log(`  compare view = ${c.rps.toFixed(0)} req/s   target >= 100: ${c.rps >= 100 ? "met" : "NOT met"}`);
} finally {
  stop();
  fs.rmSync(BENCH_DIR, { recursive: true, force: true });
}
