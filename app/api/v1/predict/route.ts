import { executable, type Law, parseInputs } from "@/lib/law";
import { invalid } from "@/lib/errors";
import { toInputNumber } from "@/lib/numeric";
import { inSpan } from "@/lib/span";
import { type Interval, valueIntervals } from "@/lib/uncertainty";
import { handle, queryRecord, reply } from "@/app/_lib/respond";
import { findLaw } from "@/app/_lib/lookup";
import { parseQuery, readBody, readQuery } from "@/app/_lib/api/request";
import { lawQueries, routes, tooLong } from "@/app/_lib/api/routes";
import { batchPredictionSchema } from "@/app/_lib/api/schemas";
import { predictResponse } from "../_lib/predict";

/**
 * GET /api/v1/predict?law=hoffmann-2022-chinchilla/loss-nd&N=7e10&D=1.4e12:
 * the same answer as GET /api/v1/laws/{paper}/{law}/predict, with the law as a
 * parameter (handy in scripts that loop over laws; one fixed path, which Next
 * routes without matching its dynamic-route patterns).
 */
export function GET(req: Request) {
  return handle(() => {
    const query = queryRecord(new URL(req.url));
    const found = findLaw(query.law);
    const { law: _law, ...inputs } = parseQuery(lawQueries.predictByParam(found), query).values;
    return predictResponse(found, inputs);
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
    const contract = routes["/api/v1/predict"].post;
    readQuery(req, contract.query);
    const { law: id, points, inputs } = await readBody(req, contract.body, tooLong);
    const law = findLaw(id);
    const x = inputs !== undefined ? columns(law, inputs) : rows(law, points ?? []);
    return reply(batchPredictionSchema, evaluateBatch(law, x), "no-store");
  });
}

/** The points as one Float64Array per input, validated, from [{N, D}, ...] (their count already checked by the body schema). */
function rows(law: Law, points: readonly unknown[]): Float64Array[] {
  const cols = law.inputs.map(() => new Float64Array(points.length));
  const x = new Float64Array(law.inputs.length); // reused for every point
  points.forEach((pt, i) => {
    if (!isRecord(pt)) throw invalid(`points[${i}]`, `points[${i}] must be an object like {"${law.inputs[0]?.symbol}": 1e9}`);
    parseInputs(law, pt, `points[${i}].`, x);
    cols.forEach((col, j) => {
      col[i] = x[j] ?? Number.NaN;
    });
  });
  return cols;
}

function isRecord(v: unknown): v is Readonly<Record<string, unknown>> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The points from { N: [...], D: [...] }: every input present, arrays of one length (each at most MAX_POINTS, by the schema). */
function columns(law: Law, given: Readonly<Record<string, readonly unknown[]>>): Float64Array[] {
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
    if (n >= 0 && arr.length !== n) throw invalid(field, `${field} has ${arr.length} values but ${law.inputs[0]?.symbol} has ${n}; every input needs one value per point`);
    n = arr.length;
    const col = new Float64Array(arr.length);
    arr.forEach((v, i) => {
      // fast path for what scripts send: a plain positive finite number
      col[i] = typeof v === "number" && v > 0 && v < Number.POSITIVE_INFINITY ? v : toInputNumber(v, `${field}[${i}]`, input.domain);
    });
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
      const v = cols[j]?.[i] ?? Number.NaN;
      x[j] = v;
      const r = ranges[j];
      if (r && !inSpan(r, v)) {
        outside[j] = (outside[j] ?? 0) + 1;
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
    const n = outside[j] ?? 0;
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
