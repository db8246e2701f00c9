/**
 * Which methods each path answers, and which cross-origin callers may use it:
 * decided before a request reaches Next, so that every method on every path
 * gets a proper answer (405 with Allow, never a 500 from a static-file path or
 * an unknown method) and CORS opens exactly the read-only API and the two POST
 * routes notebooks use. Pure: the server (app/_build/serve.ts) and the tests
 * share it.
 */
import fs from "node:fs";
import path from "node:path";
import { groups } from "./regex";

export const ROUTE_METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"] as const;
const PAGE_METHODS = ["GET", "HEAD"];

export interface Route {
  /** The route's path as written in app/, e.g. /api/v1/laws/[paper]/[law]/predict */
  path: string;
  pattern: RegExp;
  /** Methods the handler exports, with HEAD where GET is (Next answers it) and OPTIONS; for a page, GET and HEAD. */
  methods: string[];
  /** A page (page.tsx) rather than a route handler (route.ts). */
  page: boolean;
}

/** POST routes a browser on another origin may call (notebooks: Observable, JupyterLite). */
export const CORS_POST = new Set(["/api/v1/predict", "/api/v1/fit"]);

const EXPORTED = /export\s+(?:async\s+)?(?:function|const)\s+(GET|HEAD|POST|PUT|DELETE|PATCH|OPTIONS)\b/g;

/** Finds every route handler under app/ and the methods it exports. */
export function scanRoutes(appDir: string): Route[] {
  const out: Route[] = [];
  const walk = (dir: string, rel: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) {
        // private folders (_lib, _build) and route groups do not add a segment; (group) folders are not used here
        if (!e.name.startsWith("_")) walk(path.join(dir, e.name), `${rel}/${e.name}`);
      } else if (e.name === "route.ts") {
        const source = fs.readFileSync(path.join(dir, e.name), "utf8");
        const methods = new Set([...source.matchAll(EXPORTED)].map((m) => groups(m, 1)[0]));
        if (methods.has("GET")) methods.add("HEAD");
        methods.add("OPTIONS");
        out.push({ path: rel || "/", pattern: routePattern(rel), methods: ROUTE_METHODS.filter((m) => methods.has(m)), page: false });
      } else if (e.name === "page.tsx") {
        out.push({ path: rel || "/", pattern: routePattern(rel), methods: [...PAGE_METHODS], page: true });
      }
    }
  };
  walk(appDir, "");
  // Next's own files and the public folder are static
  out.push({ path: "/_next/*", pattern: /^\/_next\//, methods: [...PAGE_METHODS], page: true });
  // literal segments win over dynamic ones, as in Next's router
  return out.sort((a, b) => b.path.split("/").filter((s) => !s.startsWith("[")).length - a.path.split("/").filter((s) => !s.startsWith("[")).length);
}

function routePattern(rel: string): RegExp {
  const parts = rel
    .split("/")
    .filter(Boolean)
    .map((seg) => (seg.startsWith("[") ? "[^/]+" : seg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
  return new RegExp(`^/${parts.join("/")}/?$`);
}

export type Verdict =
  /** Hand the request to Next; add these headers to its answer. */
  | { kind: "pass"; headers: Record<string, string> }
  /** Answer here: a CORS preflight or an OPTIONS request. */
  | { kind: "options"; headers: Record<string, string> }
  /** 405 with Allow; `api` says whether to answer in the JSON error shape. */
  | { kind: "not-allowed"; allow: string[]; api: boolean }
  /** No page, route or file at this path, whatever the method. */
  | { kind: "not-found"; api: boolean };

/**
 * The decision for one request. Pages and static files answer GET and HEAD;
 * a route handler answers what it exports (plus HEAD and OPTIONS). CORS:
 * every GET/HEAD under /api/v1 and POST on the routes in CORS_POST carry
 * `Access-Control-Allow-Origin: *` (no credentials), and their preflights are
 * answered; nothing else gets CORS headers, so a browser keeps other origins
 * out of everything else.
 */
export function decide(method: string, pathname: string, routes: readonly Route[], origin: string | null, isPublicFile: (pathname: string) => boolean = () => false): Verdict {
  const route = routes.find((r) => r.pattern.test(pathname));
  const api = pathname === "/api" || pathname.startsWith("/api/");
  if (!route || route.page) {
    if (PAGE_METHODS.includes(method)) return { kind: "pass", headers: {} };
    // a page or a public file: 405; anything else does not exist for any method
    if (route || isPublicFile(pathname)) return { kind: "not-allowed", allow: PAGE_METHODS, api };
    return { kind: "not-found", api };
  }
  const corsMethods = api ? route.methods.filter((m) => m === "GET" || m === "HEAD" || (m === "POST" && CORS_POST.has(route.path))) : [];
  if (method === "OPTIONS") {
    const headers: Record<string, string> = { Allow: route.methods.join(", ") };
    if (origin !== null && corsMethods.length > 0) {
      Object.assign(headers, {
        "Access-Control-Allow-Origin": "*",
        "Access-Control-Allow-Methods": [...corsMethods, "OPTIONS"].join(", "),
        "Access-Control-Allow-Headers": "Content-Type",
        "Access-Control-Max-Age": "86400",
      });
    }
    return { kind: "options", headers };
  }
  if (!route.methods.includes(method)) return { kind: "not-allowed", allow: route.methods, api };
  return { kind: "pass", headers: corsMethods.includes(method) ? { "Access-Control-Allow-Origin": "*" } : {} };
}

/** The 404 answer's body for a path nothing serves. */
export function notFoundBody(method: string, pathname: string, api: boolean): { type: string; body: string } {
  const message = `nothing is served at ${pathname}`;
  if (api) return { type: "application/json", body: JSON.stringify({ error: { code: "not_found", message, field: "path" } }) };
  return { type: "text/plain; charset=utf-8", body: `404 Not Found: ${message} (${method})\n` };
}

/** The 405 answer's body: the API's error shape, or a short page. */
export function notAllowedBody(method: string, pathname: string, allow: string[], api: boolean): { type: string; body: string } {
  const message = `${method} is not allowed on ${pathname}; it answers ${allow.join(", ")}`;
  if (api) return { type: "application/json", body: JSON.stringify({ error: { code: "method_not_allowed", message, field: "method" } }) };
  return { type: "text/plain; charset=utf-8", body: `405 Method Not Allowed: ${message}\n` };
}

/**
 * Query names that a page never sees: Next turns a page's query into a plain
 * object, where `__proto__` sets the prototype instead of a key, so it would
 * be silently dropped. They are refused for every path, pages and API alike.
 */
const RESERVED_QUERY_NAMES = new Set(["__proto__", "constructor", "prototype"]);

export function reservedQueryName(search: string): string | null {
  if (!search) return null;
  for (const key of new URLSearchParams(search).keys()) if (RESERVED_QUERY_NAMES.has(key)) return key;
  return null;
}

/** The 400 answer's body for a reserved query name. */
export function reservedQueryBody(name: string, api: boolean): { type: string; body: string } {
  const message = `${name} is not a parameter of any page or route`;
  if (api) return { type: "application/json", body: JSON.stringify({ error: { code: "invalid_input", message, field: name } }) };
  return { type: "text/plain; charset=utf-8", body: `400 Bad Request: ${message}\n` };
}
