import path from "node:path";
import { describe, expect, it } from "vitest";
import { decide, notAllowedBody, reservedQueryName, scanRoutes } from "@/lib/http-policy";

const routes = scanRoutes(path.resolve("app"));
const find = (p: string) => routes.find((r) => r.path === p);

describe("the routes the server knows", () => {
  it("reads each route handler's exported methods, with HEAD beside GET and OPTIONS always", () => {
    expect(find("/api/v1/laws")?.methods).toEqual(["GET", "HEAD", "OPTIONS"]);
    expect(find("/api/v1/predict")?.methods).toEqual(["GET", "HEAD", "POST", "OPTIONS"]);
    expect(find("/api/v1/fit")?.methods).toEqual(["POST", "OPTIONS"]);
    expect(find("/fit/run")?.methods).toEqual(["POST", "OPTIONS"]);
    expect(find("/laws/[paper]/[law]")).toMatchObject({ page: true, methods: ["GET", "HEAD"] });
    expect(find("/api/v1/laws/[paper]/[law]/predict")?.pattern.test("/api/v1/laws/a/b/predict")).toBe(true);
    expect(find("/api/v1/laws/[paper]/[law]/predict")?.pattern.test("/api/v1/laws/a/b/c/predict")).toBe(false);
  });
});

describe("a proper answer for every method on every path", () => {
  const cases: { method: string; path: string; expected: ReturnType<typeof decide> }[] = [
    { method: "POST", path: "/laws/hoffmann-2022-chinchilla/loss-nd", expected: { kind: "not-allowed", allow: ["GET", "HEAD"], api: false } },
    { method: "TRACE", path: "/papers/kaplan-2020-scaling", expected: { kind: "not-allowed", allow: ["GET", "HEAD"], api: false } },
    { method: "OPTIONS", path: "/papers/kaplan-2020-scaling", expected: { kind: "not-allowed", allow: ["GET", "HEAD"], api: false } },
    { method: "DELETE", path: "/api/v1/laws", expected: { kind: "not-allowed", allow: ["GET", "HEAD", "OPTIONS"], api: true } },
    { method: "PUT", path: "/api/v1/predict", expected: { kind: "not-allowed", allow: ["GET", "HEAD", "POST", "OPTIONS"], api: true } },
    { method: "GET", path: "/api/v1/fit", expected: { kind: "not-allowed", allow: ["POST", "OPTIONS"], api: true } },
    { method: "PATCH", path: "/api/v1/nowhere", expected: { kind: "not-found", api: true } },
    { method: "POST", path: "/nowhere", expected: { kind: "not-found", api: false } },
    { method: "GET", path: "/laws/hoffmann-2022-chinchilla/loss-nd", expected: { kind: "pass", headers: {} } },
    { method: "POST", path: "/api/v1/combine", expected: { kind: "pass", headers: {} } },
  ];
  it.each(cases)("$method $path", ({ method, path: p, expected }) => {
    expect(decide(method, p, routes, null)).toEqual(expected);
  });

  it("answers 405s in the API's error shape on the API and as text elsewhere", () => {
    expect(JSON.parse(notAllowedBody("PUT", "/api/v1/laws", ["GET", "HEAD", "OPTIONS"], true).body)).toEqual({
      error: { code: "method_not_allowed", message: "PUT is not allowed on /api/v1/laws; it answers GET, HEAD, OPTIONS", field: "method" },
    });
    expect(notAllowedBody("POST", "/papers/x", ["GET", "HEAD"], false).type).toBe("text/plain; charset=utf-8");
  });
});

describe("CORS opens the read-only API and the two notebook POSTs, nothing else", () => {
  const origin = "https://observablehq.com";
  it("marks GET answers of the API and POST answers of predict and fit", () => {
    expect(decide("GET", "/api/v1/laws/a/b/predict", routes, origin)).toEqual({ kind: "pass", headers: { "Access-Control-Allow-Origin": "*" } });
    expect(decide("POST", "/api/v1/predict", routes, origin)).toEqual({ kind: "pass", headers: { "Access-Control-Allow-Origin": "*" } });
    expect(decide("POST", "/api/v1/fit", routes, origin)).toEqual({ kind: "pass", headers: { "Access-Control-Allow-Origin": "*" } });
  });
  it("answers preflights for those, and leaves every other route closed to other origins", () => {
    expect(decide("OPTIONS", "/api/v1/predict", routes, origin)).toEqual({
      kind: "options",
      headers: {
        Allow: "GET, HEAD, POST, OPTIONS",
        "Access-Control-Allow-Origin": "*",
        "Access-Control-Allow-Methods": "GET, HEAD, POST, OPTIONS",
        "Access-Control-Allow-Headers": "Content-Type",
        "Access-Control-Max-Age": "86400",
      },
    });
    for (const p of ["/api/v1/combine", "/api/v1/schedule", "/fit/run"]) {
      const v = decide("OPTIONS", p, routes, origin);
      expect(v.kind).toBe("options");
      expect(v.kind === "options" ? v.headers["Access-Control-Allow-Origin"] : "not options").toBeUndefined();
      expect(decide("POST", p, routes, origin)).toEqual({ kind: "pass", headers: {} });
    }
    expect(decide("GET", "/compare/chart.svg", routes, origin)).toEqual({ kind: "pass", headers: {} });
  });
});

describe("reserved query names", () => {
  it.each([
    ["N=1&__proto__=x", "__proto__"],
    ["constructor=1", "constructor"],
    ["a=1&prototype=2", "prototype"],
    ["N=1&D=2", null],
    ["", null],
  ])("%s -> %s", (search, expected) => {
    expect(reservedQueryName(search)).toBe(expected);
  });
});
