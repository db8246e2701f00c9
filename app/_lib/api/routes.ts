/**
 * The contract of /api/v1, route by route: what each reads (path, query,
 * body) and what it answers, as zod schemas. The route handlers validate with
 * these schemas and type their answers by them; app/_lib/openapi.ts generates
 * the OpenAPI document from this table; tests/api checks real answers against
 * it. A route's entry is the one place its parameters are listed.
 */
import { z } from "zod";
import { fitRequestSchema, LIMITS } from "@/lib/fit/request";
import { lossSchema } from "@/lib/content/schema";
import { scheduleRequestSchema } from "@/lib/schedule";
import { FIX_KEY, MAX_COMPARE_POINTS, MAX_TABLE_AT } from "@/lib/compare";
import { MAX_COMBINE_POINTS } from "@/lib/combine";
import { invalid } from "@/lib/errors";
import { toPositiveNumber } from "@/lib/numeric";
import type { Law } from "@/lib/law";
import {
  LAW_INPUTS_PATTERN,
  NO_QUERY,
  type QuerySpec,
  choiceParam,
  lawInputsShape,
  notAnInputMessage,
  numberParam,
  perLaw,
  textParam,
} from "./request";
import * as out from "./schemas";

const MAX_POINTS = 10_000;
/** The largest JSON body the POST routes read (fit has its own, in LIMITS). */
const JSON_BODY_BYTES = 2 * 1024 * 1024;
const MAX_FRONTIER_POINTS = 200;

// ---------------------------------------------------------------------------
// Path parameters (validated by the lookups, which suggest the nearest ids)

const lawPath = {
  paper: { description: "The paper's slug", pattern: "^[a-z0-9-]+$", example: "hoffmann-2022-chinchilla" },
  law: { description: "The law's id, with ~<variant> for a coefficient set other than the first", pattern: "^[a-z0-9-]+(~[a-z0-9-]+)?$", example: "loss-nd~unrounded" },
};

// ---------------------------------------------------------------------------
// Query schemas

const lawsQuery = {
  schema: z.strictObject({
    domain: z.string().min(1, "must name a domain").optional().describe("A domain id; its sub-domains' laws are included"),
    /** The site's search (db/queries searchRegistry's ranking), over laws. */
    q: z
      .string()
      .max(200, "may be at most 200 characters")
      .refine((q) => /[\p{L}\p{N}_]/u.test(q), "must contain a word to search for")
      .optional()
      .meta({ description: "Search words; the last also matches as a prefix", examples: ["chinchilla"] }),
  }),
} satisfies QuerySpec;

const papersQuery = { schema: z.strictObject({ domain: z.string().optional().describe("A domain id; its sub-domains' papers are included") }) } satisfies QuerySpec;

/** GET .../predict: the law's inputs; documented as their pattern. */
const predictQuery = perLaw((law: Law) => ({ schema: z.strictObject(lawInputsShape(law, false)), unknown: notAnInputMessage(law) }) satisfies QuerySpec);
const predictQueryDoc = { schema: z.strictObject({}), pattern: LAW_INPUTS_PATTERN } satisfies QuerySpec;

const lawParam = textParam("law", 'a law id such as "hoffmann-2022-chinchilla/loss-nd"').meta({ examples: ["hoffmann-2022-chinchilla/loss-nd"] });
/** GET /api/v1/predict?law=: the law, then its inputs. */
const predictByParamQuery = perLaw(
  (law: Law) => ({ schema: z.strictObject({ law: lawParam, ...lawInputsShape(law, false) }), unknown: notAnInputMessage(law) }) satisfies QuerySpec,
);
const predictByParamQueryDoc = { schema: z.strictObject({ law: lawParam }), pattern: LAW_INPUTS_PATTERN } satisfies QuerySpec;

const target = numberParam("target", "the output value to reach");
const solveQuery = perLaw((law: Law) => {
  const symbols = law.inputs.map((i) => i.symbol);
  const forParam = z
    .string({ error: (iss) => (iss.input === undefined ? `for is required: the input to solve for (${symbols.join(", ")})` : undefined) })
    .refine((s) => symbols.includes(s), `for must name an input of ${law.id}: ${symbols.join(", ")}`);
  return {
    schema: z.strictObject({ target, for: forParam, ...lawInputsShape(law, true) }).superRefine((q, ctx) => {
      if (Object.entries(q).some(([k, v]) => k === q.for && v !== undefined)) {
        ctx.addIssue({ code: "custom", path: [q.for], message: `${q.for} is what is solved for; do not give it` });
      }
    }),
    unknown: notAnInputMessage(law),
  } satisfies QuerySpec;
});
const solveQueryDoc = {
  schema: z.strictObject({ target, for: z.string().describe("The input to solve for") }),
  pattern: { ...LAW_INPUTS_PATTERN, description: "Every other input of the law by its symbol, each with an optional <symbol>.unit" },
} satisfies QuerySpec;

const positive = (name: string, description: string) => numberParam(name, description, toPositiveNumber).optional();
const optimalQuery = {
  schema: z.strictObject({
    C: positive("C", "One budget, in FLOP unless C.unit is given"),
    "C.unit": z.string().optional().meta({ description: "The unit of C", examples: ["PF-day"] }),
    from: positive("from", "The smallest budget of a frontier"),
    to: positive("to", "The largest budget of a frontier"),
    unit: z.string().optional().meta({ description: "The unit of from and to", examples: ["PF-day"] }),
    points: numberParam(`points`, `How many budgets along the frontier, 2 to ${MAX_FRONTIER_POINTS} (20 by default)`, (v, field) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 2 || n > MAX_FRONTIER_POINTS) throw invalid(field, `${field} must be a whole number from 2 to ${MAX_FRONTIER_POINTS}`);
      return n;
    })
      .optional()
      .meta({ type: "integer" }),
    k: positive("k", "FLOP per parameter and token (6 by default)"),
  }),
} satisfies QuerySpec;

const compareQuery = {
  schema: z.strictObject({
    laws: z.string().optional().describe("Law ids separated by commas"),
    x: z.string().optional().describe("The axis quantity (e.g. params, compute); by default the first the laws share"),
    "x.unit": z.string().optional().describe("The axis unit"),
    from: z.string().optional().meta({ type: "number", description: "The axis start, in the axis unit" }),
    to: z.string().optional().meta({ type: "number", description: "The axis end, in the axis unit" }),
    points: z.string().optional().meta({ type: "integer", minimum: 2, maximum: MAX_COMPARE_POINTS, description: "How many points along the axis" }),
    y: z.string().optional().meta({ enum: ["output", "params", "tokens"], description: "Along a frontier: the output (default), or the optimal parameters or tokens" }),
    k: z.string().optional().meta({ type: "number", description: "FLOP per parameter and token along a frontier" }),
    at: z
      .string()
      .optional()
      .meta({
        examples: ["1e20,5.76e23"],
        description: `Up to ${MAX_TABLE_AT} x values in the axis unit, comma-separated (empty: the decades of the span). The answer then carries \`table\`: the comparison at exactly these x, the values the compare page tabulates and marks on its chart.`,
      }),
  }),
  pattern: { key: FIX_KEY, param: "fix", shown: "fix.<symbol>[.unit]", description: "An input held fixed: a value or a relation such as fix.D=20*N, with its unit as fix.<symbol>.unit" },
} satisfies QuerySpec;

const datasetQuery = {
  schema: z.strictObject({
    rows: z.enum(["all"], { error: 'rows must be "all" (or give subset=<id>)' }).optional().describe("all: answer the numeric columns too"),
    subset: z.string().optional().describe("Answer the columns of this subset's rows"),
  }),
} satisfies QuerySpec;

/** A comma-separated list of names in a query string. */
const names = (description: string) =>
  z
    .string()
    .transform((s) => s.split(",").map((x) => x.trim()).filter(Boolean))
    .optional()
    .describe(description);
const fitCsvQuery = {
  schema: z.strictObject({
    law: z.string().optional().describe("The law to fit (or give expr)"),
    expr: z.string().optional().describe("An expression to fit, instead of a law"),
    free: names("The coefficients to fit, comma-separated (the others are held)"),
    output: z.string().optional().describe("The column of the output, with expr"),
    loss: z.string().optional().meta({ enum: lossSchema.options, description: "The objective's loss (huber-log by default)" }),
    delta: numberParam("delta", "Huber's delta").optional(),
    log: names("Coefficients fitted as their logs, comma-separated"),
    lse: choiceParam("lse", ["true", "false"], "Whether to fit E + A/N^α + ... as a log-sum-exp").transform((s) => s === "true").optional(),
    starts: z.enum(["published"], { error: "with a CSV body, starts can only be published; send JSON for a grid" }).optional().describe("published: start from the published coefficients"),
    bootstrap: numberParam("bootstrap", "Bootstrap resamples").optional(),
    seed: numberParam("seed", "The bootstrap's seed").optional(),
  }),
} satisfies QuerySpec;

// ---------------------------------------------------------------------------
// Bodies

/**
 * The body's shape. Each point's values are checked against the law's inputs
 * by the loop that evaluates them (their names and domains are the law's, and
 * 10,000 objects through zod would cost more than the evaluation), so the
 * schema holds points as objects and columns as arrays, described for the
 * document by what the loop accepts.
 */
const inputValue = { anyOf: [{ type: "number" }, { type: "string", description: "numeric text" }] };
const tooMany = (iss: { input?: unknown }) => `at most ${MAX_POINTS} points per request, got ${Array.isArray(iss.input) ? iss.input.length : "more"}`;
const batchPredictBodySchema = z
  .strictObject(
    {
      law: z.string({ error: 'must be a law id string like "hoffmann-2022-chinchilla/loss-nd"' }),
      points: z
        .array(z.unknown(), { error: "must be an array of objects of inputs" })
        .min(1, "is empty")
        .max(MAX_POINTS, { error: tooMany })
        .optional()
        .meta({ items: { type: "object", additionalProperties: inputValue }, description: "One object per point, each input by its symbol" }),
      inputs: z
        .record(z.string(), z.array(z.unknown(), { error: "must be an array of numbers" }).min(1, "is empty").max(MAX_POINTS, { error: tooMany }).meta({ items: inputValue }), {
          error: 'must be an object of arrays like {"N": [1e9, 1e10]}',
        })
        .optional()
        .describe("Or one array per input (columns), every one of the same length: no repeated keys, a third smaller and parsed twice as fast"),
    },
    { error: (iss) => (iss.code === "invalid_type" ? 'body must be a JSON object { "law": ..., "points": [...] } or { "law": ..., "inputs": {...} }' : undefined) },
  )
  .refine((b) => b.points === undefined || b.inputs === undefined, { path: ["inputs"], message: "give either points or inputs, not both" })
  .refine((b) => b.points !== undefined || b.inputs !== undefined, { path: ["points"], message: "is required (or inputs, one array per input)" });
/** The 413 for a list over its limit: the schema's message, which states the limit and the count. */
export const tooLong = (issue: z.core.$ZodIssue) => (issue.code === "too_big" && issue.origin === "array" ? issue.message : undefined);

const plainObject = (message: string) =>
  z.record(z.string(), z.unknown(), { error: (iss) => (iss.code === "invalid_type" ? message : undefined) });
const combineBodySchema = z
  .strictObject(
    {
      laws: plainObject('laws must be an object of aliases, e.g. {"h": "hoffmann-2022-chinchilla/loss-nd"}').meta({
        type: "object",
        additionalProperties: { type: "string" },
        description: "Each alias the expression calls, with the law id it names",
      }),
      expr: z.string({ error: "expr must be a string" }).meta({ examples: ["h(N, 20*N) - k(N)"] }),
      at: plainObject("at must be an object of variable values").optional().meta({ additionalProperties: { type: "number" }, description: "One point: each variable's value" }),
      points: z
        .array(plainObject("must be an object of variable values"), { error: "points must be an array of objects" })
        .optional()
        .meta({ maxItems: MAX_COMBINE_POINTS, items: { type: "object", additionalProperties: { type: "number" } }, description: "Or a batch: one object per point" }),
    },
    { error: (iss) => (iss.code === "invalid_type" ? 'body must be a JSON object { "laws": {...}, "expr": "...", "at": {...} }' : undefined) },
  )
  .refine((b) => (b.at === undefined) !== (b.points === undefined), { path: ["at"], message: "give exactly one of at (one point) or points (a batch)" });

// ---------------------------------------------------------------------------
// The table

type Json = z.ZodType;
export interface RouteContract {
  summary: string;
  description?: string;
  path?: Record<string, { description: string; pattern?: string; example?: string }>;
  /** What the OpenAPI document lists (for a per-law query, the pattern of its names). */
  query?: QuerySpec;
  body?: { json: Json; name: string; maxBytes: number; csv?: string };
  /** The 200 answer: a JSON schema, or a media type with what it holds. */
  response: { json: Json; name: string } | { media: "text/csv" | "image/svg+xml"; description: string };
  /** Error statuses beyond 400 and 404. */
  errors?: readonly (413 | 415 | 422 | 503)[];
}

const json = (schema: Json, name: string) => ({ json: schema, name });

export const routes = {
  "/api/v1/laws": {
    get: {
      summary: "List laws, or search them",
      description:
        "Every law (each coefficient set is a law of its own, id <paper>/<law>~<variant>), or those of a domain and its sub-domains. With q, the laws the site's search finds, best first (a word counts most where it names the law or its paper: an alias such as Chinchilla, a first author such as Kaplan; then in the law's name; then anywhere), combined with domain.",
      query: lawsQuery,
      response: json(out.lawListSchema, "LawList"),
    },
  },
  "/api/v1/laws/{paper}/{law}": {
    get: { summary: "One law in full: expression, LaTeX, coefficients with sources, checks with results", path: lawPath, query: NO_QUERY, response: json(out.lawDetailSchema, "LawDetail") },
  },
  "/api/v1/laws/{paper}/{law}/predict": {
    get: { summary: "Evaluate a law", path: lawPath, query: predictQueryDoc, response: json(out.predictionSchema, "Prediction"), errors: [422] },
  },
  "/api/v1/laws/{paper}/{law}/solve": {
    get: {
      summary: "Solve a law for one input given a target output",
      description: 'The input value at which the law\'s output equals target; 422 "unreachable" when the law never takes that value.',
      path: lawPath,
      query: solveQueryDoc,
      response: json(out.solutionSchema, "Solution"),
      errors: [422],
    },
  },
  "/api/v1/laws/{paper}/{law}/optimal": {
    get: {
      summary: "Compute-optimal allocation under C = k·N·D (k = 6 by default)",
      description: "Give C (one budget) or from and to (a frontier).",
      path: lawPath,
      query: optimalQuery,
      response: json(out.optimalSchema, "Optimal"),
      errors: [422],
    },
  },
  "/api/v1/predict": {
    get: {
      summary: "Evaluate a law named by a parameter (same answer as /api/v1/laws/{paper}/{law}/predict)",
      query: predictByParamQueryDoc,
      response: json(out.predictionSchema, "Prediction"),
      errors: [422],
    },
    post: {
      summary: "Evaluate a law at up to 10,000 points",
      description:
        "Points as objects ({law, points: [{N, D}, ...]}) or as columns, one array per input ({law, inputs: {N: [...], D: [...]}}), which is smaller and faster to parse. The answer's values, intervals and extrapolated are aligned with the points; each interval is the one GET predict answers at that point (null where no coefficient carries a standard error).",
      query: NO_QUERY,
      body: { json: batchPredictBodySchema, name: "BatchPredictRequest", maxBytes: JSON_BODY_BYTES },
      response: json(out.batchPredictionSchema, "BatchPrediction"),
      errors: [413, 415, 422],
    },
  },
  "/api/v1/compare": {
    get: { summary: "Sample several laws on one shared axis", query: compareQuery, response: json(out.comparisonSchema, "Comparison"), errors: [422] },
  },
  "/api/v1/combine": {
    post: {
      summary: "Evaluate an expression over laws from different papers",
      query: NO_QUERY,
      body: { json: combineBodySchema, name: "CombineRequest", maxBytes: JSON_BODY_BYTES },
      response: json(out.combinationSchema, "Combination"),
      errors: [413, 415],
    },
  },
  "/api/v1/fit": {
    post: {
      summary: "Fit a law's coefficients (or an expression's) to points",
      description: `Huber on log residuals, least squares on log residuals or on the output; coefficients optionally fitted as logs; a grid of starts; L-BFGS on analytic gradients; seeded bootstrap. Work is bounded: points × (starts + resamples) × operations per point ≤ ${LIMITS.work.toExponential(0)} (413 beyond, naming the budget). A CSV body (text/csv, columns named by the symbols) takes the other options in the query (only then). 503 when the server's fit workers are all busy.`,
      query: fitCsvQuery,
      body: { json: fitRequestSchema, name: "FitRequest", maxBytes: LIMITS.bodyBytes, csv: "Columns named by the symbols, one row per point" },
      response: json(out.fitResponseSchema, "FitResponse"),
      errors: [413, 415, 422, 503],
    },
  },
  "/api/v1/schedule": {
    post: {
      summary: "The forward and annealing areas S1, S2 of a learning-rate schedule, and a law's loss along it",
      description:
        "Tissue et al. (2024), Eqs. 1 and 5: S1 is the summed learning rate, S2 = Σ m_i with m_i = λ·m_{i-1} + (η_{i-1} − η_i) (m_1 = 0; λ = 0.999 by default). Warmup steps count as if run at η_max, so give the schedule without its warmup. Schedules: constant, cosine (to eta_min), wsd (decay_steps, cosine or linear decay) or rates (the rate of every step, up to 100,000). Answers at `points` evenly spread steps (or exactly `at`), at most 1000; with `law` (a law whose inputs are S_1 and S_2) also its value at each. Work is linear in the steps, at most 2,000,000.",
      query: NO_QUERY,
      body: { json: scheduleRequestSchema, name: "ScheduleRequest", maxBytes: JSON_BODY_BYTES },
      response: json(out.scheduleResultSchema, "ScheduleResult"),
      errors: [413, 415],
    },
  },
  "/api/v1/datasets": {
    get: { summary: "Released datasets: declaration, licence, and whether this deployment has each file", query: NO_QUERY, response: json(out.datasetListSchema, "DatasetList") },
  },
  "/api/v1/datasets/{id}": {
    get: {
      summary: "One dataset's declaration; with rows=all or subset=<id> also its columns (only where the licence allows serving it)",
      path: { id: { description: "The dataset's id" } },
      query: datasetQuery,
      response: json(out.datasetDetailSchema, "DatasetDetail"),
      errors: [422],
    },
  },
  "/api/v1/papers": {
    get: { summary: "List papers", query: papersQuery, response: json(out.paperListSchema, "PaperList") },
  },
  "/api/v1/papers/{slug}": {
    get: { summary: "One paper with its laws", path: { slug: { description: "The paper's slug", pattern: "^[a-z0-9-]+$" } }, query: NO_QUERY, response: json(out.paperDetailSchema, "PaperDetail") },
  },
  "/api/v1/coverage": {
    get: { summary: "Every seed paper with its paper slug or exclusion reason", query: NO_QUERY, response: json(out.coverageSchema, "Coverage") },
  },
  "/api/v1/export/laws.csv": {
    get: { summary: "Every law as one CSV row", query: NO_QUERY, response: { media: "text/csv", description: "One row per law with its expression, coefficients and provenance" } },
  },
  "/api/v1/export/coefficients.csv": {
    get: {
      summary: "Every published coefficient as one CSV row (tidy)",
      description:
        "Columns law (<paper>/<law>), variant (default for a law with one coefficient set, else the set's id: printed, unrounded, ...), law_id (the id of that set in this API and laws.csv), symbol, value (as stored), stderr (empty if none), printed (the source's expression when it prints one, e.g. exp(6.0073404)), source (where in the paper). Form-only laws have no rows.",
      query: NO_QUERY,
      response: { media: "text/csv", description: "One row per coefficient" },
    },
  },
  "/api/v1/export/registry.json": {
    get: { summary: "The whole registry in one versioned JSON document", query: NO_QUERY, response: json(out.registrySchema, "Registry") },
  },
  "/api/v1/health": { get: { summary: "A constant answer: the server is up", query: NO_QUERY, response: json(out.healthSchema, "Health") } },
  "/api/v1/openapi.json": { get: { summary: "This document", response: json(out.openapiDocumentSchema, "OpenAPIDocument") } },
} as const satisfies Record<string, Partial<Record<"get" | "post", RouteContract>>>;

/** The queries the per-law routes validate with: the documented part and the law's own inputs. */
export const lawQueries = { predict: predictQuery, predictByParam: predictByParamQuery, solve: solveQuery };
