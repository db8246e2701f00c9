/**
 * The law as the site serves it: what lib/law.ts's resolveLaw makes of a law
 * in content (one law per coefficient set, printed values computed, the
 * coefficients of other fits that checks name bound, derived ranges filled
 * in, printed precision judged). The build validates every law against this
 * schema before it stores it, and the database gives it back through the
 * same schema, so what is served is what was checked.
 */
import { z } from "zod";
import {
  freeSchema,
  lawIdSchema,
  linkSchema,
  outputSchema,
  refitCheckSchema,
  resolvedCoefficientSchema,
  resolvedInputSchema,
  valueCheckOf,
  verificationSchema,
} from "./schema";

const symbol = z.string().min(1);

/** A coefficient of another coefficient set that a check uses under a local name. */
export const boundCoefficientSchema = z.strictObject({
  /** The law id (with variant) the coefficient belongs to. */
  law: lawIdSchema,
  symbol,
  value: z.number(),
});

/** A value check of a resolved law: as in content, with the coefficients of other fits that `with:` names bound by the content loader (which sees every law of the paper). */
export const resolvedCheckSchema = valueCheckOf({ bound: z.record(symbol, boundCoefficientSchema).optional() });

/**
 * How far the printed digits of the coefficients determine the value over the
 * law's ranges (lib/precision.ts).
 */
export const printSensitivitySchema = z.strictObject({
  /** Largest relative change of the value (worst case, first order) over the grid; Infinity when a perturbation leaves the law's domain. */
  relative: z.number().or(z.literal(Number.POSITIVE_INFINITY)),
  /** The grid point where it is largest, by input symbol. */
  at: z.record(z.string(), z.number()),
  /** The coefficient contributing most at that point. */
  coefficient: z.string(),
  /** Which ranges the grid spans. */
  over: z.enum(["fitted", "plotted"]),
});

export const resolvedLawSchema = z.strictObject({
  /** `<paper>/<law>` for the first (default) variant, `<paper>/<law>~<variant>` for others. */
  id: lawIdSchema,
  paper: z.string().min(1),
  key: z.string().min(1),
  name: z.string().min(1),
  /** Other names readers know the law by (content `aliases`), for search. */
  aliases: z.array(z.string()).optional(),
  description: z.string().optional(),
  expr: z.string().min(1),
  output: outputSchema,
  inputs: z.array(resolvedInputSchema).min(1),
  coefficients: z.array(resolvedCoefficientSchema),
  /** Where the law's form is printed. */
  source: z.string(),
  variant: z.strictObject({ id: z.string(), label: z.string(), source: z.string(), note: z.string().optional() }).nullable(),
  /** Every variant of this law, in content order (empty when the law has one coefficient set). */
  variants: z.array(z.strictObject({ id: lawIdSchema, label: z.string() })),
  verification: verificationSchema,
  /** Null when the printed precision cannot be judged. */
  sensitivity: printSensitivitySchema.nullable().optional(),
  checks: z.array(resolvedCheckSchema),
  /** Refits of this coefficient set (or of a form-only law) from released data, run by the build. */
  refits: z.array(refitCheckSchema),
  unchecked: z.string().optional(),
  links: z.array(linkSchema),
  /** Set for a form-only law: the coefficients the paper leaves unprinted. It cannot be evaluated. */
  free: z.array(freeSchema).optional(),
});

export type Law = z.infer<typeof resolvedLawSchema>;
export type Check = z.infer<typeof resolvedCheckSchema>;
export type Coefficient = z.infer<typeof resolvedCoefficientSchema>;
export type BoundCoefficient = z.infer<typeof boundCoefficientSchema>;
export type Variant = NonNullable<Law["variant"]>;
export type PrintSensitivity = z.infer<typeof printSensitivitySchema>;
