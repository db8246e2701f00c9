/**
 * The build's fingerprint: a hash of everything `npm run build` reads (code,
 * content, configuration, the environment variables that change its output,
 * the released data it refits) so that `npm start` can tell that the build
 * on disk is current and serve it in seconds instead of rebuilding.
 *
 *   tsx app/_build/stamp.ts write     after a successful build (package.json "build")
 *   tsx app/_build/stamp.ts check     exit 0 if the build on disk is current, 1 if not (prints why)
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

/** Folders of code the build reads, relative to the project (content is LAWDEX_CONTENT or content/). */
const INPUT_DIRS = ["app", "lib", "db"];
/** Single files the build reads. */
const INPUT_FILES = ["package.json", "package-lock.json", "next.config.ts", "tsconfig.json", "proxy.ts"];
/** Environment variables that change what the build produces. */
const INPUT_ENV = ["LAWDEX_CONTENT", "LAWDEX_DATA_DIR", "LAWDEX_DB", "LAWDEX_ORIGIN", "LAWDEX_REFIT_CACHE"];
/** What a build leaves behind; a stamp without them is not a build. */
const OUTPUTS = [".next/BUILD_ID", "public/_prerendered", "public/fit-worker.js"];
export const STAMP_FILE = ".next/lawdex-build.json";
const Stamp = z.object({ fingerprint: z.string() });

function walk(dir: string, out: string[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile() || e.isSymbolicLink()) out.push(p);
  }
}

/**
 * The fingerprint of the build inputs under `root`. Code and content are
 * hashed by their bytes (a `touch` does not force a rebuild, an edit does);
 * the released data folder, which can be large, by each file's name, size
 * and modification time.
 */
export function fingerprint(root: string, env: Readonly<Record<string, string | undefined>> = process.env): string {
  const h = crypto.createHash("sha256");
  h.update(`node ${process.version}\n`);
  for (const name of INPUT_ENV) h.update(`env ${name}=${env[name] ?? ""}\n`);
  const files: string[] = [];
  for (const d of INPUT_DIRS) walk(path.join(root, d), files);
  walk(path.resolve(root, env.LAWDEX_CONTENT ?? "content"), files);
  for (const f of INPUT_FILES) if (fs.existsSync(path.join(root, f))) files.push(path.join(root, f));
  for (const f of files.sort()) {
    h.update(`file ${path.relative(root, f)}\n`);
    try {
      h.update(fs.readFileSync(f));
    } catch {
      h.update("(unreadable)");
    }
  }
  const dataDir = path.resolve(root, env.LAWDEX_DATA_DIR ?? "../shared/data");
  const data: string[] = [];
  walk(dataDir, data);
  for (const f of data.sort()) {
    try {
      const st = fs.statSync(f);
      h.update(`data ${path.relative(dataDir, f)} ${st.size} ${st.mtimeMs}\n`);
    } catch {
      h.update(`data ${path.relative(dataDir, f)} (gone)\n`);
    }
  }
  return h.digest("hex");
}

/** Why the build under `root` must be redone, or null when it is current. */
export function staleReason(root: string, env: Readonly<Record<string, string | undefined>> = process.env): string | null {
  const dbFile = env.LAWDEX_DB ?? path.join(root, "data", "lawdex.db");
  for (const out of [...OUTPUTS.map((o) => path.join(root, o)), dbFile]) {
    if (!fs.existsSync(out)) return `${path.relative(root, out)} is missing`;
  }
  let stamp: unknown;
  try {
    stamp = JSON.parse(fs.readFileSync(path.join(root, STAMP_FILE), "utf8"));
  } catch {
    return "no record of a completed build";
  }
  const recorded = Stamp.safeParse(stamp);
  if (!recorded.success) return "no record of a completed build";
  if (recorded.data.fingerprint !== fingerprint(root, env)) return "code, content or configuration changed since the last build";
  return null;
}

export function writeStamp(root: string, env: Readonly<Record<string, string | undefined>> = process.env): void {
  fs.mkdirSync(path.join(root, path.dirname(STAMP_FILE)), { recursive: true });
  fs.writeFileSync(path.join(root, STAMP_FILE), JSON.stringify({ fingerprint: fingerprint(root, env), at: new Date().toISOString() }));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const cmd = process.argv[2];
  if (cmd === "write") writeStamp(process.cwd());
  else if (cmd === "check") {
    const why = staleReason(process.cwd());
    console.log(why ?? "current");
    process.exit(why ? 1 : 0);
  } else {
    console.error("usage: tsx app/_build/stamp.ts write|check");
    process.exit(2);
  }
}
