import { invalid } from "@/lib/errors";
import { annealingAreas, lossCurve, parseScheduleRequest, scheduleLength, takesAreas } from "@/lib/schedule";
import { handle, readJson, reply } from "@/app/_lib/respond";
import { readQuery } from "@/app/_lib/api/request";
import { routes } from "@/app/_lib/api/routes";
import { scheduleResultSchema } from "@/app/_lib/api/schemas";
import { findLaw } from "@/app/_lib/lookup";

const contract = routes["/api/v1/schedule"].post;

/**
 * POST /api/v1/schedule: the forward and annealing areas S1 and S2 of a
 * learning-rate schedule (Tissue et al. 2024, Eqs. 1 and 5) at up to 1000
 * steps, and, given a law whose inputs are S_1 and S_2, its predicted loss at
 * each of them:
 *   { "schedule": { "kind": "cosine", "steps": 20000, "eta_max": 2e-4 },
 *     "law": "tissue-2024-annealing/loss-step", "points": 50 }
 * Schedules: constant, cosine (to eta_min), wsd (decay_steps, cosine or
 * linear decay), or rates (the rate of every step, up to 100,000). Work is
 * linear in the steps, at most 2,000,000.
 */
export function POST(req: Request) {
  return handle(async () => {
    readQuery(req, contract.query);
    // lib/schedule parses it with the contract's schema, naming the schedule kinds when none fits
    const request = parseScheduleRequest(await readJson(req, contract.body.maxBytes));
    const law = request.law !== undefined ? findLaw(request.law) : null;
    if (law && (law.free || !takesAreas(law))) {
      throw invalid(
        "law",
        law.free
          ? `${law.id} is a form without coefficients; choose a variant with fitted values`
          : `${law.id} takes ${law.inputs.map((i) => i.symbol).join(", ")}, not the schedule areas S_1 and S_2`,
      );
    }
    const areas = annealingAreas(request.schedule, { lambda: request.lambda, points: request.points, at: request.at });
    const warnings: string[] = [];
    let prediction: { id: string; output: { symbol: string; quantity: string; unit: string }; values: (number | null)[] } | null = null;
    if (law) {
      const values = lossCurve(law, areas);
      const gaps = values.filter((v) => v === null).length;
      if (gaps) warnings.push(`${law.id} gives no finite value at ${gaps} of ${values.length} steps (S_1 = 0 before any learning-rate step)`);
      warnings.push(
        `${law.id} is one run's fit (${law.variant?.label ?? law.name}); learning rates enter S_1 and S_2 in absolute units, so it predicts other runs only at that model, data and learning-rate scale`,
      );
      prediction = { id: law.id, output: { symbol: law.output.symbol, quantity: law.output.quantity, unit: law.output.unit }, values };
    }
    return reply(
      scheduleResultSchema,
      { schedule: { kind: request.schedule.kind, steps: scheduleLength(request.schedule) }, lambda: request.lambda, ...areas, law: prediction, warnings },
      "no-store",
    );
  });
}
