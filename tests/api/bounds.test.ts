/**
 * Bounded work and a strict contract (issue 12): every request is checked
 * before it costs anything, names the field the caller sent, and the
 * comparison cache stays within its bytes.
 */
import { describe, expect, it } from "vitest";
import { POST as combinePOST } from "@/app/api/v1/combine/route";
import { GET as compareGET } from "@/app/api/v1/compare/route";
import { POST as batchPOST } from "@/app/api/v1/predict/route";
import { POST as schedulePOST } from "@/app/api/v1/schedule/route";
import { MAX_CACHE_BYTES, compareCacheSize } from "@/app/_lib/compare-state";
import { MAX_COMPARE_SOLVES, compare } from "@/lib/compare";
import type { Law } from "@/lib/law";
import { Quantities } from "@/lib/quantities";
import { getQuantities } from "@/app/_lib/lookup";
import { getLaw } from "@/db/queries";
import { getDb } from "@/db/client";
import { thrown } from "@/tests/helpers";

const BASE = "http://lawdex.test";
type Body = Record<string, unknown> & { error?: { code: string; message: string; field: string | null } };
async function call(res: Promise<Response> | Response) {
  const r = await res;
  return { status: r.status, body: (await r.json()) as Body };
}
const json = (route: (r: Request) => Promise<Response> | Response, url: string, body: unknown, type = "application/json") =>
  call(route(new Request(`${BASE}${url}`, { method: "POST", body: JSON.stringify(body), headers: { "content-type": type } })));

describe("POST routes read JSON only", () => {
  it.each([
    ["text/plain", combinePOST, "/api/v1/combine"],
    ["application/x-www-form-urlencoded", batchPOST, "/api/v1/predict"],
    ["multipart/form-data", schedulePOST, "/api/v1/schedule"],
  ] as const)("a body sent as %s is a 415 naming content-type", async (type, route, url) => {
    const { status, body } = await json(route, url, { law: "kaplan-2020-scaling/loss-n", points: [{ N: 1e9 }] }, type);
    expect(status).toBe(415);
    expect(body.error).toEqual({ code: "unsupported_media_type", message: `send the body as application/json (Content-Type: application/json), not ${type}`, field: "content-type" });
  });
  it("a body without a declared type is a 415 too", async () => {
    const r = await call(batchPOST(new Request(`${BASE}/api/v1/predict`, { method: "POST", body: "{}" })));
    expect(r.status).toBe(415);
  });
});

describe("combine: names the caller sent, and nothing unused", () => {
  const laws = { h: "hoffmann-2022-chinchilla/loss-nd", k: "kaplan-2020-scaling/loss-n" };
  it("refuses a name the expression does not use, naming it under at", async () => {
    const { status, body } = await json(combinePOST, "/api/v1/combine", { laws, expr: "h(N, 20*N) - k(N)", at: { N: 1e9, D: 2e10 } });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ field: "at.D", message: "D is not a variable of the expression (it uses N)" });
  });
  it("refuses tens of thousands of unused names at the first one, without evaluating anything", async () => {
    const at: Record<string, number> = { N: 1e9 };
    for (let i = 0; i < 50_000; i++) at[`v${i}`] = 1;
    const { status, body } = await json(combinePOST, "/api/v1/combine", { laws, expr: "h(N, 20*N) - k(N)", at });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ field: "at.v0", code: "invalid_input" });
  });
  it("names at.N, not points[0].N, for a bad value of one point; points[i].X in a batch", async () => {
    const one = await json(combinePOST, "/api/v1/combine", { laws, expr: "h(N, 20*N) - k(N)", at: { N: -1 } });
    expect(one.body.error).toMatchObject({ field: "at.N", message: "at.N must be greater than 0" });
    const many = await json(combinePOST, "/api/v1/combine", { laws, expr: "h(N, 20*N) - k(N)", points: [{ N: 1e9 }, { N: 2e9 }, { N: 3e9, D: 1 }] });
    expect(many.body.error).toMatchObject({ field: "points[2].D" });
    const missing = await json(combinePOST, "/api/v1/combine", { laws, expr: "h(N, 20*N) - k(N)", points: [{ N: 1e9 }, {}] });
    expect(missing.body.error).toMatchObject({ field: "points[1].N" });
  });
});

describe("compare: inputs in their domain, a bounded number of solves", () => {
  const get = (q: string) => call(compareGET(new Request(`${BASE}/api/v1/compare?${q}`)));
  it("refuses a fixed input outside the law's domain, as predict does", async () => {
    const { status, body } = await get("laws=hoffmann-2022-chinchilla/loss-nd&x=params&fix.D=-N");
    expect(status).toBe(400);
    expect(body.error?.field).toBe("fix.D");
    expect(body.error?.message).toMatch(/^fix\.D = -N gives D = -\d.* at N = .*; D must be a finite number greater than 0$/);
  });
  it("warns when a fixed input is the axis", async () => {
    const { status, body } = await get("laws=hoffmann-2022-chinchilla/loss-nd&x=params&fix.D=20*N&fix.N=1e9");
    expect(status).toBe(200);
    const series = body.series as { warnings: string[] }[];
    expect(series[0]?.warnings).toContain("fix.N does not apply to hoffmann-2022-chinchilla/loss-nd: N is the axis, so it takes every value along it");
  });
  it("refuses a comparison beyond its solve budget with 413, naming the budget", () => {
    const base = getLaw(getDb(), "besiroglu-2024-replication/loss-nd") as Law;
    // eight frontier laws whose five coefficients carry standard errors: 500 × (1 + 10) solves each
    const laws = Array.from({ length: 8 }, (_, i) => ({ ...base, id: `${base.id}-${i}` }));
    const quantities = new Quantities(getQuantities().all());
    const err = thrown(() => compare({ laws, axis: { quantity: "compute", unit: "FLOP" }, from: 1e18, to: 1e25, points: 500 }, quantities));
    expect(err).toMatchObject({ status: 413, field: "points" });
    expect(err.message).toBe(
      `this comparison needs 44000 compute-optimal solves (frontier points × (1 + 2 per coefficient with a standard error)); at most ${MAX_COMPARE_SOLVES} per request: ask for fewer points or fewer frontier laws`,
    );
  });
});

describe("the comparison cache", () => {
  it("keys on the request, not on parameters a route ignores or their order", async () => {
    const before = compareCacheSize().entries;
    await call(compareGET(new Request(`${BASE}/api/v1/compare?laws=kaplan-2020-scaling/loss-n&x=params&from=1e6&to=1e9`)));
    const after = compareCacheSize().entries;
    await call(compareGET(new Request(`${BASE}/api/v1/compare?to=1e9&from=1e6&x=params&laws=kaplan-2020-scaling/loss-n&at=1e7`)));
    await call(compareGET(new Request(`${BASE}/api/v1/compare?laws=kaplan-2020-scaling/loss-n&x=params&from=1e6&to=1e9&points=60`)));
    expect(after).toBe(before + 1);
    expect(compareCacheSize().entries).toBe(after);
  });
  it("stays within its bytes under thousands of distinct queries", async () => {
    for (let i = 0; i < 3000; i++) {
      const r = await call(compareGET(new Request(`${BASE}/api/v1/compare?laws=kaplan-2020-scaling/loss-n,hoffmann-2022-chinchilla/loss-nd~unrounded&x=params&fix.D=20*N&from=${1e6 + i}&to=1e10&points=120`)));
      expect(r.status).toBe(200);
      expect(compareCacheSize().bytes).toBeLessThanOrEqual(MAX_CACHE_BYTES);
    }
    // and it did fill: the bound is what held it, not a small total
    expect(compareCacheSize().bytes).toBeGreaterThan(MAX_CACHE_BYTES / 2);
  });
});
