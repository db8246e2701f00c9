/**
 * A law as data, and what can be done with it: resolve it from content
 * (variants flattened into laws of their own, expression validated against
 * its declared symbols), evaluate it with a report of how far each input lies
 * outside the fitted range, and run its checks. Pure: no Next.js, no database.
 */
import { decadesOutside, side } from "./span";
import { compile, type Compiled, ExprError, prepare, symbolsOf, toLatex, symbolLatex } from "./expr";
import type { CoefficientContent, LawContent, RefitCheck } from "./content/schema";
import type { BoundCoefficient, Check, Coefficient, Law, Variant } from "./content/resolved";
import { LawdexError, invalid } from "./errors";
import { toInputNumber, toPositiveNumber } from "./numeric";
import { ILL_CONDITIONED, IMPRECISE, formatSensitivity, pointSensitivity } from "./precision";

export { toPositiveNumber };
export type { BoundCoefficient, Check, Coefficient, Law, Variant };
export type Input = Law["inputs"][number];
export type Output = Law["output"];
export type Link = Law["links"][number];
/** A law in content with no coefficients: a form whose coefficients the paper does not print. */
type FormContent = Extract<LawContent, { free: unknown[] }>;

/** A field-level problem in a law; the content loader prefixes the file. */
export class LawError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = "LawError";
    this.field = field;
  }
}

const constantScope = { symbols: new Set<string>() };

/** The value of a coefficient the source prints as an expression of numbers, e.g. exp(6.0073404). */
export function printedValue(printed: string): number {
  const tree = prepare(printed, constantScope);
  const value = compile(tree, { inputs: [], constants: new Map() })([]);
  if (!Number.isFinite(value)) throw new ExprError(`"${printed}" is not a finite number`, null);
  return value;
}

export function lawId(paper: string, key: string, variant?: string): string {
  return variant ? `${paper}/${key}~${variant}` : `${paper}/${key}`;
}

/**
 * Validates a law's expression against its declared names (inputs, then
 * coefficients or free coefficients) and requires every declared name to be
 * used: an unused one is almost always a typo in expr or in the declaration.
 */
function checkExpression(expr: string, field: string, inputs: string[], others: string[], othersField: string): void {
  let used: string[];
  try {
    used = symbolsOf(prepare(expr, { symbols: new Set([...inputs, ...others]) }));
  } catch (e) {
    throw new LawError(`${field}.expr`, e instanceof Error ? e.message : String(e));
  }
  for (const s of [...inputs, ...others]) {
    if (!used.includes(s)) throw new LawError(inputs.includes(s) ? `${field}.inputs` : othersField, `${s} is declared but not used in expr "${expr}"`);
  }
}

/**
 * Expands one content law into one Law per coefficient set, validating the
 * expression. `step` gives the unit in the last printed digit of a
 * coefficient's value as the file writes it (read by the content loader).
 */
export function resolveLaw(paper: string, content: LawContent, field: string, step: (c: CoefficientContent) => number | undefined = () => undefined): Law[] {
  const inputSymbols = content.inputs.map((i) => i.symbol);
  const dupInput = inputSymbols.find((s, i) => inputSymbols.indexOf(s) !== i);
  if (dupInput) throw new LawError(`${field}.inputs`, `input ${dupInput} is declared twice`);

  if (content.free) return [resolveForm(paper, content, field)];
  const sets = content.variants
    ? content.variants.map((v, i) => ({ ...v, variant: { id: v.id, label: v.label, source: v.source, note: v.note }, field: `${field}.variants[${i}]` }))
    : [{ ...content, variant: null, field }];
  const variantIds = content.variants?.map((v) => v.id) ?? [];
  const dupVariant = variantIds.find((s, i) => variantIds.indexOf(s) !== i);
  if (dupVariant) throw new LawError(`${field}.variants`, `variant ${dupVariant} is declared twice`);

  return sets.map((set, index) => {
    const coefficients = set.coefficients.map((c, i): Coefficient => {
      const at = `${set.field}.coefficients[${i}]`;
      if (inputSymbols.includes(c.symbol)) throw new LawError(at, `${c.symbol} is already an input`);
      const last = step(c);
      const stepped = last === undefined ? {} : { step: last };
      if (c.printed === undefined) return { ...c, ...stepped };
      try {
        return { ...c, value: printedValue(c.printed), ...stepped };
      } catch (e) {
        throw new LawError(`${at}.printed`, e instanceof Error ? e.message : String(e));
      }
    });
    const coefSymbols = coefficients.map((c) => c.symbol);
    const dupCoef = coefSymbols.find((s, i) => coefSymbols.indexOf(s) !== i);
    if (dupCoef) throw new LawError(`${set.field}.coefficients`, `coefficient ${dupCoef} is declared twice`);

    checkExpression(content.expr, field, inputSymbols, coefSymbols, `${set.field}.coefficients`);
    if (set.checks.length === 0 && !set.unchecked) {
      throw new LawError(`${set.field}.checks`, "a quantitative law needs at least one check (or an `unchecked` reason)");
    }
    const { values, refits } = splitChecks(set.checks, set.field);
    refits.forEach(({ check, index }) =>
      checkRefit(check, `${set.field}.checks[${index}]`, content, coefSymbols, new Map(coefficients.map((c) => [c.symbol, c.value]))),
    );
    set.checks.forEach((check, i) => {
      if (check.kind === "refit") return;
      const at = `${set.field}.checks[${i}]`;
      for (const name of Object.keys(check.with ?? {})) {
        if (coefSymbols.includes(name) || inputSymbols.includes(name)) {
          throw new LawError(`${at}.with.${name}`, `${name} is already a symbol of this law; name the other fit's coefficient differently`);
        }
      }
      if (check.kind === "derived") {
        const deps = checkDependsOn(content.expr, inputSymbols, coefSymbols, check);
        if (deps.length < 2) {
          throw new LawError(
            `${at}.kind`,
            `${lawId(paper, content.id, set.variant?.id)}: a derived check must depend on two or more fitted coefficients, but ${check.of ?? "the law at these inputs"} depends on ${deps.length ? deps.join(", ") : "none"}; make it a cross-check (one coefficient against a second printing)`,
          );
        }
      }
    });
    set.checks.forEach((check, i) => {
      if (check.kind === "refit" || !check.inputs) return;
      const at = `${set.field}.checks[${i}].inputs`;
      for (const s of Object.keys(check.inputs)) {
        if (!inputSymbols.includes(s)) throw new LawError(`${at}.${s}`, `${s} is not an input of this law`);
      }
      for (const input of content.inputs) {
        const v = check.inputs[input.symbol];
        if (v === undefined) throw new LawError(at, `missing input ${input.symbol}`);
        const domain = input.domain ?? "positive";
        if ((domain === "positive" && !(v > 0)) || (domain === "nonnegative" && !(v >= 0))) {
          throw new LawError(
            `${at}.${input.symbol}`,
            `${input.symbol} = ${v} is outside the input's domain (${domain === "positive" ? "greater than 0" : "0 or greater"}); the law is never evaluated there`,
          );
        }
      }
    });

    return {
      id: lawId(paper, content.id, index === 0 ? undefined : set.variant?.id),
      ...stated(paper, content),
      coefficients,
      variant: set.variant,
      variants: (content.variants ?? []).map((v, i) => ({ id: lawId(paper, content.id, i === 0 ? undefined : v.id), label: v.label })),
      verification: set.verification,
      checks: values,
      refits: refits.map((r) => r.check),
      unchecked: set.unchecked,
    };
  });
}

/**
 * The fitted coefficients a value check's number depends on, read from the
 * expression tree: those in its `of` expression, or those in the law's
 * expression when the law is evaluated at inputs.
 */
export function checkDependsOn(
  expr: string,
  inputs: readonly string[],
  coefficients: readonly string[],
  check: Pick<Check, "of" | "with" | "bound">,
): string[] {
  const others = Object.keys(check.with ?? {});
  const all = new Set([...inputs, ...coefficients]);
  const used = symbolsOf(prepare(check.of ?? expr, { symbols: check.of ? new Set([...coefficients, ...others]) : all }));
  const describe = (name: string): string => {
    const b = check.bound?.[name];
    return b ? `${name} (${b.symbol} of ${b.law})` : name;
  };
  return [...coefficients.filter((c) => used.includes(c)), ...others.filter((c) => used.includes(c)).map(describe)];
}

/** Where each refit was written in content (`laws[0].variants[1].checks[2]`), for problems found when it runs. */
export const refitField = new WeakMap<RefitCheck, string>();

function splitChecks(checks: readonly (Check | RefitCheck)[], field: string): { values: Check[]; refits: { check: RefitCheck; index: number }[] } {
  const values: Check[] = [];
  const refits: { check: RefitCheck; index: number }[] = [];
  checks.forEach((c, index) => {
    if (c.kind === "refit") {
      refits.push({ check: c, index });
      refitField.set(c, `${field}.checks[${index}]`);
    } else values.push(c);
  });
  return { values, refits };
}

/**
 * The names a refit uses must be the law's: columns for every input and the
 * output, log/fixed/grid/expected values for its coefficients only, starts
 * covering exactly the coefficients it fits.
 */
function checkRefit(refit: RefitCheck, field: string, content: LawContent, coefSymbols: string[], published: Map<string, number> | null): void {
  const symbols = [...content.inputs.map((i) => i.symbol), content.output.symbol];
  for (const s of symbols) if (!Object.hasOwn(refit.columns, s)) throw new LawError(`${field}.columns`, `missing a column for ${s}`);
  for (const s of Object.keys(refit.columns)) if (!symbols.includes(s)) throw new LawError(`${field}.columns.${s}`, `${s} is not an input or the output of this law`);
  const coef = (s: string, at: string) => {
    if (!coefSymbols.includes(s)) throw new LawError(at, `${s} is not a coefficient of this law (${coefSymbols.join(", ")})`);
  };
  refit.log.forEach((s, i) => coef(s, `${field}.log[${i}]`));
  refit.fixed.forEach((s, i) => coef(s, `${field}.fixed[${i}]`));
  if (refit.fixed.length > 0 && !published) throw new LawError(`${field}.fixed`, "a form-only law has no published values to hold fixed");
  const fitted = coefSymbols.filter((s) => !refit.fixed.includes(s));
  if (fitted.length === 0) throw new LawError(`${field}.fixed`, "holds every coefficient fixed: nothing is left to fit");
  if (refit.starts === "published") {
    if (!published) throw new LawError(`${field}.starts`, "a form-only law has no published values to start from; give a grid or points");
  } else {
    const starts = refit.starts;
    const given = "grid" in starts ? [starts.grid] : starts.points;
    given.forEach((g, i) => {
      const at = "grid" in starts ? `${field}.starts.grid` : `${field}.starts.points[${i}]`;
      for (const s of fitted) if (!Object.hasOwn(g, s)) throw new LawError(at, `missing a start for ${s}`);
      for (const s of Object.keys(g)) if (!fitted.includes(s)) throw new LawError(`${at}.${s}`, `${s} is not a fitted coefficient of this refit (${fitted.join(", ")})`);
    });
  }
  const values = refit.expect.coefficients?.values;
  if (values) for (const s of Object.keys(values)) if (!fitted.includes(s)) throw new LawError(`${field}.expect.coefficients.values.${s}`, `${s} is not fitted by this refit`);
  if (refit.expect.coefficients && !values && !published) {
    throw new LawError(`${field}.expect.coefficients.values`, "a form-only law has no published values: give the values the refit must reproduce");
  }
  refit.expect.derived?.forEach((d, i) => {
    try {
      prepare(d.of, { symbols: new Set(coefSymbols) });
    } catch (e) {
      throw new LawError(`${field}.expect.derived[${i}].of`, e instanceof Error ? e.message : String(e));
    }
  });
  if (refit.objective.loss === "huber-log" && refit.objective.delta === undefined) {
    throw new LawError(`${field}.objective.delta`, "huber-log needs its delta (the papers use 1e-3 or 1e-4)");
  }
}

type Stated = "paper" | "key" | "name" | "aliases" | "description" | "expr" | "output" | "inputs" | "source" | "links";

/** What a resolved law takes from its content as written, whichever kind of coefficients it has. */
function stated(paper: string, content: LawContent): Pick<Law, Stated> {
  const { id, name, aliases, description, expr, output, inputs, source, links } = content;
  return { paper, key: id, name, aliases, description, expr, output, inputs, source, links };
}

function resolveForm(paper: string, content: FormContent, field: string): Law {
  const free = content.free;
  const inputSymbols = content.inputs.map((i) => i.symbol);
  const freeSymbols = free.map((f) => f.symbol);
  const dup = [...inputSymbols, ...freeSymbols].find((s, i, all) => all.indexOf(s) !== i);
  if (dup) throw new LawError(`${field}.free`, `${dup} is declared twice`);
  checkExpression(content.expr, field, inputSymbols, freeSymbols, `${field}.free`);
  const { refits } = splitChecks(content.checks, field);
  refits.forEach(({ check, index }) => checkRefit(check, `${field}.checks[${index}]`, content, freeSymbols, null));
  return {
    id: lawId(paper, content.id),
    ...stated(paper, content),
    coefficients: [],
    variant: null,
    variants: [],
    verification: content.verification,
    checks: [],
    refits: refits.map((r) => r.check),
    unchecked: "A functional form without published coefficients: nothing to check.",
    free,
  };
}

/** Why a law cannot be evaluated, or null when it can: a form-only law has no coefficients to evaluate with. */
export function notEvaluable(law: Law): string | null {
  if (!law.free) return null;
  const free = law.free.map((f) => f.symbol);
  return `a functional form without published coefficients (${free.join(", ")} ${free.length === 1 ? "is" : "are"} free)`;
}

/** Throws for a law that cannot be evaluated (a form-only law). */
export function requireQuantitative(law: Law): void {
  const reason = notEvaluable(law);
  if (reason !== null) throw new LawdexError(422, "form_only", "law", `${law.id} is ${reason}; it is not offered for prediction`);
}

// ---------------------------------------------------------------------------
// Compilation and evaluation

interface Executable {
  fn: Compiled;
  latex: string;
}
const cache = new Map<string, Executable>();

function cacheKey(law: Law): string {
  return `${law.id}\u0000${law.expr}\u0000${law.coefficients.map((c) => `${c.symbol}=${c.value}`).join(",")}`;
}

/**
 * How each of a law's symbols is written in LaTeX: the content's own `latex`
 * where it gives one, else the default rule (symbolLatex: `C_min` ->
 * `C_{\mathrm{min}}`). The one rule for symbol names that the formula, the
 * law page's tables and the comparison tables use.
 */
export function symbolNames(law: Law): Map<string, string> {
  const names = new Map<string, string>();
  names.set(law.output.symbol, law.output.latex ?? symbolLatex(law.output.symbol));
  for (const f of law.free ?? []) names.set(f.symbol, f.latex ?? symbolLatex(f.symbol));
  for (const i of law.inputs) names.set(i.symbol, i.latex ?? symbolLatex(i.symbol));
  for (const c of law.coefficients) names.set(c.symbol, c.latex ?? symbolLatex(c.symbol));
  return names;
}

/** Compiles a law once; later calls with the same law reuse the function. */
export function executable(law: Law): Executable {
  requireQuantitative(law);
  const key = cacheKey(law);
  const hit = cache.get(key);
  if (hit) return hit;
  const symbols = new Set([...law.inputs.map((i) => i.symbol), ...law.coefficients.map((c) => c.symbol)]);
  const tree = prepare(law.expr, { symbols });
  const exe: Executable = {
    fn: compile(tree, {
      inputs: law.inputs.map((i) => i.symbol),
      constants: new Map(law.coefficients.map((c) => [c.symbol, c.value])),
    }),
    latex: `${law.output.latex ?? symbolLatex(law.output.symbol)} = ${toLatex(tree, symbolNames(law))}`,
  };
  if (cache.size > 10_000) cache.clear();
  cache.set(key, exe);
  return exe;
}

/** LaTeX of the whole law, `L = E + \frac{A}{N^{\alpha}} + ...`, from the evaluated tree. */
export function lawLatex(law: Law): string {
  if (law.free) {
    const symbols = new Set([...law.inputs.map((i) => i.symbol), ...law.free.map((f) => f.symbol)]);
    return `${law.output.latex ?? symbolLatex(law.output.symbol)} = ${toLatex(prepare(law.expr, { symbols }), symbolNames(law))}`;
  }
  return executable(law).latex;
}

export interface InputReport {
  symbol: string;
  value: number;
  quantity: string;
  unit: string;
  range: [number, number] | null;
  /** below/above the fitted range, or null when inside it (or no range is known). */
  outside: "below" | "above" | null;
  /** How many decades (log10 units) beyond the nearest end of the range; 0 inside. The API's name too. */
  decades_outside: number;
}

export interface Prediction {
  law: string;
  value: number;
  inputs: InputReport[];
  extrapolated: boolean;
  warnings: string[];
  /**
   * How far the printed digits determine this value: the relative change when
   * each coefficient moves by half a unit in its last printed digit (summed,
   * worst case), and the coefficient that moves it most; null when not judged.
   */
  precision: { relative: number; coefficient: string } | null;
}

export function rangeReport(input: Input, value: number): InputReport {
  const range = input.range ?? null;
  const where = range ? side(range, value) : "inside";
  return {
    symbol: input.symbol,
    value,
    quantity: input.quantity,
    unit: input.unit,
    range,
    outside: where === "inside" ? null : where,
    decades_outside: range ? decadesOutside(range, value) : 0,
  };
}

function formatDecades(d: number): string {
  return d >= 10 ? d.toFixed(0) : d >= 1 ? d.toFixed(1) : d.toPrecision(2);
}

/**
 * Checks raw values (numbers, or strings from a query) against the law's
 * inputs: every input present, no extra, each a finite positive number.
 * Throws a 400 naming the field.
 */
export function parseInputs(
  law: Law,
  raw: Readonly<Record<string, unknown>>,
  prefix = "",
  out = new Float64Array(law.inputs.length),
): Float64Array {
  const extraKey = () => Object.keys(raw).find((k) => !law.inputs.some((inp) => inp.symbol === k));
  law.inputs.forEach((input, i) => {
    const symbol = input.symbol;
    if (!Object.hasOwn(raw, symbol)) {
      const extra = extraKey();
      if (extra !== undefined) throw notAnInput(law, prefix, extra);
      throw invalid(prefix + symbol, `missing input ${symbol} (${input.quantity}, ${input.unit})`);
    }
    const v = raw[symbol];
    // fast path for what scripts send: a plain positive finite number
    out[i] = typeof v === "number" && v > 0 && v < Number.POSITIVE_INFINITY ? v : toInputNumber(v, prefix + symbol, input.domain);
  });
  let count = 0;
  for (const k in raw) if (Object.hasOwn(raw, k)) count++;
  if (count !== law.inputs.length) {
    // every input is present, so a key beyond them is one that is not an input
    const extra = extraKey();
    if (extra !== undefined) throw notAnInput(law, prefix, extra);
  }
  return out;
}

function notAnInput(law: Law, prefix: string, key: string) {
  return invalid(prefix + key, `${key} is not an input of ${law.id}; its inputs are ${law.inputs.map((i) => i.symbol).join(", ")}`);
}

/** Evaluates a law at already-validated inputs (slot order = law.inputs). */
export function evaluateAt(law: Law, x: Float64Array): Prediction {
  const value = executable(law).fn(x);
  const inputs = law.inputs.map((input, i) => rangeReport(input, x[i] ?? Number.NaN));
  const warnings: string[] = [];
  for (const r of inputs) {
    if (r.outside && r.range) {
      warnings.push(
        `${r.symbol} = ${r.value.toExponential(3)} ${r.unit} is ${formatDecades(r.decades_outside)} decade(s) ${r.outside} the fitted range [${r.range[0].toExponential(2)}, ${r.range[1].toExponential(2)}]: extrapolation`,
      );
    } else if (!r.range) {
      warnings.push(`${r.symbol}: the paper states no fitted range, so extrapolation cannot be judged`);
    }
  }
  const precision = pointSensitivity(law, x);
  if (precision && !(precision.relative < IMPRECISE)) {
    warnings.push(
      `${!(precision.relative < ILL_CONDITIONED) ? "ill-conditioned as printed: " : ""}half a unit in the last printed digit of the coefficients moves this value by up to ${formatSensitivity(precision.relative)} (most through ${precision.coefficient}); the published numbers do not pin it down further`,
    );
  }
  if (!Number.isFinite(value)) {
    throw invalid("inputs", `${law.id} gives no finite value at these inputs (${Number.isNaN(value) ? "NaN" : "overflow"})`);
  }
  return { law: law.id, value, inputs, extrapolated: inputs.some((r) => r.outside !== null), warnings, precision };
}

/** Validates raw inputs and evaluates: the one call routes and pages make. */
export function evaluate(law: Law, raw: Readonly<Record<string, unknown>>): Prediction {
  return evaluateAt(law, parseInputs(law, raw));
}

// ---------------------------------------------------------------------------
// Checks

export interface CheckResult {
  check: Check;
  actual: number;
  /** |actual - expect| / |expect| */
  relError: number;
  /** Whether actual lies within the check's tolerance of expect. */
  within: boolean;
  /** Whether the check holds: within for `reproduces`, not within for `discrepancy`. */
  passed: boolean;
}

export function runCheck(law: Law, check: Check): CheckResult {
  let actual: number;
  if (check.inputs) {
    const x = new Float64Array(law.inputs.map((i) => check.inputs?.[i.symbol] ?? Number.NaN));
    actual = executable(law).fn(x);
  } else {
    const names = Object.keys(check.with ?? {});
    const constants = new Map(law.coefficients.map((c) => [c.symbol, c.value]));
    for (const name of names) {
      const b = check.bound?.[name];
      if (!b) throw new LawError("with", `${name} names a coefficient of another fit that has not been resolved`);
      constants.set(name, b.value);
    }
    const tree = prepare(check.of, { symbols: new Set(constants.keys()) });
    actual = compile(tree, { inputs: [], constants })([]);
  }
  const diff = Math.abs(actual - check.expect);
  const relError = diff / Math.abs(check.expect);
  const within = Number.isFinite(actual) && (check.abs_tol !== undefined ? diff <= check.abs_tol : relError <= check.rel_tol);
  return { check, actual, relError, within, passed: check.kind === "discrepancy" ? !within : within };
}

export function runChecks(law: Law): CheckResult[] {
  return law.checks.map((c) => runCheck(law, c));
}

export function describeCheck(law: Law, r: CheckResult): string {
  const at = r.check.inputs
    ? Object.entries(r.check.inputs).map(([k, v]) => `${k}=${v}`).join(", ")
    : r.check.of;
  const tol = r.check.abs_tol !== undefined ? `±${r.check.abs_tol}` : `±${r.check.rel_tol * 100}%`;
  return `${law.id} check (${r.check.source}) at ${at}: expected ${r.check.expect} ${tol}, got ${r.actual} (relative error ${r.relError.toExponential(2)})${r.check.kind === "discrepancy" ? " [documented discrepancy]" : r.check.kind === "cross-check" ? " [cross-check]" : ""}`;
}
