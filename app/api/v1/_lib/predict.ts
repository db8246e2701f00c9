/** One prediction with its interval, from query values: GET .../laws/{paper}/{law}/predict and GET /api/v1/predict?law=. */
import { applyUnits } from "@/lib/inputs";
import type { StoredLaw } from "@/db/queries";
import { evaluate, parseInputs } from "@/lib/law";
import { valueIntervals } from "@/lib/uncertainty";
import { reply } from "@/app/_lib/respond";
import { getQuantities } from "@/app/_lib/lookup";
import { predictionSchema } from "@/app/_lib/api/schemas";
import { predictionJson } from "./present";

/** `query`: the law's inputs as its query schema read them (numbers, each with an optional `<symbol>.unit`). */
export function predictResponse(found: StoredLaw, query: Readonly<Record<string, unknown>>): Response {
  const raw = applyUnits(found, query, getQuantities());
  const prediction = evaluate(found, raw);
  const x = parseInputs(found, raw);
  // the interval needs only values: no range report or precision for each perturbed copy of the law
  const interval = valueIntervals(found)?.(x, prediction.value) ?? null;
  return reply(predictionSchema, { ...predictionJson(found, prediction), interval }, "public, max-age=3600");
}
