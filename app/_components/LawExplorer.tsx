"use client";
/**
 * The law's chart and calculator. Server-rendered as a plain GET form whose
 * result page lands on the answer (#result) without JavaScript; with
 * JavaScript it computes live as the reader types or drags a slider, through
 * the JSON prediction routes, and answers Predict in place, below the button.
 * The answer gives the value under every coefficient set of the law side by
 * side, and the chart draws the curve through the reader's other inputs and
 * marks the point. The chart is drawn twice, for wide and for narrow screens
 * (CSS shows one), so that its text keeps its size on a phone.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import * as recharts from "recharts";
import * as z from "zod/mini";
import { type LawChart as ChartData, type Series, thinned } from "@/lib/series";
import { formatNumber, readerLabel } from "@/lib/format";
import { isNumericText, numericText } from "@/lib/numeric";
import { chartElement } from "./chart/ChartSvg";
import { Num } from "./Num";

export interface ExplorerInput {
  symbol: string;
  label: string;
  unit: string;
  /** Slider span: the fitted range and two decades beyond, or the drawing span. */
  span: [number, number];
  value: string;
}

/** A coefficient set the answer is given under (a variant of the law, or a published refit of its form). */
export interface CoefficientSet {
  id: string;
  label: string;
  href: string;
}

/** A prediction as the calculator shows it, from the server (result page) or the JSON route (live). */
export interface Answer {
  inputs: { symbol: string; value: number; unit: string }[];
  value: number;
  extrapolated: boolean;
  warnings: string[];
  /** The value under each coefficient set, in the order of the sets (null with the reason where a set gives none). */
  sets: { value: number | null; error: string | null }[];
}

type Failure = { field: string | null; message: string };

interface Live {
  answer?: Answer;
  error?: Failure;
  /** The query the answer is for, and whether the reader asked for it with Predict (then it is brought into view). */
  query: string;
  reveal: boolean;
}

/**
 * The prediction routes' answers, checked as they arrive (zod/mini: a few KB
 * in the page, where zod would be tens). Every field is optional: an error
 * answer has only `error`, and what does not match reads as no answer.
 */
const failure = z.object({ field: z.nullable(z.string()), message: z.string() });
const predictionJson = z.object({
  inputs: z.optional(z.record(z.string(), z.object({ value: z.number(), unit: z.string() }))),
  value: z.optional(z.number()),
  extrapolated: z.optional(z.boolean()),
  warnings: z.optional(z.array(z.string())),
  error: z.optional(failure),
});
const batchJson = z.object({
  values: z.optional(z.array(z.number())),
  extrapolated: z.optional(z.array(z.boolean())),
  error: z.optional(failure),
});

const WIDE = { width: 760, height: 420 };
const NARROW = { width: 340, height: 300 };

/** A route's JSON answer read with `schema`; an answer of another shape is an error, as an unreachable route is. */
async function getJson<T>(schema: z.ZodMiniType<T>, url: string, init?: RequestInit): Promise<T> {
  const json: unknown = await (await fetch(url, init)).json();
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new Error(`${url} answered in an unexpected shape`);
  return parsed.data;
}

/**
 * The curve through the reader's values of the inputs other than the chart's
 * x, on the chart's own grid of x, from one batch request (97 points); the
 * current one again when those values have not changed.
 */
async function readerSlice(lawId: string, chart: ChartData, inputs: ExplorerInput[], vals: Record<string, string>, current: Series | null): Promise<Series | null> {
  const held = inputs
    .filter((i) => i.symbol !== chart.x.symbol)
    .map((i) => ({ symbol: i.symbol, unit: i.unit, value: isNumericText(vals[i.symbol] ?? "") ? Number(numericText(vals[i.symbol] ?? "")) : Number.NaN }));
  if (held.length === 0 || held.some((h) => !Number.isFinite(h.value))) return null;
  if (current && held.every((h) => current.fixed[h.symbol] === h.value)) return current;
  const xs = (chart.series[0]?.points ?? []).map((p) => p.x);
  const body = await getJson(batchJson, "/api/v1/predict", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ law: lawId, inputs: Object.fromEntries([[chart.x.symbol, xs], ...held.map((h) => [h.symbol, xs.map(() => h.value)])]) }),
  });
  const { values, extrapolated } = body;
  if (!values || !extrapolated) return null;
  return {
    fixed: Object.fromEntries(held.map((h) => [h.symbol, h.value])),
    label: readerLabel(held),
    points: xs.map((x, k) => ({ x, y: values[k] ?? null, extrapolated: extrapolated[k] ?? false })),
    reader: true,
  };
}

export function LawExplorer({
  lawId,
  action,
  chart,
  inputs,
  output,
  caption,
  sets,
  omitted,
  answer,
  error,
}: {
  lawId: string;
  /** The result page's path (the form adds #result). */
  action: string;
  /** The chart; a series marked reader is the slice through the answer's inputs. */
  chart: ChartData | null;
  inputs: ExplorerInput[];
  output: { symbol: string; unit: string };
  caption: React.ReactNode;
  sets: CoefficientSet[];
  /** Coefficient sets of the law beyond those in the answer. */
  omitted: number;
  /** The server's answer (the result page), or none. */
  answer?: Answer | null;
  error?: Failure | null;
}) {
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(inputs.map((i) => [i.symbol, i.value])));
  const [live, setLive] = useState<Live | null>(null);
  const [touched, setTouched] = useState(false);
  // the reader's slice: from the server on a result page, then fetched again when the held inputs change
  const [slice, setSlice] = useState<Series | null>(() => chart?.series.find((s) => s.reader) ?? null);
  const sliceRef = useRef(slice);
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const resultRef = useRef<HTMLElement>(null);

  const compute = useCallback(
    async (vals: Record<string, string>, reveal: boolean) => {
      const id = ++seq.current;
      const query = new URLSearchParams(vals).toString();
      const others = sets.filter((s) => s.id !== lawId);
      // the curve through the held inputs comes with the answer, so that the page
      // (its legend) does not change under the reader after the answer is shown
      const nextSlice = chart ? readerSlice(lawId, chart, inputs, vals, sliceRef.current).catch(() => null) : Promise.resolve(null);
      try {
        const [main, ...rest] = await Promise.all([
          getJson(predictionJson, `/api/v1/laws/${lawId}/predict?${query}`),
          ...others.map((s) => getJson(predictionJson, `/api/v1/laws/${s.id}/predict?${query}`)),
        ]);
        const next = await nextSlice;
        if (id !== seq.current) return;
        sliceRef.current = next;
        setSlice(next);
        if (!main || main.error || main.value === undefined) {
          setLive({ error: main?.error ?? { field: null, message: "the prediction route gave no value" }, query, reveal });
          return;
        }
        const byId = new Map(others.map((s, k) => [s.id, rest[k]]));
        setLive({
          answer: {
            inputs: Object.entries(main.inputs ?? {}).map(([symbol, r]) => ({ symbol, value: r.value, unit: r.unit })),
            value: main.value,
            extrapolated: main.extrapolated ?? false,
            warnings: main.warnings ?? [],
            sets: sets.map((s) => {
              const r = s.id === lawId ? main : byId.get(s.id);
              return r?.value !== undefined ? { value: r.value, error: null } : { value: null, error: r?.error?.message ?? "no value" };
            }),
          },
          query,
          reveal,
        });
      } catch {
        if (id === seq.current) setLive({ error: { field: null, message: "could not reach the prediction route" }, query, reveal });
      }
    },
    [lawId, sets, chart, inputs],
  );

  useEffect(() => {
    if (!touched) return;
    timer.current = setTimeout(() => void compute(values, false), 150);
    return () => clearTimeout(timer.current);
  }, [values, touched, compute]);

  // Predict answered in place: bring the answer into view, and give the page
  // the result page's address (a reload or a shared link shows the same answer)
  useEffect(() => {
    if (!live?.reveal) return;
    const el = resultRef.current;
    if (el) {
      const box = el.getBoundingClientRect();
      if (box.top < 0 || box.bottom > window.innerHeight) el.scrollIntoView({ block: "nearest" });
    }
    window.history.replaceState(null, "", `${action}?${live.query}#result`);
  }, [live, action]);

  const set = (symbol: string, v: string) => {
    setTouched(true);
    setValues((old) => ({ ...old, [symbol]: v }));
  };
  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    clearTimeout(timer.current);
    void compute(values, true);
  };

  const shown = live ? (live.answer ?? null) : (answer ?? null);
  const failure = live ? (live.error ?? null) : (error ?? null);
  const point = shown && shown.inputs[0] ? { x: shown.inputs[0].value, y: shown.value } : null;
  const drawn = chart && { ...chart, series: [...chart.series.filter((s) => !s.reader), ...(slice && !failure ? [slice] : [])] };

  return (
    <>
      {drawn && (
        <>
          <h2>Chart</h2>
          <figure className="chart">
            <div className="chart-wide">{chartElement(recharts, { chart: drawn, point, ...WIDE })}</div>
            <div className="chart-narrow">{chartElement(recharts, { chart: thinned(drawn, 2), point, ...NARROW })}</div>
            <figcaption>{caption}</figcaption>
          </figure>
        </>
      )}
      <h2 id="calculator">Calculator</h2>
      <form className="calc" method="get" action={`${action}#result`} aria-label="Calculator" onSubmit={onSubmit}>
        {inputs.map((input) => {
          const v = values[input.symbol] ?? "";
          const n = isNumericText(v) ? Number(numericText(v)) : Number.NaN;
          const [lo, hi] = input.span;
          const pos = Number.isFinite(n) && n > 0 ? Math.min(1000, Math.max(0, (1000 * Math.log(n / lo)) / Math.log(hi / lo))) : 500;
          return (
            <div className="calc-field" key={input.symbol}>
              <label>
                <span>
                  {input.symbol} — {input.label} ({input.unit})
                </span>
                <input
                  name={input.symbol}
                  value={v}
                  onChange={(e) => set(input.symbol, e.target.value)}
                  inputMode="decimal"
                  autoComplete="off"
                  spellCheck={false}
                  required
                />
              </label>
              <input
                type="range"
                min={0}
                max={1000}
                value={Math.round(pos)}
                aria-label={`${input.symbol} on a log scale from ${formatNumber(lo, 2)} to ${formatNumber(hi, 2)}`}
                onChange={(e) => set(input.symbol, formatNumber(lo * (hi / lo) ** (Number(e.target.value) / 1000), 3))}
                className="log-slider"
                tabIndex={0}
              />
            </div>
          );
        })}
        <button type="submit">Predict {output.symbol}</button>
      </form>
      {(failure || shown) && (
        <section className="result" id="result" aria-live="polite" ref={resultRef} {...(live ? { "data-testid": "live-result" } : {})}>
          {failure ? (
            <div className="error" role="alert">
              {failure.field && <strong>{failure.field}: </strong>}
              {failure.message}
            </div>
          ) : (
            shown && <AnswerView answer={shown} output={output} sets={sets} omitted={omitted} lawId={lawId} />
          )}
        </section>
      )}
    </>
  );
}

function AnswerView({ answer, output, sets, omitted, lawId }: { answer: Answer; output: { symbol: string; unit: string }; sets: CoefficientSet[]; omitted: number; lawId: string }) {
  return (
    <>
      <div className="small muted">{answer.inputs.map((r) => `${r.symbol} = ${formatNumber(r.value, 6)} ${r.unit}`).join(", ")}</div>
      <div>
        {output.symbol} ={" "}
        <span className="value" data-value={answer.value}>
          <Num value={answer.value} digits={6} />
        </span>{" "}
        {output.unit}
      </div>
      {answer.extrapolated && <div className="badge warn">extrapolated</div>}
      {answer.warnings.map((w) => (
        <div className="notice" key={w}>
          {w}
        </div>
      ))}
      {sets.length > 1 && (
        <div className="table-wrap">
          <table className="data sets" data-testid="coefficient-sets">
            <caption>
              {output.symbol} at these inputs under each coefficient set{omitted > 0 && <> (and {omitted} more sets of this law, on its tabs above)</>}
            </caption>
            <thead>
              <tr>
                <th scope="col">Coefficients</th>
                <th scope="col">
                  {output.symbol} ({output.unit}), vs. this page
                </th>
              </tr>
            </thead>
            <tbody>
              {sets.map((s, k) => {
                const r = answer.sets[k];
                const current = s.id === lawId;
                return (
                  <tr key={s.id} data-set={s.id} aria-current={current ? "true" : undefined}>
                    <th scope="row">
                      {current ? s.label : <a href={s.href}>{s.label}</a>}
                      {current && <span className="muted small"> (this page)</span>}
                    </th>
                    <td className="num" data-value={r?.value ?? ""}>
                      {r?.value !== null && r?.value !== undefined ? (
                        <>
                          <Num value={r.value} digits={6} /> <span className="diff">{current ? "" : relative(r.value, answer.value)}</span>
                        </>
                      ) : (
                        <span className="muted">{r?.error ?? "no value"}</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** How far a value lies from the page's, in percent with a sign. */
function relative(v: number, base: number): string {
  const pct = ((v - base) / Math.abs(base)) * 100;
  return `${pct >= 0 ? "+" : "−"}${formatNumber(Math.abs(pct), 2)}%`;
}
