/**
 * The production server: Next's request handler behind a method and CORS
 * policy (lib/http-policy.ts). `next start` alone answers a POST to a
 * prerendered page, and any TRACE, with a 500, and an unexported method on a
 * route handler with a bare 405; here every method on every path gets a
 * proper answer before Next sees it, at the cost of one regex match.
 *
 *   tsx app/_build/serve.ts [--port N] [--hostname H]     (PORT and HOSTNAME work too)
 */
import http from "node:http";
import path from "node:path";
import next from "next";
import fs from "node:fs";
import { decide, notAllowedBody, notFoundBody, reservedQueryBody, reservedQueryName, scanRoutes } from "../../lib/http-policy";

function option(name: string, short: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.findIndex((a) => a === `--${name}` || a === `-${short}`);
  return i >= 0 ? args[i + 1] : undefined;
}

const port = Number(option("port", "p") ?? process.env.PORT ?? 3000);
const hostname = option("hostname", "H") ?? process.env.HOSTNAME ?? "0.0.0.0";
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`lawdex: PORT must be a port number, got ${JSON.stringify(String(port))}`);
  process.exit(2);
}

const routes = scanRoutes(path.join(process.cwd(), "app"));
const PUBLIC = path.join(process.cwd(), "public");
const isPublicFile = (pathname: string): boolean => {
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    return false;
  }
  const file = path.join(PUBLIC, rel);
  if (!file.startsWith(PUBLIC + path.sep)) return false;
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
};
const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

// answers made here never reach Next, so they carry its security headers themselves (next.config.ts)
const SECURITY = { "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'", "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY" };

const server = http.createServer((req, res) => {
  const method = (req.method ?? "GET").toUpperCase();
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  const pathname = q >= 0 ? url.slice(0, q) : url;
  const reserved = reservedQueryName(q >= 0 ? url.slice(q + 1) : "");
  if (reserved !== null) {
    const { type, body } = reservedQueryBody(reserved, pathname.startsWith("/api/"));
    res.writeHead(400, { ...SECURITY, "Content-Type": type, "Cache-Control": "no-store", "Content-Length": Buffer.byteLength(body) });
    res.end(method === "HEAD" ? undefined : body);
    req.resume();
    return;
  }
  const verdict = decide(method, pathname, routes, typeof req.headers.origin === "string" ? req.headers.origin : null, isPublicFile);
  if (verdict.kind === "not-found") {
    const { type, body } = notFoundBody(method, pathname, verdict.api);
    res.writeHead(404, { ...SECURITY, "Content-Type": type, "Cache-Control": "no-store", "Content-Length": Buffer.byteLength(body) });
    res.end(method === "HEAD" ? undefined : body);
    req.resume();
    return;
  }
  if (verdict.kind === "not-allowed") {
    const { type, body } = notAllowedBody(method, pathname, verdict.allow, verdict.api);
    res.writeHead(405, { ...SECURITY, Allow: verdict.allow.join(", "), "Content-Type": type, "Cache-Control": "no-store", "Content-Length": Buffer.byteLength(body) });
    res.end(method === "HEAD" ? undefined : body);
    // the rest of a body the caller is sending is not wanted
    req.resume();
    return;
  }
  if (verdict.kind === "options") {
    res.writeHead(204, { ...SECURITY, ...verdict.headers, "Cache-Control": "no-store" });
    res.end();
    req.resume();
    return;
  }
  for (const [k, v] of Object.entries(verdict.headers)) res.setHeader(k, v);
  void handle(req, res);
});
// benchmarks read the request thread's CPU time from /proc/<pid>/task/<pid>/stat (bench/cpu.ts)
if (process.env.LAWDEX_PID_FILE) fs.writeFileSync(process.env.LAWDEX_PID_FILE, String(process.pid));
/**
 * The first request of each kind loads its route's code and compiles it
 * (bench/cpu: about 0.7 s of the request thread for the compare page); the
 * server pays that once at start, not on a reader's first comparison.
 */
const WARM = [
  "/api/v1/laws/hoffmann-2022-chinchilla/loss-nd/predict?N=7e10&D=1.4e12",
  "/compare?laws=kaplan-2020-scaling/loss-n,hoffmann-2022-chinchilla/loss-nd&x=params&fix.D=20*N",
  "/compare?laws=hoffmann-2022-chinchilla/loss-nd,besiroglu-2024-replication/loss-nd&x=compute",
  "/search?q=chinchilla",
];
server.listen(port, hostname, () => {
  const local = `http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`;
  console.log(`lawdex: serving on ${local}`);
  if (process.env.LAWDEX_WARMUP === "0") return;
  void (async () => {
    for (const p of WARM) {
      try {
        await (await fetch(`http://${hostname === "0.0.0.0" ? "127.0.0.1" : hostname}:${port}${p}`)).arrayBuffer();
      } catch {
        // a warm-up that fails costs nothing but the warm-up
      }
    }
  })();
});
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    server.close();
    process.exit(0);
  });
}
