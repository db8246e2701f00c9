/**
 * Publishing the prerendered pages (app/_build/prerendered.ts) depends on what
 * `next build` reports to its adapter. These tests hold it to failing loudly,
 * naming the Next version, whenever that report is not what it expects; and,
 * when a current build is on disk, check the real report against the database.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import adapter, { RECORD_FILE } from "@/app/_build/adapter.mjs";
import { checkPrerendered, expectedPages, publishPrerendered, readPrerendered } from "@/app/_build/prerendered";
import { staleReason } from "@/app/_build/stamp";
import { getDb, openDb } from "@/db/client";

let dist: string;
const file = (name: string, text = `<!DOCTYPE html><html><body>${name}</body></html>`) => {
  const f = path.join(dist, "server", name);
  fs.mkdirSync(path.dirname(f), { recursive: true });
  fs.writeFileSync(f, text);
  return f;
};
/** A prerendered page as Next 16 reports it (only some of its fields), and its RSC twin, which is not published. */
const page = (pathname: string, route: string) => [
  { type: "PRERENDER", id: pathname, pathname, route, routeType: "page", response: "complete", compute: "static", fallback: { filePath: file(`${pathname}.html`), postponedState: undefined } },
  { type: "PRERENDER", id: `${pathname}.rsc`, pathname: `${pathname}.rsc`, route, fallback: { filePath: file(`${pathname}.rsc`, "rsc"), postponedState: undefined } },
];
const record = (prerenders: unknown[], nextVersion = "16.4.6") => fs.writeFileSync(path.join(dist, RECORD_FILE), JSON.stringify({ nextVersion, prerenders }));

const LAWS = ["/laws/p1/a", "/laws/p1/b", "/laws/p2/c"];
const PAPERS = ["/papers/p1", "/papers/p2"];
const expected = new Set([...LAWS, ...PAPERS]);
const built = () => [
  ...LAWS.flatMap((p) => page(p, "/laws/[paper]/[law]")),
  ...PAPERS.flatMap((p) => page(p, "/papers/[slug]")),
  // other prerendered routes, and each dynamic route's own entry (rendered per request): not published
  ...page("/about", "/about"),
  { type: "PRERENDER", id: "/papers/[slug]", pathname: "/papers/[slug]", route: "/papers/[slug]", routeType: "page", response: "empty", compute: "blocking" },
  { type: "PRERENDER", id: "/laws/[paper]/[law]", pathname: "/laws/[paper]/[law]", route: "/laws/[paper]/[law]", routeType: "page", response: "empty", compute: "blocking" },
];

beforeEach(() => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), "lawdex-prerendered-"));
});
afterEach(() => fs.rmSync(dist, { recursive: true, force: true }));

describe("the build adapter", () => {
  it("writes down the prerenders Next reports, as they came", async () => {
    const prerenders = built();
    // only the fields the adapter reads: Next passes many more
    const ctx = { outputs: { prerenders }, distDir: dist, nextVersion: "16.9.0" };
    await adapter.onBuildComplete?.(ctx as unknown as Parameters<NonNullable<typeof adapter.onBuildComplete>>[0]);
    const found = readPrerendered(dist);
    expect(found.nextVersion).toBe("16.9.0");
    expect([...found.pages.keys()].sort()).toEqual([...expected].sort());
  });
});

describe("publishing the prerendered law and paper pages", () => {
  it("publishes exactly the law and paper pages, each as <path>.html", () => {
    record(built());
    const found = readPrerendered(dist);
    expect(() => checkPrerendered(found, expected)).not.toThrow();
    const out = path.join(dist, "public");
    fs.mkdirSync(path.join(out, "stale"), { recursive: true });
    expect(publishPrerendered(found, out)).toBe(5);
    expect(fs.readFileSync(path.join(out, "laws/p2/c.html"), "utf8")).toBe("<!DOCTYPE html><html><body>/laws/p2/c.html</body></html>");
    expect(fs.readFileSync(path.join(out, "papers/p1.html"), "utf8")).toContain("/papers/p1.html");
    expect(fs.existsSync(path.join(out, "about.html"))).toBe(false);
    expect(fs.existsSync(path.join(out, "stale"))).toBe(false);
  });

  const cases: { name: string; prerenders: () => unknown[]; message: RegExp }[] = [
    {
      name: "a law page Next did not report",
      prerenders: () => built().filter((p) => !JSON.stringify(p).includes("/laws/p1/b")),
      message: /^Next 16\.4\.6 reported 4 prerendered law and paper pages where the database has 5; missing: \/laws\/p1\/b\. .*did Next change how it reports them\?$/,
    },
    {
      name: "no page at all (the route renamed, say)",
      prerenders: () => built().map((p) => ({ ...p, route: "/laws/[...slug]" })),
      message: /^Next 16\.4\.6 reported 0 prerendered law and paper pages where the database has 5; missing: \/laws\/p1\/a, \/laws\/p1\/b, \/laws\/p2\/c, \/papers\/p1, \/papers\/p2\./,
    },
    {
      name: "a page the database does not hold",
      prerenders: () => [...built(), ...page("/papers/gone", "/papers/[slug]")],
      message: /not in the database: \/papers\/gone/,
    },
    {
      name: "pages that need server work per request (partial prerendering, say)",
      prerenders: () => built().map((p) => (p.pathname === "/papers/p1" ? { ...p, response: "initial", compute: "resuming" } : p)),
      message: /^Next 16\.4\.6 reported 4 prerendered law and paper pages where the database has 5; missing: \/papers\/p1\. .*response "complete" and compute "static"/,
    },
    {
      name: "pages no longer classified as routeType page",
      prerenders: () => built().map((p) => ({ ...p, routeType: "complete-page" })),
      message: /^Next 16\.4\.6 reported prerender 0 in a shape this build does not know .*routeType/s,
    },
    {
      name: "a field renamed (fallback.filePath)",
      prerenders: () => built().map((p) => ({ ...p, fallback: { path: "x.html" } })),
      message: /^Next 16\.4\.6 reported the prerendered page \/laws\/p1\/a without an HTML file \(fallback\.filePath: none\)$/,
    },
    {
      name: "a page whose HTML file is gone",
      prerenders: () => {
        const b = built();
        fs.rmSync(path.join(dist, "server/papers/p2.html"));
        return b;
      },
      message: /^Next 16\.4\.6 reported prerendered pages whose HTML file does not exist: \/papers\/p2 /,
    },
  ];
  for (const c of cases) {
    it(`fails loudly on ${c.name}`, () => {
      record(c.prerenders());
      expect(() => checkPrerendered(readPrerendered(dist), expected)).toThrow(c.message);
    });
  }

  it("fails loudly when the adapter did not run, or wrote something else", () => {
    expect(() => readPrerendered(dist)).toThrow(/lawdex-prerenders\.json is missing: next build did not call the build adapter \(app\/_build\/adapter\.mjs\)/);
    fs.writeFileSync(path.join(dist, RECORD_FILE), JSON.stringify({ version: 1, outputs: [] }));
    expect(() => readPrerendered(dist)).toThrow(/is not the record app\/_build\/adapter\.mjs writes/);
  });

  it("expects one page per law and per paper of the database", () => {
    const pages = expectedPages(getDb());
    expect(pages.has("/laws/hoffmann-2022-chinchilla/loss-nd")).toBe(true);
    expect(pages.has("/papers/kaplan-2020-scaling")).toBe(true);
    expect([...pages].every((p) => /^\/(laws\/[^/]+\/[^/]+|papers\/[^/]+)$/.test(p))).toBe(true);
  });
});

// The real thing: the report of the build on disk, when it is current (npm run build), against the database it was built from.
const current = fs.existsSync(path.join(".next", RECORD_FILE)) && staleReason(process.cwd(), { ...process.env, LAWDEX_DB: undefined }) === null;
describe.skipIf(!current)("the build on disk", () => {
  it("prerendered every law and paper page of its database, as HTML, and published them all", () => {
    const found = readPrerendered(".next");
    const db = openDb(path.join(process.cwd(), "data", "lawdex.db"));
    expect(() => checkPrerendered(found, expectedPages(db))).not.toThrow();
    for (const [pathname, file] of found.pages) {
      expect(fs.readFileSync(file, "utf8").startsWith("<!DOCTYPE html>"), file).toBe(true);
      expect(fs.existsSync(path.join("public/_prerendered", `${pathname}.html`)), pathname).toBe(true);
    }
  });
});
