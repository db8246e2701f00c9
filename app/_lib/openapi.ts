/** The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json and validated in the tests. */
import { z } from "zod";
import { fitRequestSchema, fitResponseSchema, LIMITS } from "@/lib/fit/request";
import { scheduleRequestSchema } from "@/lib/schedule";
import { MAX_TABLE_AT } from "@/lib/compare";

/** A JSON Schema generated from a zod schema: the route validates with the same schema, so the two cannot drift. */
function fromZod(schema: z.ZodType, io: "input" | "output"): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io });
  return rest;
}

const error = {
  description: "Bad input, unknown id, or too large",
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
};
const errors = { "400": error, "404": error, "413": error, "422": error };
const lawPath = [
  { name: "paper", in: "path", required: true, schema: { type: "string", pattern: "^[a-z0-9-]+$" }, example: "hoffmann-2022-chinchilla" },
  { name: "law", in: "path", required: true, schema: { type: "string", pattern: "^[a-z0-9-]+(~[a-z0-9-]+)?$" }, example: "loss-nd~unrounded" },
];
const json = (schema: object, description = "OK") => ({ description, content: { "application/json": { schema } } });
const obj = { type: "object" };
const inputValues = {
  name: "inputs",
  in: "query",
  required: false,
  style: "form",
  explode: true,
  schema: { type: "object", additionalProperties: { type: "string" } },
  description: "Each input of the law by its symbol (N=7e10&D=1.4e12); any input may carry a unit as <symbol>.unit (C.unit=PF-day).",
};

export const openapi = {
  openapi: "3.1.0",
  info: {
    title: "Lawdex API",
    version: "1.0.0",
    description:
      "Executable empirical laws from the research literature. Every error is { error: { code, message, field } } with status 400, 404, 413 or 422.",
  },
  servers: [{ url: "/" }],
  paths: {
    "/api/v1/laws": {
      get: {
        summary: "List laws, or search them",
        description: "Every law (each coefficient set is a law of its own, id <paper>/<law>~<variant>), or those of a domain and its sub-domains. With q, the laws the site's search finds, best first (a word counts most where it names the law or its paper: an alias such as Chinchilla, a first author such as Kaplan; then in the law's name; then anywhere), combined with domain.",
        parameters: [
          { name: "domain", in: "query", required: false, schema: { type: "string" } },
          { name: "q", in: "query", required: false, schema: { type: "string", maxLength: 200 }, example: "chinchilla", description: "Search words; the last also matches as a prefix" },
        ],
        responses: {
          "200": json({
            type: "object",
            required: ["count", "laws"],
            properties: { count: { type: "integer" }, q: { type: "string" }, laws: { type: "array", items: { $ref: "#/components/schemas/LawSummary" } } },
          }),
          ...errors,
        },
      },
    },
    "/api/v1/laws/{paper}/{law}": {
      get: { summary: "One law in full: expression, LaTeX, coefficients with sources, checks with results", parameters: lawPath, responses: { "200": json(obj), ...errors } },
    },
    "/api/v1/laws/{paper}/{law}/predict": {
      get: { summary: "Evaluate a law", parameters: [...lawPath, inputValues], responses: { "200": json({ $ref: "#/components/schemas/Prediction" }), ...errors } },
    },
    "/api/v1/laws/{paper}/{law}/solve": {
      get: {
        summary: "Solve a law for one input given a target output",
        parameters: [
          ...lawPath,
          { name: "target", in: "query", required: true, schema: { type: "number" } },
          { name: "for", in: "query", required: true, schema: { type: "string" } },
          inputValues,
        ],
        responses: { "200": json(obj), ...errors },
      },
    },
    "/api/v1/laws/{paper}/{law}/optimal": {
      get: {
        summary: "Compute-optimal allocation under C = k·N·D (k = 6 by default)",
        parameters: [
          ...lawPath,
          { name: "C", in: "query", required: false, schema: { type: "number" }, description: "One budget, in FLOP unless C.unit is given" },
          { name: "C.unit", in: "query", required: false, schema: { type: "string", enum: ["FLOP", "PF-day"] } },
          { name: "from", in: "query", required: false, schema: { type: "number" } },
          { name: "to", in: "query", required: false, schema: { type: "number" } },
          { name: "points", in: "query", required: false, schema: { type: "integer", minimum: 2, maximum: 200 } },
          { name: "k", in: "query", required: false, schema: { type: "number", default: 6 } },
        ],
        responses: { "200": json(obj), ...errors },
      },
    },
    "/api/v1/predict": {
      get: {
        summary: "Evaluate a law named by a parameter (same answer as /api/v1/laws/{paper}/{law}/predict)",
        parameters: [{ name: "law", in: "query", required: true, schema: { type: "string" }, description: "A law id, e.g. hoffmann-2022-chinchilla/loss-nd" }, inputValues],
        responses: { "200": json({ $ref: "#/components/schemas/Prediction" }), ...errors },
      },
      post: {
        summary: "Evaluate a law at up to 10,000 points",
        description:
          "Points as objects ({law, points: [{N, D}, ...]}) or as columns, one array per input ({law, inputs: {N: [...], D: [...]}}), which is smaller and faster to parse. The answer's values, intervals and extrapolated are aligned with the points; each interval is the one GET predict answers at that point (null where no coefficient carries a standard error).",
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                oneOf: [
                  {
                    type: "object",
                    required: ["law", "points"],
                    properties: { law: { type: "string" }, points: { type: "array", maxItems: 10000, items: { type: "object", additionalProperties: { type: "number" } } } },
                  },
                  {
                    type: "object",
                    required: ["law", "inputs"],
                    properties: { law: { type: "string" }, inputs: { type: "object", additionalProperties: { type: "array", maxItems: 10000, items: { type: "number" } } } },
                  },
                ],
              },
            },
          },
        },
        responses: { "200": json({ $ref: "#/components/schemas/BatchPrediction" }), ...errors },
      },
    },
    "/api/v1/compare": {
      get: {
        summary: "Sample several laws on one shared axis",
        parameters: [
          { name: "laws", in: "query", required: true, schema: { type: "string" }, description: "Law ids separated by commas" },
          { name: "x", in: "query", required: false, schema: { type: "string" }, description: "The axis quantity (e.g. params, compute)" },
          { name: "x.unit", in: "query", required: false, schema: { type: "string" } },
          { name: "from", in: "query", required: false, schema: { type: "number" } },
          { name: "to", in: "query", required: false, schema: { type: "number" } },
          { name: "points", in: "query", required: false, schema: { type: "integer", minimum: 2, maximum: 500 } },
          { name: "y", in: "query", required: false, schema: { type: "string", enum: ["output", "params", "tokens"] } },
          { name: "k", in: "query", required: false, schema: { type: "number" } },
          { name: "fix", in: "query", required: false, style: "deepObject", explode: true, schema: { type: "object", additionalProperties: { type: "string" } }, description: "fix.<symbol>=<value or relation such as 20*N>, fix.<symbol>.unit=<unit>" },
          {
            name: "at",
            in: "query",
            required: false,
            schema: { type: "string", examples: ["1e20,5.76e23"] },
            description: `Up to ${MAX_TABLE_AT} x values in the axis unit, comma-separated (empty: the decades of the span). The answer then carries \`table\`: the comparison at exactly these x, the values the compare page tabulates and marks on its chart.`,
          },
        ],
        responses: { "200": json({ $ref: "#/components/schemas/Comparison" }), ...errors },
      },
    },
    "/api/v1/combine": {
      post: {
        summary: "Evaluate an expression over laws from different papers",
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["laws", "expr"],
                properties: {
                  laws: { type: "object", additionalProperties: { type: "string" } },
                  expr: { type: "string", examples: ["h(N, 20*N) - k(N)"] },
                  at: { type: "object", additionalProperties: { type: "number" } },
                  points: { type: "array", maxItems: 10000, items: { type: "object", additionalProperties: { type: "number" } } },
                },
              },
            },
          },
        },
        responses: { "200": json(obj), ...errors },
      },
    },
    "/api/v1/fit": {
      post: {
        summary: "Fit a law's coefficients (or an expression's) to points",
        description: `Huber on log residuals, least squares on log residuals or on the output; coefficients optionally fitted as logs; a grid of starts; L-BFGS on analytic gradients; seeded bootstrap. Work is bounded: points × (starts + resamples) × operations per point ≤ ${LIMITS.work.toExponential(0)} (413 beyond, naming the budget). A CSV body (text/csv, columns named by the symbols) takes the other options in the query (law, expr, free, output, loss, delta, log, lse, starts=published, bootstrap, seed). 503 when the server's fit workers are all busy.`,
        requestBody: {
          required: true,
          content: {
            "application/json": { schema: { $ref: "#/components/schemas/FitRequest" } },
            "text/csv": { schema: { type: "string" } },
          },
        },
        responses: { "200": json({ $ref: "#/components/schemas/FitResponse" }), ...errors, "503": error },
      },
    },
    "/api/v1/schedule": {
      post: {
        summary: "The forward and annealing areas S1, S2 of a learning-rate schedule, and a law's loss along it",
        description:
          "Tissue et al. (2024), Eqs. 1 and 5: S1 is the summed learning rate, S2 = Σ m_i with m_i = λ·m_{i-1} + (η_{i-1} − η_i) (m_1 = 0; λ = 0.999 by default). Warmup steps count as if run at η_max, so give the schedule without its warmup. Schedules: constant, cosine (to eta_min), wsd (decay_steps, cosine or linear decay) or rates (the rate of every step, up to 100,000). Answers at `points` evenly spread steps (or exactly `at`), at most 1000; with `law` (a law whose inputs are S_1 and S_2) also its value at each. Work is linear in the steps, at most 2,000,000.",
        requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/ScheduleRequest" } } } },
        responses: { "200": json(obj), ...errors },
      },
    },
    "/api/v1/datasets": {
      get: { summary: "Released datasets: declaration, licence, and whether this deployment has each file", responses: { "200": json(obj), ...errors } },
    },
    "/api/v1/datasets/{id}": {
      get: {
        summary: "One dataset's declaration; with rows=all or subset=<id> also its columns (only where the licence allows serving it)",
        parameters: [
          { name: "id", in: "path", required: true, schema: { type: "string" } },
          { name: "rows", in: "query", required: false, schema: { type: "string", enum: ["all"] } },
          { name: "subset", in: "query", required: false, schema: { type: "string" } },
        ],
        responses: { "200": json(obj), ...errors },
      },
    },
    "/api/v1/papers": {
      get: { summary: "List papers", parameters: [{ name: "domain", in: "query", required: false, schema: { type: "string" } }], responses: { "200": json(obj), ...errors } },
    },
    "/api/v1/papers/{slug}": {
      get: { summary: "One paper with its laws", parameters: [{ name: "slug", in: "path", required: true, schema: { type: "string" } }], responses: { "200": json(obj), ...errors } },
    },
    "/api/v1/coverage": {
      get: { summary: "Every seed paper with its paper slug or exclusion reason", responses: { "200": json(obj), ...errors } },
    },
    "/api/v1/export/laws.csv": {
      get: { summary: "Every law as one CSV row", responses: { "200": { description: "CSV", content: { "text/csv": { schema: { type: "string" } } } }, ...errors } },
    },
    "/api/v1/export/coefficients.csv": {
      get: {
        summary: "Every published coefficient as one CSV row (tidy)",
        description:
          "Columns law (<paper>/<law>), variant (default for a law with one coefficient set, else the set's id: printed, unrounded, ...), law_id (the id of that set in this API and laws.csv), symbol, value (as stored), stderr (empty if none), printed (the source's expression when it prints one, e.g. exp(6.0073404)), source (where in the paper). Form-only laws have no rows.",
        responses: { "200": { description: "CSV", content: { "text/csv": { schema: { type: "string" } } } }, ...errors },
      },
    },
    "/api/v1/export/registry.json": {
      get: { summary: "The whole registry in one versioned JSON document", responses: { "200": json(obj), ...errors } },
    },
    "/api/v1/health": { get: { summary: "A constant answer: the server is up", responses: { "200": json(obj) } } },
    "/api/v1/openapi.json": { get: { summary: "This document", responses: { "200": json(obj) } } },
  },
  components: {
    schemas: {
      Error: {
        type: "object",
        required: ["error"],
        properties: {
          error: {
            type: "object",
            required: ["code", "message", "field"],
            properties: {
              code: { type: "string" },
              message: { type: "string" },
              field: { type: ["string", "null"] },
              suggestions: {
                type: "array",
                maxItems: 5,
                items: { type: "string" },
                description: "For an unknown law or paper (404): the nearest known ids, nearest first (also named in the message)",
              },
            },
          },
        },
      },
      LawSummary: {
        type: "object",
        required: ["id", "name", "paper", "domains", "output", "inputs", "evaluable", "not_evaluable_reason"],
        properties: {
          id: { type: "string" },
          name: { type: "string" },
          aliases: { type: "array", items: { type: "string" }, description: "Other names the law is known by" },
          evaluable: { type: "boolean", description: "Whether predict, solve and optimal evaluate it (false for a form-only law)" },
          not_evaluable_reason: { type: ["string", "null"], description: "Why not, for a law that cannot be evaluated" },
          paper: { type: "object", properties: { slug: { type: "string" }, title: { type: "string" }, year: { type: "integer" }, arxiv: { type: ["string", "null"] } } },
          domains: { type: "array", items: { type: "string" } },
          output: obj,
          inputs: { type: "array", items: obj },
        },
      },
      InputReport: {
        type: "object",
        description: "An input's value against the law's fitted range (the same object in predict, solve and optimal)",
        required: ["value", "unit", "quantity", "range", "outside", "decades_outside"],
        properties: {
          symbol: { type: "string" },
          value: { type: "number" },
          unit: { type: "string" },
          quantity: { type: "string" },
          range: { type: ["array", "null"], items: { type: "number" }, minItems: 2, maxItems: 2 },
          outside: { type: ["string", "null"], enum: ["below", "above", null] },
          decades_outside: { type: "number", minimum: 0, description: "How many decades (log10 units) beyond the nearer end of the fitted range; 0 inside it or when no range is known" },
        },
      },
      Prediction: {
        type: "object",
        required: ["law", "inputs", "value", "output", "extrapolated", "warnings"],
        properties: {
          law: { type: "string" },
          inputs: { type: "object", additionalProperties: { $ref: "#/components/schemas/InputReport" }, description: "Each input by its symbol" },
          value: { type: "number" },
          output: obj,
          extrapolated: { type: "boolean" },
          warnings: { type: "array", items: { type: "string" } },
          precision: {
            type: ["object", "null"],
            description:
              "How far the printed digits of the coefficients determine this value: the relative change when each coefficient moves by half a unit in its last printed digit (summed, worst case), and the coefficient that moves it most. From 0.1 on, warnings say so; from 1 on, the law is ill-conditioned as printed.",
            properties: { relative: { type: "number" }, coefficient: { type: "string" } },
          },
          interval: { oneOf: [{ $ref: "#/components/schemas/Interval" }, { type: "null" }] },
        },
      },
      Interval: {
        type: "object",
        description: "A 95% interval by the delta method from the coefficients' standard errors (taken as independent: papers publish no covariances)",
        required: ["lo", "hi", "sigma", "level", "method"],
        properties: { lo: { type: "number" }, hi: { type: "number" }, sigma: { type: "number" }, level: { type: "number", const: 0.95 }, method: { type: "string" } },
      },
      BatchPrediction: {
        type: "object",
        required: ["law", "output", "count", "values", "intervals", "extrapolated", "warnings"],
        properties: {
          law: { type: "string" },
          output: obj,
          count: { type: "integer" },
          values: { type: "array", items: { type: "number" } },
          intervals: { type: "array", items: { oneOf: [{ $ref: "#/components/schemas/Interval" }, { type: "null" }] }, description: "Each point's interval, as GET predict answers it there" },
          extrapolated: { type: "array", items: { type: "boolean" } },
          warnings: { type: "array", items: { type: "string" } },
        },
      },
      FitRequest: fromZod(fitRequestSchema, "input"),
      ScheduleRequest: fromZod(scheduleRequestSchema, "input"),
      FitResponse: fromZod(fitResponseSchema, "output"),
      Comparison: {
        type: "object",
        required: ["x", "y", "series", "warnings"],
        properties: {
          x: obj,
          y: obj,
          series: {
            type: "array",
            items: {
              type: "object",
              required: ["law", "name", "paper", "citation", "label", "mode", "points", "extrapolated", "band", "warnings"],
              properties: {
                law: { type: "string" },
                name: { type: "string" },
                paper: { type: "string" },
                citation: { type: ["string", "null"], examples: ["Hoffmann et al. 2022"] },
                label: { type: "string", description: "What legends call the curve: paper and law" },
                mode: { type: "string", enum: ["direct", "frontier"] },
                points: { type: "array", items: { type: "array", items: { type: ["number", "null"] } }, description: "[x, y] with y null at gaps" },
                extrapolated: { type: "array", items: { type: "boolean" } },
                band: { type: ["array", "null"], items: { type: ["array", "null"], items: { type: "number" } }, description: "95% interval per point" },
                warnings: { type: "array", items: { type: "string" } },
              },
            },
          },
          warnings: { type: "array", items: { type: "string" } },
          table: {
            type: "object",
            description: "Present when `at` is given: the comparison at exactly those x (same shape, plus `at`)",
            required: ["at", "x", "y", "series", "warnings"],
            properties: { at: { type: "array", items: { type: "number" } }, x: obj, y: obj, series: { type: "array", items: obj }, warnings: { type: "array", items: { type: "string" } } },
          },
        },
      },
    },
  },
} as const;
