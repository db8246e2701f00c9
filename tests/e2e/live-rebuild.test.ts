import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { buildDatabase } from "@/db/build";
import { ContentError } from "@/lib/content/load";

const base = inject("baseUrl");
// the file the running server reads (db/client.ts default)
const LIVE_DB = path.resolve("data", "lawdex.db");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lawdex-live-"));
const content = path.join(tmp, "content");
fs.cpSync(path.resolve("content"), content, { recursive: true });
const KAPLAN = path.join(content, "papers", "kaplan-2020-scaling.mdx");
const original = fs.readFileSync(KAPLAN, "utf8");

const predictUrl = `${base}/api/v1/laws/kaplan-2020-scaling/loss-n/predict?N=1e9`;
const paperUrl = `${base}/api/v1/papers/kaplan-2020-scaling`;

afterAll(async () => {
  // put the real content's database back for whatever runs next
  await buildDatabase({ contentDir: path.resolve("content"), outFile: LIVE_DB });
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("rebuilding the database under a running site", () => {
  it("a broken content file fails the build naming file and field, and the site keeps serving the old data", async () => {
    const before = await (await fetch(predictUrl)).json();
    fs.writeFileSync(KAPLAN, original.replace("{ symbol: alpha_N, value: 0.076,", "{ symbol: alpha_N, value: 0.3,"));
    let message = "";
    try {
      await buildDatabase({ contentDir: content, outFile: LIVE_DB });
    } catch (e) {
      if (!(e instanceof ContentError)) throw e;
      message = e.message;
    }
    expect(message).toMatch(/papers\/kaplan-2020-scaling\.mdx: laws\[0\]\.checks\[0\]: check failed/);
    await new Promise((r) => setTimeout(r, 1100)); // past the client's once-a-second file check
    const res = await fetch(predictUrl);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(before);
  });

  it("a good build is swapped in and picked up without a restart", async () => {
    fs.writeFileSync(KAPLAN, original.replace("summary: >-\n  Trains Transformer", "summary: >-\n  REBUILT. Trains Transformer"));
    await buildDatabase({ contentDir: content, outFile: LIVE_DB });
    await new Promise((r) => setTimeout(r, 1100));
    const paper = (await (await fetch(paperUrl)).json()) as { summary: string };
    expect(paper.summary.startsWith("REBUILT.")).toBe(true);
  });
});
