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
import { DEFAULT_FLOPS_PER_PARAM_TOKEN, allocationInputs, optimize } from "./optimize";
import type { Quantities } from "./quantities";
import { type LawChart, drawSpan, logGrid } from "./series";
import { csvCell } from "./csv";
import { toFiniteNumber, toPositiveNumber } from "./numeric";
import { deltaInterval } from "./uncertainty";

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
}

export interface CompareSeries {
  law: string;
  name: string;
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

interface Plan {
  law: Law;
  mode: "direct" | "frontier";
  axisIndex: number;
  yQuantity: string;
  yUnit: string;
  yFactor: number;
}

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
  const plans: Plan[] = req.laws.map((law) => {
    const axisIndex = law.inputs.findIndex((i) => quantities.relation(i.quantity, axisQ.id) !== "unrelated");
    if (axisIndex >= 0) {
      if (yMode !== "output") throw invalid("y", `y=${yMode} applies only to laws drawn along a compute-optimal frontier; ${law.id} has an input on ${axisQ.id}`);
      return { law, mode: "direct", axisIndex, yQuantity: law.output.quantity, yUnit: law.output.unit, yFactor: 1 };
    }
    if (axisQ.id === "compute") {
      const { n, d } = allocationInputs(law, quantities);
      const src = yMode === "params" ? law.inputs[n] : yMode === "tokens" ? law.inputs[d] : null;
      return {
        law,
        mode: "frontier",
        axisIndex: -1,
        yQuantity: src?.quantity ?? law.output.quantity,
        yUnit: src?.unit ?? law.output.unit,
        yFactor: 1,
      };
    }
    throw noAxisInput(law, axisQ.id);
  });

  // The y axis is the first law's output; others must be the same quantity or related.
  const first = plans[0] as Plan;
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
    const input = p.law.inputs[p.axisIndex] as Law["inputs"][number];
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
function fixedInputs(law: Law, axisIndex: number, fixed: Record<string, FixedSpec>, quantities: Quantities): { index: number; fn: Compiled; deps: number[] }[] {
  const out: { index: number; fn: Compiled; deps: number[] }[] = [];
  const known = [law.inputs[axisIndex]?.symbol as string];
  const pending = law.inputs.filter((_, i) => i !== axisIndex);
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
    const raw = compile(tree, { inputs: known, constants: new Map() });
    const deps = known.map((s) => law.inputs.findIndex((i) => i.symbol === s));
    out.push({ index: law.inputs.indexOf(input), fn: (x) => raw(x) * factor, deps });
    known.push(input.symbol);
  }
  return out;
}

function directSeries(p: Plan, xs: number[], axisFactor: number, fixed: Record<string, FixedSpec>, quantities: Quantities): CompareSeries {
  const { law } = p;
  const input = law.inputs[p.axisIndex] as Law["inputs"][number];
  const toInput = axisFactor / quantities.factor(input.quantity, input.unit);
  const fixers = fixedInputs(law, p.axisIndex, fixed, quantities);
  const warnings: string[] = [];
  const unused = Object.keys(fixed).filter((s) => !law.inputs.some((i) => i.symbol === s));
  if (unused.length) warnings.push(`${unused.map((s) => `fix.${s}`).join(", ")} does not apply: ${law.id} has no such input`);
  if (Object.hasOwn(fixed, input.symbol)) {
    warnings.push(`fix.${input.symbol} does not apply to ${law.id}: ${input.symbol} is the axis, so it takes every value along it`);
  }
  for (const f of fixers) {
    const sym = law.inputs[f.index]?.symbol as string;
    warnings.push(`${sym} = ${fixed[sym]?.expr}${fixed[sym]?.unit ? ` ${fixed[sym]?.unit}` : ` (${law.inputs[f.index]?.unit})`}`);
  }
  const inputsAt = (xv: number): Float64Array => {
    const x = new Float64Array(law.inputs.length);
    x[p.axisIndex] = xv * toInput;
    for (const f of fixers) {
      const v = f.fn(f.deps.map((d) => x[d] as number));
      const target = law.inputs[f.index] as Law["inputs"][number];
      const domain = target.domain ?? "positive";
      if (!Number.isFinite(v) || (domain === "positive" && v <= 0) || (domain === "nonnegative" && v < 0)) {
        const sym = target.symbol;
        throw invalid(
          `fix.${sym}`,
          `fix.${sym} = ${fixed[sym]?.expr} gives ${sym} = ${v} at ${input.symbol} = ${x[p.axisIndex]}; ${sym} must be ${domain === "positive" ? "a finite number greater than 0" : domain === "nonnegative" ? "a finite number, 0 or greater" : "a finite number"}`,
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
      extrapolated.push(law.inputs.some((inp, i) => inp.range !== undefined && ((x[i] as number) < inp.range[0] || (x[i] as number) > inp.range[1])));
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
    name: `${law.name}${law.variant ? ` — ${law.variant.label}` : ""}`,
    mode: p.mode,
    input: p.mode === "direct" ? (law.inputs[p.axisIndex]?.symbol ?? null) : null,
    points,
    extrapolated,
    band: hasBand ? band : null,
    warnings,
  };
}

// ---------------------------------------------------------------------------
// The compare view's state, as a URL carries it (shared by the page and the API)

export const DEFAULT_COMPARE_POINTS = 60;

/** Span drawn when from/to are not given: the laws' fitted ranges on the axis and a decade beyond. */
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
  if (Number.isFinite(lo) && Number.isFinite(hi) && hi > lo) return [lo, hi];
  if (axis.quantity === "compute") return [toAxis(1e18, "compute", "FLOP"), toAxis(1e26, "compute", "FLOP")];
  throw invalid("from", "no law states a fitted range on this axis: give from and to");
}

/**
 * Reads `laws=a,b&x=compute&x.unit=FLOP&from=&to=&points=&fix.D=20*N&fix.D.unit=&y=&k=`.
 * `findLaw` resolves ids (and throws 404s); unknown parameters are errors.
 */
export function compareQuery(q: Readonly<Record<string, string>>, findLaw: (id: string, field: string) => Law, quantities: Quantities): CompareRequest {
  const allowed = new Set(["laws", "x", "x.unit", "from", "to", "points", "y", "k", "at"]);
  const fixed: Record<string, FixedSpec> = Object.create(null);
  for (const [key, value] of Object.entries(q)) {
    const m = /^fix\.([A-Za-z][A-Za-z0-9_]*)(\.unit)?$/.exec(key);
    if (m) {
      const sym = m[1] as string;
      const spec = fixed[sym] ?? (fixed[sym] = { expr: "" });
      if (m[2]) spec.unit = value;
      else spec.expr = value;
    } else if (!allowed.has(key)) {
      throw invalid(key, `unknown parameter ${key}; expected laws, x, x.unit, from, to, points, y, k, at, fix.<symbol>[.unit]`);
    }
  }
  for (const [sym, spec] of Object.entries(fixed)) if (!spec.expr) throw invalid(`fix.${sym}`, `fix.${sym}.unit is given without fix.${sym}`);
  const ids = (q.laws ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  if (ids.length === 0) throw invalid("laws", "laws must list law ids separated by commas");
  if (ids.length > MAX_COMPARE_LAWS) throw invalid("laws", `at most ${MAX_COMPARE_LAWS} laws at once`);
  const laws = ids.map((id, i) => findLaw(id, `laws[${i}]`));
  const quantity = q.x ?? laws[0]?.inputs[0]?.quantity ?? "";
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
  return { laws, axis: { quantity, unit }, from, to, points: num("points") ?? DEFAULT_COMPARE_POINTS, fixed, y, k: num("k") };
}

/** The comparison as chart data (shared by the page and the standalone SVG). */
export function comparisonChart(result: CompareResult, quantities: Quantities): LawChart {
  const first = result.series[0];
  const xs = first?.points.map((p) => p[0]) ?? [1, 10];
  return {
    x: { symbol: quantities.name(result.x.quantity), quantity: result.x.quantity, unit: result.x.unit, domain: [xs[0] as number, xs[xs.length - 1] as number], range: null },
    y: { symbol: result.y.symbol, quantity: result.y.quantity, unit: result.y.unit },
    series: result.series.map((s) => ({
      fixed: {},
      label: s.name,
      points: s.points.map(([x, y], i) => ({ x, y, extrapolated: s.extrapolated[i] ?? false })),
      ...(s.band ? { band: s.band } : {}),
    })),
  };
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
