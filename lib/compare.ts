/**
 * Puts laws from different papers on one axis. Each law is sampled on a
 * log-spaced grid of a shared quantity (units converted), its other inputs
 * held fixed or tied by a relation (D = 20*N); a law of parameters and tokens
 * can also be drawn against compute along its compute-optimal frontier.
 * Every mismatch that makes the curves less comparable than they look is
 * returned as a warning; NaN and overflow become flagged gaps, never numbers.
 */
import { compile, type Compiled, ExprError, prepare } from "./expr";
import { invalid, tooLarge } from "./errors";
import { type Law, executable } from "./law";
import { DEFAULT_FLOPS_PER_PARAM_TOKEN, allocationInputs, canAllocate, optimize } from "./optimize";
import type { Quantities } from "./quantities";
import { type LawChart, drawSpan, logGrid } from "./series";
import { lawLabel, lawName } from "./citation";
import { csvCell } from "./csv";
import { formatNumber } from "./format";
import { groups } from "./regex";
import { toFiniteNumber, toPositiveNumber } from "./numeric";
import { deltaInterval } from "./uncertainty";
import { decadeExponents, inSpan, powerOfTen } from "./span";

export const MAX_COMPARE_LAWS = 8;
export const MAX_COMPARE_POINTS = 500;
/**
 * Inner solves one comparison may ask for: each point of a law drawn along its
 * compute-optimal frontier is one optimisation, and a 95% interval adds two per
 * coefficient with a standard error. About 1.5 s of one core at the limit; the
 * server runs anything beyond INLINE_COMPARE_SOLVES in its worker pool.
 */
export const MAX_COMPARE_SOLVES = 20_000;
/** Up to this many solves a comparison runs where it is asked (about 0.1 s); beyond, off the request thread. */
export const INLINE_COMPARE_SOLVES = 1_500;

/** The inner solves a comparison needs (frontier points × (1 + 2 per coefficient with a standard error)). */
export function compareSolves(req: Pick<CompareRequest, "laws" | "axis" | "points" | "xs">, quantities: Quantities): number {
  const points = req.xs?.length ?? req.points;
  let solves = 0;
  for (const law of req.laws) {
    const direct = law.inputs.some((i) => quantities.relation(i.quantity, req.axis.quantity) !== "unrelated");
    if (direct) continue;
    const withErrors = law.coefficients.filter((c) => c.stderr !== undefined && c.stderr > 0).length;
    solves += points * (1 + 2 * withErrors);
  }
  return solves;
}

export interface FixedSpec {
  /** A number, or an expression of the law's other inputs (e.g. 20*N). */
  expr: string;
  /** Unit of the value; defaults to the law input's own unit. */
  unit?: string;
}

export interface CompareRequest {
  laws: Law[];
  axis: { quantity: string; unit?: string };
  from: number;
  to: number;
  points: number;
  fixed?: Record<string, FixedSpec>;
  /** Along a frontier: draw the output (default), or the optimal parameters or tokens. */
  y?: "output" | "params" | "tokens";
  k?: number;
  /** Evaluate at exactly these x (axis unit) instead of the log grid, e.g. for a table. */
  xs?: number[];
  /** How each paper is named in legends (paper slug → "Hoffmann et al. 2022"); see lib/citation. */
  citations?: Record<string, string>;
}

export interface CompareSeries {
  law: string;
  /** The law's name (and its coefficient set's, for a variant). */
  name: string;
  /** The law's paper (slug) and how it is cited, when the request says. */
  paper: string;
  citation: string | null;
  /** What a legend calls the curve: the paper and the law ("Hoffmann et al. 2022 — Parametric loss, L(N, D)"). */
  label: string;
  /** direct: the law has an input on the axis; frontier: drawn along its compute-optimal allocation. */
  mode: "direct" | "frontier";
  /** The law's input on the axis (direct mode). */
  input: string | null;
  /** [x in the axis unit, y in the y unit or null for a gap] */
  points: [number, number | null][];
  extrapolated: boolean[];
  /** 95% interval per point (null at gaps) when the law's coefficients carry standard errors. */
  band: ([number, number] | null)[] | null;
  warnings: string[];
}

export interface CompareResult {
  x: { quantity: string; unit: string };
  y: { quantity: string; unit: string; symbol: string };
  series: CompareSeries[];
  warnings: string[];
}

/** How a law meets the axis: one of its inputs lies on it (direct), or it is drawn along its compute-optimal frontier. */
type Plan = {
  law: Law;
  citation: string | null;
  yQuantity: string;
  yUnit: string;
  yFactor: number;
} & ({ mode: "direct"; axisInput: Law["inputs"][number] } | { mode: "frontier" });

type DirectPlan = Extract<Plan, { mode: "direct" }>;

function noAxisInput(law: Law, axis: string) {
  return invalid("laws", `${law.id} has no input on the ${axis} axis (its inputs: ${law.inputs.map((i) => `${i.symbol} ${i.quantity}`).join(", ")})`);
}

const checkNumber = (v: number, field: string): void => void toPositiveNumber(v, field);

export function compare(req: CompareRequest, quantities: Quantities): CompareResult {
  if (req.laws.length === 0) throw invalid("laws", "give at least one law");
  if (req.laws.length > MAX_COMPARE_LAWS) throw invalid("laws", `at most ${MAX_COMPARE_LAWS} laws at once`);
  const axisQ = quantities.require(req.axis.quantity, "x");
  const axisUnit = req.axis.unit ?? quantities.baseUnit(axisQ.id);
  const axisFactor = quantities.factor(axisQ.id, axisUnit, "x.unit");
  checkNumber(req.from, "from");
  checkNumber(req.to, "to");
  if (!(req.to > req.from)) throw invalid("to", "to must be greater than from");
  if (!Number.isInteger(req.points) || req.points < 2 || req.points > MAX_COMPARE_POINTS) {
    throw invalid("points", `points must be a whole number from 2 to ${MAX_COMPARE_POINTS}`);
  }
  const solves = compareSolves(req, quantities);
  if (solves > MAX_COMPARE_SOLVES) {
    throw tooLarge(
      "points",
      `this comparison needs ${solves} compute-optimal solves (frontier points × (1 + 2 per coefficient with a standard error)); at most ${MAX_COMPARE_SOLVES} per request: ask for fewer points or fewer frontier laws`,
    );
  }
  const k = req.k ?? DEFAULT_FLOPS_PER_PARAM_TOKEN;
  checkNumber(k, "k");
  const yMode = req.y ?? "output";
  const warnings: string[] = [];
  const fixed = req.fixed ?? {};

  // How each law meets the axis.
  const plans: Plan[] = req.laws.map((law): Plan => {
    const citation = req.citations && Object.hasOwn(req.citations, law.paper) ? (req.citations[law.paper] ?? null) : null;
    const axisInput = law.inputs.find((i) => quantities.relation(i.quantity, axisQ.id) !== "unrelated");
    if (axisInput) {
      if (yMode !== "output") throw invalid("y", `y=${yMode} applies only to laws drawn along a compute-optimal frontier; ${law.id} has an input on ${axisQ.id}`);
      return { law, citation, mode: "direct", axisInput, yQuantity: law.output.quantity, yUnit: law.output.unit, yFactor: 1 };
    }
    if (axisQ.id === "compute") {
      const { params, tokens } = allocationInputs(law, quantities);
      const src = yMode === "params" ? params : yMode === "tokens" ? tokens : null;
      return {
        law,
        citation,
        mode: "frontier",
        yQuantity: src?.quantity ?? law.output.quantity,
        yUnit: src?.unit ?? law.output.unit,
        yFactor: 1,
      };
    }
    throw noAxisInput(law, axisQ.id);
  });

  // The y axis is the first law's output; others must be the same quantity or related.
  const first = plans[0];
  if (!first) throw invalid("laws", "give at least one law");
  const yQ = first.yQuantity;
  const yUnit = first.yUnit;
  for (const p of plans) {
    const rel = quantities.relation(p.yQuantity, yQ);
    if (rel === "unrelated") {
      throw invalid("laws", `cannot overlay ${p.law.id} (${quantities.name(p.yQuantity)}) with ${first.law.id} (${quantities.name(yQ)}): different quantities`);
    }
    if (rel === "related") {
      warnings.push(`${p.law.id} gives ${quantities.name(p.yQuantity)}, ${first.law.id} gives ${quantities.name(yQ)}: related but different quantities, drawn on one axis as if equal`);
    }
    // related quantities share base units, so one rule converts both cases
    p.yFactor = quantities.factor(p.yQuantity, p.yUnit) / quantities.factor(yQ, yUnit);
  }
  // Loss on different data sets: same quantity, not the same thing.
  const datasets = new Map<string, string[]>();
  for (const p of plans) {
    if (p.yQuantity !== p.law.output.quantity) continue;
    const ds = p.law.output.dataset;
    if (ds) datasets.set(ds, [...(datasets.get(ds) ?? []), p.law.id]);
  }
  if (datasets.size > 1) {
    warnings.push(
      `the outputs are measured on different data: ${[...datasets.entries()].map(([ds, ids]) => `${ids.join(", ")} on ${ds}`).join("; ")}. Values on one axis are not directly comparable`,
    );
  }
  // Axis quantities and conventions.
  const conventions = new Map<string, string[]>();
  for (const p of plans) {
    if (p.mode === "frontier") {
      conventions.set(`C = ${k}·N·D (frontier computed here)`, [...(conventions.get(`C = ${k}·N·D (frontier computed here)`) ?? []), p.law.id]);
      continue;
    }
    const input = p.axisInput;
    if (input.quantity !== axisQ.id) {
      warnings.push(`${p.law.id}: ${input.symbol} is ${quantities.name(input.quantity)}, not ${quantities.name(axisQ.id)}; drawn on the ${axisQ.id} axis as if equal`);
    }
    if (input.convention) conventions.set(input.convention, [...(conventions.get(input.convention) ?? []), p.law.id]);
  }
  if (conventions.size > 1) {
    warnings.push(`the laws count ${axisQ.id} differently: ${[...conventions.entries()].map(([c, ids]) => `${ids.join(", ")}: ${c}`).join("; ")}`);
  }
  // Fixed inputs no law uses are a mistake in the request.
  for (const sym of Object.keys(fixed)) {
    if (!req.laws.some((l) => l.inputs.some((i) => i.symbol === sym))) {
      throw invalid(`fix.${sym}`, `no law in the comparison has an input ${sym}`);
    }
  }

  if (req.xs) {
    if (req.xs.length === 0 || req.xs.length > MAX_COMPARE_POINTS) throw invalid("at", `give 1 to ${MAX_COMPARE_POINTS} values`);
    req.xs.forEach((v, i) => checkNumber(v, `at[${i}]`));
  }
  const xs = req.xs ?? logGrid(req.from, req.to, req.points);
  const series = plans.map((p) => (p.mode === "direct" ? directSeries(p, xs, axisFactor, fixed, quantities) : frontierSeries(p, xs, axisFactor, k, yMode, quantities)));
  return { x: { quantity: axisQ.id, unit: axisUnit }, y: { quantity: yQ, unit: yUnit, symbol: yMode === "output" ? first.law.output.symbol : yMode === "params" ? "N_opt" : "D_opt" }, series, warnings };
}

/** Compiles each fixed input of a law: a constant, or a relation to inputs already set. */
function fixedInputs(law: Law, axisInput: Law["inputs"][number], fixed: Record<string, FixedSpec>, quantities: Quantities): { index: number; input: Law["inputs"][number]; fn: Compiled }[] {
  const out: { index: number; input: Law["inputs"][number]; fn: Compiled }[] = [];
  // the expression may use only inputs already set, but reads them where the law's evaluation does (x[i] is input i)
  const slots = law.inputs.map((i) => i.symbol);
  const known = [axisInput.symbol];
  const pending = law.inputs.filter((i) => i !== axisInput);
  for (const input of pending) {
    const spec = fixed[input.symbol];
    if (!spec) throw invalid(`fix.${input.symbol}`, `${law.id} needs ${input.symbol} (${input.quantity}, ${input.unit}) held fixed: add fix.${input.symbol}=<value or relation>`);
    const field = `fix.${input.symbol}`;
    let tree;
    try {
      tree = prepare(spec.expr, { symbols: new Set(known) });
    } catch (e) {
      if (e instanceof ExprError) throw invalid(field, `${field}: ${e.message}${known.length ? ` (it may use ${known.join(", ")})` : ""}`);
      throw e;
    }
    const factor = spec.unit ? quantities.convert(1, input.quantity, spec.unit, input.unit, `${field}.unit`) : 1;
    const raw = compile(tree, { inputs: slots, constants: new Map() });
    out.push({ index: law.inputs.indexOf(input), input, fn: (x) => raw(x) * factor });
    known.push(input.symbol);
  }
  return out;
}

function directSeries(p: DirectPlan, xs: number[], axisFactor: number, fixed: Record<string, FixedSpec>, quantities: Quantities): CompareSeries {
  const { law, axisInput: input } = p;
  const axisIndex = law.inputs.indexOf(input);
  const toInput = axisFactor / quantities.factor(input.quantity, input.unit);
  const fixers = fixedInputs(law, input, fixed, quantities);
  const warnings: string[] = [];
  const unused = Object.keys(fixed).filter((s) => !law.inputs.some((i) => i.symbol === s));
  if (unused.length) warnings.push(`${unused.map((s) => `fix.${s}`).join(", ")} does not apply: ${law.id} has no such input`);
  if (Object.hasOwn(fixed, input.symbol)) {
    warnings.push(`fix.${input.symbol} does not apply to ${law.id}: ${input.symbol} is the axis, so it takes every value along it`);
  }
  for (const f of fixers) {
    const sym = f.input.symbol;
    warnings.push(`${sym} = ${fixed[sym]?.expr}${fixed[sym]?.unit ? ` ${fixed[sym]?.unit}` : ` (${f.input.unit})`}`);
  }
  const inputsAt = (xv: number): Float64Array => {
    const x = new Float64Array(law.inputs.length);
    x[axisIndex] = xv * toInput;
    for (const f of fixers) {
      const v = f.fn(x);
      const target = f.input;
      const domain = target.domain ?? "positive";
      if (!Number.isFinite(v) || (domain === "positive" && v <= 0) || (domain === "nonnegative" && v < 0)) {
        const sym = target.symbol;
        throw invalid(
          `fix.${sym}`,
          `fix.${sym} = ${fixed[sym]?.expr} gives ${sym} = ${v} at ${input.symbol} = ${x[axisIndex]}; ${sym} must be ${domain === "positive" ? "a finite number greater than 0" : domain === "nonnegative" ? "a finite number, 0 or greater" : "a finite number"}`,
        );
      }
      x[f.index] = v;
    }
    return x;
  };
  const evalAt = (l: Law, xv: number) => executable(l).fn(inputsAt(xv));
  return assemble(p, xs, inputsAt, evalAt, warnings);
}

function frontierSeries(p: Plan, xs: number[], axisFactor: number, k: number, yMode: "output" | "params" | "tokens", quantities: Quantities): CompareSeries {
  const { law } = p;
  const warnings = [`drawn along its compute-optimal frontier: ${yMode === "output" ? `${law.output.symbol} at the optimal` : `the optimal ${yMode === "params" ? "N" : "D"} for the`} split of C = ${k}·N·D`];
  // the law's own solve at each x gives both the value and whether it is extrapolated (one solve, not two)
  const own = new Map<number, { value: number; extrapolated: boolean }>();
  const solve = (l: Law, xv: number): { value: number; extrapolated: boolean } => {
    try {
      const a = optimize(l, xv * axisFactor, quantities, k);
      return { value: yMode === "params" ? a.N : yMode === "tokens" ? a.D : a.value, extrapolated: a.extrapolated };
    } catch {
      return { value: Number.NaN, extrapolated: false };
    }
  };
  const evalAt = (l: Law, xv: number) => {
    if (l !== law) return solve(l, xv).value;
    const r = solve(l, xv);
    own.set(xv, r);
    return r.value;
  };
  return assemble(p, xs, null, evalAt, warnings, (xv) => own.get(xv)?.extrapolated ?? false);
}

function assemble(
  p: Plan,
  xs: number[],
  inputsAt: ((xv: number) => Float64Array) | null,
  evalAt: (l: Law, xv: number) => number,
  warnings: string[],
  frontierExtrapolated?: (xv: number) => boolean,
): CompareSeries {
  const { law } = p;
  let gaps = 0;
  const points: [number, number | null][] = [];
  const extrapolated: boolean[] = [];
  const band: ([number, number] | null)[] = [];
  let hasBand = false;
  for (const xv of xs) {
    const y = evalAt(law, xv);
    const ok = Number.isFinite(y);
    if (!ok) gaps++;
    points.push([xv, ok ? y * p.yFactor : null]);
    if (inputsAt) {
      const x = inputsAt(xv);
      extrapolated.push(
        x.some((v, i) => {
          const range = law.inputs[i]?.range;
          return range !== undefined && !inSpan(range, v);
        }),
      );
    } else extrapolated.push(frontierExtrapolated ? frontierExtrapolated(xv) : false);
    const iv = ok ? deltaInterval(law, (l) => evalAt(l, xv), y) : null;
    if (iv) hasBand = true;
    band.push(iv && Number.isFinite(iv.lo) && Number.isFinite(iv.hi) ? [iv.lo * p.yFactor, iv.hi * p.yFactor] : null);
  }
  if (gaps > 0) warnings.push(`${gaps} of ${xs.length} points give no finite value (NaN or overflow) and are left as gaps`);
  if (extrapolated.some(Boolean)) warnings.push("part of the curve lies outside the fitted range: extrapolation");
  if (!law.inputs.every((i) => i.range)) warnings.push("some inputs have no fitted range printed, so extrapolation is not marked for them");
  return {
    law: law.id,
    name: lawName(law),
    paper: law.paper,
    citation: p.citation,
    label: lawLabel(law, p.citation),
    mode: p.mode,
    input: p.mode === "direct" ? p.axisInput.symbol : null,
    points,
    extrapolated,
    band: hasBand ? band : null,
    warnings,
  };
}

// ---------------------------------------------------------------------------
// The compare view's state, as a URL carries it (shared by the page and the API)

export const DEFAULT_COMPARE_POINTS = 60;

/**
 * The nearest "round" value (1, 2 or 5 times a power of ten) at or below v,
 * at or above it, or nearest on a log scale. Wherever the view picks a
 * number for the reader (a span, a held input) it is one a person would
 * type: 5e10 and 1e26, not 8.64e10.
 */
export function roundValue(v: number, how: "down" | "up" | "nearest"): number {
  const k = Math.floor(Math.log10(v));
  const candidates: number[] = [];
  for (let e = k - 1; e <= k + 1; e++) for (const m of [1, 2, 5]) candidates.push(Number((m * 10 ** e).toPrecision(12)));
  // candidates run from 10^(k-1) ≤ v to 5·10^(k+1) > v, so each search finds one
  if (how === "down") return candidates.findLast((c) => c <= v * (1 + 1e-9)) ?? v;
  if (how === "up") return candidates.find((c) => c >= v * (1 - 1e-9)) ?? v;
  return candidates.reduce((best, c) => (Math.abs(Math.log(c / v)) < Math.abs(Math.log(best / v)) ? c : best));
}

/** Span drawn when from/to are not given: the laws' fitted ranges on the axis and a decade beyond, widened to round values. */
export function defaultSpan(laws: Law[], axis: { quantity: string; unit: string }, quantities: Quantities): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  const toAxis = (v: number, q: string, u: string) => (v * quantities.factor(q, u)) / quantities.factor(axis.quantity, axis.unit);
  for (const law of laws) {
    const input = law.inputs.find((i) => quantities.relation(i.quantity, axis.quantity) !== "unrelated");
    if (!input && axis.quantity !== "compute") throw noAxisInput(law, axis.quantity);
    if (input && (input.range || input.plot)) {
      const [a, b] = drawSpan(input);
      lo = Math.min(lo, toAxis(a, input.quantity, input.unit));
      hi = Math.max(hi, toAxis(b, input.quantity, input.unit));
    }
  }
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && hi > lo && lo > 0)) {
    if (axis.quantity !== "compute") throw invalid("from", "no law states a fitted range on this axis: give from and to");
    lo = toAxis(1e18, "compute", "FLOP");
    hi = toAxis(1e26, "compute", "FLOP");
  }
  return [roundValue(lo, "down"), roundValue(hi, "up")];
}

/** An x axis every law of a comparison can be drawn against, and how many inputs must then be held fixed. */
export interface SharedAxis {
  quantity: string;
  held: number;
}

/**
 * The quantities all the laws can share as their x axis: an input of one of
 * them that each of the others has too (or a quantity of the same family,
 * drawn with a warning), or compute for a
 * law of parameters and tokens, drawn along its compute-optimal frontier. The
 * axis that needs the fewest inputs held fixed comes first (a frontier needs
 * none), then the order of the first law's inputs.
 */
export function sharedAxes(laws: Law[], quantities: Quantities): SharedAxis[] {
  const candidates: string[] = [];
  const add = (q: string) => {
    if (!candidates.includes(q)) candidates.push(q);
  };
  for (const law of laws) for (const input of law.inputs) add(input.quantity);
  if (quantities.get("compute")) add("compute");
  const out: SharedAxis[] = [];
  for (const quantity of candidates) {
    const held = heldOn(laws, quantity, quantities);
    if (held !== null && laws.length > 0) out.push({ quantity, held });
  }
  return out.sort((a, b) => a.held - b.held);
}

/** How many inputs the laws hold fixed when drawn against this quantity, or null when one of them cannot be. */
function heldOn(laws: Law[], quantity: string, quantities: Quantities): number | null {
  let held = 0;
  for (const law of laws) {
    if (law.inputs.some((i) => quantities.relation(i.quantity, quantity) !== "unrelated")) held += law.inputs.length - 1;
    else if (!(quantity === "compute" && canAllocate(law, quantities))) return null;
  }
  return held;
}

export const FIX_KEY = /^fix\.([A-Za-z][A-Za-z0-9_]*)(\.unit)?$/;

const commaList = (text: string | undefined): string[] =>
  (text ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * Reads `laws=a,b&x=compute&x.unit=FLOP&from=&to=&points=&fix.D=20*N&fix.D.unit=&y=&k=`.
 * `findLaw` resolves ids (and throws 404s); `citeOf` names a paper for the
 * legends; unknown parameters are errors. Without x, the first axis the laws
 * share (sharedAxes); without from/to, a round span over their fitted ranges.
 */
export function compareQuery(
  q: Readonly<Record<string, string>>,
  findLaw: (id: string, field: string) => Law,
  quantities: Quantities,
  citeOf?: (paper: string) => string,
): CompareRequest {
  const allowed = new Set(["laws", "x", "x.unit", "from", "to", "points", "y", "k", "at"]);
  const fixed: Record<string, FixedSpec> = Object.create(null);
  for (const [key, value] of Object.entries(q)) {
    const m = FIX_KEY.exec(key);
    if (m) {
      const [sym] = groups(m, 1);
      const spec = fixed[sym] ?? (fixed[sym] = { expr: "" });
      if (m[2]) spec.unit = value;
      else spec.expr = value;
    } else if (!allowed.has(key)) {
      throw invalid(key, `unknown parameter ${key}; expected laws, x, x.unit, from, to, points, y, k, at, fix.<symbol>[.unit]`);
    }
  }
  for (const [sym, spec] of Object.entries(fixed)) if (!spec.expr) throw invalid(`fix.${sym}`, `fix.${sym}.unit is given without fix.${sym}`);
  const ids = commaList(q.laws);
  if (ids.length === 0) throw invalid("laws", "laws must list law ids separated by commas");
  if (ids.length > MAX_COMPARE_LAWS) throw invalid("laws", `at most ${MAX_COMPARE_LAWS} laws at once`);
  const laws = ids.map((id, i) => findLaw(id, `laws[${i}]`));
  const quantity = q.x ?? sharedAxes(laws, quantities)[0]?.quantity ?? laws[0]?.inputs[0]?.quantity ?? "";
  quantities.require(quantity, "x");
  const unit = q["x.unit"] ?? quantities.baseUnit(quantity);
  quantities.factor(quantity, unit, "x.unit");
  const num = (key: string) => {
    const v = q[key];
    if (v === undefined) return undefined;
    return toFiniteNumber(v, key);
  };
  let from = num("from");
  let to = num("to");
  if (from === undefined || to === undefined) {
    const [lo, hi] = defaultSpan(laws, { quantity, unit }, quantities);
    from ??= lo;
    to ??= hi;
  }
  const y = q.y ?? "output";
  if (y !== "output" && y !== "params" && y !== "tokens") throw invalid("y", "y must be output, params or tokens");
  const citations: Record<string, string> = Object.create(null);
  if (citeOf) for (const law of laws) citations[law.paper] ??= citeOf(law.paper);
  return { laws, axis: { quantity, unit }, from, to, points: num("points") ?? DEFAULT_COMPARE_POINTS, fixed, y, k: num("k"), ...(citeOf ? { citations } : {}) };
}

export const MAX_TABLE_AT = 12;

/**
 * Where the compare view tabulates each law (and marks it on the chart): the
 * values of `at` (comma-separated, in the axis unit), else the decades of the
 * drawn span, at most six of them.
 */
export function tableAt(text: string | undefined, span: [number, number]): number[] {
  const parts = commaList(text);
  if (parts.length === 0) {
    const out = decadeExponents(span).map(powerOfTen);
    const step = Math.max(1, Math.ceil(out.length / 6));
    return out.filter((_, i) => i % step === 0);
  }
  if (parts.length > MAX_TABLE_AT) throw invalid("at", `at lists at most ${MAX_TABLE_AT} values`);
  return [...new Set(parts.map((p, i) => toPositiveNumber(p, `at[${i}]`)))];
}

/**
 * Why a law cannot join the laws chosen, or null: it shares no axis with them,
 * or it predicts a quantity other than the one on the chart's y axis.
 */
export function joinProblem(chosen: Law[], law: Law, quantities: Quantities): string | null {
  const first = chosen[0];
  if (!first) return null;
  if (sharedAxes([...chosen, law], quantities).length === 0) return "no x axis in common with the laws chosen";
  if (quantities.relation(law.output.quantity, first.output.quantity) === "unrelated") {
    return `predicts ${quantities.name(law.output.quantity)}; the chart shows ${quantities.name(first.output.quantity)}`;
  }
  return null;
}

/** A copy of a query (with no prototype, as query records are) without the keys `drop` names. */
function without(query: Readonly<Record<string, string>>, drop: (key: string, value: string) => boolean): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const [key, value] of Object.entries(query)) if (!drop(key, value)) out[key] = value;
  return out;
}

/** Query keys whose values are in the units of the x axis, and so mean nothing on another one. */
const AXIS_BOUND = ["x.unit", "from", "to", "at"];

/** A value to hold an input at when the reader has not chosen one: a round number in the middle of its fitted range. */
function heldDefault(input: Law["inputs"][number]): number | null {
  const span = input.range ?? input.plot;
  if (!span) return null;
  const [lo, hi] = span;
  const mid = lo > 0 ? Math.sqrt(lo * hi) : (lo + hi) / 2;
  if (!Number.isFinite(mid)) return null;
  return mid > 0 ? roundValue(mid, "nearest") : mid;
}

/**
 * The view's query after its laws change (one added or removed): the axis is
 * kept while every law can be drawn against it, else the first axis they all
 * share is taken and what was in the old axis' units (unit, span, table) is
 * dropped. Then fixed inputs follow the axis: one that no law holds any more
 * is dropped, and one a law now needs held gets a round value in the middle
 * of its fitted range (shown in the form, for the reader to change).
 */
export function withLaws(query: Readonly<Record<string, string>>, before: Law[], after: Law[], quantities: Quantities): Record<string, string> {
  if (after.length === 0) return without(query, (key) => key === "laws" || key === "x" || AXIS_BOUND.includes(key) || FIX_KEY.test(key));
  let out = without(query, () => false);
  out.laws = after.map((l) => l.id).join(",");
  const axes = sharedAxes(after, quantities);
  const old = query.x ?? sharedAxes(before, quantities)[0]?.quantity;
  const next = old !== undefined && heldOn(after, old, quantities) !== null ? old : axes[0]?.quantity;
  if (next !== undefined && next !== old) out = without(out, (key) => AXIS_BOUND.includes(key));
  if (next !== undefined) out.x = next;
  const x = out.x;
  // the inputs each law drawn directly against x holds fixed
  const held = new Map<string, Law["inputs"][number]>();
  for (const law of after) {
    const axisInput = x === undefined ? undefined : law.inputs.find((i) => quantities.relation(i.quantity, x) !== "unrelated");
    if (!axisInput) continue;
    for (const input of law.inputs) if (input !== axisInput && !held.has(input.symbol)) held.set(input.symbol, input);
  }
  out = without(out, (key) => {
    const m = groups(FIX_KEY.exec(key), 1);
    return m !== null && !held.has(m[0]);
  });
  for (const [symbol, input] of held) {
    if (out[`fix.${symbol}`] !== undefined) continue;
    const v = heldDefault(input);
    if (v !== null) out[`fix.${symbol}`] = formatNumber(v, 12);
  }
  return out;
}

/** Fields of the compare page's forms that edit the query rather than being part of it. */
export const COMPARE_EDITS = ["add", "drop", "prev.x"] as const;

/**
 * The page's form fields folded into the view's canonical query: `add=<id>`
 * and `drop=<id>` change the laws (withLaws), `prev.x` (the axis the form was
 * drawn for) drops what was in the old axis' units when the reader chose
 * another axis, and empty fields are left out. null when the query is
 * canonical already.
 */
export function editCompareQuery(query: Readonly<Record<string, string>>, findLaw: (id: string, field: string) => Law, quantities: Quantities): Record<string, string> | null {
  const edits: readonly string[] = COMPARE_EDITS;
  const entries = Object.entries(query);
  if (!entries.some(([k, v]) => edits.includes(k) || v.trim() === "")) return null;
  let out = without(query, (k, v) => edits.includes(k) || v.trim() === "");
  const prevX = query["prev.x"];
  if (prevX !== undefined && out.x !== prevX) out = without(out, (key) => AXIS_BOUND.includes(key));
  if (!edits.some((k) => query[k] !== undefined)) return out;
  const ids = commaList(out.laws);
  const add = query.add?.trim();
  const drop = query.drop?.trim();
  const nextIds = [...new Set([...ids, ...(add ? [add] : [])])].filter((id) => id !== drop);
  if (nextIds.length > MAX_COMPARE_LAWS) throw invalid("add", `at most ${MAX_COMPARE_LAWS} laws at once: remove one before adding another`);
  const before = ids.map((id, i) => findLaw(id, `laws[${i}]`));
  const after = nextIds.map((id) => before.find((l) => l.id === id) ?? findLaw(id, "add"));
  // an axis the reader just chose (out.x) is kept as long as the laws share it
  return withLaws(out, before, after, quantities);
}

/**
 * Where the chart draws a law's 95% interval, point by point. Two rules, both
 * stated on the page:
 * - The intervals come from the delta method, a first-order approximation:
 *   once the half-width passes half the value (MAX_BAND_HALF_WIDTH) the
 *   linearisation no longer describes the uncertainty, and on a log axis the
 *   lower end runs towards zero.
 * - A band taller than half the height the curves span (MAX_BAND_SHARE, on
 *   the chart's own scale: log or linear) covers the curves it is meant to
 *   qualify and says only "very uncertain here", which the dashed
 *   extrapolation and the missing band already say.
 * Such points, and non-finite ones, get no band. What is left is clipped to
 * the extent of the curves, so a band never stretches the y axis: the plot is
 * scaled to the laws, and an interval past its edge is cut there.
 */
export const MAX_BAND_HALF_WIDTH = 0.5;
export const MAX_BAND_SHARE = 0.5;

export function drawnBand(band: ([number, number] | null)[], points: [number, number | null][], extent: [number, number], log: boolean): ([number, number] | null)[] {
  const size = (lo: number, hi: number) => (log ? Math.log(hi / lo) : hi - lo);
  const plot = size(extent[0], extent[1]);
  return band.map((b, i) => {
    const y = points[i]?.[1];
    if (!b || y === null || y === undefined) return null;
    const [lo, hi] = b;
    if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo <= y && y <= hi)) return null;
    if (Math.max(y - lo, hi - y) > MAX_BAND_HALF_WIDTH * Math.abs(y)) return null;
    if (size(lo, hi) > MAX_BAND_SHARE * plot) return null;
    return [Math.max(lo, extent[0]), Math.min(hi, extent[1])];
  });
}

/** The comparison as chart data (shared by the page and the standalone SVG); legends name paper and law. */
export function comparisonChart(result: CompareResult, quantities: Quantities): LawChart {
  const first = result.series[0];
  // every series is drawn at the same x; with none, a decade
  const domain: [number, number] = [first?.points[0]?.[0] ?? 1, first?.points.at(-1)?.[0] ?? 10];
  const ys = result.series.flatMap((s) => s.points.flatMap(([, y]) => (y === null ? [] : [y])));
  const extent: [number, number] = ys.length ? [Math.min(...ys), Math.max(...ys)] : [0, 0];
  // the chart draws y on a log scale when every value is positive (ChartSvg)
  const log = ys.length > 0 && extent[0] > 0;
  return {
    x: { symbol: quantities.name(result.x.quantity), quantity: result.x.quantity, unit: result.x.unit, domain, range: null },
    y: { symbol: result.y.symbol, quantity: result.y.quantity, unit: result.y.unit },
    series: result.series.map((s) => {
      const band = s.band ? drawnBand(s.band, s.points, extent, log) : null;
      return {
        fixed: {},
        label: s.label,
        points: s.points.map(([x, y], i) => ({ x, y, extrapolated: s.extrapolated[i] ?? false })),
        ...(band?.some(Boolean) ? { band } : {}),
      };
    }),
  };
}

/** A value of the view's table drawn on its chart: the series' index, x and y. */
export interface ChartMark {
  series: number;
  x: number;
  y: number;
}

/** The table as marks on the chart: one per law at each x of the table inside the drawn span where the law has a value. */
export function tableMarks(table: CompareResult, span: [number, number]): ChartMark[] {
  return table.series.flatMap((s, series) => s.points.flatMap(([x, y]) => (y !== null && inSpan(span, x) ? [{ series, x, y }] : [])));
}

/** The series as CSV: one row per x, per law its value, extrapolation flag and interval. Gaps are empty cells. */
export function comparisonCsv(result: CompareResult): string {
  const head = [`x (${result.x.quantity}, ${result.x.unit})`];
  for (const s of result.series) {
    head.push(`${s.law} (${result.y.quantity}, ${result.y.unit})`, `${s.law} extrapolated`);
    if (s.band) head.push(`${s.law} 95% low`, `${s.law} 95% high`);
  }
  const rows = [head.map(csvCell).join(",")];
  const n = result.series[0]?.points.length ?? 0;
  for (let i = 0; i < n; i++) {
    const row = [String(result.series[0]?.points[i]?.[0] ?? "")];
    for (const s of result.series) {
      const y = s.points[i]?.[1];
      row.push(y === null || y === undefined ? "" : String(y), s.extrapolated[i] ? "true" : "false");
      if (s.band) {
        const b = s.band[i];
        row.push(b ? String(b[0]) : "", b ? String(b[1]) : "");
      }
    }
    rows.push(row.join(","));
  }
  return `${rows.join("\n")}\n`;
}
