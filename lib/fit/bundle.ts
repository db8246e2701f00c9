/**
 * Bundles the fit workers with esbuild: a Node worker thread for the server
 * and the build (data/workers/fit-worker.mjs), and a Web Worker for /fit
 * (public/fit-worker.js). Both are generated files (git-ignored); db:build
 * and build write them, atomically and only when they changed, so a running
 * server or a parallel build never loads half a file. Only build scripts
 * import this module.
 */
import fs from "node:fs";
import path from "node:path";
import { buildSync } from "esbuild";
import { workerFile } from "./node-pool";

export const BROWSER_WORKER = path.join("public", "fit-worker.js");

function writeIfChanged(file: string, text: string): void {
  try {
    if (fs.readFileSync(file, "utf8") === text) return;
  } catch {
    // not there yet
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

export function bundleWorkers(root = process.cwd()): { node: string; browser: string } {
  const here = path.join(root, "lib", "fit");
  const node = workerFile();
  const browser = path.join(root, BROWSER_WORKER);
  const common = { bundle: true, write: false, minify: true, legalComments: "none" as const, logLevel: "error" as const, target: "es2022" };
  const built = (entry: string, platform: "node" | "browser", format: "esm" | "iife") => {
    const out = buildSync({ ...common, entryPoints: [path.join(here, entry)], platform, format }).outputFiles?.[0];
    if (!out) throw new Error(`esbuild produced nothing for ${entry}`);
    return out.text;
  };
  writeIfChanged(node, built("worker-node.ts", "node", "esm"));
  writeIfChanged(browser, built("worker-browser.ts", "browser", "iife"));
  return { node, browser };
}
