/**
 * Refits from released data: a law's refit check turned into a fit problem
 * (the paper's columns, subset, objective, parametrisation and starts), run
 * by lib/fit, and judged against what the paper published: coefficients, the
 * objective, or printed prediction errors. A refit whose data file is absent
 * or differs is "not checked", never passed.
 */
import { z } from "zod";
import { zip } from "./arrays";
import type { RefitCheck } from "./content/schema";
import { type DatasetTable, rowByLabel, selectRows } from "./datasets";
import { type FitProblem, gridStarts, lawKernel, pointsOf } from "./fit/engine";
import { type FitOutcome, type Runner, fit } from "./fit/run";
import type { Law } from "./law";
import { own } from "./records";

/**
 * What a refit gave, as the build stores it (refits.outcome) and pages read it
 * back: a schema, so that the stored JSON is parsed rather than trusted. JSON
 * has no NaN: a number the fit could not give (a coefficient missing from its
 * answer) is stored as null and read back as NaN, as it was computed.
 */
const computed = z.union([z.number(), z.null().transform(() => Number.NaN)]);

export const refitStatusSchema = z.enum(["reproduces", "discrepancy", "differs", "data-absent", "data-mismatch"]);
export type RefitStatus = z.infer<typeof refitStatusSchema>;

export const refitComparisonSchema = z.strictObject({
  /** What is compared: a coefficient symbol, "objective", or "prediction <row>". */
  what: z.string(),
  expected: computed,
  actual: computed,
  /** |actual − expected| / |expected|. */
  relError: computed,
  tolerance: z.string(),
  within: z.boolean(),
  source: z.string().optional(),
});
export type RefitComparison = z.infer<typeof refitComparisonSchema>;

export const refitPointsSchema = z.strictObject({
  labels: z.array(z.string()).nullable(),
  /** Input symbol → values, in the law's units. */
  inputs: z.record(z.string(), z.array(computed)),
  /** Measured output. */
  y: z.array(computed),
  /** The refit's prediction at each point. */
  refit: z.array(computed),
  /** The published coefficients' prediction (null for a form-only law). */
  published: z.array(computed).nullable(),
});
export type RefitPoints = z.infer<typeof refitPointsSchema>;

export const refitOutcomeSchema = z.strictObject({
  dataset: z.string(),
  subset: z.string().nullable(),
  status: refitStatusSchema,
  /** Holds: reproduces as expected, or a documented discrepancy still differs. Never true without data. */
  passed: z.boolean(),
  /** One sentence for the page: "reproduces …", "differs by …", "not checked: data not present". */
  summary: z.string(),
  /** The refit's coefficients in the law's parametrisation (fixed ones included), or null without data. */
  coefficients: z.record(z.string(), computed).nullable(),
  fixed: z.array(z.string()),
  objective: computed.nullable(),
  comparisons: z.array(refitComparisonSchema),
  diagnostics: z
    .strictObject({
      points: z.number(),
      starts: z.number(),
      startsConverged: z.number(),
      startsAtBest: z.number(),
      secondBest: computed.nullable(),
      evaluations: z.number(),
      r2Log: computed.nullable(),
      ms: z.number(),
    })
    .nullable(),
  /** The data beside the law, for charts and tables. */
  points: refitPointsSchema.nullable(),
});
export type RefitOutcome = z.infer<typeof refitOutcomeSchema>;

function formatRel(x: number): string {
  if (x === 0) return "0";
  const pct = x * 100;
  return pct >= 0.1 ? `${pct.toPrecision(2)}%` : `${pct.toExponential(1)}%`;
}

const tolText = (t: { rel_tol?: number; abs_tol?: number }) => (t.abs_tol !== undefined ? `±${t.abs_tol}` : `±${formatRel(t.rel_tol ?? 0)}`);

/** The fit problem of a refit on a verified table (throws for a refit that does not fit its data). */
export function refitProblem(law: Law, refit: RefitCheck, table: DatasetTable): { problem: FitProblem; rows: number[] } {
  const rows = selectRows(table, refit.subset);
  const column = (symbol: string): Float64Array => {
    const name = columnFor(refit, symbol, table);
    const col = table.numbers.get(name);
    if (!col) throw new Error(`column ${name} (for ${symbol}) is not a numeric column of ${table.dataset.id}`);
    const decl = table.dataset.columns.find((c) => c.name === name);
    const io = symbol === law.output.symbol ? law.output : law.inputs.find((i) => i.symbol === symbol);
    if (io && decl && (decl.quantity !== io.quantity || decl.unit !== io.unit)) {
      throw new Error(`column ${name} is ${decl.quantity ?? "no quantity"} in ${decl.unit ?? "no unit"}, but ${symbol} is ${io.quantity} in ${io.unit}`);
    }
    const out = new Float64Array(rows.length);
    rows.forEach((row, k) => {
      const v = col[row];
      if (v === undefined || !Number.isFinite(v)) throw new Error(`column ${name} is blank or not finite at row ${row + 1} of the subset`);
      out[k] = v;
    });
    return out;
  };
  const coefficients = law.free ? law.free.map((f) => f.symbol) : law.coefficients.map((c) => c.symbol);
  const published = new Map(law.coefficients.map((c) => [c.symbol, c.value]));
  const publishedValue = (s: string): number => {
    const v = published.get(s);
    if (v === undefined) throw new Error(`${s} has no published value in ${law.id} to start from or hold at`);
    return v;
  };
  const fitted = coefficients.filter((s) => !refit.fixed.includes(s));
  const isLog = (s: string) => refit.log.includes(s);
  const toFitted = (s: string, v: number) => (isLog(s) ? Math.log(v) : v);
  /** A start's value for s: what the refit lists, or an error naming the gap. */
  const listed = <T>(values: Readonly<Record<string, T>>, s: string, where: string): T => {
    const v = own(values, s);
    if (v === undefined) throw new Error(`${where} has no value for ${s}`);
    return v;
  };
  let starts: number[][];
  if (refit.starts === "published") starts = [fitted.map((s) => toFitted(s, publishedValue(s)))];
  else if ("grid" in refit.starts) {
    const grid = refit.starts.grid;
    starts = gridStarts(fitted.map((s) => listed(grid, s, "starts.grid")));
  } else starts = refit.starts.points.map((p, i) => fitted.map((s) => listed(p, s, `starts.points[${i}]`)));
  const labelCol = table.dataset.label ? table.texts.get(table.dataset.label) : undefined;
  return {
    rows,
    problem: {
      expr: law.expr,
      inputs: law.inputs.map((i) => i.symbol),
      output: law.output.symbol,
      free: fitted.map((s) => ({ symbol: s, log: isLog(s) })),
      fixed: Object.fromEntries(refit.fixed.map((s) => [s, publishedValue(s)])),
      objective: { loss: refit.objective.loss, delta: refit.objective.delta ?? 1e-3 },
      lse: refit.lse,
      starts,
      x: law.inputs.map((i) => column(i.symbol)),
      y: column(law.output.symbol),
      // rows index the table, and every column of it has a cell per row
      ...(labelCol ? { labels: rows.map((i) => labelCol[i] ?? "") } : {}),
    },
  };
}

/** A refit of another law at one row, for predictions that chain laws (`via`). */
export interface FittedLaw {
  law: Law;
  coefficients: Record<string, number>;
}

/** The law at fixed coefficients as a function of its inputs (compiled once). */
function evaluator(f: FittedLaw): (x: ArrayLike<number>) => number {
  const symbols = f.law.free ? f.law.free.map((c) => c.symbol) : f.law.coefficients.map((c) => c.symbol);
  const kernel = lawKernel({ expr: f.law.expr, inputs: f.law.inputs.map((i) => i.symbol), coefficients: symbols });
  const theta = Float64Array.from(symbols, (s) => {
    const v = own(f.coefficients, s);
    if (v === undefined) throw new Error(`the refit of ${f.law.id} has no value for ${s}`);
    return v;
  });
  const g = new Float64Array(symbols.length);
  return (x) => kernel(theta, x, g);
}

export interface RefitContext {
  runner: Runner;
  /** Refitted laws of the same paper, by law key, for `via` predictions. */
  fitted: Map<string, FittedLaw>;
  /** A memo of outcomes keyed by everything that determines them (see db/build.ts). */
  cache?: { get(key: string): FitOutcome | undefined; set(key: string, value: FitOutcome): void; key(problem: FitProblem): string };
}

export async function runRefit(law: Law, refit: RefitCheck, table: DatasetTable, ctx: RefitContext): Promise<RefitOutcome> {
  const base = { dataset: refit.dataset, subset: refit.subset ?? null, fixed: refit.fixed };
  if (table.status !== "present") {
    return {
      ...base,
      status: table.status === "absent" ? "data-absent" : "data-mismatch",
      passed: false,
      summary: `not checked: ${table.reason ?? "data not present"}`,
      coefficients: null,
      objective: null,
      comparisons: [],
      diagnostics: null,
      points: null,
    };
  }
  const { problem, rows } = refitProblem(law, refit, table);
  const key = ctx.cache?.key(problem);
  let outcome = key ? ctx.cache?.get(key) : undefined;
  if (!outcome) {
    outcome = await fit(problem, { bootstrap: 0, seed: 0 }, ctx.runner);
    if (key) ctx.cache?.set(key, outcome);
  }
  const coefficients: Record<string, number> = { ...problem.fixed };
  for (const [s, est] of Object.entries(outcome.summary.coefficients)) coefficients[s] = est.value;

  const comparisons: RefitComparison[] = [];
  const compare = (what: string, expected: number, actual: number, t: { rel_tol?: number; abs_tol?: number }, source?: string) => {
    const diff = Math.abs(actual - expected);
    const relError = diff / Math.abs(expected);
    const within = Number.isFinite(actual) && (t.abs_tol !== undefined ? diff <= t.abs_tol : relError <= (t.rel_tol ?? 0));
    comparisons.push({ what, expected, actual, relError, tolerance: tolText(t), within, ...(source ? { source } : {}) });
  };
  const published = new Map(law.coefficients.map((c) => [c.symbol, c.value]));
  const ec = refit.expect.coefficients;
  if (ec) {
    for (const f of problem.free) {
      const expected = ec.values ? ec.values[f.symbol] : published.get(f.symbol);
      // the coefficients hold every fitted one (the summary's) and every held one
      if (expected !== undefined) compare(f.symbol, expected, own(coefficients, f.symbol) ?? Number.NaN, ec);
    }
  }
  if (refit.expect.objective) compare("objective", refit.expect.objective.value, outcome.summary.objective, refit.expect.objective);
  for (const d of refit.expect.derived ?? []) {
    const entries = Object.entries(coefficients);
    const symbols = entries.map(([s]) => s);
    const value = lawKernel({ expr: d.of, inputs: [], coefficients: symbols })(Float64Array.from(entries, ([, v]) => v), [], new Float64Array(symbols.length));
    compare(d.of, d.value, value, d, d.source);
  }
  for (const p of refit.expect.predictions ?? []) {
    const i = rowByLabel(table, p.row);
    if (i < 0) throw new Error(`no row labelled ${p.row} in ${table.dataset.id}`);
    const x = law.inputs.map((input) => {
      const via = p.via?.[input.symbol];
      if (via) {
        const other = ctx.fitted.get(via);
        if (!other) throw new Error(`via ${input.symbol}: ${via} has no refit on this data to predict with`);
        return evaluator(other)(other.law.inputs.map((oi) => cell(table, findColumn(other, oi.symbol), i)));
      }
      return cell(table, columnFor(refit, input.symbol, table), i);
    });
    const measured = cell(table, columnFor(refit, law.output.symbol, table), i);
    const predicted = evaluator({ law, coefficients })(x);
    compare(`relative error at ${p.row}`, p.relative_error, Math.abs(predicted - measured) / Math.abs(measured), p, p.source);
  }
  const within = comparisons.every((c) => c.within);
  const worst = comparisons.reduce<RefitComparison | null>((w, c) => (!w || c.relError > w.relError ? c : w), null);
  const status: RefitStatus = within ? "reproduces" : refit.outcome === "discrepancy" ? "discrepancy" : "differs";
  const summary = within
    ? `reproduces: ${comparisons.length} published number(s) within tolerance (largest difference ${worst ? formatRel(worst.relError) : "0"}, ${worst?.what ?? ""})`
    : `differs: ${comparisons.filter((c) => !c.within).map((c) => `${c.what} by ${formatRel(c.relError)} (tolerance ${c.tolerance})`).join("; ")}`;

  // the data beside the law: refit and published predictions at every point
  const refitFn = evaluator({ law, coefficients });
  const publishedFn = law.free ? null : evaluator({ law, coefficients: Object.fromEntries(published) });
  const inputs: Record<string, number[]> = {};
  for (const [input, col] of zip(law.inputs, problem.x)) inputs[input.symbol] = Array.from(col);
  const xs = pointsOf(problem.x, rows.length);
  const opt = outcome.optimum;
  return {
    ...base,
    status,
    passed: refit.outcome === "discrepancy" ? !within : within,
    summary,
    coefficients,
    objective: outcome.summary.objective,
    comparisons,
    diagnostics: {
      points: problem.y.length,
      starts: opt.startsTotal,
      startsConverged: opt.startsConverged,
      startsAtBest: opt.startsAtBest,
      secondBest: opt.secondBest,
      evaluations: opt.evaluations,
      r2Log: outcome.summary.r2Log,
      ms: outcome.ms,
    },
    points: {
      labels: problem.labels ?? null,
      inputs,
      y: Array.from(problem.y),
      refit: xs.map(refitFn),
      published: publishedFn ? xs.map(publishedFn) : null,
    },
  };
}

/** The dataset column a refit maps a law symbol to. */
function columnFor(refit: RefitCheck, symbol: string, table: DatasetTable): string {
  const name = own(refit.columns, symbol);
  if (name === undefined) throw new Error(`the refit on ${table.dataset.id} maps no column to ${symbol}`);
  return name;
}

/** A numeric cell of a verified table. */
function cell(table: DatasetTable, column: string, row: number): number {
  const v = table.numbers.get(column)?.[row];
  if (v === undefined) throw new Error(`${table.dataset.id} has no number in column ${column} at row ${row + 1}`);
  return v;
}

function findColumn(f: FittedLaw, symbol: string): string {
  const refit = f.law.refits[0];
  const name = refit?.columns[symbol];
  if (!name) throw new Error(`${f.law.id} has no column for ${symbol}`);
  return name;
}

/**
 * Runs every refit of the registry: laws whose predictions chain through
 * another law's refit (`via`) after that law. Returns outcomes per law id in
 * refit order, and the refits that failed to run (a content problem) with
 * their error.
 */
export async function runRefits(
  laws: readonly Law[],
  tables: ReadonlyMap<string, DatasetTable>,
  ctx: Omit<RefitContext, "fitted">,
): Promise<{ outcomes: Map<string, RefitOutcome[]>; errors: { law: Law; refit: RefitCheck; error: Error }[] }> {
  const outcomes = new Map<string, RefitOutcome[]>();
  const errors: { law: Law; refit: RefitCheck; error: Error }[] = [];
  const fitted = new Map<string, Map<string, FittedLaw>>();
  const needsVia = (l: Law) => l.refits.some((r) => (r.expect.predictions ?? []).some((p) => p.via));
  const ordered = [...laws.filter((l) => !needsVia(l)), ...laws.filter(needsVia)];
  const run = async (law: Law) => {
    const results: RefitOutcome[] = [];
    const paperFits = fitted.get(law.paper) ?? new Map<string, FittedLaw>();
    fitted.set(law.paper, paperFits);
    for (const refit of law.refits) {
      const table = tables.get(refit.dataset);
      if (!table) {
        errors.push({ law, refit, error: new Error(`dataset ${refit.dataset} was not read`) });
        continue;
      }
      try {
        const outcome = await runRefit(law, refit, table, { ...ctx, fitted: paperFits });
        results.push(outcome);
        if (outcome.coefficients && !law.id.includes("~") && !paperFits.has(law.key)) paperFits.set(law.key, { law, coefficients: outcome.coefficients });
      } catch (e) {
        errors.push({ law, refit, error: e instanceof Error ? e : new Error(String(e)) });
      }
    }
    outcomes.set(law.id, results);
  };
  // independent laws in parallel (the runner bounds the work), then those that chain
  await Promise.all(ordered.filter((l) => !needsVia(l) && l.refits.length > 0).map(run));
  for (const law of ordered.filter((l) => needsVia(l))) await run(law);
  for (const law of laws) if (!outcomes.has(law.id)) outcomes.set(law.id, []);
  return { outcomes, errors };
}
