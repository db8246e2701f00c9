import { combine } from "@/lib/combine";
import type { Law } from "@/lib/law";
import { handle, reply } from "@/app/_lib/respond";
import { findLaw, getQuantities } from "@/app/_lib/lookup";
import { readBody, readQuery } from "@/app/_lib/api/request";
import { routes } from "@/app/_lib/api/routes";
import { combinationSchema } from "@/app/_lib/api/schemas";

const contract = routes["/api/v1/combine"].post;

/**
 * POST /api/v1/combine { laws: {alias: lawId}, expr, at: {var: value} }
 * (or points: [{...}] for a batch): an expression over laws from different papers.
 */
export function POST(req: Request) {
  return handle(async () => {
    readQuery(req, contract.query);
    const { laws, expr, at, points } = await readBody(req, contract.body);
    const resolved: Record<string, Law> = Object.create(null);
    for (const [alias, id] of Object.entries(laws)) resolved[alias] = findLaw(id, `laws.${alias.slice(0, 40)}`);
    const result = combine({ laws: resolved, expr, points: at !== undefined ? [at] : (points ?? []), field: at !== undefined ? "at" : "points" }, getQuantities());
    const lawIds = Object.fromEntries(Object.entries(resolved).map(([a, l]) => [a, l.id]));
    const common = { expr, laws: lawIds, variables: result.variables, output: result.output, warnings: result.warnings };
    return reply(
      combinationSchema,
      at !== undefined ? { ...common, at, value: result.values[0] ?? null } : { ...common, count: result.values.length, values: result.values },
      "no-store",
    );
  });
}
