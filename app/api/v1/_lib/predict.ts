/** One prediction with its interval, from query values: GET .../laws/{paper}/{law}/predict and GET /api/v1/predict?law=. */
import { applyUnits } from "@/lib/inputs";
import type { StoredLaw } from "@/db/queries";
import { evaluate, parseInputs } from "@/lib/law";
import { valueIntervals } from "@/lib/uncertainty";
import { ok } from "@/app/_lib/respond";
import { getQuantities } from "@/app/_lib/lookup";
import { predictionJson } from "./present";

export function predictResponse(found: StoredLaw, query: Record<string, string>): Response {
  const raw = applyUnits(found, query, getQuantities());
  const prediction = evaluate(found, raw);
  const x = parseInputs(found, raw);
  // the interval needs only values: no range report or precision for each perturbed copy of the law
  const interval = valueIntervals(found)?.(x, prediction.value) ?? null;
  return ok({ ...predictionJson(found, prediction), interval }, "public, max-age=3600");
}
