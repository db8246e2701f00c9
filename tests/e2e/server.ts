/**
 * Global set-up of the browser tests: build the database and the production
 * site, serve it with the production server (app/_build/serve.ts) on a free
 * loopback port, stop it after.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import net from "node:net";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === "object" && addr ? resolve(addr.port) : reject(new Error("no port"))));
    });
  });
}

async function waitFor(url: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server at ${url} did not come up within ${ms} ms`);
}

export default async function setup(project: TestProject) {
  if (!process.env.LAWDEX_E2E_SKIP_BUILD) {
    execFileSync("npm", ["run", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  }
  const port = await freePort();
  const server: ChildProcess = spawn("node_modules/.bin/tsx", ["app/_build/serve.ts", "--port", String(port), "--hostname", "127.0.0.1"], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    detached: true,
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitFor(`${baseUrl}/`, 60_000);
  project.provide("baseUrl", baseUrl);
  return () => {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
  };
}
