/**
 * Running a fit: the stages of lib/fit/engine.ts as tasks that a runner can
 * hand to worker threads (Node), Web Workers (browser) or run in place, and
 * the orchestration that splits starts and bootstrap resamples into chunks
 * and merges them. Results do not depend on how the work was split.
 */
import {
  type Compiled,
  type FitProblem,
  type FitSummary,
  type Optimum,
  type StartResult,
  bestOf,
  checkIdentifiable,
  compileProblem,
  runBootstrap,
  runStarts,
  summarise,
} from "./engine";

export type Task =
  | { kind: "starts"; problem: FitProblem; from: number; to: number }
  | { kind: "bootstrap"; problem: FitProblem; optimum: number[]; seed: number; from: number; to: number }
  /** The whole fit in one place (the server runs each request's fit in one worker). */
  | { kind: "fit"; problem: FitProblem; options: FitOptions };

export type TaskResult =
  | { kind: "starts"; results: StartResult[] }
  | { kind: "bootstrap"; thetas: (number[] | null)[] }
  | { kind: "fit"; outcome: FitOutcome };

/** Progress in units of work done (starts and resamples finished). */
export type Progress = (done: number) => void;

export interface Runner {
  /** How many tasks it runs at once. */
  readonly parallelism: number;
  run(task: Task, onProgress?: Progress): Promise<TaskResult>;
}

export interface FitOptions {
  bootstrap: number;
  seed: number;
}

export interface FitOutcome {
  optimum: Optimum;
  summary: FitSummary;
  ms: number;
}

/** Runs one task in the calling thread (workers call this; so do tests and small fits). */
export function handleTask(task: Task, onProgress?: Progress): TaskResult {
  switch (task.kind) {
    case "starts": {
      const c = compileProblem(task.problem);
      return { kind: "starts", results: runStarts(c, task.from, task.to, onProgress) };
    }
    case "bootstrap": {
      const c = compileProblem(task.problem);
      return { kind: "bootstrap", thetas: runBootstrap(c, task.optimum, task.seed, task.from, task.to, onProgress) };
    }
    case "fit": {
      const t0 = performance.now();
      const c = prepare(task.problem);
      const results = runStarts(c, 0, task.problem.starts.length, onProgress);
      const optimum = bestOf(c, results);
      const boot =
        task.options.bootstrap > 0
          ? runBootstrap(c, optimum.p, task.options.seed, 0, task.options.bootstrap, (d) => onProgress?.(task.problem.starts.length + d))
          : null;
      return { kind: "fit", outcome: { optimum, summary: summarise(c, optimum, boot, task.options.seed), ms: performance.now() - t0 } };
    }
  }
}

/** Validates, compiles and checks identifiability: every refusal happens here, before any work. */
export function prepare(problem: FitProblem): Compiled {
  const c = compileProblem(problem);
  checkIdentifiable(c);
  return c;
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
  const c = prepare(problem);
  const total = problem.starts.length + options.bootstrap;
  const parts = runner.parallelism;
  const progress = new Map<number, number>();
  const report = (key: number) => (d: number) => {
    progress.set(key, d);
    let sum = 0;
    for (const v of progress.values()) sum += v;
    onProgress?.(sum, total);
  };
  const startChunks = chunks(problem.starts.length, parts * 4);
  const startResults = await Promise.all(
    startChunks.map(([from, to], i) =>
      runner.run({ kind: "starts", problem, from, to }, report(i)).then((r) => (r.kind === "starts" ? r.results : [])),
    ),
  );
  const optimum = bestOf(c, startResults.flat());
  let boot: (number[] | null)[] | null = null;
  if (options.bootstrap > 0) {
    const bootChunks = chunks(options.bootstrap, parts * 4);
    const parts2 = await Promise.all(
      bootChunks.map(([from, to], i) =>
        runner
          .run({ kind: "bootstrap", problem, optimum: optimum.p, seed: options.seed, from, to }, report(startChunks.length + i))
          .then((r) => (r.kind === "bootstrap" ? r.thetas : [])),
      ),
    );
    boot = parts2.flat();
  }
  return { optimum, summary: summarise(c, optimum, boot, options.seed), ms: performance.now() - t0 };
}
