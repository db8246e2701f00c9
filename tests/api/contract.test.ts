/**
 * The API against its contract (app/_lib/api/routes.ts): every route has an
 * example here, its real answer parses with the route's answer schema, the
 * generated document describes every JSON answer with a schema, and the
 * query parameters a route accepts are exactly those its schema lists.
 */
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { type RouteContract, lawQueries, routes } from "@/app/_lib/api/routes";
import { listedParams } from "@/app/_lib/api/request";
import { getDb } from "@/db/client";
import { getLaw } from "@/db/queries";
import { GET as lawsGET } from "@/app/api/v1/laws/route";
import { GET as lawGET } from "@/app/api/v1/laws/[paper]/[law]/route";
import { GET as predictGET } from "@/app/api/v1/laws/[paper]/[law]/predict/route";
import { GET as solveGET } from "@/app/api/v1/laws/[paper]/[law]/solve/route";
import { GET as optimalGET } from "@/app/api/v1/laws/[paper]/[law]/optimal/route";
import { GET as byParamGET, POST as batchPOST } from "@/app/api/v1/predict/route";
import { GET as compareGET } from "@/app/api/v1/compare/route";
import { POST as combinePOST } from "@/app/api/v1/combine/route";
import { POST as fitPOST } from "@/app/api/v1/fit/route";
import { POST as schedulePOST } from "@/app/api/v1/schedule/route";
import { GET as datasetsGET } from "@/app/api/v1/datasets/route";
import { GET as datasetGET } from "@/app/api/v1/datasets/[id]/route";
import { GET as papersGET } from "@/app/api/v1/papers/route";
import { GET as paperGET } from "@/app/api/v1/papers/[slug]/route";
import { GET as coverageGET } from "@/app/api/v1/coverage/route";
import { GET as lawsCsvGET } from "@/app/api/v1/export/laws.csv/route";
import { GET as coefficientsCsvGET } from "@/app/api/v1/export/coefficients.csv/route";
import { GET as registryGET } from "@/app/api/v1/export/registry.json/route";
import { GET as healthGET } from "@/app/api/v1/health/route";
import { GET as openapiGET } from "@/app/api/v1/openapi.json/route";

const BASE = "http://lawdex.test";
type Method = "get" | "post";
type Params = Record<string, string>;
/** One real request to a route: its query, and a body for a POST; `run` calls the handler with a URL built from them. */
interface Example {
  name: string;
  query?: string;
  body?: unknown;
  type?: string;
  run: (req: Request) => Promise<Response> | Response;
  /** Statuses other than 200 this example may answer on this deployment (a dataset's file may be absent). */
  mayAnswer?: number[];
}
const withParams = <P extends Params>(handler: (req: Request, ctx: { params: Promise<P> }) => Promise<Response>, params: P) => (req: Request) =>
  handler(req, { params: Promise.resolve(params) });
const hoffmann = { paper: "hoffmann-2022-chinchilla", law: "loss-nd" };

/** Points of Hoffmann et al.'s printed law with a small deterministic wobble, as CSV. */
function chinchillaCsv(n: number): string {
  const rows = Array.from({ length: n }, (_, i) => {
    const N = 10 ** (8 + (3 * ((i * 7) % n)) / n);
    const D = 10 ** (9.5 + (2.5 * ((i * 13) % n)) / n);
    return `${N},${D},${(1.69 + 406.4 / N ** 0.34 + 410.7 / D ** 0.28) * (1 + 0.003 * Math.sin(i))}`;
  });
  return ["N,D,L", ...rows].join("\n");
}

const examples: Record<string, Partial<Record<Method, Example[]>>> = {
  "/api/v1/laws": { get: [{ name: "all", run: lawsGET }, { name: "search", query: "q=chinchilla&domain=llm-pretraining", run: lawsGET }] },
  "/api/v1/laws/{paper}/{law}": {
    get: [
      { name: "with standard errors and a link", run: withParams(lawGET, { paper: "besiroglu-2024-replication", law: "loss-nd" }) },
      { name: "a form-only law", run: withParams(lawGET, { paper: "gao-2022-overoptimization", law: "gold-reward-bon" }) },
      { name: "print sensitivity", run: withParams(lawGET, { paper: "xiao-2024-densing", law: "density-growth~mmlu-after-chatgpt" }) },
    ],
  },
  "/api/v1/laws/{paper}/{law}/predict": {
    get: [
      { name: "two inputs", query: "N=7e10&D=1.4e12", run: withParams(predictGET, hoffmann) },
      { name: "an interval", query: "N=7e10&D=1.4e12", run: withParams(predictGET, { paper: "besiroglu-2024-replication", law: "loss-nd" }) },
      { name: "a unit", query: "C=3.1e8&C.unit=PF-day", run: withParams(predictGET, { paper: "hoffmann-2022-chinchilla", law: "n-opt~unrounded" }) },
    ],
  },
  "/api/v1/laws/{paper}/{law}/solve": { get: [{ name: "for N", query: "target=2.0&for=N&D=1e12", run: withParams(solveGET, hoffmann) }] },
  "/api/v1/laws/{paper}/{law}/optimal": {
    get: [
      { name: "one budget", query: "C=5.76e23", run: withParams(optimalGET, { paper: "besiroglu-2024-replication", law: "loss-nd" }) },
      { name: "a frontier", query: "from=1e20&to=1e24&points=5", run: withParams(optimalGET, hoffmann) },
    ],
  },
  "/api/v1/predict": {
    get: [{ name: "law as a parameter", query: "law=hoffmann-2022-chinchilla/loss-nd&N=7e10&D=1.4e12", run: byParamGET }],
    post: [
      { name: "rows", body: { law: "besiroglu-2024-replication/loss-nd", points: [{ N: 1e8, D: 1e9 }, { N: 7e10, D: 1.4e12 }] }, run: batchPOST },
      { name: "columns", body: { law: "kaplan-2020-scaling/loss-nd", inputs: { N: [1e8, 1e9], D: [1e9, 1e10] } }, run: batchPOST },
    ],
  },
  "/api/v1/compare": {
    get: [
      { name: "a frontier and a direct law", query: "laws=kaplan-2020-scaling/loss-n,hoffmann-2022-chinchilla/loss-nd&x=params&fix.D=20*N&points=4", run: compareGET },
      { name: "with a table", query: "laws=besiroglu-2024-replication/loss-nd&x=params&fix.D=20*N&points=4&at=1e9,1e10", run: compareGET },
    ],
  },
  "/api/v1/combine": {
    post: [
      { name: "one point", body: { laws: { k: "kaplan-2020-scaling/loss-n", h: "hoffmann-2022-chinchilla/loss-nd" }, expr: "h(N, 20*N) - k(N)", at: { N: 1e9 } }, run: combinePOST },
      { name: "a batch", body: { laws: { h: "hoffmann-2022-chinchilla/loss-nd" }, expr: "h(N, 20*N)", points: [{ N: 1e9 }, { N: 1e10 }] }, run: combinePOST },
    ],
  },
  "/api/v1/fit": {
    post: [
      {
        name: "an expression",
        body: {
          expr: "a * x^b",
          free: ["a", "b"],
          objective: { loss: "mse-log" },
          data: { x: [1, 2, 4, 8, 16], y: [3, 2.1, 1.5, 1.06, 0.75] },
          output: "y",
          starts: { points: [{ a: 3, b: -0.5 }] },
          bootstrap: 10,
          seed: 1,
        },
        run: fitPOST,
      },
      { name: "a CSV body", query: "law=hoffmann-2022-chinchilla/loss-nd&log=A,B,E&lse=true&loss=huber-log&starts=published", body: chinchillaCsv(40), type: "text/csv", run: fitPOST },
    ],
  },
  "/api/v1/schedule": {
    post: [{ name: "cosine with a law", body: { schedule: { kind: "cosine", steps: 20_000, eta_max: 2e-4 }, law: "tissue-2024-annealing/loss-step", points: 5 }, run: schedulePOST }],
  },
  "/api/v1/datasets": { get: [{ name: "all", run: datasetsGET }] },
  "/api/v1/datasets/{id}": {
    get: [
      { name: "a declaration", run: withParams(datasetGET, { id: "gadre-2024-overtraining" }) },
      { name: "a subset's columns", query: "subset=rpj-loss-fit", run: withParams(datasetGET, { id: "gadre-2024-overtraining" }), mayAnswer: [422] },
    ],
  },
  "/api/v1/papers": { get: [{ name: "a domain", query: "domain=llm-pretraining", run: papersGET }] },
  "/api/v1/papers/{slug}": { get: [{ name: "one paper", run: withParams(paperGET, { slug: "kaplan-2020-scaling" }) }] },
  "/api/v1/coverage": { get: [{ name: "all", run: coverageGET }] },
  "/api/v1/export/laws.csv": { get: [{ name: "all", run: lawsCsvGET }] },
  "/api/v1/export/coefficients.csv": { get: [{ name: "all", run: coefficientsCsvGET }] },
  "/api/v1/export/registry.json": { get: [{ name: "all", run: registryGET }] },
  "/api/v1/health": { get: [{ name: "up", run: healthGET }] },
  "/api/v1/openapi.json": { get: [{ name: "the document", run: () => openapiGET() }] },
};

const table: Record<string, Partial<Record<Method, RouteContract>>> = routes;
const operations = Object.entries(table).flatMap(([path, methods]) =>
  (["get", "post"] as const).flatMap((method) => {
    const contract = methods[method];
    return contract ? [{ path, method, contract, examples: examples[path]?.[method] ?? [] }] : [];
  }),
);

function request(path: string, method: Method, ex: Example, query = ex.query ?? ""): Request {
  const url = `${BASE}${path}${query ? `?${query}` : ""}`;
  if (method === "get") return new Request(url);
  const body = typeof ex.body === "string" ? ex.body : JSON.stringify(ex.body);
  return new Request(url, { method: "POST", body, headers: { "content-type": ex.type ?? "application/json" } });
}

async function errorOf(r: Response): Promise<{ field: string | null; message: string } | null> {
  if (r.status < 400) return null;
  const body: { error: { field: string | null; message: string } } = await r.json();
  return body.error;
}

describe("every route of the contract", () => {
  it("has an example here, and every example a route", () => {
    expect(operations.filter((o) => o.examples.length === 0).map((o) => `${o.method} ${o.path}`)).toEqual([]);
    const known = new Set(operations.map((o) => `${o.method} ${o.path}`));
    const given = Object.entries(examples).flatMap(([path, m]) => Object.keys(m).map((method) => `${method} ${path}`));
    expect(given.filter((k) => !known.has(k))).toEqual([]);
  });

  for (const { path, method, contract, examples: list } of operations) {
    for (const ex of list) {
      it(`${method.toUpperCase()} ${path} (${ex.name}) answers what its schema describes`, async () => {
        const r = await ex.run(request(path, method, ex));
        if (ex.mayAnswer?.includes(r.status)) return;
        expect(r.status, await r.clone().text()).toBe(200);
        if ("json" in contract.response) {
          expect(r.headers.get("content-type")).toMatch(/^application\/json/);
          const parsed = contract.response.json.safeParse(await r.json());
          expect(parsed.success ? [] : parsed.error.issues.slice(0, 3)).toEqual([]);
        } else {
          expect(r.headers.get("content-type")).toMatch(new RegExp(`^${contract.response.media.replace("+", "\\+")}`));
          expect((await r.text()).length).toBeGreaterThan(0);
        }
      });
    }
  }
});

describe("query parameters: a route accepts exactly those its schema lists", () => {
  // the document is prerendered (force-static): a query string never reaches its handler
  const reading = operations.filter((o) => o.contract.query !== undefined);
  it("every route but the static document reads its query through the contract", () => {
    expect(operations.filter((o) => o.contract.query === undefined).map((o) => o.path)).toEqual(["/api/v1/openapi.json"]);
  });

  for (const { path, method, examples: list } of reading) {
    const ex = list[0];
    if (!ex) continue;
    it(`${method.toUpperCase()} ${path} refuses ?bogus=1 naming bogus`, async () => {
      const query = new URLSearchParams(ex.query ?? "");
      query.set("bogus", "1");
      const r = await ex.run(request(path, method, ex, query.toString()));
      expect(r.status).toBe(400);
      expect(await errorOf(r)).toMatchObject({ field: "bogus" });
    });
  }

  for (const { path, method, contract, examples: list } of reading) {
    // fit reads its query only beside a CSV body
    const ex = list.find((e) => e.type === "text/csv") ?? list[0];
    const spec = contract.query;
    if (!ex || !spec) continue;
    const names = [...listedParams(spec), ...(spec.pattern ? [`${spec.pattern.param === "fix" ? "fix.D" : "N"}`] : [])];
    if (names.length === 0) continue;
    it(`${method.toUpperCase()} ${path} reads each parameter it lists (${names.join(", ")})`, async () => {
      for (const name of names) {
        const query = new URLSearchParams(ex.query ?? "");
        query.set(name, name === "rows" ? "all" : "1");
        const e = await errorOf(await ex.run(request(path, method, ex, query.toString())));
        // another complaint (C with from, say) is fine; a refusal of the name itself is not
        expect(e?.message ?? "", name).not.toMatch(/unknown query parameter|is not an input|names no input/);
      }
    });
  }

  it("per-law queries list the documented parameters and the law's inputs, nothing else", () => {
    const law = getLaw(getDb(), "hoffmann-2022-chinchilla/loss-nd");
    if (!law) throw new Error("hoffmann-2022-chinchilla/loss-nd is not in the database");
    const inputs = ["N", "N.unit", "D", "D.unit"];
    const documented = (p: keyof typeof routes) => {
      const op: Partial<Record<Method, RouteContract>> = routes[p];
      const spec = op.get?.query;
      return spec ? listedParams(spec) : [];
    };
    expect(listedParams(lawQueries.predict(law)).sort()).toEqual([...documented("/api/v1/laws/{paper}/{law}/predict"), ...inputs].sort());
    expect(listedParams(lawQueries.predictByParam(law)).sort()).toEqual([...documented("/api/v1/predict"), ...inputs].sort());
    expect(listedParams(lawQueries.solve(law)).sort()).toEqual([...documented("/api/v1/laws/{paper}/{law}/solve"), ...inputs].sort());
    // and each input name matches the pattern the document gives
    const pattern = routes["/api/v1/laws/{paper}/{law}/predict"].get.query.pattern.key;
    expect(inputs.every((k) => pattern.test(k))).toBe(true);
  });

  it.each([
    ["N=abc&D=1", "N", 'N must be a number, got "abc"'],
    ["N=-1&D=1", "N", "N must be greater than 0"],
    ["N=1&N=2&D=1", "N", "N is given more than once"],
    ["N=1&D=1&N.unit=parsecs", "N.unit", /^unknown unit parsecs for params/],
    ["N=1&D=1&constructor=1", "constructor", "constructor is not an input of hoffmann-2022-chinchilla/loss-nd; its inputs are N, D"],
    ["N=1&D=1&X.unit=FLOP", "X.unit", "X.unit names no input of hoffmann-2022-chinchilla/loss-nd; its inputs are N, D"],
  ])("predict ?%s -> 400 naming %s", async (query, field, message) => {
    const r = await withParams(predictGET, hoffmann)(new Request(`${BASE}/x?${query}`));
    expect(r.status).toBe(400);
    const e = await errorOf(r);
    expect(e?.field).toBe(field);
    expect(e?.message).toMatch(message);
  });

  it.each([
    ["points=abc", "points", "points must be a whole number from 2 to 200"],
    ["C=-1", "C", "C must be greater than 0"],
    ["k=abc", "k", 'k must be a number, got "abc"'],
  ])("optimal ?%s -> 400 naming %s", async (query, field, message) => {
    const r = await withParams(optimalGET, hoffmann)(new Request(`${BASE}/x?${query}`));
    expect(r.status).toBe(400);
    expect(await errorOf(r)).toMatchObject({ field, message });
  });
});

type Doc = { paths: Record<string, Partial<Record<Method, { responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }> }>>>; components: { schemas: Record<string, unknown> } };

/** Schemas that say only "an object": no properties, no additionalProperties, no alternatives. */
function bareObjects(v: unknown, at: string, out: string[] = []): string[] {
  if (Array.isArray(v)) v.forEach((x, i) => bareObjects(x, `${at}[${i}]`, out));
  else if (v && typeof v === "object") {
    const o: Record<string, unknown> = { ...v };
    if (o.type === "object" && !["properties", "additionalProperties", "patternProperties", "propertyNames", "anyOf", "oneOf", "allOf"].some((k) => k in o)) out.push(at);
    for (const [k, x] of Object.entries(o)) bareObjects(x, `${at}.${k}`, out);
  }
  return out;
}

describe("the generated OpenAPI document", () => {
  const doc = async (): Promise<Doc> => (await openapiGET()).json();

  it("is valid OpenAPI 3.1, generated from the route table", async () => {
    const d = await doc();
    const result = await new Validator().validate(d);
    expect(result.errors ?? []).toEqual([]);
    expect(Object.keys(d.paths).sort()).toEqual(Object.keys(routes).sort());
  });

  it("gives every JSON 200 answer a named schema, and no schema anywhere is a bare object", async () => {
    const d = await doc();
    for (const [path, methods] of Object.entries(d.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const content = op.responses["200"]?.content ?? {};
        const json = content["application/json"];
        if (!json) {
          expect(Object.keys(content).length, `${method} ${path}`).toBe(1);
          continue;
        }
        const ref = json.schema?.$ref ?? "";
        expect(ref, `${method} ${path}`).toMatch(/^#\/components\/schemas\/\w+$/);
        expect(d.components.schemas[ref.split("/").at(-1) ?? ""], ref).toBeDefined();
      }
    }
    expect(bareObjects(d.components.schemas, "components.schemas")).toEqual([]);
    expect(bareObjects(d.paths, "paths")).toEqual([]);
  });

  it("describes each route's answer by the schema the route is typed by", async () => {
    const d = await doc();
    const laws = d.components.schemas.LawList as z.core.JSONSchema.ObjectSchema;
    expect(Object.keys(laws.properties ?? {})).toEqual(["count", "q", "laws"]);
    expect(d.paths["/api/v1/laws/{paper}/{law}/solve"]?.get?.responses["200"]?.content?.["application/json"]?.schema?.$ref).toBe("#/components/schemas/Solution");
  });
});
