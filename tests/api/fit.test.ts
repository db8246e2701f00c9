import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { POST as fitPOST } from "@/app/api/v1/fit/route";
import { GET as openapiGET } from "@/app/api/v1/openapi.json/route";
import { LIMITS, fitResponseSchema } from "@/lib/fit/request";
import { errorSchema } from "@/app/_lib/api/schemas";

const BASE = "http://lawdex.test";

/** The status, and the answer parsed with the route's schemas: the fit on 200, the error otherwise. */
async function call(res: Promise<Response> | Response) {
  const r = await res;
  const json: unknown = await r.json();
  return r.status === 200
    ? { status: r.status, fit: fitResponseSchema.parse(json), error: undefined }
    : { status: r.status, fit: undefined, error: errorSchema.parse(json).error };
}
/** A fit that must succeed. */
async function fitted(res: ReturnType<typeof call>) {
  const { status, fit, error } = await res;
  expect(status, error?.message).toBe(200);
  if (!fit) throw new Error("no fit");
  return fit;
}
const postJson = (body: unknown, query = "") =>
  call(fitPOST(new Request(`${BASE}/api/v1/fit${query}`, { method: "POST", body: typeof body === "string" ? body : JSON.stringify(body), headers: { "content-type": "application/json" } })));
const postCsv = (csv: string, query: string) => call(fitPOST(new Request(`${BASE}/api/v1/fit?${query}`, { method: "POST", body: csv, headers: { "content-type": "text/csv" } })));

/** Points of Hoffmann et al.'s printed law, with a small deterministic wobble. */
function points(n: number) {
  const N: number[] = [];
  const D: number[] = [];
  const L: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = 10 ** (8 + (3 * ((i * 7) % n)) / n);
    const b = 10 ** (9.5 + (2.5 * ((i * 13) % n)) / n);
    N.push(a);
    D.push(b);
    L.push((1.69 + 406.4 / a ** 0.34 + 410.7 / b ** 0.28) * (1 + 0.003 * Math.sin(i)));
  }
  return { N, D, L };
}

describe("POST /api/v1/fit", () => {
  it("fits a registry law to columns and answers coefficients in the law's parametrisation, beside the published values", async () => {
    const body = await fitted(postJson({ law: "hoffmann-2022-chinchilla/loss-nd", data: points(60), log: ["A", "B", "E"], lse: true, bootstrap: 20, seed: 3, predict: { N: [7e10], D: [1.4e12] } }));
    expect(body.law).toBe("hoffmann-2022-chinchilla/loss-nd");
    expect(Object.keys(body.coefficients).sort()).toEqual(["A", "B", "E", "alpha", "beta"]);
    expect(body.coefficients.alpha?.value).toBeCloseTo(0.34, 1);
    expect(body.coefficients.A?.published).toBe(406.4);
    // A is answered as A, not log A, even though it was fitted in logs
    expect(body.coefficients.A?.value).toBeGreaterThan(50);
    expect(body.covariance?.order).toEqual(["E", "A", "B", "alpha", "beta"]);
    expect(body.bootstrap).toMatchObject({ resamples: 20, seed: 3 });
    const value = body.predictions?.values[0] ?? Number.NaN;
    expect(value).toBeGreaterThan(1.69);
    const [lo, hi] = body.predictions?.intervals[0] ?? [Number.NaN, Number.NaN];
    expect(lo).toBeLessThan(value);
    expect(hi).toBeGreaterThan(value);
    expect(body.fitted).toHaveLength(60);
    expect(body.diagnostics).toMatchObject({ points: 60, starts: 1 });
  });

  it("fits a written expression, inferring the output column, with a grid of starts", async () => {
    const x = Array.from({ length: 25 }, (_, i) => 2.5 + 0.1 * i);
    const y = x.map((v) => 0.86 - 2.2 * Math.exp(-0.71 * v));
    const body = await fitted(postJson({ expr: "epsilon - k * exp(-gamma * L)", free: ["epsilon", "k", "gamma"], data: { L: x, Err: y }, objective: { loss: "mse" }, starts: { grid: { epsilon: [0.5, 1], k: [1, 3], gamma: [0.3, 1] } } }));
    expect(body.output).toBe("Err");
    expect(body.inputs).toEqual(["L"]);
    expect(body.coefficients.gamma?.value).toBeCloseTo(0.71, 5);
    expect(body.diagnostics.starts).toBe(8);
  });

  it("takes a CSV body with the options in the query, and gives the same fit as JSON", async () => {
    const p = points(40);
    const csv = ["N,D,L", ...p.N.map((n, i) => `${n},${p.D[i]},${p.L[i]}`)].join("\n");
    const a = await fitted(postCsv(csv, "law=hoffmann-2022-chinchilla/loss-nd&log=A,B,E&lse=true"));
    const b = await fitted(postJson({ law: "hoffmann-2022-chinchilla/loss-nd", data: p, log: ["A", "B", "E"], lse: true }));
    expect(a.coefficients.alpha?.value).toBe(b.coefficients.alpha?.value);
  });

  const bad: [string, unknown, number, string, RegExp][] = [
    ["neither law nor expr", { data: { N: [1] } }, 400, "law", /exactly one of "law"/],
    ["an unknown law", { law: "nobody-2020-none/law", data: {} }, 404, "law", /no law/],
    ["an unknown column", { law: "hoffmann-2022-chinchilla/loss-nd", data: { ...points(10), Q: [1] } }, 400, "data.Q", /unknown column Q/],
    ["a missing column", { law: "hoffmann-2022-chinchilla/loss-nd", data: { N: [1e9], L: [2] } }, 400, "data.D", /missing column D/],
    ["unequal columns", { law: "hoffmann-2022-chinchilla/loss-nd", data: { ...points(10), D: points(9).D } }, 400, "data.D", /has 9 values/],
    ["a string in the data", { law: "hoffmann-2022-chinchilla/loss-nd", data: { ...points(10), N: ["1e9", ...points(9).N] } }, 400, "data.N[0]", /expected number/],
    ["a non-positive loss", { law: "hoffmann-2022-chinchilla/loss-nd", data: { ...points(10), L: [0, ...points(9).L] } }, 400, "data.L[0]", /takes its log/],
    ["fewer points than coefficients", { law: "hoffmann-2022-chinchilla/loss-nd", data: points(3) }, 422, "data", /cannot determine 5 free coefficients/],
    ["a log coefficient that is not fitted", { law: "hoffmann-2022-chinchilla/loss-nd", data: points(10), log: ["Q"] }, 400, "log[0]", /not a fitted coefficient/],
    ["a form-only law without starts", { law: "gadre-2024-overtraining/loss-nm", data: { N: [1e7, 2e7, 3e7, 4e7, 5e7], M: [20, 20, 20, 20, 20], L: [4, 3.9, 3.8, 3.7, 3.6] } }, 400, "starts", /no published values/],
    ["an unknown field", { law: "hoffmann-2022-chinchilla/loss-nd", data: points(10), turbo: true }, 400, "turbo", /unknown field turbo/],
    ["a hostile expression", { expr: "constructor.constructor('return process')()", free: ["a"], data: { x: [1] } }, 400, "expr", /Unexpected character/],
    ["an unidentifiable form", { expr: "a * b * x^c", free: ["a", "b", "c"], data: { x: [1, 2, 3, 4, 5, 6], y: [1, 2, 3, 4, 5, 6.5] }, starts: { points: [{ a: 1, b: 1, c: 1 }] } }, 422, "free", /cannot all be identified: a, b/],
    ["too many grid starts", { law: "hoffmann-2022-chinchilla/loss-nd", data: points(10), starts: { grid: { A: Array(30).fill(1), B: Array(30).fill(1), E: Array(30).fill(1), alpha: [1], beta: [1] } } }, 413, "starts.grid", /at most 10000/],
  ];
  it.each(bad)("%s", async (_name, body, status, field, message) => {
    const r = await postJson(body);
    expect(r.status).toBe(status);
    expect(r.error?.field).toBe(field);
    expect(r.error?.message).toMatch(message);
  });

  it("refuses work beyond the budget with 413, naming the budget", async () => {
    const p = points(2000);
    const r = await postJson({ law: "hoffmann-2022-chinchilla/loss-nd", data: p, bootstrap: 9000 });
    expect(r.status).toBe(413);
    expect(r.error?.message).toMatch(/the budget is 5\.00e7/);
  });

  it("admits the full 4,500-start grid on 1,000 points without bootstrap", async () => {
    // the budget check happens before any work: a grid this size must pass it (here on fewer points, to stay quick)
    const { prepareRequest, parseFitRequest } = await import("@/lib/fit/request");
    const { law } = await import("../registry");
    const grid = { A: [0, 5, 10, 15, 20, 25], B: [0, 5, 10, 15, 20, 25], E: [-1, -0.5, 0, 0.5, 1], alpha: [0, 0.5, 1, 1.5, 2], beta: [0, 0.5, 1, 1.5, 2] };
    for (const lse of [true, false]) {
      const prepared = prepareRequest(parseFitRequest({ law: "hoffmann-2022-chinchilla/loss-nd", data: points(1000), log: ["A", "B", "E"], lse, starts: { grid } }), law("hoffmann-2022-chinchilla/loss-nd"));
      expect(prepared.problem.starts).toHaveLength(4500);
      expect(prepared.work).toBeLessThanOrEqual(LIMITS.work);
    }
  });

  it("is documented in OpenAPI by the schema it validates with", async () => {
    const doc = await (await openapiGET()).json();
    const schema = doc.components.schemas.FitRequest;
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(["law", "expr", "free", "data", "objective", "log", "lse", "starts", "bootstrap", "seed", "predict"]));
    expect(schema.additionalProperties).toBe(false);
    expect(doc.paths["/api/v1/fit"].post.responses["200"].content["application/json"].schema.$ref).toBe("#/components/schemas/FitResponse");
  });
});

describe("fuzzing POST /api/v1/fit (no 5xx, errors in the documented shape)", () => {
  const HOSTILE = ["", "{", "null", "[]", "1e400", '{"__proto__": {"x": 1}}', '{"constructor": 1}', `{"expr": "${"(".repeat(3000)}"}`];
  const sym = fc.constantFrom("N", "D", "L", "x", "y", "A", "alpha", "__proto__", "constructor", "toString", "", "1a");
  const column = fc.array(fc.oneof(fc.double(), fc.constantFrom(0, -1, 1e308, 5e-324), fc.string({ maxLength: 4 })), { maxLength: 12 });
  const body = fc.oneof(
    fc.constantFrom(...HOSTILE),
    fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
    fc
      .record(
        {
          law: fc.constantFrom("hoffmann-2022-chinchilla/loss-nd", "gadre-2024-overtraining/loss-nm", "x/y", "../x", ""),
          expr: fc.constantFrom("a * x^b", "E + A / N^alpha", "exp(x)", "x +", "alpha^alpha^alpha", "min(x)"),
          free: fc.array(sym, { maxLength: 4 }),
          data: fc.dictionary(sym, column, { maxKeys: 4 }),
          objective: fc.record({ loss: fc.constantFrom("huber-log", "mse", "mse-log", "l1"), delta: fc.oneof(fc.double(), fc.constant(0)) }, { requiredKeys: [] }),
          log: fc.array(sym, { maxLength: 3 }),
          starts: fc.oneof(fc.constant("published"), fc.record({ grid: fc.dictionary(sym, fc.array(fc.double(), { maxLength: 3 })) }), fc.record({ points: fc.array(fc.dictionary(sym, fc.double()), { maxLength: 2 }) })),
          bootstrap: fc.oneof(fc.integer({ min: -5, max: 12 }), fc.double()),
          seed: fc.oneof(fc.integer(), fc.double()),
          bounds: fc.dictionary(sym, fc.tuple(fc.oneof(fc.double(), fc.constant(null)), fc.oneof(fc.double(), fc.constant(null)))),
        },
        { requiredKeys: [] },
      )
      .map((v) => JSON.stringify(v)),
  );
  it("answers 200 or a 4xx with { error: { code, message, field } } to generated and hostile bodies", async () => {
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom("application/json", "text/csv"), async (b, type) => {
        const r = await fitPOST(new Request(`${BASE}/api/v1/fit${type === "text/csv" ? "?law=hoffmann-2022-chinchilla/loss-nd" : ""}`, { method: "POST", body: b, headers: { "content-type": type } }));
        expect(r.status).toBeLessThan(500);
        if (r.status >= 400) {
          const e = ((await r.json()) as { error?: { code?: unknown; message?: unknown; field?: unknown } }).error;
          expect(typeof e?.code).toBe("string");
          expect(typeof e?.message).toBe("string");
          expect(e?.field === null || typeof e?.field === "string").toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  }, 120_000);
});
