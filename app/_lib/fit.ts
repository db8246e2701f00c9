/**
 * Fits for the API and the /fit form: validated on the request thread
 * (cheap), run in the server's worker pool (never on the event loop), within
 * the budget of lib/fit/request.ts and a wall-clock limit.
 */
import { NodePool } from "@/lib/fit/node-pool";
import { inlineRunner } from "@/lib/fit/run";
import { type FitRequest, type FitResponse, predictColumns, prepareRequest, present } from "@/lib/fit/request";
import { findLaw } from "./lookup";

declare global {
  // on globalThis, not in this module: Next may load the module once per route bundle, and the process wants one pool
  var __lawdexFitPool: NodePool | undefined;
}

/** One pool per server process: LAWDEX_FIT_WORKERS threads (default 1, leaving a core to serve requests). */
export function fitPool(): NodePool {
  globalThis.__lawdexFitPool ??= new NodePool({
    size: Number(process.env.LAWDEX_FIT_WORKERS ?? 1) || 1,
    maxQueue: 8,
    timeoutMs: 60_000,
  });
  return globalThis.__lawdexFitPool;
}

/**
 * A fit this small (a start or two on a few dozen points: about 10 µs of the
 * request thread per unit, so at most ~20 ms) runs where it is asked:
 * queueing it behind a costly fit in the pool would make it wait seconds for
 * milliseconds of work.
 */
export const INLINE_FIT_WORK = 2_000;

export async function runFit(req: FitRequest): Promise<FitResponse> {
  const law = req.law !== undefined ? findLaw(req.law) : null;
  const prepared = prepareRequest(req, law);
  const options = { bootstrap: prepared.bootstrap, seed: prepared.seed, predict: predictColumns(req, prepared.problem) ?? undefined };
  const task = { kind: "fit" as const, problem: prepared.problem, options };
  const result = prepared.work <= INLINE_FIT_WORK ? await inlineRunner.run(task) : await fitPool().run(task);
  if (result.kind !== "fit") throw new Error("the fit worker answered another task");
  return present(req, prepared, result.outcome, law?.id ?? null);
}
