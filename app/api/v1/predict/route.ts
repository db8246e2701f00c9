import { executable, type Law, parseInputs } from "@/lib/law";
import { invalid, tooLarge } from "@/lib/errors";
import { toInputNumber } from "@/lib/numeric";
import { type Interval, valueIntervals } from "@/lib/uncertainty";
import { handle, ok, queryRecord, readJson } from "@/app/_lib/respond";
import { findLaw } from "@/app/_lib/lookup";
import { predictResponse } from "../_lib/predict";

export const MAX_POINTS = 10_000;
const MAX_BODY_BYTES = 2 * 1024 * 1024;

/**
 * GET /api/v1/predict?law=hoffmann-2022-chinchilla/loss-nd&N=7e10&D=1.4e12:
 * the same answer as GET /api/v1/laws/{paper}/{law}/predict, with the law as a
 * parameter (handy in scripts that loop over laws; one fixed path, which Next
 * routes without matching its dynamic-route patterns).
 */
export function GET(req: Request) {
  return handle(() => {
    const { law, ...inputs } = queryRecord(new URL(req.url));
    return predictResponse(findLaw(law), inputs);
  });
}

/**
 * POST /api/v1/predict evaluates a law at up to 10,000 points, given either
 *   { law, points: [{N, D}, ...] }        one object per point, or
 *   { law, inputs: { N: [...], D: [...] } } one array per input (columns, as a
 *                                          notebook holds them: no repeated keys,
 *                                          a third smaller and parsed twice as fast)
 * and answers values, intervals and extrapolation flags aligned with the points.
 */
export function POST(req: Request) {
  return handle(async () => {
    const body = await readJson(req, MAX_BODY_BYTES);
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      throw invalid("body", 'body must be a JSON object { "law": ..., "points": [...] } or { "law": ..., "inputs": {...} }');
    }
    for (const key of Object.keys(body)) {
      if (key !== "law" && key !== "points" && key !== "inputs") throw invalid(key, `unknown field ${key}; expected law and points (or inputs)`);
    }
    const { law: id, points, inputs } = body as { law?: unknown; points?: unknown; inputs?: unknown };
    const law = findLaw(id);
    if (points !== undefined && inputs !== undefined) throw invalid("inputs", "give either points or inputs, not both");
    const x = inputs !== undefined ? columns(law, inputs) : rows(law, points);
    return ok(evaluateBatch(law, x), "no-store");
  });
}

/** The points as one Float64Array per input, validated, from [{N, D}, ...]. */
function rows(law: Law, points: unknown): Float64Array[] {
  if (points === undefined) throw invalid("points", "points is required (or inputs, one array per input)");
  if (!Array.isArray(points)) throw invalid("points", "points must be an array of objects of inputs");
  if (points.length === 0) throw invalid("points", "points is empty");
  if (points.length > MAX_POINTS) throw tooLarge("points", `at most ${MAX_POINTS} points per request, got ${points.length}`);
  const cols = law.inputs.map(() => new Float64Array(points.length));
  const x = new Float64Array(law.inputs.length); // reused for every point
  points.forEach((pt, i) => {
    if (typeof pt !== "object" || pt === null || Array.isArray(pt)) {
      throw invalid(`points[${i}]`, `points[${i}] must be an object like {"${law.inputs[0]?.symbol}": 1e9}`);
    }
    parseInputs(law, pt as Record<string, unknown>, `points[${i}].`, x);
    for (let j = 0; j < x.length; j++) (cols[j] as Float64Array)[i] = x[j] as number;
  });
  return cols;
}

/** The points from { N: [...], D: [...] }: every input present, arrays of one length. */
function columns(law: Law, inputs: unknown): Float64Array[] {
  if (typeof inputs !== "object" || inputs === null || Array.isArray(inputs)) {
    throw invalid("inputs", `inputs must be an object of arrays like {"${law.inputs[0]?.symbol}": [1e9, 1e10]}`);
  }
  const given = inputs as Record<string, unknown>;
  for (const key of Object.keys(given)) {
    if (!law.inputs.some((i) => i.symbol === key)) {
      throw invalid(`inputs.${key}`, `${key} is not an input of ${law.id}; its inputs are ${law.inputs.map((i) => i.symbol).join(", ")}`);
    }
  }
  let n = -1;
  return law.inputs.map((input) => {
    const field = `inputs.${input.symbol}`;
    const arr = Object.hasOwn(given, input.symbol) ? given[input.symbol] : undefined;
    if (arr === undefined) throw invalid(field, `missing input ${input.symbol} (${input.quantity}, ${input.unit})`);
    if (!Array.isArray(arr)) throw invalid(field, `${field} must be an array of numbers`);
    if (arr.length === 0) throw invalid(field, `${field} is empty`);
    if (arr.length > MAX_POINTS) throw tooLarge(field, `at most ${MAX_POINTS} points per request, got ${arr.length}`);
    if (n >= 0 && arr.length !== n) throw invalid(field, `${field} has ${arr.length} values but ${law.inputs[0]?.symbol} has ${n}; every input needs one value per point`);
    n = arr.length;
    const col = new Float64Array(arr.length);
    for (let i = 0; i < arr.length; i++) {
      const v = arr[i];
      // fast path for what scripts send: a plain positive finite number
      col[i] = typeof v === "number" && v > 0 && v < Number.POSITIVE_INFINITY ? v : toInputNumber(v, `${field}[${i}]`, input.domain);
    }
    return col;
  });
}

/**
 * The hot loop: one compiled function, plain range comparisons, no per-point strings. Each point's
 * interval is the one GET predict answers there (the same function), null where no coefficient
 * carries a standard error: two more evaluations per such coefficient and point.
 */
function evaluateBatch(law: Law, cols: Float64Array[]) {
  const fn = executable(law).fn;
  const intervalAt = valueIntervals(law);
  const count = cols[0]?.length ?? 0;
  const ranges = law.inputs.map((i) => i.range ?? null);
  const values = new Array<number>(count);
  const intervals = new Array<Interval | null>(count);
  const extrapolated = new Array<boolean>(count);
  const outside = new Array<number>(law.inputs.length).fill(0);
  const x = new Float64Array(law.inputs.length);
  for (let i = 0; i < count; i++) {
    let out = false;
    for (let j = 0; j < x.length; j++) {
      const v = (cols[j] as Float64Array)[i] as number;
      x[j] = v;
      const r = ranges[j];
      if (r && (v < r[0] || v > r[1])) {
        outside[j] = (outside[j] as number) + 1;
        out = true;
      }
    }
    const y = fn(x);
    if (!Number.isFinite(y)) throw invalid(`points[${i}]`, `${law.id} gives no finite value at points[${i}]`);
    values[i] = y;
    intervals[i] = intervalAt ? intervalAt(x, y) : null;
    extrapolated[i] = out;
  }
  const warnings = law.inputs.flatMap((input, j) => {
    if (!input.range) return [`${input.symbol}: the paper states no fitted range, so extrapolation cannot be judged`];
    const n = outside[j] as number;
    return n ? [`${input.symbol} lies outside the fitted range [${input.range[0]}, ${input.range[1]}] ${input.unit} in ${n} of ${count} points: extrapolation`] : [];
  });
  return {
    law: law.id,
    output: { symbol: law.output.symbol, quantity: law.output.quantity, unit: law.output.unit },
    count,
    values,
    intervals,
    extrapolated,
    warnings,
  };
}
