/** `npm start` rebuilds exactly when something the build reads has changed (app/_build/stamp.ts). */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fingerprint, staleReason, writeStamp } from "@/app/_build/stamp";

let root: string;
const env = (extra: Record<string, string> = {}) => ({ LAWDEX_DATA_DIR: path.join(root, "released"), ...extra });
const write = (rel: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
};

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "lawdex-stamp-"));
  write("content/papers/a.mdx", "---\ntitle: A\n---\n");
  write("lib/x.ts", "export const x = 1;\n");
  write("package.json", "{}");
  write("released/runs.csv", "N,L\n1,2\n");
  // what a completed build leaves behind
  write(".next/BUILD_ID", "id");
  write("public/_prerendered/laws/a/b.html", "<html></html>");
  write("public/fit-worker.js", "");
  write("data/lawdex.db", "");
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe("the build stamp", () => {
  it("finds a fresh build current, and a build never stamped stale", () => {
    expect(staleReason(root, env())).toBe("no record of a completed build");
    writeStamp(root, env());
    expect(staleReason(root, env())).toBeNull();
  });

  it("is stale after a content edit, a code edit, a new file, or another data folder; not after a touch", () => {
    writeStamp(root, env());
    const t = new Date(Date.now() + 5000);
    fs.utimesSync(path.join(root, "content/papers/a.mdx"), t, t);
    expect(staleReason(root, env())).toBeNull();

    write("content/papers/a.mdx", "---\ntitle: A, edited\n---\n");
    expect(staleReason(root, env())).toMatch(/changed since the last build/);
    writeStamp(root, env());
    write("lib/x.ts", "export const x = 2;\n");
    expect(staleReason(root, env())).toMatch(/changed/);
    writeStamp(root, env());
    write("content/papers/b.mdx", "---\ntitle: B\n---\n");
    expect(staleReason(root, env())).toMatch(/changed/);
    writeStamp(root, env());
    expect(staleReason(root, env({ LAWDEX_DATA_DIR: path.join(root, "elsewhere") }))).toMatch(/changed/);
    write("released/runs.csv", "N,L\n1,2\n3,4\n");
    expect(staleReason(root, env())).toMatch(/changed/);
  });

  it("follows LAWDEX_CONTENT: an edit in the folder the build reads counts, one in ./content does not", () => {
    write("elsewhere/papers/a.mdx", "---\ntitle: A\n---\n");
    const other = env({ LAWDEX_CONTENT: path.join(root, "elsewhere") });
    writeStamp(root, other);
    write("content/papers/a.mdx", "---\ntitle: A, edited here\n---\n");
    expect(staleReason(root, other)).toBeNull();
    write("elsewhere/papers/a.mdx", "---\ntitle: A, edited there\n---\n");
    expect(staleReason(root, other)).toMatch(/changed/);
  });

  it("is stale when an output of the build is missing, naming it", () => {
    writeStamp(root, env());
    fs.rmSync(path.join(root, "public/_prerendered"), { recursive: true });
    expect(staleReason(root, env())).toBe("public/_prerendered is missing");
  });

  it("does not hash what the build writes (.next, data/, public/)", () => {
    const before = fingerprint(root, env());
    write(".next/cache/x", "1");
    write("data/other.db", "2");
    write("public/_prerendered/laws/a/c.html", "3");
    expect(fingerprint(root, env())).toBe(before);
  });
});
