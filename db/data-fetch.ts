/**
 * `npm run data:fetch`: makes sure every released dataset declared in
 * content/datasets/ is in LAWDEX_DATA_DIR as declared. A file already there
 * is checked byte for byte (sha256) and never overwritten. A missing one is
 * rebuilt from the authors' source where its declaration says how (`fetch`:
 * download at the pinned commit, check the source's sha256, convert, check
 * the result's sha256) and written atomically; the others are listed with
 * where to get them. Exits 1 unless every dataset ends up present.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseDocument } from "yaml";
import { datasetSchema, type Dataset } from "../lib/content/schema";
import { dataDir } from "../lib/datasets";
import { convertSource } from "../lib/datasets-convert";

const sha256 = (b: Buffer | string) => crypto.createHash("sha256").update(b).digest("hex");

export function readDeclarations(contentDir: string): Dataset[] {
  const dir = path.join(contentDir, "datasets");
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((f) => {
      const r = datasetSchema.safeParse(parseDocument(fs.readFileSync(path.join(dir, f), "utf8")).toJS());
      if (!r.success) throw new Error(`datasets/${f}: ${r.error.issues[0]?.path.join(".")}: ${r.error.issues[0]?.message} (run npm run db:build for every problem)`);
      return r.data;
    });
}

export type Outcome = "ok" | "fetched" | "differs" | "failed" | "manual";

/** One dataset: check, or rebuild from its source with `download` (injected so tests need no network). */
export async function ensure(ds: Dataset, dir: string, download: (url: string) => Promise<Buffer>): Promise<{ outcome: Outcome; message: string }> {
  const file = path.join(dir, ds.file);
  if (fs.existsSync(file)) {
    const found = sha256(fs.readFileSync(file));
    return found === ds.sha256
      ? { outcome: "ok", message: "present, sha256 verified" }
      : { outcome: "differs", message: `present but differs from the declared file (sha256 ${found.slice(0, 12)}…, declared ${ds.sha256.slice(0, 12)}…); left as it is` };
  }
  if (!ds.fetch) {
    return {
      outcome: "manual",
      message: `not present, and not rebuilt automatically (${ds.conversion}) Get it from github.com/${ds.source.repository} at ${ds.source.commit.slice(0, 7)} (${ds.source.paths.join(", ")}) and check sha256 ${ds.sha256}.`,
    };
  }
  let source: Buffer;
  try {
    source = await download(ds.fetch.url);
  } catch (e) {
    return { outcome: "failed", message: `could not download ${ds.fetch.url}: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (sha256(source) !== ds.fetch.sha256) return { outcome: "failed", message: `the source at ${ds.fetch.url} is not the declared one (sha256 ${sha256(source).slice(0, 12)}…)` };
  let text: string;
  try {
    text = convertSource(source.toString("utf8"), ds.fetch);
  } catch (e) {
    return { outcome: "failed", message: `conversion failed: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (sha256(text) !== ds.sha256) return { outcome: "failed", message: `the converted file is not the declared one (sha256 ${sha256(text).slice(0, 12)}…); not written` };
  try {
    fs.mkdirSync(dir, { recursive: true });
    const tmp = `${file}.tmp-${process.pid}`;
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, file);
  } catch (e) {
    return { outcome: "failed", message: `could not write ${file}: ${e instanceof Error ? e.message : String(e)}` };
  }
  return { outcome: "fetched", message: `rebuilt from ${ds.fetch.url}, sha256 verified` };
}

async function download(url: string): Promise<Buffer> {
  const res = await fetch(url, { signal: AbortSignal.timeout(60_000) });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

async function main(): Promise<void> {
  const dir = dataDir();
  console.log(`data:fetch into ${dir}`);
  let missing = 0;
  for (const ds of readDeclarations(path.join(process.cwd(), "content"))) {
    const r = await ensure(ds, dir, download);
    if (r.outcome !== "ok" && r.outcome !== "fetched") missing++;
    console.log(`  ${r.outcome.padEnd(8)} ${ds.id}: ${r.message}`);
  }
  if (missing > 0) {
    console.log(`${missing} dataset(s) not present as declared; refits on them will say "not checked: data not present".`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
