/**
 * The fit request as notebooks, the /fit page and its no-JavaScript form send
 * it: one zod schema (the OpenAPI entry of POST /api/v1/fit is generated from
 * it), turned into a fit problem against a registry law or a caller's
 * expression, with the work budget checked before anything runs.
 */
import { z } from "zod";
import { zip } from "../arrays";
import { lossSchema } from "../content/schema";
import { ExprError, parse, symbolsOf } from "../expr";
import { LawdexError, invalid, requestIssue, tooLarge } from "../errors";
import { type FitProblem, MAX_FREE, gridStarts } from "./engine";
import type { FitOutcome } from "./run";
import { own } from "../records";
import { buildProgram } from "./program";

export const LIMITS = {
  points: 100_000,
  starts: 10_000,
  bootstrap: 10_000,
  gridValues: 100,
  predict: 10_000,
  /** points × (starts + resamples) × operations per point */
  work: 50_000_000,
  bodyBytes: 8 * 1024 * 1024,
} as const;

const symbol = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, "must be a name like N, alpha or C_min");
const finite = z.number();

export const fitRequestSchema = z
  .strictObject({
    law: z.string().min(1).max(200).optional().describe('A registry law id, e.g. "hoffmann-2022-chinchilla/loss-nd"'),
    expr: z.string().min(1).max(2000).optional().describe("Or an expression in the engine's syntax (+ - * / ^, exp, log, ...)"),
    free: z
      .array(symbol)
      .min(1)
      .max(MAX_FREE)
      .optional()
      .describe("With expr: the coefficients to fit. With law: which coefficients to fit (default all; the rest are held at the published values)"),
    output: symbol.optional().describe("With expr: the column fitted (default: the one data column the expression does not use)"),
    data: z
      .record(symbol, z.array(finite).max(LIMITS.points))
      .describe("Columns named by the law's input and output symbols, in the law's units; one value per point"),
    objective: z
      .strictObject({
        loss: lossSchema.default("huber-log"),
        delta: z.number().positive().default(1e-3).describe("Huber δ (huber-log only)"),
      })
      .default({ loss: "huber-log", delta: 1e-3 }),
    log: z.array(symbol).default([]).describe("Coefficients fitted as their natural logs (a = log A); grid values are then logs"),
    lse: z.boolean().default(false).describe("Evaluate a sum of terms as log-sum-exp of their logs (as Hoffmann et al. and Besiroglu et al. do)"),
    starts: z
      .union([
        z.literal("published"),
        z.strictObject({ grid: z.record(symbol, z.array(finite).min(1).max(LIMITS.gridValues)) }),
        z.strictObject({ points: z.array(z.record(symbol, finite)).min(1).max(LIMITS.starts) }),
      ])
      .optional()
      .describe('Starts in the fitted parametrisation: "published" (default for laws with coefficients), a grid (every combination) or listed points'),
    bounds: z
      .record(symbol, z.tuple([finite.nullable(), finite.nullable()]))
      .optional()
      .describe("[lower, upper] per coefficient in the law's own parametrisation (null for none)"),
    bootstrap: z.number().int().min(0).max(LIMITS.bootstrap).default(0).describe("Resamples for standard errors, intervals and covariance"),
    seed: z.number().int().min(0).max(4294967295).default(42),
    predict: z
      .record(symbol, z.array(finite).min(1).max(LIMITS.predict))
      .optional()
      .describe("Inputs at which to predict with the fitted law (with intervals when bootstrapped)"),
  })
  .describe("A fit of a law's free coefficients to points");

export type FitRequest = z.infer<typeof fitRequestSchema>;
export type FitRequestInput = z.input<typeof fitRequestSchema>;

const estimate = z.object({
  value: z.number(),
  se: z.number().nullable(),
  interval: z.tuple([z.number(), z.number()]).nullable(),
  published: z.number().nullable().describe("The registry's value for this coefficient, when the law has one"),
});

export const fitResponseSchema = z.object({
  law: z.string().nullable(),
  expr: z.string(),
  inputs: z.array(z.string()),
  output: z.string(),
  coefficients: z.record(z.string(), estimate).describe("In the law's own parametrisation (A, not log A); held coefficients included"),
  fixed: z.array(z.string()),
  objective: z.object({ loss: z.string(), delta: z.number().nullable(), value: z.number() }),
  covariance: z.object({ order: z.array(z.string()), matrix: z.array(z.array(z.number())) }).nullable(),
  bootstrap: z.object({ resamples: z.number(), failed: z.number(), seed: z.number(), level: z.number() }).nullable(),
  diagnostics: z.object({
    points: z.number(),
    starts: z.number(),
    starts_converged: z.number(),
    starts_failed: z.number(),
    starts_at_best: z.number().describe("Starts that ended at the best optimum (objective within 1e-4 and every coefficient within 1%, relative)"),
    second_best: z.number().nullable().describe("The best objective among starts that ended with some coefficient more than 10% away from the best fit"),
    evaluations: z.number(),
    r2_log: z.number().nullable(),
    rmse_log: z.number().nullable(),
    ms: z.number(),
    warnings: z.array(z.string()),
  }),
  fitted: z.array(z.number()),
  residuals: z.array(z.number()).describe("log y − log f for log objectives, y − f for mse"),
  predictions: z
    .object({
      inputs: z.record(z.string(), z.array(z.number())),
      values: z.array(z.number()),
      intervals: z.array(z.tuple([z.number(), z.number()]).nullable()),
    })
    .nullable(),
});
export type FitResponse = z.infer<typeof fitResponseSchema>;

/** The first schema problem as a 400 naming the field the caller sent (`data.N[3]`, `starts.grid.alpha`). */
export function parseFitRequest(body: unknown): FitRequest {
  const r = fitRequestSchema.safeParse(body);
  if (r.success) return r.data;
  throw requestIssue(r.error.issues, (issue, field) => (issue.path[0] === "data" ? `${field}: at most ${LIMITS.points} points per fit` : undefined));
}

export interface PreparedRequest {
  problem: FitProblem;
  bootstrap: number;
  seed: number;
  /** Published values of the law's coefficients (for the answer), if any. */
  published: Map<string, number>;
  /** Operations of work the request asks for (see LIMITS.work). */
  work: number;
}

/**
 * Builds the fit problem: law or expression, inputs and output from the
 * data columns, free and held coefficients, starts, bounds. Throws 400/404/
 * 413/422 naming the field.
 */
/** What a fit needs of a law: the registry's Law has it, and so does the catalogue the /fit page sends the browser. */
export interface FitLaw {
  id: string;
  expr: string;
  inputs: readonly { symbol: string; quantity: string; unit: string }[];
  output: { symbol: string; quantity: string; unit: string; dataset?: string | null };
  coefficients: readonly { symbol: string; value: number }[];
  free?: readonly { symbol: string }[] | null;
}

export function prepareRequest(req: FitRequest, law: FitLaw | null): PreparedRequest {
  if ((req.law === undefined) === (req.expr === undefined)) throw invalid("law", 'give exactly one of "law" (a registry law id) or "expr" (an expression)');
  let expr: string;
  let inputs: string[];
  let output: string;
  let coefficients: string[];
  const published = new Map<string, number>();
  if (law) {
    expr = law.expr;
    inputs = law.inputs.map((i) => i.symbol);
    output = law.output.symbol;
    coefficients = law.free ? law.free.map((f) => f.symbol) : law.coefficients.map((c) => c.symbol);
    for (const c of law.coefficients) published.set(c.symbol, c.value);
    if (req.output !== undefined && req.output !== output) throw invalid("output", `the output of ${law.id} is ${output}`);
  } else {
    // the route resolves a law id to its law (or answers 404) before it gets here
    if (req.expr === undefined) throw new Error(`prepareRequest: law ${req.law} was not given with the law it names`);
    expr = req.expr;
    let used: string[];
    try {
      used = symbolsOf(parse(expr));
    } catch (e) {
      if (e instanceof ExprError) throw invalid("expr", e.message);
      throw e;
    }
    if (!req.free) throw invalid("free", 'with "expr", name the coefficients to fit in "free"');
    coefficients = req.free;
    for (const s of coefficients) if (!used.includes(s)) throw new LawdexError(422, "unfittable", "free", `${s} does not appear in the expression`);
    const columns = Object.keys(req.data);
    const unusedColumns = columns.filter((c) => !used.includes(c));
    const [unused] = unusedColumns;
    if (req.output !== undefined) output = req.output;
    else if (unused !== undefined && unusedColumns.length === 1) output = unused;
    else throw invalid("output", `name the output column: ${unusedColumns.length === 0 ? "every data column appears in the expression" : `${unusedColumns.join(", ")} do not appear in the expression`}`);
    inputs = used.filter((s) => !coefficients.includes(s));
    for (const s of inputs) if (!columns.includes(s)) throw invalid(`data.${s}`, `missing column ${s}: ${s} is in the expression but is neither a free coefficient nor a data column`);
  }
  for (const key of Object.keys(req.data)) {
    if (key !== output && !inputs.includes(key)) throw invalid(`data.${key}`, `unknown column ${key}: the columns are ${[...inputs, output].join(", ")}`);
  }
  const column = (s: string) => {
    const c = own(req.data, s);
    if (c === undefined) throw invalid(`data.${s}`, `missing column ${s}`);
    return c;
  };
  const xColumns = inputs.map(column);
  const yColumn = column(output);
  const n = yColumn.length;
  for (const [s, col] of zip(inputs, xColumns)) {
    const len = col.length;
    if (len !== n) throw invalid(`data.${s}`, `data.${s} has ${len} values but data.${output} has ${n}; give one value per point in every column`);
  }

  const free = req.free ?? coefficients;
  for (const [i, s] of free.entries()) if (!coefficients.includes(s)) throw invalid(`free[${i}]`, `${s} is not a coefficient of ${law ? law.id : "the expression"} (${coefficients.join(", ")})`);
  const held = coefficients.filter((s) => !free.includes(s));
  const fixed: Record<string, number> = {};
  for (const s of held) {
    const v = published.get(s);
    if (v === undefined) throw invalid("free", `${s} is not fitted and has no published value to hold it at`);
    fixed[s] = v;
  }
  req.log.forEach((s, i) => {
    if (!free.includes(s)) throw invalid(`log[${i}]`, `${s} is not a fitted coefficient (${free.join(", ")})`);
  });
  for (const s of Object.keys(req.bounds ?? {})) if (!free.includes(s)) throw invalid(`bounds.${s}`, `${s} is not a fitted coefficient`);
  const isLog = (s: string) => req.log.includes(s);

  let starts: number[][];
  const startsSpec = req.starts ?? (published.size > 0 ? "published" : undefined);
  if (startsSpec === undefined) throw invalid("starts", "this form has no published values to start from: give starts.grid or starts.points");
  if (startsSpec === "published") {
    starts = [
      free.map((s) => {
        const v = published.get(s);
        if (v === undefined) throw invalid("starts", `${s} has no published value to start from: give starts.grid or starts.points`);
        return isLog(s) ? Math.log(v) : v;
      }),
    ];
  } else if ("grid" in startsSpec) {
    const grid = startsSpec.grid;
    for (const s of Object.keys(grid)) if (!free.includes(s)) throw invalid(`starts.grid.${s}`, `${s} is not a fitted coefficient (${free.join(", ")})`);
    const axes = free.map((s) => {
      const values = own(grid, s);
      if (values === undefined) throw invalid(`starts.grid`, `missing values for ${s}`);
      return values;
    });
    const count = axes.reduce((k, values) => k * values.length, 1);
    if (count > LIMITS.starts) throw tooLarge("starts.grid", `the grid has ${count} starts; at most ${LIMITS.starts}`);
    starts = gridStarts(axes);
  } else {
    starts = startsSpec.points.map((p, i) => {
      for (const s of Object.keys(p)) if (!free.includes(s)) throw invalid(`starts.points[${i}].${s}`, `${s} is not a fitted coefficient`);
      return free.map((s) => {
        const v = Object.hasOwn(p, s) ? p[s] : undefined;
        if (v === undefined) throw invalid(`starts.points[${i}]`, `missing a start for ${s}`);
        return v;
      });
    });
  }

  const problem: FitProblem = {
    expr,
    inputs,
    output,
    free: free.map((s) => {
      const b = req.bounds && Object.hasOwn(req.bounds, s) ? req.bounds[s] : undefined;
      return { symbol: s, log: isLog(s), ...(b && b[0] !== null ? { lower: b[0] } : {}), ...(b && b[1] !== null ? { upper: b[1] } : {}) };
    }),
    fixed,
    objective: { loss: req.objective.loss, delta: req.objective.delta },
    lse: req.lse,
    starts,
    x: xColumns.map((c) => Float64Array.from(c)),
    y: Float64Array.from(yColumn),
  };
  if (req.predict) {
    for (const s of Object.keys(req.predict)) if (!inputs.includes(s)) throw invalid(`predict.${s}`, `${s} is not an input (${inputs.join(", ")})`);
    const lens = (predictColumns(req, problem) ?? []).map((col) => col.length);
    if (lens.some((l) => l !== lens[0])) throw invalid("predict", "every predict column needs the same number of values");
  }
  const work = n * (starts.length + req.bootstrap) * operations(problem);
  if (work > LIMITS.work) {
    throw tooLarge(
      "starts",
      `this fit asks for ${formatWork(work)} operations (${n} points × (${starts.length} starts + ${req.bootstrap} resamples) × ${operations(problem)} operations per point); the budget is ${formatWork(LIMITS.work)}: send fewer points, starts or resamples`,
    );
  }
  return { problem, bootstrap: req.bootstrap, seed: req.seed, published, work };
}

function formatWork(w: number): string {
  return w.toExponential(2).replace("e+", "e");
}

/** Operations per point of the compiled objective (validates the expression against its names). */
export function operations(problem: FitProblem): number {
  try {
    const symbols = new Set([...problem.inputs, ...problem.free.map((f) => f.symbol), ...Object.keys(problem.fixed)]);
    const tree = parse(problem.expr);
    for (const s of symbolsOf(tree)) if (!symbols.has(s)) throw new ExprError(`Unknown name "${s}"`, null);
    const logTarget = problem.objective.loss !== "mse";
    return buildProgram(tree, {
      inputs: problem.inputs,
      params: problem.free.map((f) => ({ symbol: f.symbol, log: f.log })),
      constants: new Map(Object.entries(problem.fixed)),
      lse: problem.lse && logTarget,
      target: logTarget ? "log" : "raw",
    }).perPoint;
  } catch (e) {
    if (e instanceof ExprError) throw invalid("expr", e.message);
    throw e;
  }
}

/** The inputs of `predict` as one column per input of the problem (its order), for the fit's summary stage; a 400 for a missing one. */
export function predictColumns(req: FitRequest, problem: FitProblem): number[][] | null {
  const predict = req.predict;
  if (!predict) return null;
  return problem.inputs.map((s) => {
    const col = own(predict, s);
    if (col === undefined) throw invalid(`predict.${s}`, `missing predict.${s}`);
    return col;
  });
}

/** The answer: coefficients in the law's parametrisation with published values beside, diagnostics, predictions. */
export function present(req: FitRequest, prepared: PreparedRequest, outcome: FitOutcome, lawId: string | null): FitResponse {
  const { problem, published } = prepared;
  const { summary, optimum } = outcome;
  const coefficients: FitResponse["coefficients"] = {};
  for (const [s, e] of Object.entries(summary.coefficients)) coefficients[s] = { ...e, published: published.get(s) ?? null };
  for (const [s, v] of Object.entries(problem.fixed)) coefficients[s] = { value: v, se: null, interval: null, published: v };
  const warnings: string[] = [];
  if (optimum.startsTotal > 1 && optimum.startsAtBest === 1) warnings.push("only one start reached the best optimum: the fit depends on where it starts; try more starts");
  if (optimum.secondBest !== null && optimum.secondBest <= summary.objective * 1.001) {
    warnings.push("another start ended within 0.1% of the best objective with coefficients more than 10% away: the data determine the coefficients weakly (a flat valley or a second optimum)");
  }
  if (optimum.startsFailed > 0) warnings.push(`${optimum.startsFailed} start(s) gave no finite objective (the law is not defined there on these data) and were skipped`);
  if (summary.bootstrap && summary.bootstrap.failed > 0) warnings.push(`${summary.bootstrap.failed} bootstrap resample(s) failed to fit and were left out`);
  const columns = predictColumns(req, problem);
  const predictions: FitResponse["predictions"] =
    columns && outcome.predictions
      ? { inputs: Object.fromEntries(zip(problem.inputs, columns)), values: outcome.predictions.values, intervals: outcome.predictions.intervals }
      : null;
  return {
    law: lawId,
    expr: problem.expr,
    inputs: problem.inputs,
    output: problem.output,
    coefficients,
    fixed: Object.keys(problem.fixed),
    objective: { loss: problem.objective.loss, delta: problem.objective.loss === "huber-log" ? problem.objective.delta : null, value: summary.objective },
    covariance: summary.covariance ? { order: summary.order, matrix: summary.covariance } : null,
    bootstrap: summary.bootstrap,
    diagnostics: {
      points: problem.y.length,
      starts: optimum.startsTotal,
      starts_converged: optimum.startsConverged,
      starts_failed: optimum.startsFailed,
      starts_at_best: optimum.startsAtBest,
      second_best: optimum.secondBest,
      evaluations: optimum.evaluations,
      r2_log: summary.r2Log,
      rmse_log: summary.rmseLog,
      ms: Math.round(outcome.ms),
      warnings,
    },
    fitted: summary.fitted,
    residuals: summary.residuals,
    predictions,
  };
}
