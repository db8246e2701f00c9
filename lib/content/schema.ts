import { z } from "zod";

/**
 * The content format: one paper per MDX file, its YAML frontmatter validated
 * here. Objects are strict so that a misspelt key is an error, not a silently
 * ignored field. Every number carries where in the paper it was printed.
 *
 * "Exactly one of" is a union of shapes the type system sees (a coefficient
 * has a value or a printed form; a check evaluates the law at inputs or an
 * expression `of` its coefficients). A plain zod union reports every arm's
 * errors at once ("Invalid input" for the whole object), and
 * z.discriminatedUnion needs a tag key these shapes do not have; `oneOf`
 * first picks the arm meant, by which key the input has, so errors name the
 * field of that arm. (Its input type is unknown: these schemas read content.
 * The shapes the site serves, lib/content/resolved.ts, are plain objects.)
 */
const SLUG = "[a-z0-9]+(?:-[a-z0-9]+)*";
/** A slug (a paper, a law key, a domain): lowercase words joined by hyphens. */
export const slugSchema = z.string().max(120).regex(new RegExp(`^${SLUG}$`), "must be lowercase words joined by hyphens");
const slug = slugSchema;
/** A law id: `<paper-slug>/<law-id>` for a law's first coefficient set, `~<variant>` appended for the others. */
export const LAW_ID = new RegExp(`^${SLUG}/${SLUG}(?:~${SLUG})?$`);
export const lawIdSchema = z.string().max(250).regex(LAW_ID, "must be a law id like paper-slug/law-id");
/** A new-style arXiv id, quoted in YAML so that it stays a string. */
const arxivId = z.string().regex(/^\d{4}\.\d{4,5}$/, 'must be a new-style arXiv id like "2203.15556" (quoted)');
/** A symbol: an input, output or coefficient name (N, alpha, C_min). */
export const SYMBOL = "[A-Za-z][A-Za-z0-9_]*";
const symbol = z.string().regex(new RegExp(`^${SYMBOL}$`), "must be a name like N, alpha or C_min");
const location = z.string().trim().min(1, "must say where in the paper this is printed");
const text = z.string().min(1);
/** A message for a missing key, zod's own for anything else. */
const required = (message: string) => ({ error: (issue: { input: unknown }) => (issue.input === undefined ? message : undefined) });
const finiteNumber = (missing?: string) => z.number(missing === undefined ? undefined : required(missing)).refine(Number.isFinite, "must be a finite number");
const finite = finiteNumber();
/** A key one arm of a union must not have: absent in the type (`?: undefined`), the message when given. */
const absent = (message: string) => z.never({ error: message }).optional();

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Why no arm fits an input, at the field that says so. */
interface NoArm {
  path: PropertyKey[];
  message: string;
}

/**
 * One of several object shapes, the arm chosen by `pick` from the keys the
 * input has: the value is that arm's, its errors (with their fields) are that
 * arm's, and its type is the union of the arms. Arms exclude each other (a
 * key one requires, the others have `absent`), so the type says which keys
 * go together.
 */
function oneOf<const Arms extends readonly [z.ZodType, ...z.ZodType[]]>(_arms: Arms /* every shape, for the type */, pick: (input: Record<string, unknown>) => Arms[number] | NoArm) {
  return z.unknown().transform((input, ctx): z.output<Arms[number]> => {
    if (!isRecord(input)) {
      ctx.addIssue({ code: "custom", message: "must be a mapping of keys to values" });
      return z.NEVER;
    }
    const arm = pick(input);
    if (!(arm instanceof z.ZodType)) {
      ctx.addIssue({ code: "custom", message: arm.message, path: arm.path });
      return z.NEVER;
    }
    const r = arm.safeParse(input);
    if (r.success) return r.data;
    // the arm's issues as they are (code, path, message), under this value's path
    for (const issue of r.error.issues) ctx.addIssue({ ...issue });
    return z.NEVER;
  });
}

const TOLERANCE = "give exactly one of rel_tol or abs_tol";
const relTol = finiteNumber(TOLERANCE).refine((v) => v > 0 && v < 1, "must be between 0 and 1");
const absTol = finiteNumber(TOLERANCE).refine((v) => v > 0, "must be positive");

/** A shape with its tolerance: relative (rel_tol) or absolute (abs_tol), exactly one. */
function tolerant<S extends z.core.$ZodLooseShape>(shape: S) {
  return [z.strictObject({ ...shape, rel_tol: relTol, abs_tol: absent(TOLERANCE) }), z.strictObject({ ...shape, abs_tol: absTol, rel_tol: absent(TOLERANCE) })] as const;
}
const byTolerance = (input: Record<string, unknown>): 0 | 1 => (Object.hasOwn(input, "abs_tol") ? 1 : 0);
const withTolerance = <S extends z.core.$ZodLooseShape>(shape: S) => {
  const arms = tolerant(shape);
  return oneOf(arms, (input) => arms[byTolerance(input)]);
};

/**
 * Other names a reader knows a paper or a law by ("Chinchilla" for Hoffmann
 * et al. 2022): search ranks a match on them first. Enter only names that are
 * true of this paper or law, not related work's.
 */
const aliases = z
  .array(z.string().trim().min(1).max(80))
  .min(1)
  .max(10)
  .refine((a) => new Set(a.map((x) => x.toLowerCase())).size === a.length, "must not repeat a name")
  .optional();

export const outputSchema = z.strictObject({
  symbol,
  quantity: slug,
  unit: z.string().min(1),
  latex: z.string().min(1).optional(),
  /** The data the value is measured on, as a short name (WebText2, MassiveText): compare warns when two laws' differ. Details go in note. */
  dataset: z.string().min(1).optional(),
  note: z.string().min(1).optional(),
});

const range = z
  .tuple([finite, finite])
  .refine(([lo, hi]) => lo > 0 && hi > lo, "must be [low, high] with 0 < low < high");

const inputObject = z.strictObject({
  symbol,
  quantity: slug,
  unit: z.string().min(1),
  latex: text.optional(),
  description: text.optional(),
  /** How the paper counts this quantity when papers differ (e.g. compute as 6ND over non-embedding parameters). */
  convention: text.optional(),
  /** The range of the data the law was fitted on, as the paper states it. */
  range: range.optional(),
  range_source: location.optional(),
  /**
   * Which values the input takes. Most inputs are positive quantities (sizes,
   * counts, compute), and that is the default; a few are not, such as the
   * annealing area of a learning-rate schedule, which is zero while the rate
   * has never decreased and negative after a re-warmup ("real"). An input
   * that may be zero or negative has no fitted range in decades.
   */
  domain: z.enum(["positive", "nonnegative", "real"]).optional(),
  /**
   * Span to draw on charts when the paper prints no fitted range. A drawing
   * choice, not a claim about the fit: nothing is marked as extrapolated.
   */
  plot: range.optional(),
  /**
   * For a law derived from others (an optimum in compute from a fit in N and
   * D): its fitted range is computed by the build from a parent law's fitted
   * ranges, as the extremes of `expr` (of the parent's inputs) over them, in
   * `unit` (a unit of this input's quantity).
   */
  range_from: z
    .strictObject({
      law: lawIdSchema,
      expr: z.string().min(1),
      unit: z.string().min(1),
    })
    .optional(),
});

/** An input as the site serves it: a derived range (range_from) is filled in by the build, with its range_source. */
export const resolvedInputSchema = inputObject
  .refine((i) => i.domain === undefined || i.domain === "positive" || (i.range === undefined && i.range_from === undefined), {
    message: "a fitted range is judged in decades, so only a positive input can have one",
    path: ["domain"],
  })
  .refine((i) => i.range === undefined || i.range_source !== undefined, {
    message: "a fitted range needs range_source (where the paper states it)",
    path: ["range_source"],
  });

export const inputSchema = resolvedInputSchema.refine((i) => i.range_from === undefined || (i.range === undefined && i.range_source === undefined), {
  message: "give a printed range or range_from, not both",
  path: ["range_from"],
});

const VALUE_OR_PRINTED = "give exactly one of value or printed";
const coefficientShape = {
  symbol,
  stderr: finite.refine((v) => v >= 0, "must not be negative").optional(),
  source: location,
  latex: text.optional(),
  note: text.optional(),
};
/** The value as the source writes it when that is not a plain number, e.g. exp(6.0073404). */
const printedText = z.string().min(1);
/** A coefficient as printed: a plain number (value), or an expression of numbers (printed). */
const coefficientArms = [
  z.strictObject({ ...coefficientShape, value: finiteNumber(VALUE_OR_PRINTED), printed: absent(VALUE_OR_PRINTED) }),
  z.strictObject({ ...coefficientShape, printed: printedText, value: absent(VALUE_OR_PRINTED) }),
] as const;
export const coefficientSchema = oneOf(coefficientArms, (input) => coefficientArms[Object.hasOwn(input, "printed") ? 1 : 0]);

/**
 * A coefficient as the site serves it: its value always (computed from
 * `printed` when the source prints an expression), and `step`, the unit in
 * the last digit of the value as written in content (9.91e6 → 1e4), which the
 * build reads from the file.
 */
export const resolvedCoefficientSchema = z.strictObject({
  ...coefficientShape,
  value: finite,
  printed: printedText.optional(),
  step: finite.refine((v) => v > 0, "must be positive").optional(),
});

/**
 * What a value check tests, from strongest to weakest (the build enforces the rules):
 * prediction: the law at `inputs` against a value the paper measured (a run's
 *   loss, a held-out model's score), named in `measured`;
 * derived: a number the paper computed from its own fitted coefficients (an
 *   optimum, a crossover, an exponent ratio, a projection from its formula);
 *   it must depend on two or more fitted coefficients;
 * cross-check: one coefficient against a second printing, or any number
 *   computed from a single coefficient: it confirms a transcription, not a law;
 * discrepancy: a printed number the coefficients do not reproduce, kept
 *   visible; the build fails if it starts to reproduce.
 * All but discrepancy must land within tolerance. (Refits are `kind: refit`.)
 */
export const valueCheckKindSchema = z.enum(["prediction", "derived", "cross-check", "discrepancy"]);
const computedKind = valueCheckKindSchema.exclude(["prediction"]);

const ONE_TARGET = "give exactly one of inputs or of";
const PREDICTION_INPUTS = "a prediction evaluates the law at inputs: give inputs (a number computed from the coefficients alone is derived or a cross-check)";
const WITH_NEEDS_OF = "coefficients of another fit are used in an `of` expression: give of";
const MEASURED_ONLY = "only a prediction compares with a measurement: remove measured or make the kind prediction";
/** Evaluate the law at these inputs ... */
const checkInputs = (missing: string) => z.record(z.string(), finite, required(missing));
/**
 * Coefficients of another fit of the same paper that `of` uses, under a
 * local name: `{ kappa_act: { variant: pythia-70m, symbol: kappa } }`.
 * `law` (a law id of this paper) defaults to this law, `variant` to the
 * law's first coefficient set. A number the paper computes from two fits
 * (a ratio of slopes, a difference of limits) is derived from both.
 */
const otherFits = z
  .record(
    symbol,
    z.strictObject({
      law: z.string().regex(/^[a-z0-9-]+$/, "must be a law id of this paper, like loss-nd").optional(),
      variant: z.string().regex(/^[a-z0-9-]+$/, "must be a variant id").optional(),
      symbol,
    }),
  )
  .refine((w) => Object.keys(w).length > 0, "name at least one coefficient, or leave with out");

/**
 * The arms of a value check, each with either tolerance: a prediction (at
 * inputs, against what the paper measured), or a number the paper computed,
 * at inputs or as an expression `of` the coefficients. `extra` adds keys the
 * build fills in (the resolved law's `bound`).
 */
function valueCheckArms<E extends z.core.$ZodLooseShape>(extra: E) {
  const base = { expect: finite, source: location, note: text.optional(), ...extra };
  return {
    prediction: tolerant({
      ...base,
      kind: z.literal("prediction"),
      inputs: checkInputs(PREDICTION_INPUTS),
      /** What the paper measured (the run, the model, the metric). */
      measured: z.string({ error: (issue) => (issue.input === undefined ? "a prediction names what the paper measured: give measured" : undefined) }).trim().min(1),
      of: absent("a prediction evaluates the law at inputs, not an `of` expression: remove of (a number computed from the coefficients alone is derived or a cross-check)"),
      with: absent(WITH_NEEDS_OF),
    }),
    atInputs: tolerant({ ...base, kind: computedKind, inputs: checkInputs(ONE_TARGET), of: absent(ONE_TARGET), with: absent(WITH_NEEDS_OF), measured: absent(MEASURED_ONLY) }),
    /** ... or evaluate this expression of the coefficients (a derived number such as an exponent). */
    ofExpr: tolerant({ ...base, kind: computedKind, of: z.string().min(1), with: otherFits.optional(), inputs: absent(ONE_TARGET), measured: absent(MEASURED_ONLY) }),
  };
}

/** The arm of a value check an input means (by kind, then inputs or of, then the tolerance), or why none. */
function pickValueCheck<T extends Record<"prediction" | "atInputs" | "ofExpr", readonly [z.ZodType, z.ZodType]>>(arms: T, input: Record<string, unknown>): T[keyof T & ("prediction" | "atInputs" | "ofExpr")][0 | 1] | NoArm {
  const tolerance = byTolerance(input);
  if (input.kind === "prediction") return arms.prediction[tolerance];
  if (computedKind.safeParse(input.kind).success) return (Object.hasOwn(input, "of") ? arms.ofExpr : arms.atInputs)[tolerance];
  return { path: ["kind"], message: `Invalid option: expected one of ${[...valueCheckKindSchema.options, "refit"].map((k) => JSON.stringify(k)).join("|")}` };
}

/** A value check, with `extra` keys (see valueCheckArms). */
export function valueCheckOf<E extends z.core.$ZodLooseShape>(extra: E) {
  const arms = valueCheckArms(extra);
  return oneOf([...arms.prediction, ...arms.atInputs, ...arms.ofExpr], (input) => pickValueCheck(arms, input));
}
const valueArms = valueCheckArms({});
export const valueCheckSchema = valueCheckOf({});

/** The objectives the fitting engine offers (see lib/fit). */
export const lossSchema = z.enum(["huber-log", "mse-log", "mse"]);

/**
 * A refit: the law's free coefficients fitted again to data its authors
 * released, by the paper's own procedure, at build time. It must reproduce
 * the published values (by default this coefficient set's own), the
 * published objective, or printed prediction errors, within tolerance.
 */
export const refitCheckSchema = z.strictObject({
  kind: z.literal("refit"),
  /** A dataset declared in content/datasets/. */
  dataset: slug,
  /** One of the dataset's named subsets (the paper's filters). */
  subset: slug.optional(),
  /** Law symbol (every input and the output) → dataset column. */
  columns: z.record(symbol, z.string().min(1)),
  objective: z.strictObject({
    loss: lossSchema,
    delta: finite.refine((v) => v > 0, "must be positive").optional(),
  }),
  /** Coefficients the procedure fits as natural logs (a = log A). */
  log: z.array(symbol).default([]),
  /** Evaluate the sum of power laws as log-sum-exp, as the paper's code does. */
  lse: z.boolean().default(false),
  /** Coefficients held at this set's published values (a second stage that fits only the rest). */
  fixed: z.array(symbol).default([]),
  /** Starts in the fitted parametrisation: the published values, a grid, or listed points. */
  starts: z.union([
    z.literal("published"),
    z.strictObject({ grid: z.record(symbol, z.array(finite).min(1).max(100)) }),
    z.strictObject({ points: z.array(z.record(symbol, finite)).min(1).max(1000) }),
  ]),
  expect: z
    .strictObject({
      /** The fitted coefficients against `values` (default: this set's published coefficients). */
      coefficients: withTolerance({ values: z.record(symbol, finite).optional() }).optional(),
      /** The objective at the optimum against the published one. */
      objective: withTolerance({ value: finite }).optional(),
      /** Numbers the paper derives from its fitted coefficients (an exponent ratio, an optimum), computed from the refit's. */
      derived: z
        .array(withTolerance({ of: z.string().min(1), value: finite, source: location }))
        .min(1)
        .optional(),
      /** Printed relative errors of predictions of held-out rows: |f(row) − measured| / measured. */
      predictions: z
        .array(
          withTolerance({
            /** The row's label (the dataset's label column). */
            row: z.string().min(1),
            relative_error: finite.refine((v) => v >= 0, "must not be negative"),
            /** Inputs taken from another law's refit at the same row (law key in this paper): e.g. { L: loss-nm }. */
            via: z.record(symbol, slug).optional(),
            source: location,
          }),
        )
        .min(1)
        .optional(),
    })
    .refine((e) => e.coefficients || e.objective || e.derived || e.predictions, { message: "say what the refit must reproduce: coefficients, objective, derived numbers or predictions" }),
  /** reproduces (default), or discrepancy: a published fit the data do not give back (the build fails if it starts to). */
  outcome: z.enum(["reproduces", "discrepancy"]).default("reproduces"),
  source: location,
  note: text.optional(),
});

/** A check is a value check (inputs or of) or a refit; `kind` tells which. */
export const checkSchema = oneOf([...valueArms.prediction, ...valueArms.atInputs, ...valueArms.ofExpr, refitCheckSchema], (input) =>
  input.kind === "refit" ? refitCheckSchema : pickValueCheck(valueArms, input),
);

export type ValueCheck = z.infer<typeof valueCheckSchema>;
export type RefitCheck = z.infer<typeof refitCheckSchema>;

export const linkSchema = z.strictObject({
  type: z.enum(["refits", "replicates", "extends", "disputes", "uses-form-of"]),
  /** A law id `<paper-slug>/<law-id>[~variant]`. */
  target: lawIdSchema,
  note: text.optional(),
});

const verificationShape = {
  /** paper: read in the paper itself; code: the authors' code; secondary: a named secondary source */
  level: z.enum(["paper", "code", "secondary"]),
  /** What was read: the PDF/HTML version, a repository path and commit, or the secondary source. */
  source: z.string().trim().min(1),
  note: z.string().trim().min(1).optional(),
};
export const verificationSchema = z.strictObject(verificationShape);

/** One set of coefficients for a law, with its own provenance and checks. */
const coefficientSet = (missing?: string) => ({
  coefficients: z.array(coefficientSchema, missing === undefined ? undefined : required(missing)).min(1),
  verification: z.strictObject(verificationShape, missing === undefined ? undefined : required(missing)),
  checks: z.array(checkSchema).default([]),
  /** Why a law has no check, when the source prints nothing it could be checked against. */
  unchecked: z.string().trim().min(1).optional(),
});

export const variantSchema = z.strictObject({
  id: slug,
  label: z.string().min(1),
  source: location,
  note: text.optional(),
  ...coefficientSet(),
});

/** A coefficient a form-only law leaves free: the paper states the form but prints no value. */
export const freeSchema = z.strictObject({
  symbol,
  latex: text.optional(),
  description: text.optional(),
});

const FORM_ONLY = "a form-only law (free:) has no coefficients, variants or checks";
const IN_VARIANTS = "belongs inside each variant when variants are given";
const lawShape = {
  id: slug,
  name: z.string().min(1),
  aliases,
  description: text.optional(),
  expr: z.string().min(1),
  output: outputSchema,
  inputs: z.array(inputSchema).min(1),
  source: location,
  links: z.array(linkSchema).default([]),
};
/** A form-only law's checks: refits of its form to released data, nothing else. */
const formCheckSchema = oneOf([refitCheckSchema], (input) =>
  input.kind === "refit" ? refitCheckSchema : { path: [], message: "a form-only law (free:) has no value checks; only refits (kind: refit), which fit its form to released data" },
);
/**
 * A law has a single coefficient set, or several (variants: e.g. printed,
 * rounded and unrounded values of one fit), or none (free: a form whose
 * coefficients the paper does not print, never offered for prediction).
 */
const lawArms = {
  single: z.strictObject({ ...lawShape, ...coefficientSet("is required (or give variants)"), variants: absent(IN_VARIANTS), free: absent(FORM_ONLY) }),
  variants: z.strictObject({
    ...lawShape,
    variants: z.array(variantSchema).min(2),
    coefficients: absent(IN_VARIANTS),
    verification: absent(IN_VARIANTS),
    checks: absent(IN_VARIANTS),
    unchecked: absent(IN_VARIANTS),
    free: absent(FORM_ONLY),
  }),
  form: z.strictObject({
    ...lawShape,
    free: z.array(freeSchema).min(1),
    verification: z.strictObject(verificationShape, required("is required: say where the form was read")),
    checks: z.array(formCheckSchema).default([]),
    coefficients: absent(FORM_ONLY),
    variants: absent(FORM_ONLY),
    unchecked: absent(FORM_ONLY),
  }),
};
export const lawSchema = oneOf([lawArms.single, lawArms.variants, lawArms.form], (input) =>
  Object.hasOwn(input, "free") ? lawArms.form : Object.hasOwn(input, "variants") ? lawArms.variants : lawArms.single,
);

/** A named law the paper states in words, without a formula (e.g. "law of the weakest link"). */
export const statementSchema = z.strictObject({
  id: slug,
  name: z.string().min(1),
  statement: z.string().trim().min(1),
  source: location,
  verification: verificationSchema,
});

export const paperSchema = z.strictObject({
  title: z.string().min(1),
  aliases,
  authors: z.array(z.string().min(1)).min(1),
  year: z.number().int().min(1600).max(2100),
  arxiv: arxivId.optional(),
  venue: z.string().min(1).optional(),
  url: z.string().url().optional(),
  domains: z.array(slug).min(1),
  /** A short summary in our own words. */
  summary: z.string().trim().min(1),
  /** The paper's abstract, only when quoted from the paper itself. */
  abstract: z.string().trim().min(1).optional(),
  seed: z.number().int().min(1).optional(),
  laws: z.array(lawSchema).default([]),
  statements: z.array(statementSchema).default([]),
});

export const seedSchema = z.strictObject({ n: z.number().int().min(1), title: z.string().min(1) });
export const seedsFileSchema = z.array(seedSchema).min(1);

export const exclusionSchema = z.strictObject({
  seed: z.number().int().min(1),
  title: z.string().min(1),
  arxiv: arxivId.optional(),
  reason: z.string().trim().min(1),
});
export const exclusionsFileSchema = z.array(exclusionSchema);

export const domainSchema = z.strictObject({
  id: slug,
  name: z.string().min(1),
  parent: slug.optional(),
  description: z.string().min(1).optional(),
});
export const domainsFileSchema = z.array(domainSchema).min(1);

export const quantitySchema = z.strictObject({
  id: slug,
  name: z.string().min(1),
  /** Quantities of one family are related but not equal (e.g. total vs non-embedding parameters). */
  family: slug.optional(),
  description: z.string().min(1).optional(),
  /** Units with their factor to the first (base) unit: value_in_base = value * factor. */
  units: z.record(z.string().min(1), finite.refine((v) => v > 0, "must be positive")),
});
export const quantitiesFileSchema = z.array(quantitySchema).min(1);

/** A column of a released dataset: a quantity with its unit, or a label or flag (no quantity). */
export const datasetColumnSchema = z.strictObject({
  name: z.string().min(1),
  quantity: slug.optional(),
  unit: z.string().min(1).optional(),
  type: z.enum(["number", "text"]).default("number"),
  description: z.string().trim().min(1),
}).refine((c) => (c.quantity === undefined) === (c.unit === undefined), { message: "give quantity and unit together", path: ["unit"] });

/** A row filter: column → value, list of values (any of), or [min, max] range ({ between: [lo, hi] }). */
const whereValue = z.union([
  finite,
  z.string().min(1),
  z.array(z.union([finite, z.string().min(1)])).min(1).max(1000),
  z.strictObject({ between: z.tuple([finite, finite]) }),
]);

export const datasetSubsetSchema = z.strictObject({
  id: slug,
  description: z.string().trim().min(1),
  where: z.record(z.string().min(1), whereValue),
  /** How many rows the filter must select (a guard against a changed file or a wrong filter). */
  rows: z.number().int().min(1),
});

/**
 * Training-run data an paper's authors released. The file itself is never in
 * the repository (licences differ): the build reads it from LAWDEX_DATA_DIR
 * and checks it byte for byte against sha256.
 */
export const datasetSchema = z.strictObject({
  id: slug,
  title: z.string().min(1),
  /** The registry paper whose authors released (or extracted) the data. */
  paper: slug,
  /** Papers whose runs these are, when not the releasing paper (e.g. Hoffmann et al.'s runs extracted by Besiroglu et al.). */
  runs_of: slug.optional(),
  file: z.string().regex(/^[A-Za-z0-9._-]+\.csv$/, "must be a plain file name ending in .csv"),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, "must be 64 lowercase hex digits"),
  rows: z.number().int().min(1),
  licence: z.string().trim().min(1),
  /** Whether the site may hand the file to readers (e.g. to fit in /fit): only under a licence that allows redistribution. */
  serve: z.boolean(),
  source: z.strictObject({
    repository: z.string().regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, "must be owner/name on GitHub"),
    commit: z.string().regex(/^[0-9a-f]{40}$/, "must be a full 40-digit commit"),
    paths: z.array(z.string().min(1)).min(1),
    /** Where the procedure of the published fit was read. */
    procedure: z.string().min(1),
  }),
  /** What was done to the authors' files to make this CSV. */
  conversion: z.string().trim().min(1),
  /**
   * How `npm run data:fetch` rebuilds the file from the authors' source when it
   * is missing: download the source at its commit, check its sha256, convert
   * (columns copied, derived or flagged), and check the result's sha256. Absent
   * where the conversion is not a table-to-table one (a notebook, many files).
   */
  fetch: z
    .strictObject({
      url: z.string().url().refine((u) => u.startsWith("https://"), "must be an https URL"),
      sha256: z.string().regex(/^[0-9a-f]{64}$/, "must be 64 lowercase hex digits"),
      format: z.enum(["csv", "jsonl"]),
      columns: z
        .array(
          z.union([
            z.strictObject({ name: z.string().min(1), from: z.string().min(1) }),
            z.strictObject({ name: z.string().min(1), expr: z.string().min(1) }),
            z.strictObject({ name: z.string().min(1), flag: z.record(z.string().min(1), whereValue) }),
            z.strictObject({ name: z.string().min(1), largest: z.strictObject({ of: z.string().min(1), count: z.number().int().min(1) }) }),
          ]),
        )
        .min(1),
    })
    .optional(),
  /** The column that names a row (for prediction checks and tables). */
  label: z.string().min(1).optional(),
  columns: z.array(datasetColumnSchema).min(1),
  subsets: z.array(datasetSubsetSchema).default([]),
  note: z.string().trim().min(1).optional(),
});

export type PaperFrontmatter = z.infer<typeof paperSchema>;
export type Dataset = z.infer<typeof datasetSchema>;
export type DatasetSubset = z.infer<typeof datasetSubsetSchema>;
export type LawContent = z.infer<typeof lawSchema>;
export type CheckContent = ValueCheck;
export type CoefficientContent = z.infer<typeof coefficientSchema>;
export type Verification = z.infer<typeof verificationSchema>;
export type InputContent = z.infer<typeof inputSchema>;
export type OutputContent = z.infer<typeof outputSchema>;
export type LinkContent = z.infer<typeof linkSchema>;
export type Domain = z.infer<typeof domainSchema>;
export type Statement = z.infer<typeof statementSchema>;
export type Seed = z.infer<typeof seedSchema>;
export type Exclusion = z.infer<typeof exclusionSchema>;
export type FreeCoefficient = z.infer<typeof freeSchema>;
export type Quantity = z.infer<typeof quantitySchema>;
