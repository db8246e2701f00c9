/**
 * The two areas of a learning-rate schedule that Tissue et al. (2024) write
 * the loss curve in: the forward area S1 (the summed learning rate) and the
 * annealing area S2 (a momentum of the learning-rate decreases),
 *
 *   S1(s) = Σ_{i=1..s} η_i,
 *   m_1 = 0,  m_i = λ·m_{i-1} + (η_{i-1} − η_i),   S2(s) = Σ_{i=1..s} m_i,
 *
 * (their Eq. 1 and Eq. 5, λ = 0.999 in all their experiments). Warmup steps
 * count as if run at η_max (their Section 3.4), so a schedule is given here
 * without its warmup shape. Every request does work linear in its steps,
 * bounded by MAX_STEPS.
 */
import { z } from "zod";
import { zip } from "./arrays";
import { invalid, requestIssue } from "./errors";
import { type Law, executable } from "./law";

export const MAX_STEPS = 2_000_000;
export const MAX_RATES = 100_000;
export const MAX_POINTS = 1000;

const steps = z.number().int("must be a whole number of steps").min(2, "must be at least 2").max(MAX_STEPS, `must be at most ${MAX_STEPS}`);
const rate = z.number().finite().min(0, "must not be negative").max(1e3, "must be at most 1000");

const shapes = z.enum(["cosine", "linear"]);

export const scheduleSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("constant"), steps, eta_max: rate.positive("must be greater than 0") }),
  z.strictObject({
    kind: z.literal("cosine"),
    steps,
    eta_max: rate.positive("must be greater than 0"),
    /** The rate the cosine ends at (the paper uses 0 and 0.1·η_max). */
    eta_min: rate.default(0),
  }),
  z.strictObject({
    kind: z.literal("wsd"),
    steps,
    eta_max: rate.positive("must be greater than 0"),
    eta_min: rate.default(0),
    /** Steps of the final decay (the paper's WSD runs anneal over the last 10% or 20%). */
    decay_steps: z.number().int("must be a whole number of steps").min(1, "must be at least 1"),
    decay: shapes.default("cosine"),
  }),
  /** The learning rate of every step, as a run logged it. */
  z.strictObject({ kind: z.literal("rates"), rates: z.array(rate).min(2, "needs at least 2 steps").max(MAX_RATES, `may list at most ${MAX_RATES} steps`) }),
]);
export type Schedule = z.output<typeof scheduleSchema>;

/** λ, the decay factor of the annealing momentum; the paper's value is the default. */
export const lambdaSchema = z.number().finite().min(0, "must be between 0 and 1").lt(1, "must be less than 1").default(0.999);

export function scheduleLength(s: Schedule): number {
  return s.kind === "rates" ? s.rates.length : s.steps;
}

/** The learning rate at step i (1-based) of a parametric schedule; η_0 = η_max. */
export function rateAt(s: Exclude<Schedule, { kind: "rates" }>, i: number): number {
  switch (s.kind) {
    case "constant":
      return s.eta_max;
    case "cosine":
      return s.eta_min + ((s.eta_max - s.eta_min) * (1 + Math.cos((Math.PI * Math.min(i, s.steps)) / s.steps))) / 2;
    case "wsd": {
      const start = s.steps - s.decay_steps;
      if (i <= start) return s.eta_max;
      const t = Math.min(1, (i - start) / s.decay_steps);
      const f = s.decay === "cosine" ? (1 + Math.cos(Math.PI * t)) / 2 : 1 - t;
      return s.eta_min + (s.eta_max - s.eta_min) * f;
    }
  }
}

export interface Areas {
  /** The steps sampled (1-based, ascending, the last step included). */
  steps: number[];
  lr: number[];
  S1: number[];
  S2: number[];
}

/** Steps to report: `points` of them, evenly spread from the first to the last, the last always included. */
export function sampleSteps(total: number, points: number): number[] {
  const n = Math.max(2, Math.min(points, total, MAX_POINTS));
  const out = new Set<number>();
  for (let k = 0; k < n; k++) out.add(Math.max(1, Math.round(1 + ((total - 1) * k) / (n - 1))));
  return [...out].sort((a, b) => a - b);
}

/** S1 and S2 (and the rate) at the sampled steps of a schedule. One pass over its steps. */
export function annealingAreas(schedule: Schedule, opts: { lambda?: number; points?: number; at?: number[] } = {}): Areas {
  const lambda = opts.lambda ?? 0.999;
  const total = scheduleLength(schedule);
  if (schedule.kind === "wsd" && schedule.decay_steps > schedule.steps) {
    throw invalid("schedule.decay_steps", `schedule.decay_steps (${schedule.decay_steps}) must not exceed schedule.steps (${schedule.steps})`);
  }
  if (schedule.kind !== "constant" && schedule.kind !== "rates" && schedule.eta_min > schedule.eta_max) {
    throw invalid("schedule.eta_min", "schedule.eta_min must not exceed schedule.eta_max");
  }
  const wanted = opts.at ?? sampleSteps(total, opts.points ?? 200);
  for (const [k, s] of wanted.entries()) {
    if (!Number.isInteger(s) || s < 1 || s > total) throw invalid(`at[${k}]`, `at[${k}] must be a step from 1 to ${total}`);
  }
  const order = [...new Set(wanted)].sort((a, b) => a - b);
  const eta =
    schedule.kind === "rates"
      ? (i: number) => schedule.rates[i - 1] as number // cast: 1 ≤ i ≤ total = rates.length
      : (i: number) => rateAt(schedule, i);
  const out: Areas = { steps: [], lr: [], S1: [], S2: [] };
  let s1 = 0;
  let s2 = 0;
  let m = 0;
  // the rate at the step before; step 1 has none (its momentum is 0), so the first value is never read
  let prev = 0;
  let next = 0;
  const last = order.at(-1) ?? 0;
  for (let i = 1; i <= last; i++) {
    const e = eta(i);
    m = i === 1 ? 0 : lambda * m + (prev - e);
    s1 += e;
    s2 += m;
    prev = e;
    if (i === order[next]) {
      out.steps.push(i);
      out.lr.push(e);
      out.S1.push(s1);
      out.S2.push(s2);
      next++;
    }
  }
  return out;
}

export const scheduleRequestSchema = z.strictObject({
  schedule: scheduleSchema,
  lambda: lambdaSchema,
  /** How many steps to report, spread evenly over the run (the last included). */
  points: z.number().int("must be a whole number").min(2, "must be at least 2").max(MAX_POINTS, `must be at most ${MAX_POINTS}`).default(200),
  /** Or exactly these steps (1-based). */
  at: z.array(z.number().int("must be whole steps")).min(1, "must list at least one step").max(MAX_POINTS, `may list at most ${MAX_POINTS} steps`).optional(),
  /** A law whose inputs are the areas S_1 and S_2 (Tissue et al.'s L(s)), to predict the loss at each step. */
  law: z.string().optional(),
});
export type ScheduleRequest = z.output<typeof scheduleRequestSchema>;

/** Validates a request body; a 400 naming the field otherwise (413 for an oversized list). */
export function parseScheduleRequest(body: unknown): ScheduleRequest {
  const r = scheduleRequestSchema.safeParse(body);
  if (r.success) return r.data;
  const first = r.error.issues[0];
  if (first?.code === "invalid_union" && first.path.length === 1 && first.path[0] === "schedule") {
    throw invalid("schedule.kind", "schedule.kind must be one of constant, cosine, wsd, rates");
  }
  throw requestIssue(r.error.issues, (issue, field) => (issue.path[0] === "at" || issue.path[1] === "rates" ? `${field}: ${issue.message}` : undefined));
}

/** The symbols of the schedule areas, as laws name their inputs. */
export const AREA_SYMBOLS = ["S_1", "S_2"] as const;

/** Whether a law's inputs are exactly the two schedule areas (in any order). */
export function takesAreas(law: Pick<Law, "inputs">): boolean {
  const symbols = law.inputs.map((i) => i.symbol).sort();
  return symbols.length === 2 && symbols[0] === "S_1" && symbols[1] === "S_2";
}

/** The law's value at each sampled step (null where it has none, e.g. S_1 = 0 at a first step with a zero rate). */
export function lossCurve(law: Law, areas: Areas): (number | null)[] {
  const fn = executable(law).fn;
  const i1 = law.inputs.findIndex((i) => i.symbol === "S_1");
  const i2 = law.inputs.findIndex((i) => i.symbol === "S_2");
  const x = new Float64Array(2);
  return zip(areas.S1, areas.S2).map(([s1, s2]) => {
    x[i1] = s1;
    x[i2] = s2;
    const y = fn(x);
    return Number.isFinite(y) ? y : null;
  });
}
