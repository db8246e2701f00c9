/**
 * Fuzzing every JSON route in-process with generated and hostile input
 * (bounded: about 12,000 requests). No response may be a 5xx, and every 4xx
 * must have the documented error shape.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GET as lawsGET } from "@/app/api/v1/laws/route";
import { GET as lawGET } from "@/app/api/v1/laws/[paper]/[law]/route";
import { GET as predictGET } from "@/app/api/v1/laws/[paper]/[law]/predict/route";
import { GET as solveGET } from "@/app/api/v1/laws/[paper]/[law]/solve/route";
import { GET as optimalGET } from "@/app/api/v1/laws/[paper]/[law]/optimal/route";
import { POST as batchPOST, GET as predictByParamGET } from "@/app/api/v1/predict/route";
import { GET as compareGET } from "@/app/api/v1/compare/route";
import { POST as combinePOST } from "@/app/api/v1/combine/route";
import { GET as papersGET } from "@/app/api/v1/papers/route";
import { GET as paperGET } from "@/app/api/v1/papers/[slug]/route";
import { GET as coverageGET } from "@/app/api/v1/coverage/route";

const JSON_TYPE = { "content-type": "application/json" };

const BASE = "http://lawdex.test";
const HOSTILE = [
  "", " ", "NaN", "Infinity", "-Infinity", "1e400", "-1e400", "1e-400", "-0", "0", "-1", "0x10", "1_000", "7e 10", "1e", ".", "..",
  "__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty", "process.exit()", "import('fs')", "`${1}`",
  "/* */", "//", "%00", "\u0000", "\uffff", "😀", "α", "'; DROP TABLE laws; --", "<script>alert(1)</script>", "../../etc/passwd",
  "(".repeat(10_000), `${"(".repeat(5000)}1${")".repeat(5000)}`, "-".repeat(5000) + "1", "9".repeat(400), "1e308*1e308", "N^N^N^N",
];
const LAWS = ["hoffmann-2022-chinchilla/loss-nd", "hoffmann-2022-chinchilla/loss-nd~unrounded", "besiroglu-2024-replication/loss-nd", "kaplan-2020-scaling/loss-n", "kaplan-2020-scaling/loss-cmin", "gao-2022-overoptimization/gold-reward-bon", "muennighoff-2023-data-constrained/loss-data-constrained"];
const KEYS = ["N", "D", "C", "C_min", "U", "N.unit", "C.unit", "target", "for", "from", "to", "points", "k", "x", "x.unit", "laws", "fix.D", "fix.D.unit", "y", "at", "domain", "unit"];

const text = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 30 }), fc.double().map(String), fc.integer().map(String));
const query = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...KEYS), fc.constantFrom(...HOSTILE), fc.string({ maxLength: 10 })), text), { maxLength: 6 });
const lawId = fc.oneof(fc.constantFrom(...LAWS), fc.tuple(text, text).map(([a, b]) => `${a}/${b}`));
const json = fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom(...HOSTILE), fc.double(), fc.constant(null));

function qs(pairs: [string, string][]): string {
  return pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&");
}

async function assertShape(res: Promise<Response> | Response): Promise<void> {
  const r = await res;
  expect(r.status).toBeLessThan(500);
  if (r.status >= 400) {
    const body = (await r.json()) as { error?: { code?: unknown; message?: unknown; field?: unknown } };
    expect(typeof body.error?.code).toBe("string");
    expect(typeof body.error?.message).toBe("string");
    expect(body.error?.field === null || typeof body.error?.field === "string").toBe(true);
  }
}

const ctxOf = (id: string) => {
  const i = id.indexOf("/");
  return { params: Promise.resolve({ paper: i < 0 ? id : id.slice(0, i), law: i < 0 ? "" : id.slice(i + 1) }) };
};
const RUNS = 1000;

describe("fuzzing the JSON routes (no 5xx, errors in the documented shape)", () => {
  const getRoutes: [string, (req: Request, ctx: ReturnType<typeof ctxOf>) => Response | Promise<Response>][] = [
    ["law", lawGET],
    ["predict", predictGET],
    ["solve", solveGET],
    ["optimal", optimalGET],
  ];
  for (const [name, handler] of getRoutes) {
    it(`GET ${name}`, async () => {
      await fc.assert(
        fc.asyncProperty(lawId, query, async (id, q) => {
          await assertShape(handler(new Request(`${BASE}/x?${qs(q)}`), ctxOf(id)));
        }),
        { numRuns: RUNS },
      );
    });
  }

  it("GET predict?law=", async () => {
    await fc.assert(
      fc.asyncProperty(lawId, query, async (id, q) => {
        await assertShape(predictByParamGET(new Request(`${BASE}/api/v1/predict?${qs([["law", id], ...q])}`)));
      }),
      { numRuns: RUNS },
    );
  });

  it("GET compare", async () => {
    const laws = fc.array(lawId, { maxLength: 4 }).map((a) => a.join(","));
    await fc.assert(
      fc.asyncProperty(laws, query, async (l, q) => {
        await assertShape(compareGET(new Request(`${BASE}/api/v1/compare?${qs([["laws", l], ...q.filter(([k]) => k !== "laws")])}`)));
      }),
      { numRuns: RUNS },
    );
  });

  it("GET lists, papers and coverage", async () => {
    await fc.assert(
      fc.asyncProperty(query, text, async (q, slug) => {
        await assertShape(lawsGET(new Request(`${BASE}/api/v1/laws?${qs(q)}`)));
        await assertShape(papersGET(new Request(`${BASE}/api/v1/papers?${qs(q)}`)));
        await assertShape(paperGET(new Request(`${BASE}/x?${qs(q)}`), { params: Promise.resolve({ slug }) }));
        await assertShape(coverageGET(new Request(`${BASE}/api/v1/coverage?${qs(q)}`)));
      }),
      { numRuns: RUNS },
    );
  });

  it("POST predict", async () => {
    const body = fc.oneof(
      json,
      fc.record({ law: fc.oneof(lawId, json), points: fc.oneof(json, fc.array(fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string()), fc.oneof(json, text)), { maxLength: 5 })) }),
      // the column form, alone or together with points
      fc.record(
        {
          law: fc.oneof(lawId, json),
          inputs: fc.oneof(json, fc.dictionary(fc.oneof(fc.constantFrom("N", "D", "C", "__proto__", "constructor"), fc.string()), fc.oneof(json, fc.array(fc.oneof(json, text), { maxLength: 4 })))),
          points: fc.oneof(json, fc.array(fc.dictionary(fc.constantFrom("N", "D"), json), { maxLength: 2 })),
        },
        { requiredKeys: ["law", "inputs"] },
      ),
    );
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        await assertShape(batchPOST(new Request(`${BASE}/api/v1/predict`, { method: "POST", body: typeof b === "string" ? b : JSON.stringify(b), headers: JSON_TYPE })));
      }),
      { numRuns: RUNS },
    );
  });

  it("POST combine", async () => {
    const expr = fc.oneof(fc.constantFrom("h(N, 20*N) - k(N)", "h(k(N), N)", "constructor", "__proto__.x", "process.exit()", "h(N)"), text);
    const body = fc.oneof(
      json,
      fc.record({ laws: fc.oneof(json, fc.dictionary(fc.oneof(fc.constantFrom("h", "k", "constructor", "__proto__", "exp"), fc.string()), lawId)), expr, at: fc.oneof(json, fc.dictionary(fc.constantFrom("N", "D", "__proto__", "x"), fc.oneof(json, text))) }),
    );
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        await assertShape(combinePOST(new Request(`${BASE}/api/v1/combine`, { method: "POST", body: typeof b === "string" ? b : JSON.stringify(b), headers: JSON_TYPE })));
      }),
      { numRuns: RUNS },
    );
  });

  it("answers huge bodies with 413, malformed or empty ones with 400, and deep nesting without crashing", async () => {
    const big = "x".repeat(10 * 1024 * 1024);
    const post = (body: string) => batchPOST(new Request(`${BASE}/api/v1/predict`, { method: "POST", body, headers: JSON_TYPE }));
    expect((await post(`{"law":"${big}"}`)).status).toBe(413);
    expect((await post("")).status).toBe(400);
    expect((await post("{")).status).toBe(400);
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    await assertShape(post(deep));
    await assertShape(combinePOST(new Request(`${BASE}/api/v1/combine`, { method: "POST", body: JSON.stringify({ laws: { h: LAWS[0] }, expr: `${"(".repeat(10_000)}1${")".repeat(10_000)}`, at: { N: 1 } }) })));
  });
});
