/**
 * `npm run dev`: Next's development server with live content. Every change
 * under content/ rebuilds the database (debounced); the running site
 * re-opens the file when a successful build swaps it (db/client.ts), so the
 * next page load shows the edit. A build that fails prints its problems
 * (file: field: message) and leaves the previous database serving.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { buildDatabase } from "../../db/build";
import { dbPath } from "../../db/client";
import { ContentError } from "../../lib/content/load";

const contentDir = process.env.LAWDEX_CONTENT ?? path.join(process.cwd(), "content");
const outFile = dbPath();

let running = false;
let again = false;
async function rebuild(reason: string): Promise<void> {
  if (running) {
    again = true;
    return;
  }
  running = true;
  try {
    const r = await buildDatabase({ contentDir, outFile });
    console.log(`lawdex dev: ${reason}: database rebuilt (${r.papers} papers, ${r.laws} laws, ${r.ms.toFixed(0)} ms)`);
  } catch (e) {
    console.error(`lawdex dev: ${reason}: the build failed; the previous database keeps serving.\n${e instanceof ContentError ? e.message : String(e)}`);
  } finally {
    running = false;
    if (again) {
      again = false;
      void rebuild("more content changed");
    }
  }
}

await rebuild("start");
let timer: NodeJS.Timeout | undefined;
fs.watch(contentDir, { recursive: true }, (_event, file) => {
  clearTimeout(timer);
  timer = setTimeout(() => void rebuild(`${file ?? "content"} changed`), 200);
});
const nextBin = path.join(process.cwd(), "node_modules", ".bin", "next");
const child = spawn(nextBin, ["dev", ...process.argv.slice(2)], { stdio: "inherit" });
child.on("exit", (code) => process.exit(code ?? 0));
for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => child.kill(signal));
