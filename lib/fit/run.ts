/**
 * Running a fit: the stages of lib/fit/engine.ts as tasks that a runner can
 * hand to worker threads (Node), Web Workers (browser) or run in place, and
 * the orchestration that splits starts and bootstrap resamples into chunks
 * and merges them. Every stage that compiles code (validation, the starts,
 * the polish, the summary) runs inside the runner, so the calling thread
 * (a server's event loop, a page under a no-eval policy) only merges
 * results. Results do not depend on how the work was split.
 */
import type { FitOutcome } from "./outcome";
export type { FitOutcome };
import { type CompareRequest, type CompareResult, compare } from "../compare";
import type { Quantity } from "../content/schema";
import { Quantities } from "../quantities";
import {
  type Compiled,
  type FitProblem,
  type FitSummary,
  type Optimum,
  type Predictions,
  type StartResult,
  bestOf,
  checkIdentifiable,
  compileProblem,
  predictMany,
  runBootstrap,
  runStarts,
  summarise,
  toLaw,
} from "./engine";

export interface FitOptions {
  bootstrap: number;
  seed: number;
  /** Points at which to predict with the fitted law: one column per input, in the problem's input order. */
  predict?: number[][];
}


export type Task =
  | { kind: "check"; problem: FitProblem }
  | { kind: "starts"; problem: FitProblem; from: number; to: number }
  | { kind: "best"; problem: FitProblem; results: StartResult[] }
  | { kind: "bootstrap"; problem: FitProblem; optimum: number[]; seed: number; from: number; to: number }
  | { kind: "summary"; problem: FitProblem; optimum: Optimum; boot: (number[] | null)[] | null; seed: number; predict: number[][] | null }
  /** The whole fit in one place (the server runs each request's fit in one worker). */
  | { kind: "fit"; problem: FitProblem; options: FitOptions }
  /** A comparison too costly for the request thread (frontiers with intervals): the same lib/compare, off the event loop. */
  | { kind: "compare"; request: CompareRequest; quantities: Quantity[] };

export type TaskResult =
  | { kind: "check" }
  | { kind: "starts"; results: StartResult[] }
  | { kind: "best"; optimum: Optimum }
  | { kind: "bootstrap"; thetas: (number[] | null)[] }
  | { kind: "summary"; summary: FitSummary; predictions: Predictions | null }
  | { kind: "fit"; outcome: FitOutcome }
  | { kind: "compare"; result: CompareResult };

/** Progress in units of work done (starts and resamples finished). */
export type Progress = (done: number) => void;

/** A task waiting for or running in a pool's worker (node-pool.ts, browser-pool.ts). */
export interface PoolJob {
  id: number;
  task: Task;
  onProgress?: Progress;
  resolve: (r: TaskResult) => void;
  reject: (e: Error) => void;
}

export interface Runner {
  /** How many tasks it runs at once. */
  readonly parallelism: number;
  run(task: Task, onProgress?: Progress): Promise<TaskResult>;
}

/**
 * Compiled problems kept for the next task (a worker gets many chunks of one
 * fit): a freshly compiled function starts cold in the JIT, so compiling it
 * once per worker instead of once per chunk keeps every chunk fast. The key
 * covers everything that defines the problem except the starts.
 */
const compiled = new Map<string, Compiled>();

function problemKey(p: FitProblem): string {
  let h = 0x811c9dc5;
  const mix = (v: number) => {
    h = Math.imul(h ^ (v * 1e6 | 0) ^ Math.floor(v / 4294967296), 16777619) >>> 0;
  };
  for (const col of p.x) for (const v of col) mix(v);
  for (const v of p.y) mix(v);
  return JSON.stringify([p.expr, p.inputs, p.output, p.free, p.fixed, p.objective, p.lse, p.y.length, h, p.x.map((c) => c[0]), p.y[0], p.y[p.y.length - 1]]);
}

function compileCached(problem: FitProblem): Compiled {
  const key = problemKey(problem);
  const hit = compiled.get(key);
  if (hit) return { ...hit, problem };
  const c = compileProblem(problem);
  const oldest = compiled.keys().next();
  if (compiled.size >= 4 && !oldest.done) compiled.delete(oldest.value);
  compiled.set(key, c);
  return c;
}

function summaryOf(problem: FitProblem, optimum: Optimum, boot: (number[] | null)[] | null, seed: number, predict: number[][] | null) {
  const c = compileCached(problem);
  const summary = summarise(c, optimum, boot, seed);
  const predictions = predict ? predictMany(c, toLaw(c, optimum.p), summary.covariance, predict) : null;
  return { summary, predictions };
}

/** Runs one task in the calling thread (workers call this; so do tests and small fits). */
export function handleTask(task: Task, onProgress?: Progress): TaskResult {
  switch (task.kind) {
    case "check":
      checkIdentifiable(compileProblem(task.problem));
      return { kind: "check" };
    case "starts":
      return { kind: "starts", results: runStarts(compileCached(task.problem), task.from, task.to, onProgress) };
    case "best":
      return { kind: "best", optimum: bestOf(compileCached(task.problem), task.results) };
    case "bootstrap":
      return { kind: "bootstrap", thetas: runBootstrap(compileCached(task.problem), task.optimum, task.seed, task.from, task.to, onProgress) };
    case "summary":
      return { kind: "summary", ...summaryOf(task.problem, task.optimum, task.boot, task.seed, task.predict) };
    case "fit": {
      const t0 = performance.now();
      const c = compileProblem(task.problem);
      checkIdentifiable(c);
      const optimum = bestOf(c, runStarts(c, 0, task.problem.starts.length, onProgress));
      const { bootstrap, seed } = task.options;
      const boot = bootstrap > 0 ? runBootstrap(c, optimum.p, seed, 0, bootstrap, (d) => onProgress?.(task.problem.starts.length + d)) : null;
      const summary = summarise(c, optimum, boot, seed);
      const predictions = task.options.predict ? predictMany(c, toLaw(c, optimum.p), summary.covariance, task.options.predict) : null;
      return { kind: "fit", outcome: { optimum, summary, predictions, ms: performance.now() - t0 } };
    }
    case "compare":
      return { kind: "compare", result: compare(task.request, new Quantities(task.quantities)) };
  }
}

/** A runner that works in the calling thread. */
export const inlineRunner: Runner = {
  parallelism: 1,
  run: async (task, onProgress) => handleTask(task, onProgress),
};

function chunks(total: number, parts: number): [number, number][] {
  const out: [number, number][] = [];
  const size = Math.ceil(total / Math.max(1, parts));
  for (let from = 0; from < total; from += size) out.push([from, Math.min(total, from + size)]);
  return out;
}

const isKind = <K extends TaskResult["kind"]>(r: TaskResult, kind: K): r is Extract<TaskResult, { kind: K }> => r.kind === kind;

async function answer<K extends TaskResult["kind"]>(p: Promise<TaskResult>, kind: K): Promise<Extract<TaskResult, { kind: K }>> {
  const r = await p;
  if (!isKind(r, kind)) throw new Error(`a fit worker answered ${r.kind} to a ${kind} task`);
  return r;
}

/**
 * The whole fit, with starts and resamples spread over the runner's
 * workers. `onProgress(done, total)` counts finished starts then resamples.
 */
export async function fit(
  problem: FitProblem,
  options: FitOptions,
  runner: Runner = inlineRunner,
  onProgress?: (done: number, total: number) => void,
): Promise<FitOutcome> {
  const t0 = performance.now();
  await answer(runner.run({ kind: "check", problem }), "check");
  const total = problem.starts.length + options.bootstrap;
  const parts = runner.parallelism;
  const progress = new Map<number, number>();
  const report = (key: number) => (d: number) => {
    progress.set(key, d);
    let sum = 0;
    for (const v of progress.values()) sum += v;
    onProgress?.(sum, total);
  };
  // a few chunks per worker, so that a slow chunk does not leave the others idle
  const startChunks = chunks(problem.starts.length, parts > 1 ? parts * 8 : 1);
  const startResults = await Promise.all(
    startChunks.map(([from, to], i) => answer(runner.run({ kind: "starts", problem, from, to }, report(i)), "starts").then((r) => r.results)),
  );
  const { optimum } = await answer(runner.run({ kind: "best", problem, results: startResults.flat() }), "best");
  let boot: (number[] | null)[] | null = null;
  if (options.bootstrap > 0) {
    const bootChunks = chunks(options.bootstrap, parts > 1 ? parts * 8 : 1);
    const pieces = await Promise.all(
      bootChunks.map(([from, to], i) =>
        answer(runner.run({ kind: "bootstrap", problem, optimum: optimum.p, seed: options.seed, from, to }, report(startChunks.length + i)), "bootstrap").then((r) => r.thetas),
      ),
    );
    boot = pieces.flat();
  }
  const { summary, predictions } = await answer(
    runner.run({ kind: "summary", problem, optimum, boot, seed: options.seed, predict: options.predict ?? null }),
    "summary",
  );
  return { optimum, summary, predictions, ms: performance.now() - t0 };
}
