/** Shared by the HTTP benchmarks: a production build served by the production server (app/_build/serve.ts) on a free loopback port. */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const a = srv.address();
      srv.close(() => (typeof a === "object" && a ? resolve(a.port) : reject(new Error("no port"))));
    });
  });
}

/** beforeStart runs after the build, before the server lists public/ (it does so once, at start). */
/** The server's process id (its request thread is the thread with the same id), once it is up. */
export function serverPid(): number {
  return Number(fs.readFileSync(PID_FILE, "utf8"));
}
const PID_FILE = path.join(os.tmpdir(), `lawdex-bench-${process.pid}.pid`);

export async function startServer(beforeStart?: () => void): Promise<{ url: string; stop: () => void }> {
  if (!process.argv.includes("--no-build")) execFileSync("npm", ["run", "build"], { stdio: ["ignore", "ignore", "inherit"] });
  beforeStart?.();
  const port = await freePort();
  const child: ChildProcess = spawn("node_modules/.bin/tsx", ["app/_build/serve.ts", "--port", String(port), "--hostname", "127.0.0.1"], {
    stdio: ["ignore", process.env.BENCH_SERVER_LOG ? "inherit" : "ignore", "inherit"],
    detached: true,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", LAWDEX_PID_FILE: PID_FILE },
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) break;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, stop: () => child.pid && process.kill(-child.pid, "SIGTERM") };
}
