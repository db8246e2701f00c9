/**
 * `npm start` on a build that is current: it serves on PORT (and HOSTNAME)
 * without rebuilding. The global set-up has just run `npm run build`, which
 * stamps the build, so nothing has changed since.
 */
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { freePort } from "./server";

describe("npm start", () => {
  it("serves on PORT and HOSTNAME without rebuilding when nothing changed", async () => {
    const port = await freePort();
    const child = spawn("npm", ["start"], {
      env: { ...process.env, PORT: String(port), HOSTNAME: "127.0.0.1", LAWDEX_WARMUP: "0", NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let log = "";
    child.stdout.on("data", (d: Buffer) => (log += d.toString()));
    child.stderr.on("data", (d: Buffer) => (log += d.toString()));
    try {
      let status = 0;
      const end = Date.now() + 50_000;
      while (Date.now() < end && status !== 200) {
        if (/building \(/.test(log)) break;
        try {
          status = (await fetch(`http://127.0.0.1:${port}/api/v1/health`)).status;
        } catch {
          await new Promise((r) => setTimeout(r, 250));
        }
      }
      expect(log).not.toMatch(/building \(/);
      expect(log).toContain("the build is current");
      expect(log).toContain(`serving on http://127.0.0.1:${port}`);
      expect(status).toBe(200);
    } finally {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
    }
  }, 60_000);
});
