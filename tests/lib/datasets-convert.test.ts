import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Dataset } from "@/lib/content/schema";
import { convertSource } from "@/lib/datasets-convert";
import { ensure } from "@/db/data-fetch";

const sha = (s: string | Buffer) => crypto.createHash("sha256").update(s).digest("hex");
const SOURCE = 'x,"Model Size",loss,tag\n1,100,3.5,"a,b"\n2,200,2.5,c\n3,400,4.5,d\n';
const FETCH: NonNullable<Dataset["fetch"]> = {
  url: "https://example.test/source.csv",
  sha256: sha(SOURCE),
  format: "csv",
  columns: [
    { name: "params", from: "Model Size" },
    { name: "loss", from: "loss" },
    { name: "half", expr: "params / 2" },
    { name: "big", flag: { params: { between: [150, 1000] } } },
    { name: "worst", largest: { of: "loss", count: 1 } },
    { name: "tag", from: "tag" },
  ],
};
const EXPECTED = 'params,loss,half,big,worst,tag\r\n100,3.5,50,0,0,"a,b"\r\n200,2.5,100,1,0,c\r\n400,4.5,200,1,1,d\r\n';

describe("rebuilding a dataset from its source", () => {
  it("copies source text, derives, flags and marks the largest, written as Python's csv module writes", () => {
    expect(convertSource(SOURCE, FETCH)).toBe(EXPECTED);
  });
  it("reads JSON lines too", () => {
    const jsonl = '{"Model Size": 100, "loss": 3.5, "tag": "a,b"}\n{"Model Size": 200, "loss": 2.5, "tag": "c"}\n{"Model Size": 400, "loss": 4.5, "tag": "d"}\n';
    expect(convertSource(jsonl, { ...FETCH, format: "jsonl" })).toBe(EXPECTED);
  });
  it("names the column when the source lacks one", () => {
    expect(() => convertSource("a,b\n1,2\n", FETCH)).toThrow(/column params: the source has no column Model Size/);
  });
});

describe("npm run data:fetch", () => {
  const dataset = (over: Partial<Dataset> = {}): Dataset => ({
    id: "test-data",
    title: "t",
    paper: "p",
    file: "test.csv",
    sha256: sha(EXPECTED),
    rows: 3,
    licence: "MIT",
    serve: true,
    source: { repository: "a/b", commit: "0".repeat(40), paths: ["source.csv"], procedure: "p" },
    conversion: "c",
    columns: [],
    subsets: [],
    fetch: FETCH,
    ...over,
  });
  const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), "lawdex-fetch-"));
  it("rebuilds a missing file from its source and verifies both sha256s", async () => {
    const d = dir();
    const r = await ensure(dataset(), d, async () => Buffer.from(SOURCE));
    expect(r.outcome).toBe("fetched");
    expect(fs.readFileSync(path.join(d, "test.csv"), "utf8")).toBe(EXPECTED);
    expect((await ensure(dataset(), d, async () => Buffer.from(""))).outcome).toBe("ok");
  });
  it("refuses a source that is not the declared one, and writes nothing", async () => {
    const d = dir();
    const r = await ensure(dataset(), d, async () => Buffer.from(SOURCE.replace("3.5", "3.6")));
    expect(r).toMatchObject({ outcome: "failed", message: expect.stringMatching(/not the declared one/) });
    expect(fs.existsSync(path.join(d, "test.csv"))).toBe(false);
  });
  it("refuses a conversion whose result is not the declared file", async () => {
    const d = dir();
    const r = await ensure(dataset({ sha256: "f".repeat(64) }), d, async () => Buffer.from(SOURCE));
    expect(r).toMatchObject({ outcome: "failed", message: expect.stringMatching(/converted file is not the declared one/) });
    expect(fs.existsSync(path.join(d, "test.csv"))).toBe(false);
  });
  it("leaves a present file that differs as it is, and says so", async () => {
    const d = dir();
    fs.writeFileSync(path.join(d, "test.csv"), "something else");
    const r = await ensure(dataset(), d, async () => Buffer.from(SOURCE));
    expect(r.outcome).toBe("differs");
    expect(fs.readFileSync(path.join(d, "test.csv"), "utf8")).toBe("something else");
  });
  it("says where to get a dataset it cannot rebuild", async () => {
    const r = await ensure(dataset({ fetch: undefined }), dir(), async () => Buffer.from(""));
    expect(r).toMatchObject({ outcome: "manual", message: expect.stringMatching(/github\.com\/a\/b/) });
  });
});
