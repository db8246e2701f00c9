/**
 * Fits for the API and the /fit form: validated on the request thread
 * (cheap), run in the server's worker pool (never on the event loop), within
 * the budget of lib/fit/request.ts and a wall-clock limit.
 */
import { NodePool } from "@/lib/fit/node-pool";
import { type FitRequest, type FitResponse, predictColumns, prepareRequest, present } from "@/lib/fit/request";
import { findLaw } from "./lookup";

const g = globalThis as unknown as { __lawdexFitPool?: NodePool };

/** One pool per server process: LAWDEX_FIT_WORKERS threads (default 1, leaving a core to serve requests). */
export function fitPool(): NodePool {
  g.__lawdexFitPool ??= new NodePool({
    size: Number(process.env.LAWDEX_FIT_WORKERS ?? 1) || 1,
    maxQueue: 8,
    timeoutMs: 60_000,
  });
  return g.__lawdexFitPool;
}

export async function runFit(req: FitRequest): Promise<FitResponse> {
  const law = req.law !== undefined ? findLaw(req.law) : null;
  const prepared = prepareRequest(req, law);
  const options = { bootstrap: prepared.bootstrap, seed: prepared.seed, predict: predictColumns(req, prepared.problem) ?? undefined };
  const result = await fitPool().run({ kind: "fit", problem: prepared.problem, options });
  if (result.kind !== "fit") throw new Error("the fit worker answered another task");
  return present(req, prepared, result.outcome, law?.id ?? null);
}
