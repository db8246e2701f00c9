import type { Metadata } from "next";
import { openapi } from "@/app/_lib/openapi";
import { Crumbs } from "@/app/_components/Crumbs";

export const metadata: Metadata = { title: "API", description: "The JSON API: every route with curl and Python examples." };

/** One worked example per route: the path with its query, and a POST body where there is one. */
const EXAMPLES: Record<string, { query?: string; body?: object; path?: string }> = {
  "/api/v1/laws": { query: "q=chinchilla&domain=llm-pretraining" },
  "/api/v1/laws/{paper}/{law}": { path: "/api/v1/laws/hoffmann-2022-chinchilla/loss-nd" },
  "/api/v1/laws/{paper}/{law}/predict": { path: "/api/v1/laws/hoffmann-2022-chinchilla/loss-nd/predict", query: "N=7e10&D=1.4e12" },
  "/api/v1/laws/{paper}/{law}/solve": { path: "/api/v1/laws/hoffmann-2022-chinchilla/loss-nd/solve", query: "target=2.0&for=N&D=1e12" },
  "/api/v1/laws/{paper}/{law}/optimal": { path: "/api/v1/laws/hoffmann-2022-chinchilla/loss-nd~unrounded/optimal", query: "C=5.76e23" },
  "/api/v1/predict": { body: { law: "kaplan-2020-scaling/loss-nd", points: [{ N: 1e8, D: 1e9 }, { N: 1e9, D: 1e10 }] } },
  "/api/v1/compare": { query: "laws=kaplan-2020-scaling/loss-n,hoffmann-2022-chinchilla/loss-nd&x=params&fix.D=20*N" },
  "/api/v1/combine": { body: { laws: { k: "kaplan-2020-scaling/loss-n", h: "hoffmann-2022-chinchilla/loss-nd" }, expr: "h(N, 20*N) - k(N)", at: { N: 1e9 } } },
  "/api/v1/papers": { query: "domain=llm-pretraining" },
  "/api/v1/papers/{slug}": { path: "/api/v1/papers/kaplan-2020-scaling" },
  "/api/v1/coverage": {},
  "/api/v1/export/laws.csv": {},
  "/api/v1/export/coefficients.csv": {},
  "/api/v1/export/registry.json": {},
  "/api/v1/openapi.json": {},
  "/api/v1/health": {},
  "/api/v1/fit": {
    body: {
      expr: "epsilon - k * exp(-gamma * L)",
      free: ["epsilon", "k", "gamma"],
      objective: { loss: "mse" },
      data: { L: [2.5, 2.8, 3.1, 3.5, 3.9, 4.4], Err: [0.48, 0.55, 0.61, 0.66, 0.71, 0.75] },
      starts: { points: [{ epsilon: 1, k: 1, gamma: 1 }] },
      bootstrap: 100,
    },
  },
  "/api/v1/datasets": {},
  "/api/v1/datasets/{id}": { path: "/api/v1/datasets/gadre-2024-overtraining", query: "subset=rpj-loss-fit" },
};

function curl(url: string, body?: object) {
  return body
    ? `curl -X POST "$LAWDEX${url}" \\\n  -H 'content-type: application/json' \\\n  -d '${JSON.stringify(body)}'`
    : `curl "$LAWDEX${url}"`;
}

function python(url: string, body?: object, csv = false) {
  const call = body ? `requests.post(f"{LAWDEX}${url}", json=${JSON.stringify(body).replace(/true/g, "True").replace(/false/g, "False")})` : `requests.get(f"{LAWDEX}${url}")`;
  return `import requests\nLAWDEX = "http://localhost:3000"\nr = ${call}\nprint(r.${csv ? "text" : "json()"})`;
}

export default function ApiDocs() {
  return (
    <article>
      <Crumbs trail={[{ label: "API" }]} />
      <h1>JSON API</h1>
      <p className="lede">
        Every route is versioned under <code>/api/v1</code> and described by the OpenAPI 3.1 document at{" "}
        <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>. Errors are{" "}
        <code>{'{ "error": { "code", "message", "field" } }'}</code> with status 400 (bad input), 404 (unknown id), 413 (too
        large), 422 (unreachable target, form-only law, a fit that cannot be made) or 503 (every fit worker busy). The examples assume <code>LAWDEX=http://localhost:3000</code>.
      </p>
      {Object.entries(openapi.paths).map(([route, ops]) => {
        const method = ops.post ? "POST" : "GET";
        const op = ops.post ?? ops.get;
        const ex = EXAMPLES[route] ?? {};
        const url = `${ex.path ?? route}${ex.query ? `?${ex.query}` : ""}`;
        return (
          <section key={route} className="card" id={route.replace(/[^a-z0-9]+/gi, "-")}>
            <h2 className="api-route">
              <code>
                {method} {route}
              </code>
            </h2>
            <p>{op?.summary}</p>
            <div className="snippet">
              <div className="snippet-head">curl</div>
              <pre tabIndex={0} aria-label="curl example">
                <code>{curl(url, ex.body)}</code>
              </pre>
            </div>
            <div className="snippet">
              <div className="snippet-head">Python</div>
              <pre tabIndex={0} aria-label="Python example">
                <code>{python(url, ex.body, route.endsWith(".csv"))}</code>
              </pre>
            </div>
          </section>
        );
      })}
    </article>
  );
}
