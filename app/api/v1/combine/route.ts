import { combine } from "@/lib/combine";
import { invalid } from "@/lib/errors";
import type { Law } from "@/lib/law";
import { handle, ok, readJson } from "@/app/_lib/respond";
import { findLaw, getQuantities } from "@/app/_lib/lookup";

const MAX_BODY_BYTES = 2 * 1024 * 1024;

/**
 * POST /api/v1/combine { laws: {alias: lawId}, expr, at: {var: value} }
 * (or points: [{...}] for a batch): an expression over laws from different papers.
 */
export function POST(req: Request) {
  return handle(async () => {
    const body = await readJson(req, MAX_BODY_BYTES);
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      throw invalid("body", 'body must be a JSON object { "laws": {...}, "expr": "...", "at": {...} }');
    }
    for (const key of Object.keys(body)) {
      if (!["laws", "expr", "at", "points"].includes(key)) throw invalid(key, `unknown field ${key}; expected laws, expr, at or points`);
    }
    const { laws, expr, at, points } = body as Record<string, unknown>;
    if (typeof laws !== "object" || laws === null || Array.isArray(laws)) throw invalid("laws", 'laws must be an object of aliases, e.g. {"h": "hoffmann-2022-chinchilla/loss-nd"}');
    if (typeof expr !== "string") throw invalid("expr", "expr must be a string");
    if ((at === undefined) === (points === undefined)) throw invalid("at", "give exactly one of at (one point) or points (a batch)");
    const resolved: Record<string, Law> = Object.create(null);
    for (const [alias, id] of Object.entries(laws)) resolved[alias] = findLaw(id, `laws.${alias.slice(0, 40)}`);
    const list = at !== undefined ? [at] : points;
    if (!Array.isArray(list)) throw invalid("points", "points must be an array of objects");
    list.forEach((p, i) => {
      if (typeof p !== "object" || p === null || Array.isArray(p)) throw invalid(at !== undefined ? "at" : `points[${i}]`, "must be an object of variable values");
    });
    const result = combine({ laws: resolved, expr, points: list as Record<string, unknown>[], field: at !== undefined ? "at" : "points" }, getQuantities());
    const lawIds = Object.fromEntries(Object.entries(resolved).map(([a, l]) => [a, l.id]));
    return ok(
      at !== undefined
        ? { expr, laws: lawIds, variables: result.variables, at, value: result.values[0] ?? null, output: result.output, warnings: result.warnings }
        : { expr, laws: lawIds, variables: result.variables, count: result.values.length, values: result.values, output: result.output, warnings: result.warnings },
      "no-store",
    );
  });
}
