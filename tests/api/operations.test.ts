import fs from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { GET as compareGET } from "@/app/api/v1/compare/route";
import { POST as combinePOST } from "@/app/api/v1/combine/route";
import { GET as solveGET } from "@/app/api/v1/laws/[paper]/[law]/solve/route";
import { GET as optimalGET } from "@/app/api/v1/laws/[paper]/[law]/optimal/route";
import { GET as predictGET } from "@/app/api/v1/laws/[paper]/[law]/predict/route";
import { GET as openapiGET } from "@/app/api/v1/openapi.json/route";
import { expectClose } from "../helpers";

const JSON_TYPE = { "content-type": "application/json" };

const BASE = "http://lawdex.test";
type Body = Record<string, unknown> & { error?: { code: string; message: string; field: string | null } };
async function call(res: Promise<Response> | Response) {
  const r = await res;
  return { status: r.status, body: (await r.json()) as Body };
}
const lawCtx = (id: string) => {
  const [paper, law] = id.split("/") as [string, string];
  return { params: Promise.resolve({ paper, law }) };
};
const get = (handler: (req: Request, ctx: ReturnType<typeof lawCtx>) => Promise<Response>, id: string, query: string) =>
  call(handler(new Request(`${BASE}/x?${query}`), lawCtx(id)));

describe("GET /api/v1/laws/{paper}/{law}/optimal", () => {
  it("gives ~40B unrounded, ~32B rounded and ~72B for the refit at C = 5.76e23", async () => {
    const n = async (id: string) => (await get(optimalGET, id, "C=5.76e23")).body.N as number;
    expect((await n("hoffmann-2022-chinchilla/loss-nd~unrounded")) / 1e9).toBeCloseTo(40.36, 1);
    expect((await n("hoffmann-2022-chinchilla/loss-nd")) / 1e9).toBeCloseTo(32.19, 1);
    expect((await n("besiroglu-2024-replication/loss-nd")) / 1e9).toBeCloseTo(72.25, 1);
  });
  it("states k, accepts C in PF-days, and carries intervals for the refit", async () => {
    const { status, body } = await get(optimalGET, "besiroglu-2024-replication/loss-nd", `C=${5.76e23 / 8.64e19}&C.unit=PF-day`);
    expect(status).toBe(200);
    expect(body.k).toBe(6);
    expectClose(body.C as number, 5.76e23, 1e-12);
    const iv = (body.interval as { N: { lo: number; hi: number } }).N;
    expect(iv.lo).toBeLessThan(body.N as number);
    expect(iv.hi).toBeGreaterThan(body.N as number);
  });
  it("returns a frontier over a range of C", async () => {
    const { body } = await get(optimalGET, "hoffmann-2022-chinchilla/loss-nd~unrounded", "from=1e20&to=1e24&points=5");
    const f = body.frontier as { C: number; N: number }[];
    expect(f.map((p) => p.C)).toEqual([1e20, 1e21, 1e22, 1e23, 1e24]);
    expect(f.every((p, i) => i === 0 || p.N > (f[i - 1] as { N: number }).N)).toBe(true);
  });
  const bad: [string, string, number, string][] = [
    ["kaplan-2020-scaling/loss-cmin", "C=1e20", 400, "law"],
    ["hoffmann-2022-chinchilla/loss-nd", "C=abc", 400, "C"],
    ["hoffmann-2022-chinchilla/loss-nd", "C=1e20&C.unit=GPU-hour", 400, "C.unit"],
    ["hoffmann-2022-chinchilla/loss-nd", "", 400, "C"],
    ["hoffmann-2022-chinchilla/loss-nd", "from=1e20&to=1e24&points=100000", 400, "points"],
    ["hoffmann-2022-chinchilla/nope", "C=1e20", 404, "law"],
  ];
  it.each(bad)("%s ?%s -> %i naming %s", async (id, q, status, field) => {
    const r = await get(optimalGET, id, q);
    expect(r.status).toBe(status);
    expect(r.body.error?.field).toBe(field);
  });
});

describe("GET /api/v1/laws/{paper}/{law}/solve", () => {
  it("inverts predict", async () => {
    const p = await get(predictGET, "hoffmann-2022-chinchilla/loss-nd", "N=3e9&D=6e10");
    const s = await get(solveGET, "hoffmann-2022-chinchilla/loss-nd", `target=${p.body.value}&for=N&D=6e10`);
    expect(s.status).toBe(200);
    expectClose(s.body.value as number, 3e9, 1e-9);
  });
  it('answers 422 "unreachable" for a loss below E', async () => {
    const r = await get(solveGET, "hoffmann-2022-chinchilla/loss-nd", "target=1.5&for=N&D=1e12");
    expect(r.status).toBe(422);
    expect(r.body.error).toMatchObject({ code: "unreachable", field: "target" });
  });
  const bad: [string, string][] = [
    ["for=N&D=1e12", "target"],
    ["target=2&D=1e12", "for"],
    ["target=2&for=Q&D=1e12", "for"],
    ["target=abc&for=N&D=1e12", "target"],
    ["target=2&for=N&N=1&D=1e12", "N"],
    ["target=2&for=N", "D"],
    ["target=2&for=N&D=-5", "D"],
  ];
  it.each(bad)("?%s -> 400 naming %s", async (q, field) => {
    const r = await get(solveGET, "hoffmann-2022-chinchilla/loss-nd", q);
    expect(r.status).toBe(400);
    expect(r.body.error?.field).toBe(field);
  });
});

/** Every key of a JSON value, at any depth. */
function keysOf(v: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(v)) for (const x of v) keysOf(x, out);
  else if (v && typeof v === "object") {
    for (const [k, x] of Object.entries(v)) {
      out.add(k);
      keysOf(x, out);
    }
  }
  return out;
}

describe("one name for how far an input lies outside its fitted range", () => {
  it("is decades_outside in predict, solve and optimal (one budget and a frontier), never decades", async () => {
    const id = "hoffmann-2022-chinchilla/loss-nd";
    const answers = [
      await get(predictGET, id, "N=7e10&D=1.4e13"),
      await get(solveGET, id, "target=1.8&for=N&D=1e14"),
      await get(optimalGET, id, "C=1e26"),
      await get(optimalGET, id, "from=1e20&to=1e26&points=3"),
    ];
    for (const a of answers) {
      expect(a.status).toBe(200);
      const keys = keysOf(a.body);
      expect(keys.has("decades_outside")).toBe(true);
      expect(keys.has("decades")).toBe(false);
    }
    // D = 1.4e13 is above Hoffmann's fitted range [5e9, 5e11] by log10(1.4e13 / 5e11) decades
    const d = (answers[0]?.body.inputs as Record<string, { outside: string; decades_outside: number }>).D;
    expect(d?.outside).toBe("above");
    expectClose(d?.decades_outside ?? 0, Math.log10(1.4e13 / 5e11), 1e-12);
    expect((answers[1]?.body.input as { decades_outside: number }).decades_outside).toBeGreaterThan(0);
  });
});

describe("units in prediction queries", () => {
  it("accepts C=3.1e8&C.unit=PF-day and converts", async () => {
    const a = await get(predictGET, "hoffmann-2022-chinchilla/n-opt~unrounded", `C=${(3.1e8 * 8.64e19) / 8.64e19}&C.unit=PF-day`);
    const b = await get(predictGET, "hoffmann-2022-chinchilla/n-opt~unrounded", `C=${3.1e8 * 8.64e19}`);
    expectClose(a.body.value as number, b.body.value as number, 1e-12);
  });
  it("rejects a unit for a missing input and an unknown unit", async () => {
    expect((await get(predictGET, "kaplan-2020-scaling/loss-cmin", "C.unit=FLOP")).body.error?.field).toBe("C.unit");
    expect((await get(predictGET, "kaplan-2020-scaling/loss-cmin", "C_min=1&C_min.unit=GPU-hour")).body.error?.field).toBe("C_min.unit");
  });
});

describe("GET /api/v1/compare", () => {
  it("answers the documented shape with the mismatch warning", async () => {
    const { status, body } = await call(compareGET(new Request(`${BASE}/api/v1/compare?laws=kaplan-2020-scaling/loss-n,hoffmann-2022-chinchilla/loss-nd&x=params&fix.D=20*N&points=4`)));
    expect(status).toBe(200);
    expect(body.x).toEqual({ quantity: "params", unit: "param" });
    const series = body.series as { law: string; points: [number, number][]; extrapolated: boolean[]; warnings: string[] }[];
    expect(series.map((s) => s.law)).toEqual(["kaplan-2020-scaling/loss-n", "hoffmann-2022-chinchilla/loss-nd"]);
    expect(series[0]?.points).toHaveLength(4);
    expect(body.warnings).toContain("kaplan-2020-scaling/loss-n: N is Non-embedding parameters, not Parameters (total, including embeddings); drawn on the params axis as if equal");
  });
  it("404s an unknown law naming its position", async () => {
    const r = await call(compareGET(new Request(`${BASE}/api/v1/compare?laws=kaplan-2020-scaling/loss-n,kaplan-2020-scaling/nope`)));
    expect(r).toMatchObject({ status: 404, body: { error: { field: "laws[1]" } } });
  });
});

describe("POST /api/v1/combine", () => {
  const post = (body: unknown) =>
    call(combinePOST(new Request(`${BASE}/api/v1/combine`, { method: "POST", body: typeof body === "string" ? body : JSON.stringify(body), headers: JSON_TYPE })));
  it("evaluates h(N, 20*N) - k(N) at one point and at many", async () => {
    const laws = { k: "kaplan-2020-scaling/loss-n", h: "hoffmann-2022-chinchilla/loss-nd" };
    const one = await post({ laws, expr: "h(N, 20*N) - k(N)", at: { N: 1e9 } });
    expect(one.status).toBe(200);
    const many = await post({ laws, expr: "h(N, 20*N) - k(N)", points: [{ N: 1e9 }, { N: 1e10 }] });
    expect((many.body.values as number[])[0]).toBe(one.body.value);
  });
  const bad: [string, unknown, number, string, RegExp][] = [
    ["constructor", { laws: { h: "hoffmann-2022-chinchilla/loss-nd" }, expr: "constructor", at: { N: 1 } }, 400, "expr", /^Unknown name "constructor" \(char 1\)$/],
    ["__proto__", { laws: { h: "hoffmann-2022-chinchilla/loss-nd" }, expr: "__proto__", at: { N: 1 } }, 400, "expr", /^Unknown name "__proto__" \(char 1\)$/],
    ["process", { laws: { h: "hoffmann-2022-chinchilla/loss-nd" }, expr: "process", at: { N: 1 } }, 400, "expr", /^Unknown name "process" \(char 1\)$/],
    ["unknown alias", { laws: { h: "hoffmann-2022-chinchilla/loss-nd" }, expr: "k(N)", at: { N: 1 } }, 400, "expr", /^Unknown function "k" \(char 1\)$/],
    ["unknown law", { laws: { h: "hoffmann-2022-chinchilla/nope" }, expr: "h(N, N)", at: { N: 1 } }, 404, "laws.h", /^no law/],
    ["mismatched composition", { laws: { h: "hoffmann-2022-chinchilla/loss-nd", k: "kaplan-2020-scaling/loss-n" }, expr: "h(k(N), N)", at: { N: 1 } }, 400, "expr", /\(char 3\)$/],
    ["malformed JSON", "{", 400, "body", /^request body is not valid JSON/],
    ["both at and points", { laws: { h: "hoffmann-2022-chinchilla/loss-nd" }, expr: "1", at: {}, points: [] }, 400, "at", /^give exactly one of at/],
    ["too many points", { laws: { h: "hoffmann-2022-chinchilla/loss-nd" }, expr: "h(N, N)", points: Array(10_001).fill({ N: 1 }) }, 413, "points", /^at most 10000 points/],
  ];
  it.each(bad)("%s -> %i naming %s", async (_name, body, status, field, message) => {
    const r = await post(body);
    expect(r.status).toBe(status);
    expect(r.body.error?.field).toBe(field);
    expect(r.body.error?.message).toMatch(message);
  });
});

describe("GET /api/v1/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const doc = await (await openapiGET()).json();
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe("3.1.0");
  });
  it("documents only routes that exist, and every route that exists", async () => {
    const doc = (await (await openapiGET()).json()) as { paths: Record<string, unknown> };
    const documented = Object.keys(doc.paths).sort();
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory() && !e.name.startsWith("_")) walk(path.join(dir, e.name));
        else if (e.name === "route.ts") files.push(path.relative("app", dir).replace(/\[(\w+)\]/g, "{$1}"));
      }
    };
    walk(path.resolve("app/api/v1"));
    expect(files.map((f) => `/${f}`).sort()).toEqual(documented);
  });
});
