/**
 * What a fit gives, as schemas: the engine's results (optimum, summary,
 * predictions) and the whole outcome that the refit cache writes to disk and
 * reads back. The types the engine uses are inferred from these, so the cache
 * parses what it reads against the same shape the engine produces. JSON has
 * no NaN or Infinity: JSON.stringify writes them as null, which reads back
 * as NaN where the field is a number, and as null where null is allowed.
 */
import { z } from "zod";

const computed = z.union([z.number(), z.null().transform(() => Number.NaN)]);
const interval = z.tuple([computed, computed]);

export const optimumSchema = z.strictObject({
  /** Fitted parametrisation. */
  p: z.array(computed),
  f: computed,
  startsTotal: z.number(),
  startsConverged: z.number(),
  startsFailed: z.number(),
  /** Starts that ended at the best optimum: objective within REACH_TOL and every coefficient within SAME_COEFFICIENTS (relative). */
  startsAtBest: z.number(),
  /** Best objective among starts that ended with some coefficient more than 10% from the best's, or null. */
  secondBest: computed.nullable(),
  evaluations: z.number(),
});
export type Optimum = z.infer<typeof optimumSchema>;

export const coefficientEstimateSchema = z.strictObject({
  value: computed,
  se: computed.nullable(),
  interval: interval.nullable(),
});
export type CoefficientEstimate = z.infer<typeof coefficientEstimateSchema>;

export const fitSummarySchema = z.strictObject({
  coefficients: z.record(z.string(), coefficientEstimateSchema),
  /** Order of the covariance rows and columns. */
  order: z.array(z.string()),
  covariance: z.array(z.array(computed)).nullable(),
  objective: computed,
  residuals: z.array(computed),
  fitted: z.array(computed),
  r2Log: computed.nullable(),
  rmseLog: computed.nullable(),
  bootstrap: z.strictObject({ resamples: z.number(), failed: z.number(), seed: z.number(), level: z.literal(0.95) }).nullable(),
});
export type FitSummary = z.infer<typeof fitSummarySchema>;

export const predictionsSchema = z.strictObject({
  values: z.array(computed),
  /** 95% intervals by the delta method with the bootstrap covariance, or null without one. */
  intervals: z.array(interval.nullable()),
});
export type Predictions = z.infer<typeof predictionsSchema>;

export const fitOutcomeSchema = z.strictObject({
  optimum: optimumSchema,
  summary: fitSummarySchema,
  predictions: predictionsSchema.nullable(),
  ms: z.number(),
});
export type FitOutcome = z.infer<typeof fitOutcomeSchema>;
