/**
 * The shapes /api/v1 answers with, as zod schemas: the routes' bodies are
 * typed by them (z.input), the tests parse real answers with them, and the
 * OpenAPI document is generated from them (app/_lib/openapi.ts). Law-shaped
 * parts reuse the content schemas where the API answers content as it is.
 */
import { z } from "zod";
import { datasetSchema, freeSchema, linkSchema, quantitySchema, verificationSchema } from "@/lib/content/schema";
import { fitResponseSchema } from "@/lib/fit/request";
import { CHECK_KINDS } from "@/db/schema";
import { EVIDENCE_TIERS } from "@/db/queries";

/** A JSON number that may arrive as null: Response.json writes NaN and ±Infinity as null. */
const jsonNumber = z.number().nullable();
const range = z.tuple([z.number(), z.number()]);
const domainEnum = z.enum(["positive", "nonnegative", "real"]);

export const intervalSchema = z
  .strictObject({ lo: z.number(), hi: z.number(), sigma: z.number(), level: z.literal(0.95), method: z.string() })
  .meta({ description: "A 95% interval by the delta method from the coefficients' standard errors (taken as independent: papers publish no covariances)" });

/** An input's value against the law's fitted range (the same object in predict, solve and optimal). */
const inputReportFields = {
  value: z.number(),
  unit: z.string(),
  quantity: z.string(),
  range: range.nullable(),
  outside: z.enum(["below", "above"]).nullable(),
  decades_outside: z.number().min(0).describe("How many decades (log10 units) beyond the nearer end of the fitted range; 0 inside it or when no range is known"),
};
export const inputReportSchema = z.strictObject({ symbol: z.string(), ...inputReportFields }).meta({ description: "An input's value against the law's fitted range" });

/** What a law computes, without the content's LaTeX and notes. */
const outputRef = z.strictObject({ symbol: z.string(), quantity: z.string(), unit: z.string() });

const apiInput = z.strictObject({
  symbol: z.string(),
  quantity: z.string(),
  unit: z.string(),
  description: z.string().nullable(),
  range: range.nullable().describe("The range of the data the law was fitted on, as the paper states it"),
  range_source: z.string().nullable(),
  domain: domainEnum.describe("The values the input accepts"),
});
const apiOutput = z.strictObject({ symbol: z.string(), quantity: z.string(), unit: z.string(), dataset: z.string().nullable() });

const lawSummaryFields = {
  id: z.string().describe("<paper>/<law>, or <paper>/<law>~<variant> for a coefficient set other than the first"),
  name: z.string(),
  aliases: z.array(z.string()).describe("Other names the law is known by"),
  variant: z.strictObject({ id: z.string(), label: z.string() }).nullable(),
  paper: z.strictObject({ slug: z.string(), title: z.string(), year: z.number().int(), arxiv: z.string().nullable() }),
  domains: z.array(z.string()),
  output: apiOutput,
  inputs: z.array(apiInput),
  evaluable: z.boolean().describe("Whether predict, solve and optimal evaluate it (false for a form-only law)"),
  not_evaluable_reason: z.string().nullable().describe("Why not, for a law that cannot be evaluated"),
};
export const lawSummarySchema = z.strictObject(lawSummaryFields);

const printSensitivity = z.strictObject({
  relative: jsonNumber.describe("Largest relative change of the value over the grid (null where a perturbation leaves the law's domain)"),
  at: z.record(z.string(), z.number()),
  coefficient: z.string(),
  over: z.enum(["fitted", "plotted"]),
});

export const lawDetailSchema = z
  .strictObject({
    ...lawSummaryFields,
    description: z.string().nullable(),
    expr: z.string(),
    latex: z.string(),
    source: z.string().describe("Where in the paper the law's form is printed"),
    variant: z.strictObject({ id: z.string(), label: z.string(), source: z.string(), note: z.string().optional() }).nullable(),
    variants: z.array(z.strictObject({ id: z.string(), label: z.string() })),
    verification: verificationSchema,
    output: apiOutput.extend({ note: z.string().nullable() }),
    coefficients: z.array(
      z.strictObject({
        symbol: z.string(),
        value: z.number(),
        printed: z.string().nullable(),
        stderr: z.number().nullable(),
        last_digit: z.number().nullable().describe("The unit in the last printed digit of value"),
        source: z.string(),
        verification: verificationSchema.shape.level,
        note: z.string().nullable(),
      }),
    ),
    checks: z.array(
      z.strictObject({
        inputs: z.record(z.string(), z.number()).nullable(),
        of: z.string().nullable(),
        expect: z.number(),
        rel_tol: z.number().nullable(),
        abs_tol: z.number().nullable(),
        kind: z.enum(CHECK_KINDS),
        measured: z.string().nullable(),
        depends_on: z.array(z.string()),
        source: z.string(),
        note: z.string().nullable(),
        actual: jsonNumber,
        rel_error: jsonNumber,
        passed: z.boolean(),
      }),
    ),
    unchecked: z.string().nullable(),
    print_sensitivity: printSensitivity.nullable(),
    form_only: z.boolean(),
    free: z.array(freeSchema).nullable(),
    links: z.array(linkSchema),
    linked_from: z.array(z.strictObject({ law: z.string(), type: z.string() })),
  })
  .meta({ description: "A law in full: expression, LaTeX, coefficients with sources, checks with results" });

export const predictionSchema = z
  .strictObject({
    law: z.string(),
    inputs: z.record(z.string(), z.strictObject(inputReportFields)).describe("Each input by its symbol"),
    value: z.number(),
    output: outputRef,
    extrapolated: z.boolean(),
    warnings: z.array(z.string()),
    precision: z
      .strictObject({ relative: z.number(), coefficient: z.string() })
      .nullable()
      .describe(
        "How far the printed digits of the coefficients determine this value: the relative change when each coefficient moves by half a unit in its last printed digit (summed, worst case), and the coefficient that moves it most. From 0.1 on, warnings say so; from 1 on, the law is ill-conditioned as printed.",
      ),
    interval: intervalSchema.nullable(),
  })
  ;

export const batchPredictionSchema = z
  .strictObject({
    law: z.string(),
    output: outputRef,
    count: z.number().int(),
    values: z.array(z.number()),
    intervals: z.array(intervalSchema.nullable()).describe("Each point's interval, as GET predict answers it there"),
    extrapolated: z.array(z.boolean()),
    warnings: z.array(z.string()),
  })
  ;

export const solutionSchema = z
  .strictObject({
    law: z.string(),
    for: z.string(),
    target: z.number(),
    value: z.number().describe("The input value at which the law's output equals target"),
    achieved: z.number().describe("The law's output there (target up to rounding)"),
    input: inputReportSchema,
    extrapolated: z.boolean(),
    warnings: z.array(z.string()),
    unit: z.string(),
    output: outputRef,
    interval: intervalSchema.nullable(),
  })
  ;

const allocationFields = {
  C: z.number(),
  N: z.number(),
  D: z.number(),
  value: z.number().describe("The law's output at (N, D)"),
  tokensPerParam: z.number(),
  inputs: z.array(inputReportSchema),
  extrapolated: z.boolean(),
};
const planFields = {
  law: z.string(),
  k: z.number().describe("FLOP per parameter and token: C = k·N·D"),
  n: z.string().describe("The input that plays N"),
  d: z.string().describe("The input that plays D"),
  note: z.string(),
};
export const optimalSchema = z
  .union([
    z.strictObject({
      ...planFields,
      ...allocationFields,
      unit: z.strictObject({ C: z.literal("FLOP"), N: z.string().optional(), D: z.string().optional() }),
      interval: z.strictObject({ N: intervalSchema.nullable(), D: intervalSchema.nullable(), value: intervalSchema.nullable() }).nullable(),
    }),
    z.strictObject({ ...planFields, unit: z.strictObject({ C: z.literal("FLOP") }), frontier: z.array(z.strictObject(allocationFields)) }),
  ])
  .meta({ description: "With C: the optimum at that budget; with from and to: the frontier" });

const axis = z.strictObject({ quantity: z.string(), unit: z.string() });
const comparisonFields = {
  x: axis,
  y: axis.extend({ symbol: z.string() }),
  series: z.array(
    z.strictObject({
      law: z.string(),
      name: z.string(),
      paper: z.string(),
      citation: z.string().nullable().meta({ examples: ["Hoffmann et al. 2022"] }),
      label: z.string().describe("What legends call the curve: paper and law"),
      mode: z.enum(["direct", "frontier"]),
      input: z.string().nullable().describe("The law's input on the axis (direct mode)"),
      points: z.array(z.tuple([z.number(), jsonNumber])).describe("[x, y] with y null at gaps"),
      extrapolated: z.array(z.boolean()),
      band: z.array(range.nullable()).nullable().describe("95% interval per point"),
      warnings: z.array(z.string()),
    }),
  ),
  warnings: z.array(z.string()),
};
export const comparisonSchema = z
  .strictObject({
    ...comparisonFields,
    table: z
      .strictObject({ at: z.array(z.number()), ...comparisonFields })
      .optional()
      .describe("Present when `at` is given: the comparison at exactly those x (same shape, plus `at`)"),
  })
  ;

const combinationFields = {
  expr: z.string(),
  laws: z.record(z.string(), z.string()).describe("Each alias with the law id it names"),
  variables: z.array(z.string()),
  output: axis.nullable().describe("The output's quantity and unit, when the expression keeps one"),
  warnings: z.array(z.string()),
};
export const combinationSchema = z
  .union([
    z.strictObject({ ...combinationFields, at: z.record(z.string(), z.unknown()), value: jsonNumber }),
    z.strictObject({ ...combinationFields, count: z.number().int(), values: z.array(jsonNumber) }),
  ])
  .meta({ description: "With at: the value there; with points: one value per point (null where not finite)" });

export const scheduleResultSchema = z
  .strictObject({
    schedule: z.strictObject({ kind: z.enum(["constant", "cosine", "wsd", "rates"]), steps: z.number().int() }),
    lambda: z.number(),
    steps: z.array(z.number().int()).describe("The steps reported (1-based, ascending)"),
    lr: z.array(z.number()),
    S1: z.array(z.number()),
    S2: z.array(z.number()),
    law: z.strictObject({ id: z.string(), output: outputRef, values: z.array(jsonNumber) }).nullable(),
    warnings: z.array(z.string()),
  })
  ;

const datasetEntry = datasetSchema.safeExtend({
  status: z.enum(["present", "absent", "mismatch"]).describe("Whether this deployment has the file as declared"),
  reason: z.string().nullable(),
});
export const datasetEntrySchema = datasetEntry;
export const datasetListSchema = z.strictObject({ count: z.number().int(), datasets: z.array(datasetEntrySchema) });
export const datasetDetailSchema = z
  .union([
    datasetEntry.extend({ selected: z.number().int(), columns: z.record(z.string(), z.array(z.union([z.number(), z.string(), z.null()]))).describe("In place of the declaration's columns: each column's values at the selected rows") }),
    datasetEntrySchema,
  ])
  .meta({ description: "The declaration; with rows=all or subset, also the selected rows' columns" });

const paperFields = {
  slug: z.string(),
  title: z.string(),
  aliases: z.array(z.string()),
  authors: z.array(z.string()),
  year: z.number().int(),
  arxiv: z.string().nullable(),
  venue: z.string().nullable(),
  summary: z.string(),
  domains: z.array(z.string()),
};
export const paperSummarySchema = z.strictObject({ ...paperFields, laws: z.number().int().describe("How many laws") });
export const paperListSchema = z.strictObject({ count: z.number().int(), papers: z.array(paperSummarySchema) });
export const paperDetailSchema = z
  .strictObject({
    ...paperFields,
    url: z.string().nullable(),
    abstract: z.string().nullable(),
    seed: z.number().int().nullable(),
    laws: z.array(lawSummarySchema),
  })
  ;

export const lawListSchema = z
  .strictObject({ count: z.number().int(), q: z.string().optional().describe("The search, when given"), laws: z.array(lawSummarySchema) })
  ;

const count = z.number().int();
export const coverageSchema = z
  .strictObject({
    total: count,
    papers: count,
    excluded: count,
    missing: count,
    withCheckedLaw: count,
    withCrossCheckOnly: count,
    withRefit: count,
    byTier: z.record(z.enum(EVIDENCE_TIERS), count).describe("Seed papers by their strongest tier of evidence"),
    refitsNotChecked: count,
    seeds: z.array(
      z.strictObject({
        n: count,
        title: z.string(),
        status: z.enum(["paper", "excluded", "missing"]),
        paper: z.string().nullable(),
        tier: z.enum(EVIDENCE_TIERS).nullable(),
        checkedLaws: count,
        predictedLaws: count,
        derivedLaws: count,
        crossCheckedLaws: count,
        refittedLaws: count,
        refitDiscrepancies: count,
        refitsNotChecked: count,
        formLaws: count,
        statements: count,
        reason: z.string().nullable(),
      }),
    ),
  })
  ;

export const REGISTRY_FORMAT_VERSION = 1;
export const registrySchema = z
  .strictObject({
    format: z.literal("lawdex-registry"),
    version: z.literal(REGISTRY_FORMAT_VERSION),
    built_at: z.string().nullable(),
    papers: z.array(paperSummarySchema),
    laws: z.array(lawDetailSchema),
    statements: z.array(
      z.strictObject({ paper: z.string(), id: z.string(), position: count, name: z.string(), statement: z.string(), source: z.string(), verification: verificationSchema }),
    ),
    exclusions: z.array(z.strictObject({ seed: count, title: z.string(), arxiv: z.string().nullable(), reason: z.string() })),
    domains: z.array(
      z.strictObject({ id: z.string(), name: z.string(), parent: z.string().nullable(), description: z.string().nullable(), position: count, papers: count, laws: count }),
    ),
    quantities: z.array(quantitySchema),
  })
  .meta({ description: "The whole registry in one versioned document" });

export const healthSchema = z.strictObject({ ok: z.literal(true) });

/** The document itself is described only at its top: OpenAPI's own schema describes the rest. */
export const openapiDocumentSchema = z
  .looseObject({ openapi: z.string(), info: z.looseObject({ title: z.string(), version: z.string() }), paths: z.record(z.string(), z.unknown()) })
  ;

export { fitResponseSchema };

export const errorSchema = z
  .strictObject({
    error: z.strictObject({
      code: z.string(),
      message: z.string().describe("A sentence naming the field and what was expected"),
      field: z.string().nullable(),
      suggestions: z
        .array(z.string())
        .max(5)
        .optional()
        .describe("For an unknown law or paper (404): the nearest known ids, nearest first (also named in the message)"),
    }),
  })
  ;
