import http from "node:http";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { scanRoutes } from "@/lib/http-policy";
import { costlyCompareQuery } from "../../bench/costly";

const base = inject("baseUrl");

describe("HTTP hygiene of the production server", () => {
  const urls = ["/", "/laws/hoffmann-2022-chinchilla/loss-nd", "/api/v1/laws/hoffmann-2022-chinchilla/loss-nd/predict?N=1e9&D=1e10", "/compare/chart.svg?laws=kaplan-2020-scaling/loss-n&x=params"];
  it.each(urls)("%s carries the security headers", async (url) => {
    const res = await fetch(`${base}${url}`);
    expect(res.status).toBe(200);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-powered-by")).toBeNull();
  });

  const bad = [
    "/api/v1/laws/hoffmann-2022-chinchilla/loss-nd/predict?N=abc&D=1",
    "/api/v1/laws/%00/%ff/predict",
    "/api/v1/compare?laws=../../etc/passwd",
    "/laws/x/y/predict?N=1",
    "/papers/%2e%2e%2f%2e%2e",
    "/api/v1/papers/..%2F..%2Fpackage.json",
  ];
  it.each(bad)("%s answers without a stack trace or an internal path", async (url) => {
    const res = await fetch(`${base}${url}`);
    expect(res.status).toBeLessThan(500);
    const body = await res.text();
    expect(body).not.toMatch(/\/work\/|node_modules|at [A-Za-z]+ \(|\.tsx?:\d+|Error: /);
  });

  it("caches predictions and static pages, never error responses", async () => {
    const ok = await fetch(`${base}/api/v1/laws/hoffmann-2022-chinchilla/loss-nd/predict?N=1e9&D=1e10`);
    expect(ok.headers.get("cache-control")).toBe("public, max-age=3600");
    const bad = await fetch(`${base}/api/v1/laws/hoffmann-2022-chinchilla/loss-nd/predict?N=x&D=1`);
    expect(bad.headers.get("cache-control")).toBe("no-store");
    const page = await fetch(`${base}/laws/hoffmann-2022-chinchilla/loss-nd`);
    expect(page.headers.get("cache-control") ?? "").toMatch(/s-maxage|max-age/);
  });
});

describe("prerendered law and paper pages on the static-file path", () => {
  const law = "/laws/hoffmann-2022-chinchilla/loss-nd";
  it("answers a document request with the published file: validators, 304 on a match", async () => {
    const res = await fetch(`${base}${law}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(res.headers.get("x-nextjs-prerender")).toBeNull(); // not Next's page-rendering path
    expect(await res.text()).toContain("Parametric loss");
    const etag = res.headers.get("etag");
    expect(etag).toBeTruthy();
    // fetch() adds "cache-control: no-cache" to a manual conditional request unless one is given;
    // max-age=0 is what a browser sends when it revalidates
    const again = await fetch(`${base}${law}`, { headers: { "if-none-match": etag as string, "cache-control": "max-age=0" } });
    expect(again.status).toBe(304);
    const paper = await fetch(`${base}/papers/kaplan-2020-scaling`);
    expect(paper.status).toBe(200);
    expect(await paper.text()).toContain("Scaling Laws for Neural Language Models");
  });

  it("still gives client-side navigation its RSC payload", async () => {
    const res = await fetch(`${base}${law}?_rsc=test`, { headers: { rsc: "1" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/x-component/);
  });

  it.each(["/laws/no-such-paper/no-such-law", "/papers/no-such-paper", "/laws/hoffmann-2022-chinchilla/nope"])("answers 404 with the site's not-found page for %s", async (url) => {
    const res = await fetch(`${base}${url}`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("Not found");
  });
});

describe("large batch answers through the real server", () => {
  it("arrive whole and decodable with the compression the client accepts", async () => {
    const N = Array.from({ length: 5000 }, (_, i) => 1e8 * (i + 1));
    const body = JSON.stringify({ law: "hoffmann-2022-chinchilla/loss-nd", inputs: { N, D: N.map((n) => 20 * n) } });
    for (const encoding of ["gzip, deflate, br", "identity"]) {
      const res = await fetch(`${base}/api/v1/predict`, { method: "POST", body, headers: { "content-type": "application/json", "accept-encoding": encoding } });
      expect(res.status).toBe(200);
      const json = (await res.json()) as { count: number; values: number[] };
      expect(json.count).toBe(5000);
      expect(json.values.every((v) => Number.isFinite(v) && v > 1.5 && v < 5)).toBe(true);
    }
  });
});

describe("a costly fit does not hold the server", () => {
  it("answers /api/v1/health while a 4,500-start fit runs in the worker", async () => {
    const n = 240;
    const data = { N: [] as number[], D: [] as number[], L: [] as number[] };
    for (let i = 0; i < n; i++) {
      const N = 10 ** (8 + (3 * ((i * 7) % n)) / n);
      const D = 10 ** (9.5 + (2.5 * ((i * 13) % n)) / n);
      data.N.push(N);
      data.D.push(D);
      data.L.push((1.8 + 480 / N ** 0.35 + 2100 / D ** 0.37) * (1 + 0.004 * Math.sin(i)));
    }
    const grid = { A: [0, 5, 10, 15, 20, 25], B: [0, 5, 10, 15, 20, 25], E: [-1, -0.5, 0, 0.5, 1], alpha: [0, 0.5, 1, 1.5, 2], beta: [0, 0.5, 1, 1.5, 2] };
    const order: string[] = [];
    const fitDone = fetch(`${base}/api/v1/fit`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ law: "hoffmann-2022-chinchilla/loss-nd", data, log: ["A", "B", "E"], lse: true, starts: { grid } }),
    }).then(async (r) => {
      order.push(`fit ${r.status}`);
      return r.json();
    });
    await new Promise((r) => setTimeout(r, 200));
    for (let i = 0; i < 5; i++) {
      const r = await fetch(`${base}/api/v1/health`);
      order.push(`health ${r.status}`);
    }
    const body = (await fitDone) as { diagnostics: { starts: number } };
    expect(body.diagnostics.starts).toBe(4500);
    // all five health checks were answered while the fit was still running
    expect(order).toEqual(["health 200", "health 200", "health 200", "health 200", "health 200", "fit 200"]);
  });

  it("serves the fit worker with eval allowed for it alone", async () => {
    const worker = await fetch(`${base}/fit-worker.js`);
    expect(worker.status).toBe(200);
    expect(worker.headers.get("content-security-policy")).toContain("'unsafe-eval'");
    const page = await fetch(`${base}/fit`);
    expect(page.headers.get("content-security-policy")).not.toContain("unsafe-eval");
  });
});

describe("the learning-rate schedule page", () => {
  const page = "/laws/tissue-2024-annealing/loss-step/schedule";
  it("computes S1, S2 and the fit's loss from a plain GET form", async () => {
    const res = await fetch(`${base}${page}?kind=constant&steps=20000&eta_max=2e-4&lambda=0.999`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('data-testid="schedule-table"');
    // the last row: 2.628 + 0.429 · 4^−0.550 for setting A after 20K steps at 2e-4
    const losses = [...html.matchAll(/data-loss="([^"]*)"/g)].map((m) => Number(m[1]));
    expect(losses).toHaveLength(11);
    expect(losses.at(-1)).toBeCloseTo(2.628 + 0.429 * 4 ** -0.55, 10);
  });
  it("names the field it cannot use, and is not offered for laws in other inputs", async () => {
    const bad = await fetch(`${base}${page}?kind=wsd&steps=1000&decay_steps=5000`);
    expect(bad.status).toBe(200);
    expect(await bad.text()).toMatch(/<strong>schedule\.decay_steps(?:<!-- -->)?: <\/strong>schedule\.decay_steps \(5000\) must not exceed schedule\.steps \(1000\)/);
    expect((await fetch(`${base}/laws/kaplan-2020-scaling/loss-n/schedule`)).status).toBe(404);
  });
});

/** Any method, TRACE included (fetch refuses to send it). */
function raw(method: string, url: string, body?: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers: body ? { "content-type": "application/json", "content-length": Buffer.byteLength(body) } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("every method on every path (issue 12)", () => {
  const params: Record<string, string> = { paper: "hoffmann-2022-chinchilla", law: "loss-nd", slug: "kaplan-2020-scaling", id: "besiroglu-2024-chinchilla", domain: "llm-pretraining" };
  const routes = scanRoutes(path.resolve("app")).filter((r) => r.path !== "/_next/*");
  const urls = routes.map((r) => r.path.replace(/\[(\w+)\]/g, (_, k: string) => params[k] ?? "x"));
  const METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"];
  it(`answers ${METHODS.length} methods on ${urls.length} paths without a 5xx; 405s say Allow; API errors in the JSON shape`, async () => {
    const problems: string[] = [];
    for (const url of urls) {
      for (const method of METHODS) {
        const res = await raw(method, `${base}${url}`, method === "POST" ? "{}" : undefined);
        const text = res.text;
        if (res.status >= 500) problems.push(`${method} ${url}: ${res.status}`);
        if (res.status === 405 && !res.headers.allow) problems.push(`${method} ${url}: 405 without Allow`);
        if (url.startsWith("/api/") && res.status >= 400 && method !== "HEAD") {
          let shape = false;
          try {
            const e = (JSON.parse(text) as { error?: { code?: unknown; message?: unknown; field?: unknown } }).error;
            shape = typeof e?.code === "string" && typeof e.message === "string" && "field" in e;
          } catch {
            shape = false;
          }
          if (!shape) problems.push(`${method} ${url}: ${res.status} not in the error shape: ${text.slice(0, 80)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("opens CORS for notebooks on the read-only API and POST predict/fit, and nowhere else", async () => {
    const origin = { origin: "https://observablehq.com" };
    const preflight = (url: string, method: string) =>
      fetch(`${base}${url}`, { method: "OPTIONS", headers: { ...origin, "access-control-request-method": method, "access-control-request-headers": "content-type" } });
    const p = await preflight("/api/v1/predict", "POST");
    expect(p.status).toBe(204);
    expect(p.headers.get("access-control-allow-origin")).toBe("*");
    expect(p.headers.get("access-control-allow-methods")).toContain("POST");
    expect(p.headers.get("access-control-allow-headers")).toBe("Content-Type");
    const c = await preflight("/api/v1/combine", "POST");
    expect(c.headers.get("access-control-allow-origin")).toBeNull();
    const got = await fetch(`${base}/api/v1/laws/hoffmann-2022-chinchilla/loss-nd/predict?N=1e9&D=1e10`, { headers: origin });
    expect(got.headers.get("access-control-allow-origin")).toBe("*");
    expect(got.headers.get("access-control-allow-credentials")).toBeNull();
    const page = await fetch(`${base}/laws/hoffmann-2022-chinchilla/loss-nd`, { headers: origin });
    expect(page.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("refuses __proto__ and constructor as query names on pages too (a page's query object would drop them silently)", async () => {
    const page = await fetch(`${base}/laws/hoffmann-2022-chinchilla/loss-nd/predict?N=1e9&D=1e10&__proto__=1`);
    expect(page.status).toBe(400);
    expect(await page.text()).toContain("__proto__ is not a parameter of any page or route");
    const api = await fetch(`${base}/api/v1/laws/hoffmann-2022-chinchilla/loss-nd/predict?N=1e9&D=1e10&constructor=1`);
    expect(api.status).toBe(400);
    expect(((await api.json()) as { error: { field: string } }).error.field).toBe("constructor");
  });

  it("answers /api/v1/health while a comparison of eight frontiers at 500 points runs in the worker", async () => {
    const order: string[] = [];
    const costly = fetch(`${base}/api/v1/compare?${costlyCompareQuery(499)}`).then(async (r) => {
      order.push(`compare ${r.status}`);
      return r.json();
    });
    await new Promise((r) => setTimeout(r, 100));
    const health = await fetch(`${base}/api/v1/health`);
    order.push(`health ${health.status}`);
    const result = (await costly) as { series: unknown[] };
    expect(result.series).toHaveLength(8);
    expect(order).toEqual(["health 200", "compare 200"]);
  });
});
