import { describe, expect, it } from "vitest";
import { GET as lawsGET } from "@/app/api/v1/laws/route";
import { GET as lawGET } from "@/app/api/v1/laws/[paper]/[law]/route";
import { GET as predictGET } from "@/app/api/v1/laws/[paper]/[law]/predict/route";
import { POST as batchPOST, GET as byParamGET } from "@/app/api/v1/predict/route";
import { GET as papersGET } from "@/app/api/v1/papers/route";
import { GET as paperGET } from "@/app/api/v1/papers/[slug]/route";
import { expectClose } from "../helpers";

const BASE = "http://lawdex.test";
const ctx = <T extends Record<string, string>>(p: T) => ({ params: Promise.resolve(p) });

async function call(res: Promise<Response> | Response) {
  const r = await res;
  return { status: r.status, body: (await r.json()) as Record<string, unknown> & { error?: { code: string; message: string; field: string | null; suggestions?: string[] } } };
}
const predict = (law: string, query: string) => {
  const [paper, key] = law.split("/") as [string, string];
  return call(predictGET(new Request(`${BASE}/api/v1/laws/${law}/predict?${query}`), ctx({ paper, law: key })));
};
const post = (body: string) =>
  call(batchPOST(new Request(`${BASE}/api/v1/predict`, { method: "POST", body, headers: { "content-type": "application/json" } })));

describe("GET /api/v1/laws", () => {
  it("lists every law with paper, domains, output and inputs", async () => {
    const { status, body } = await call(lawsGET(new Request(`${BASE}/api/v1/laws`)));
    expect(status).toBe(200);
    const laws = body.laws as { id: string; paper: { slug: string; arxiv: string }; domains: string[]; inputs: { symbol: string; range: unknown }[] }[];
    expect(laws.map((l) => l.id)).toContain("hoffmann-2022-chinchilla/loss-nd~unrounded");
    const h = laws.find((l) => l.id === "hoffmann-2022-chinchilla/loss-nd");
    expect(h?.paper).toMatchObject({ slug: "hoffmann-2022-chinchilla", arxiv: "2203.15556", year: 2022 });
    expect(h?.domains).toEqual(["llm-pretraining"]);
    expect(h?.inputs.map((i) => i.symbol)).toEqual(["N", "D"]);
  });
  it("filters by domain, and 404s an unknown one", async () => {
    const all = (await call(lawsGET(new Request(`${BASE}/api/v1/laws`)))).body.laws as { id: string; domains: string[] }[];
    const some = (await call(lawsGET(new Request(`${BASE}/api/v1/laws?domain=llm-pretraining`)))).body.laws as { id: string; domains: string[] }[];
    expect(some.length).toBeGreaterThanOrEqual(12);
    expect(some.length).toBeLessThan(all.length);
    expect(some.every((l) => l.domains.includes("llm-pretraining"))).toBe(true);
    expect(some.map((l) => l.id)).toEqual(all.filter((l) => l.domains.includes("llm-pretraining")).map((l) => l.id));
    const r = await call(lawsGET(new Request(`${BASE}/api/v1/laws?domain=astrology`)));
    expect(r).toMatchObject({ status: 404, body: { error: { code: "not_found", field: "domain", message: "no domain astrology" } } });
  });
  it("rejects unknown parameters", async () => {
    const r = await call(lawsGET(new Request(`${BASE}/api/v1/laws?domian=x`)));
    expect(r).toMatchObject({ status: 400, body: { error: { field: "domian" } } });
  });
  type Summary = { id: string; domains: string[]; inputs: { symbol: string }[]; evaluable: boolean; not_evaluable_reason: string | null };
  const list = async (query: string) => (await call(lawsGET(new Request(`${BASE}/api/v1/laws?${query}`)))).body as { count: number; q?: string; laws: Summary[] };
  it("searches with q, ranked as the site's search ranks laws", async () => {
    const found = await list("q=chinchilla");
    expect(found.q).toBe("chinchilla");
    expect(found.count).toBe(found.laws.length);
    const ids = found.laws.map((l) => l.id);
    expect(ids[0]).toBe("hoffmann-2022-chinchilla/loss-nd");
    const hoffmann = ids.filter((id) => id.startsWith("hoffmann-2022-chinchilla/"));
    const { getDb } = await import("@/db/client");
    const { listLaws, searchRegistry } = await import("@/db/queries");
    expect(hoffmann).toHaveLength(listLaws(getDb(), { paper: "hoffmann-2022-chinchilla" }).length);
    expect(ids.slice(0, hoffmann.length)).toEqual(hoffmann);
    expect(ids).toContain("mckenna-2025-dp/parametric-dp-loss");
    // the same ranking as /search gives for the laws among its hits
    expect(ids).toEqual(searchRegistry(getDb(), "chinchilla", 10_000).filter((h) => h.kind === "law").map((h) => h.ref));
    expect((await list("q=critical%20batch%20size")).laws[0]?.id).toBe("kaplan-2020-scaling/b-crit");
    expect(await list("q=zzzxqy")).toMatchObject({ count: 0, laws: [] });
  });
  it("combines q with domain: the search's order, only the domain's laws", async () => {
    const all = (await list("q=loss")).laws.map((l) => l.id);
    const some = (await list("q=loss&domain=llm-pretraining")).laws;
    expect(some.length).toBeGreaterThan(0);
    expect(some.length).toBeLessThan(all.length);
    expect(some.every((l) => l.domains.includes("llm-pretraining"))).toBe(true);
    expect(some.map((l) => l.id)).toEqual(all.filter((id) => some.some((l) => l.id === id)));
  });
  it.each([
    ["q=", "q", /^q must contain a word/],
    ["q=***", "q", /^q must contain a word/],
    [`q=${"a".repeat(201)}`, "q", /^q may be at most 200 characters/],
    ["q=a&q=b", "q", /^q is given more than once/],
    ["q=loss&sort=name", "sort", /^unknown query parameter sort/],
  ])("?%s -> 400 naming %s", async (query, field, message) => {
    const r = await call(lawsGET(new Request(`${BASE}/api/v1/laws?${query}`)));
    expect(r.status).toBe(400);
    expect(r.body.error?.field).toBe(field);
    expect(r.body.error?.message).toMatch(message);
  });
  it("says for each law whether it can be evaluated, and why not for a form", async () => {
    const laws = (await list("")).laws;
    const form = laws.find((l) => l.id === "gao-2022-overoptimization/gold-reward-bon");
    expect(form).toMatchObject({ evaluable: false, not_evaluable_reason: expect.stringMatching(/^a functional form without published coefficients \(.+ free\)$/) });
    expect(laws.find((l) => l.id === "hoffmann-2022-chinchilla/loss-nd")).toMatchObject({ evaluable: true, not_evaluable_reason: null });
    // the mark agrees with each law's detail (form_only) and with what predict answers
    const { getDb } = await import("@/db/client");
    const { getLaw } = await import("@/db/queries");
    for (const l of laws) expect(l.evaluable).toBe(!getLaw(getDb(), l.id)?.free);
    expect(laws.filter((l) => !l.evaluable).length).toBeGreaterThan(0);
    const [paper, key] = (form?.id ?? "").split("/") as [string, string];
    const at = (form?.inputs ?? []).map((i) => `${i.symbol}=1`).join("&");
    const r = await call(predictGET(new Request(`${BASE}/api/v1/laws/${form?.id}/predict?${at}`), ctx({ paper, law: key })));
    expect(r.status).toBe(422);
    expect(r.body.error?.message).toBe(`${form?.id} is ${form?.not_evaluable_reason}; it is not offered for prediction`);
  });
});

describe("GET /api/v1/laws/{paper}/{law}", () => {
  it("returns expr, latex, coefficients with sources and verification, and checks with results", async () => {
    const { status, body } = await call(lawGET(new Request(`${BASE}/x`), ctx({ paper: "besiroglu-2024-replication", law: "loss-nd" })));
    expect(status).toBe(200);
    expect(body.expr).toBe("E + A / N^alpha + B / D^beta");
    expect(body.latex).toBe("L = E + \\frac{A}{N^{\\alpha}} + \\frac{B}{D^{\\beta}}");
    expect(body.coefficients).toContainEqual(
      expect.objectContaining({ symbol: "A", value: 482.01, stderr: 124.58, source: "Table 1", verification: "secondary" }),
    );
    expect(body.checks).toEqual([expect.objectContaining({ passed: true, kind: "derived" })]);
    expect(body.links).toEqual([expect.objectContaining({ type: "refits", target: "hoffmann-2022-chinchilla/loss-nd" })]);
  });
  it("404s an unknown law, suggesting the nearest ids in the body and the message", async () => {
    const r = await call(lawGET(new Request(`${BASE}/x`), ctx({ paper: "kaplan-2020-scaling", law: "nope" })));
    expect(r).toMatchObject({ status: 404, body: { error: { code: "not_found", field: "law" } } });
    const { message, suggestions = [] } = r.body.error ?? { message: "" };
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.length).toBeLessThanOrEqual(5);
    expect(suggestions.every((id) => id.startsWith("kaplan-2020-scaling/"))).toBe(true);
    expect(message).toBe(`no law kaplan-2020-scaling/nope; did you mean ${suggestions.slice(0, -1).join(", ")} or ${suggestions.at(-1)}?`);
  });
  it.each([
    { asked: ["hoffmann-2021-chinchilla", "loss-nd"], first: "hoffmann-2022-chinchilla/loss-nd", why: "a wrong year" },
    { asked: ["hoffmann-2022-chinchilla", "loss-nd~unrouned"], first: "hoffmann-2022-chinchilla/loss-nd~unrounded", why: "a misspelt variant" },
    { asked: ["kaplan-2020-scaling", "critical-batch-size"], first: "kaplan-2020-scaling/b-crit", why: "the law's name for its key" },
    { asked: ["besiroglu-2024-replication", "loss-n-d"], first: "besiroglu-2024-replication/loss-nd", why: "a stray hyphen" },
  ])("suggests $first first for $why", async ({ asked, first }) => {
    const [paper, law] = asked as [string, string];
    const r = await call(lawGET(new Request(`${BASE}/x`), ctx({ paper, law })));
    expect(r.status).toBe(404);
    expect(r.body.error?.suggestions?.[0]).toBe(first);
  });
  it("suggests nothing when nothing is near", async () => {
    const r = await call(lawGET(new Request(`${BASE}/x`), ctx({ paper: "zz", law: "qq" })));
    expect(r).toMatchObject({ status: 404, body: { error: { message: "no law zz/qq", suggestions: [] } } });
  });
});

describe("GET /api/v1/laws/{paper}/{law}/predict", () => {
  it("equals E + A/N^α + B/D^β computed by hand from the coefficients it reports", async () => {
    for (const id of ["hoffmann-2022-chinchilla/loss-nd", "hoffmann-2022-chinchilla/loss-nd~unrounded"]) {
      const [paper, law] = id.split("/") as [string, string];
      const detail = (await call(lawGET(new Request(`${BASE}/x`), ctx({ paper, law })))).body;
      const c = Object.fromEntries((detail.coefficients as { symbol: string; value: number }[]).map((k) => [k.symbol, k.value]));
      const { status, body } = await predict(id, "N=7e10&D=1.4e12");
      expect(status).toBe(200);
      const hand = (c.E as number) + (c.A as number) / 7e10 ** (c.alpha as number) + (c.B as number) / 1.4e12 ** (c.beta as number);
      expectClose(body.value as number, hand, 1e-14);
      expect(body).toMatchObject({ law: id, output: { symbol: "L", quantity: "loss", unit: "nat/token" }, extrapolated: true });
      expect((body.warnings as string[]).length).toBe(2);
    }
  });
  it("gives different values for the rounded and unrounded variants", async () => {
    const a = (await predict("hoffmann-2022-chinchilla/loss-nd", "N=7e10&D=1.4e12")).body.value as number;
    const b = (await predict("hoffmann-2022-chinchilla/loss-nd~unrounded", "N=7e10&D=1.4e12")).body.value as number;
    expect(Math.abs(a - b)).toBeGreaterThan(1e-3);
  });
  it("answers ~40B for the unrounded frontier at the Gopher budget", async () => {
    const { body } = await predict("hoffmann-2022-chinchilla/n-opt~unrounded", "C=5.76e23");
    expect(body.value as number).toBeGreaterThan(39.5e9);
    expect(body.value as number).toBeLessThan(40.5e9);
  });

  const bad: { name: string; law: string; query: string; status: number; field: string | null; message: string }[] = [
    { name: "missing input", law: "hoffmann-2022-chinchilla/loss-nd", query: "N=7e10", status: 400, field: "D", message: "missing input D (tokens, token)" },
    { name: "extra input", law: "hoffmann-2022-chinchilla/loss-nd", query: "N=7e10&D=1&X=2", status: 400, field: "X", message: "X is not an input of hoffmann-2022-chinchilla/loss-nd; its inputs are N, D" },
    { name: "N=abc", law: "hoffmann-2022-chinchilla/loss-nd", query: "N=abc&D=1", status: 400, field: "N", message: 'N must be a number, got "abc"' },
    { name: "N=-1", law: "hoffmann-2022-chinchilla/loss-nd", query: "N=-1&D=1", status: 400, field: "N", message: "N must be greater than 0" },
    { name: "N=1e400", law: "hoffmann-2022-chinchilla/loss-nd", query: "N=1e400&D=1", status: 400, field: "N", message: "N must be a finite number" },
    { name: "repeated N", law: "hoffmann-2022-chinchilla/loss-nd", query: "N=1&N=2&D=1", status: 400, field: "N", message: "N is given more than once" },
    { name: "__proto__", law: "hoffmann-2022-chinchilla/loss-nd", query: "N=1&D=1&__proto__=1", status: 400, field: "__proto__", message: "__proto__ is not an input of hoffmann-2022-chinchilla/loss-nd; its inputs are N, D" },
    { name: "malformed law id", law: "Hoffmann 2022/<script>", query: "N=1", status: 400, field: "law", message: 'law "Hoffmann 2022/<script>" is not a law id (expected <paper-slug>/<law-id>)' },
  ];
  it.each(bad)("$name -> $status naming $field", async ({ law, query, status, field, message }) => {
    const r = await predict(law, query);
    expect(r.status).toBe(status);
    expect(r.body).toEqual({ error: { code: status === 404 ? "not_found" : "invalid_input", field, message } });
  });
  it("unknown law -> 404 naming law, with the nearest ids", async () => {
    const r = await predict("hoffmann-2022-chinchilla/loss-zz", "N=1");
    expect(r.status).toBe(404);
    expect(r.body.error).toMatchObject({ code: "not_found", field: "law", suggestions: expect.arrayContaining(["hoffmann-2022-chinchilla/loss-nd"]) });
    expect(r.body.error?.message).toMatch(/^no law hoffmann-2022-chinchilla\/loss-zz; did you mean hoffmann-2022-chinchilla\/loss-nd[,?]/);
  });
});

describe("GET /api/v1/predict?law=", () => {
  it("answers exactly as the per-law route, interval included", async () => {
    const a = await predict("hoffmann-2022-chinchilla/loss-nd", "N=7e10&D=1.4e12");
    const b = await call(byParamGET(new Request(`${BASE}/api/v1/predict?law=hoffmann-2022-chinchilla/loss-nd&N=7e10&D=1.4e12`)));
    expect(b.status).toBe(200);
    expect(b.body).toEqual(a.body);
  });
  it.each([
    ["", 400, "law", /^law must be a law id string/],
    ["law=hoffmann-2022-chinchilla/nope&N=1&D=1", 404, "law", /^no law/],
    ["law=hoffmann-2022-chinchilla/loss-nd&N=1e9", 400, "D", /^missing input D/],
    ["law=hoffmann-2022-chinchilla/loss-nd&law=kaplan-2020-scaling/loss-n&N=1", 400, "law", /given more than once/],
    ["law=hoffmann-2022-chinchilla/loss-nd&N=abc&D=1", 400, "N", /^N must be a number/],
  ])("?%s -> %i naming %s", async (query, status, field, message) => {
    const r = await call(byParamGET(new Request(`${BASE}/api/v1/predict?${query}`)));
    expect(r.status).toBe(status);
    expect(r.body.error?.field).toBe(field);
    expect(r.body.error?.message).toMatch(message);
  });
});

describe("POST /api/v1/predict", () => {
  const law = "kaplan-2020-scaling/loss-nd";
  it("evaluates a batch aligned with its points", async () => {
    const points = [{ N: 1e8, D: 1e9 }, { N: 1e9, D: 1e10 }, { N: 1e12, D: 1e13 }];
    const { status, body } = await post(JSON.stringify({ law, points }));
    expect(status).toBe(200);
    const single = await Promise.all(points.map((p) => predict(law, `N=${p.N}&D=${p.D}`)));
    expect(body.values).toEqual(single.map((s) => s.body.value));
    expect(body.extrapolated).toEqual([false, false, true]);
    expect(body.count).toBe(3);
  });
  it("judges the fitted range by the one span rule the single prediction and the charts use", async () => {
    // Hoffmann et al.'s N range ends at 1.6e10: a rounding error past it is inside, 1e-9 past it is not
    const h = "hoffmann-2022-chinchilla/loss-nd";
    const points = [{ N: 1.6e10 * (1 + 1e-13), D: 1e11 }, { N: 1.6e10 * (1 + 1e-9), D: 1e11 }, { N: 7e7 * (1 - 1e-13), D: 1e11 }];
    const { status, body } = await post(JSON.stringify({ law: h, points }));
    expect(status).toBe(200);
    const single = await Promise.all(points.map((p) => predict(h, `N=${p.N}&D=${p.D}`)));
    expect(body.extrapolated).toEqual([false, true, false]);
    expect(single.map((s) => s.body.extrapolated)).toEqual([false, true, false]);
  });
  it("takes the same points as columns, one array per input, with the same answer", async () => {
    const points = [{ N: 1e8, D: 1e9 }, { N: 1e9, D: 1e10 }, { N: 1e12, D: 1e13 }];
    const byRow = await post(JSON.stringify({ law, points }));
    const byColumn = await post(JSON.stringify({ law, inputs: { D: points.map((p) => p.D), N: points.map((p) => p.N) } }));
    expect(byColumn.status).toBe(200);
    expect(byColumn.body).toEqual(byRow.body);
  });
  it("carries at each point the interval a single prediction carries: same fields, same numbers", async () => {
    // Besiroglu et al.'s refit has standard errors; Hoffmann's sits in and beyond its fitted range
    const refit = "besiroglu-2024-replication/loss-nd";
    const points = [{ N: 1e8, D: 1e9 }, { N: 7e10, D: 1.4e12 }, { N: 1e12, D: 1e14 }];
    const byRow = await post(JSON.stringify({ law: refit, points }));
    expect(byRow.status).toBe(200);
    const single = await Promise.all(points.map((p) => predict(refit, `N=${p.N}&D=${p.D}`)));
    const intervals = byRow.body.intervals as { lo: number; hi: number; sigma: number; level: number; method: string }[];
    expect(intervals).toHaveLength(3);
    expect(intervals).toEqual(single.map((s) => s.body.interval));
    for (const [i, iv] of intervals.entries()) {
      expect(Object.keys(iv).sort()).toEqual(["hi", "level", "lo", "method", "sigma"]);
      expect(iv.lo).toBeLessThan((byRow.body.values as number[])[i] as number);
      expect(iv.hi).toBeGreaterThan((byRow.body.values as number[])[i] as number);
    }
    const byColumn = await post(JSON.stringify({ law: refit, inputs: { N: points.map((p) => p.N), D: points.map((p) => p.D) } }));
    expect(byColumn.body).toEqual(byRow.body);
    // no standard errors, no interval: null at each point, as the single prediction answers
    const plain = await post(JSON.stringify({ law, points }));
    expect((await predict(law, "N=1e8&D=1e9")).body.interval).toBeNull();
    expect(plain.body.intervals).toEqual([null, null, null]);
  });
  it("takes 10,000 points with intervals, each as the single prediction's", async () => {
    const refit = "besiroglu-2024-replication/loss-nd";
    const N = Array.from({ length: 10_000 }, (_, i) => 1e8 * (1 + i));
    const D = N.map((n) => 20 * n);
    const r = await post(JSON.stringify({ law: refit, inputs: { N, D } }));
    expect(r.status).toBe(200);
    const intervals = r.body.intervals as ({ sigma: number } | null)[];
    expect(intervals).toHaveLength(10_000);
    expect(intervals.every((iv) => iv !== null && iv.sigma > 0)).toBe(true);
    // the last point's interval is the one a single prediction there carries (its cost is bench:batch's to measure)
    const last = await predict(refit, `N=${N.at(-1)}&D=${D.at(-1)}`);
    expect(intervals.at(-1)).toEqual(last.body.interval);
  });
  it("takes 10,000 points and refuses 10,001 with 413", async () => {
    const point = { N: 1e9, D: 1e10 };
    expect((await post(JSON.stringify({ law, points: Array(10_000).fill(point) }))).status).toBe(200);
    const r = await post(JSON.stringify({ law, points: Array(10_001).fill(point) }));
    expect(r).toMatchObject({ status: 413, body: { error: { code: "too_large", field: "points", message: "at most 10000 points per request, got 10001" } } });
  });
  const bad: { name: string; body: string; status: number; field: string; message: RegExp }[] = [
    { name: "malformed JSON", body: "{law:", status: 400, field: "body", message: /^request body is not valid JSON/ },
    { name: "empty body", body: "", status: 400, field: "body", message: /^request body is empty/ },
    { name: "array body", body: "[]", status: 400, field: "body", message: /^body must be a JSON object/ },
    { name: "unknown field", body: JSON.stringify({ law, points: [], extra: 1 }), status: 400, field: "extra", message: /^unknown field extra/ },
    { name: "missing law", body: JSON.stringify({ points: [] }), status: 400, field: "law", message: /^law must be a law id string/ },
    { name: "unknown law", body: JSON.stringify({ law: "kaplan-2020-scaling/nope", points: [{}] }), status: 404, field: "law", message: /^no law/ },
    { name: "points not an array", body: JSON.stringify({ law, points: {} }), status: 400, field: "points", message: /^points must be an array/ },
    { name: "empty points", body: JSON.stringify({ law, points: [] }), status: 400, field: "points", message: /^points is empty/ },
    { name: "bad point", body: JSON.stringify({ law, points: [{ N: 1, D: 1 }, { N: "abc", D: 1 }] }), status: 400, field: "points[1].N", message: /^points\[1\]\.N must be a number/ },
    { name: "null point", body: JSON.stringify({ law, points: [null] }), status: 400, field: "points[0]", message: /^points\[0\] must be an object/ },
    { name: "points and inputs both", body: JSON.stringify({ law, points: [{ N: 1, D: 1 }], inputs: { N: [1], D: [1] } }), status: 400, field: "inputs", message: /^give either points or inputs/ },
    { name: "neither points nor inputs", body: JSON.stringify({ law }), status: 400, field: "points", message: /^points is required/ },
    { name: "columns of unequal length", body: JSON.stringify({ law, inputs: { N: [1, 2], D: [1] } }), status: 400, field: "inputs.D", message: /^inputs\.D has 1 values but N has 2/ },
    { name: "a column missing", body: JSON.stringify({ law, inputs: { N: [1, 2] } }), status: 400, field: "inputs.D", message: /^missing input D/ },
    { name: "a column not an input", body: JSON.stringify({ law, inputs: { N: [1], D: [1], C: [1] } }), status: 400, field: "inputs.C", message: /^C is not an input of kaplan-2020-scaling\/loss-nd/ },
    { name: "a bad value in a column", body: JSON.stringify({ law, inputs: { N: [1, -1], D: [1, 1] } }), status: 400, field: "inputs.N[1]", message: /^inputs\.N\[1\] must be greater than 0/ },
    { name: "a column not an array", body: JSON.stringify({ law, inputs: { N: 1, D: [1] } }), status: 400, field: "inputs.N", message: /^inputs\.N must be an array/ },
    { name: "10,001 values in a column", body: JSON.stringify({ law, inputs: { N: Array(10_001).fill(1e9), D: Array(10_001).fill(1e10) } }), status: 413, field: "inputs.N", message: /^at most 10000 points/ },
    { name: "body over the size limit", body: JSON.stringify({ law, points: [{ N: 1, D: 1, pad: "x".repeat(3 * 1024 * 1024) }] }), status: 413, field: "body", message: /^request body is larger than/ },
  ];
  it.each(bad)("$name -> $status", async ({ body, status, field, message }) => {
    const r = await post(body);
    expect(r.status).toBe(status);
    expect(r.body.error?.field).toBe(field);
    expect(r.body.error?.message).toMatch(message);
  });
});

describe("GET /api/v1/papers", () => {
  it("lists papers and returns one with its laws", async () => {
    const list = await call(papersGET(new Request(`${BASE}/api/v1/papers`)));
    expect(list.body.count).toBe((list.body.papers as unknown[]).length);
    expect((list.body.papers as { slug: string }[]).map((p) => p.slug)).toContain("kaplan-2020-scaling");
    const one = await call(paperGET(new Request(`${BASE}/x`), ctx({ slug: "kaplan-2020-scaling" })));
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ slug: "kaplan-2020-scaling", arxiv: "2001.08361", year: 2020 });
    expect((one.body.laws as { id: string }[]).map((l) => l.id)).toEqual([
      "kaplan-2020-scaling/loss-n",
      "kaplan-2020-scaling/loss-d",
      "kaplan-2020-scaling/loss-nd",
      "kaplan-2020-scaling/loss-cmin",
      "kaplan-2020-scaling/n-opt",
      "kaplan-2020-scaling/loss-n-smin",
      "kaplan-2020-scaling/b-crit",
      "kaplan-2020-scaling/s-min",
      "kaplan-2020-scaling/c-min",
      "kaplan-2020-scaling/s-stop",
      "kaplan-2020-scaling/b-opt",
      "kaplan-2020-scaling/s-min-opt",
      "kaplan-2020-scaling/d-opt",
      "kaplan-2020-scaling/loss-c-naive",
    ]);
    expect(one.body).not.toHaveProperty("file");
  });
  it("404s an unknown paper, suggesting the nearest slugs", async () => {
    const r = await call(paperGET(new Request(`${BASE}/x`), ctx({ slug: "nobody-2030-nothing" })));
    expect(r).toMatchObject({ status: 404, body: { error: { field: "slug", message: "no paper nobody-2030-nothing", suggestions: [] } } });
    const near = await call(paperGET(new Request(`${BASE}/x`), ctx({ slug: "kaplan-2021-scaling" })));
    expect(near).toMatchObject({ status: 404, body: { error: { field: "slug", suggestions: ["kaplan-2020-scaling"] } } });
    expect(near.body.error?.message).toBe("no paper kaplan-2021-scaling; did you mean kaplan-2020-scaling?");
  });
});

describe("domains", () => {
  it("count a domain's whole subtree, each paper once", async () => {
    const { getDb } = await import("@/db/client");
    const { listDomains, listPapers } = await import("@/db/queries");
    const db = getDb();
    const all = listDomains(db);
    const top = all.find((d) => d.id === "machine-learning");
    const lm = all.find((d) => d.id === "language-models");
    const pre = all.find((d) => d.id === "llm-pretraining");
    expect(lm?.papers).toBeGreaterThanOrEqual(pre?.papers ?? 0);
    expect(top?.papers).toBeGreaterThanOrEqual(lm?.papers ?? 0);
    expect(top?.papers).toBe(listPapers(db, { domain: "machine-learning" }).length);
    expect(new Set(listPapers(db, { domain: "machine-learning" }).map((p) => p.slug)).size).toBe(top?.papers);
  });
});

describe("how far the printed digits determine a prediction", () => {
  it("answers precision with every prediction, and warns when the published numbers do not pin the value down", async () => {
    const broken = await predict("isik-2024-downstream/bleu-log-law~en-fr-en-42m", "D_p=1e10");
    expect(broken.status).toBe(200);
    expect((broken.body.precision as { relative: number; coefficient: string }).relative).toBeGreaterThan(1);
    expect(broken.body.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/^ill-conditioned as printed: /)]));
    const fine = await predict("kaplan-2020-scaling/loss-n", "N=1e8");
    const precision = fine.body.precision as { relative: number; coefficient: string };
    expect(precision.relative).toBeGreaterThan(0);
    expect(precision.relative).toBeLessThan(0.02);
    expect(precision.coefficient).toBe("alpha_N");
    expect((fine.body.warnings as string[]).some((w) => w.includes("printed digit"))).toBe(false);
  });

  it("describes a law's print sensitivity, each coefficient's last digit, and what each check depends on", async () => {
    const { body } = await call(lawGET(new Request(`${BASE}/api/v1/laws/xiao-2024-densing/density-growth~mmlu-after-chatgpt`), ctx({ paper: "xiao-2024-densing", law: "density-growth~mmlu-after-chatgpt" })));
    expect(body.coefficients).toEqual([expect.objectContaining({ symbol: "A", value: 0.0073, last_digit: 0.0001 })]);
    expect(body.print_sensitivity).toMatchObject({ over: "plotted", coefficient: "A" });
    expect(body.checks).toEqual([
      expect.objectContaining({ kind: "derived", measured: null, depends_on: ["A", "A_before (A of xiao-2024-densing/density-growth~mmlu-before-chatgpt)"], passed: true }),
    ]);
  });
});
