import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { listLaws } from "@/db/queries";
import { StaticChart } from "@/app/_components/StaticChart";
import { Num } from "@/app/_components/Num";
import { flatQuery, lawHref } from "@/app/_lib/data";
import type { CompareResult } from "@/lib/compare";
import { LawdexError } from "@/lib/errors";
import { toPositiveNumber } from "@/lib/numeric";
import { formatNumber } from "@/lib/format";
import { type Allocation, canAllocate, optimize } from "@/lib/optimize";
import type { Law } from "@/lib/law";
import type { Quantities } from "@/lib/quantities";
import { type CompareState, compareState, toSearch } from "./_state";

export const metadata: Metadata = {
  title: "Compare laws",
  description: "Laws from different papers on one shared axis, units converted, with every mismatch stated.",
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const EXAMPLES: { label: string; query: Record<string, string> }[] = [
  {
    label: "Chinchilla three ways: printed, unrounded and refitted coefficients, compute-optimal at Gopher's budget",
    query: {
      laws: "hoffmann-2022-chinchilla/loss-nd,hoffmann-2022-chinchilla/loss-nd~unrounded,besiroglu-2024-replication/loss-nd",
      x: "compute",
      at: "5.76e23",
    },
  },
  {
    label: "Kaplan L(C_min) in PF-days against the Chinchilla frontier in FLOPs",
    query: { laws: "kaplan-2020-scaling/loss-cmin,hoffmann-2022-chinchilla/loss-nd~unrounded", x: "compute", "x.unit": "FLOP" },
  },
  {
    label: "Kaplan L(N) (non-embedding) against Hoffmann L(N, D = 20·N) (total parameters)",
    query: { laws: "kaplan-2020-scaling/loss-n,hoffmann-2022-chinchilla/loss-nd", x: "params", "fix.D": "20*N" },
  },
];

function defaultAt(result: CompareResult): number[] {
  const xs = result.series[0]?.points.map((p) => p[0]) ?? [];
  const lo = xs[0] ?? 1;
  const hi = xs[xs.length - 1] ?? 10;
  const out: number[] = [];
  for (let k = Math.ceil(Math.log10(lo)); k <= Math.floor(Math.log10(hi)); k++) out.push(10 ** k);
  const step = Math.max(1, Math.ceil(out.length / 6));
  return out.filter((_, i) => i % step === 0);
}

function parseAt(text: string | undefined, result: CompareResult): number[] {
  if (!text) return defaultAt(result);
  const parts = text.split(",").map((s) => s.trim()).filter(Boolean);
  if (parts.length > 12) throw new LawdexError(400, "invalid_input", "at", "at lists at most 12 values");
  return parts.map((p, i) => toPositiveNumber(p, `at[${i}]`));
}

function Allocations({ laws, at, state }: { laws: Law[]; at: number[]; state: CompareState }) {
  const { quantities, request } = state;
  const unit = request.axis.unit ?? quantities.baseUnit("compute");
  const rows = laws.flatMap((law) => {
    if (!canAllocate(law, quantities)) return [];
    return [{ law, results: at.map((c) => safeOptimize(law, quantities.convert(c, "compute", unit, "FLOP"), quantities, request.k)) }];
  });
  if (rows.length === 0) return null;
  return (
    <>
      <h2 id="optimal">Compute-optimal allocation</h2>
      <p className="small muted">
        The split of each compute budget C = {request.k ?? 6}·N·D that minimises each law&apos;s output (numerical minimisation in log
        space; for the Chinchilla form it equals the closed form). N and D in each law&apos;s own units.
      </p>
      <div className="table-wrap">
        <table className="data" data-testid="allocations">
          <thead>
            <tr>
              <th scope="col">Law</th>
              {at.map((c) => (
                <th scope="col" key={c}>
                  C = <Num value={c} /> {unit}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ law, results }) => (
              <tr key={law.id}>
                <td>
                  <Link href={lawHref(law.id)}>{law.id}</Link>
                </td>
                {results.map((a, i) =>
                  typeof a === "string" ? (
                    <td key={i} className="small">{a}</td>
                  ) : (
                    <td key={i} className="num" data-law={law.id} data-n-opt={a.N}>
                      N* = <Num value={a.N} digits={3} />
                      <br />
                      D* = <Num value={a.D} digits={3} />
                      <br />
                      {law.output.symbol}* = {formatNumber(a.value, 4)}
                      <br />
                      <span className="muted">D/N = {formatNumber(a.tokensPerParam, 3)}</span>
                      {a.extrapolated && <div className="badge warn">extrapolated</div>}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function safeOptimize(law: Law, C: number, quantities: Quantities, k?: number): Allocation | string {
  try {
    return optimize(law, C, quantities, k);
  } catch (e) {
    if (e instanceof LawdexError) return e.message;
    throw e;
  }
}

/** Laws grouped by paper, in the given order (Map.groupBy needs Node 21). */
function byPaper(laws: Law[]): [string, Law[]][] {
  const groups = new Map<string, Law[]>();
  for (const l of laws) groups.set(l.paper, [...(groups.get(l.paper) ?? []), l]);
  return [...groups];
}

export default async function ComparePage({ searchParams }: Props) {
  let query: Record<string, string> = {};
  let state: CompareState | null = null;
  let table: CompareResult | null = null;
  let at: number[] = [];
  let error: LawdexError | null = null;
  try {
    query = flatQuery(await searchParams);
    if (query.add) {
      // the "Add a law" form: fold the chosen law into laws= and show the canonical URL
      const { add, ...rest } = query;
      const laws = [...new Set([...(rest.laws ?? "").split(",").filter(Boolean), add])].join(",");
      redirect(`/compare?${toSearch({ ...rest, laws })}`);
    }
    if (query.laws) {
      state = await compareState(query);
      at = parseAt(query.at, state.result);
      table = await state.at(at);
    }
  } catch (e) {
    if (!(e instanceof LawdexError)) throw e;
    error = e;
  }
  const allLaws = listLaws(getDb());
  const chosen = new Set((query.laws ?? "").split(",").filter(Boolean));
  const addable = allLaws.filter((l) => !chosen.has(l.id));
  // inputs besides the axis that a direct-mode law needs held fixed
  const fixable = [
    ...new Set(
      (state?.result.series ?? []).flatMap((s) => {
        const law = state?.request.laws.find((l) => l.id === s.law);
        return s.mode === "direct" && law ? law.inputs.filter((i) => i.symbol !== s.input).map((i) => i.symbol) : [];
      }),
    ),
  ];
  const search = toSearch(query);
  return (
    <article>
      <p className="crumbs">
        <Link href="/">Lawdex</Link> / compare
      </p>
      <h1>Compare laws on one axis</h1>
      <p className="lede">
        Laws from different papers, sampled on one shared quantity with units converted. Every way in which the curves
        are less comparable than they look (total vs non-embedding parameters, losses on different data, compute counted
        differently) is stated above the chart.
      </p>
      <form className="calc" method="get" action="/compare" aria-label="Comparison">
        <label>
          <span>Laws (ids, comma-separated)</span>
          <input name="laws" defaultValue={query.laws ?? ""} style={{ width: "min(40rem, 100%)" }} required />
        </label>
        <label>
          <span>Axis quantity</span>
          <input name="x" defaultValue={state?.request.axis.quantity ?? query.x ?? ""} />
        </label>
        <label>
          <span>Axis unit</span>
          <input name="x.unit" defaultValue={state?.request.axis.unit ?? query["x.unit"] ?? ""} />
        </label>
        <label>
          <span>From</span>
          <input name="from" defaultValue={query.from ?? (state ? formatNumber(state.request.from, 3) : "")} />
        </label>
        <label>
          <span>To</span>
          <input name="to" defaultValue={query.to ?? (state ? formatNumber(state.request.to, 3) : "")} />
        </label>
        {fixable.map((sym) => (
          <label key={sym}>
            <span>Hold {sym} at (value or relation, e.g. 20*N)</span>
            <input name={`fix.${sym}`} defaultValue={query[`fix.${sym}`] ?? ""} />
          </label>
        ))}
        <label>
          <span>Table at (comma-separated)</span>
          <input name="at" defaultValue={query.at ?? ""} />
        </label>
        <button type="submit">Compare</button>
      </form>

      {error && (
        <div className="error" role="alert">
          {error.field && <strong>{error.field}: </strong>}
          {error.message}
        </div>
      )}

      {!state && !error && (
        <>
          <h2>Examples</h2>
          <ul>
            {EXAMPLES.map((ex) => (
              <li key={ex.label}>
                <Link href={`/compare?${toSearch(ex.query)}`}>{ex.label}</Link>
              </li>
            ))}
          </ul>
        </>
      )}

      {state && (
        <>
          <h2>Chart</h2>
          {state.result.warnings.map((w) => (
            <div className="notice" key={w} data-testid="warning">
              {w}
            </div>
          ))}
          <figure className="chart">
            <StaticChart markup={state.chart()} />
            <figcaption>
              {state.result.y.symbol} ({state.result.y.unit}) against {state.quantities.name(state.result.x.quantity)} (
              {state.result.x.unit}), log-log. Dashed: outside a law&apos;s fitted range. Shaded bands: 95% intervals from
              published standard errors (delta method, errors taken as independent).
            </figcaption>
          </figure>
          <p className="small">
            Export: <a href={`/compare/chart.svg?${search}`}>chart (SVG)</a> · <a href={`/compare/series.csv?${search}`}>series (CSV)</a> ·{" "}
            <a href={`/api/v1/compare?${toSearch(Object.fromEntries(Object.entries(query).filter(([k]) => k !== "at")))}`}>JSON</a>
          </p>
          <ul className="small">
            {state.result.series.map((s) => (
              <li key={s.law}>
                <Link href={lawHref(s.law)}>{s.name}</Link> <span className="muted">({s.law})</span>
                {s.warnings.length > 0 && <span className="muted"> — {s.warnings.join("; ")}</span>}
              </li>
            ))}
          </ul>

          {table && (
            <>
              <h2>Values</h2>
              <div className="table-wrap">
                <table className="data" data-testid="values">
                  <thead>
                    <tr>
                      <th scope="col">
                        {state.quantities.name(table.x.quantity)} ({table.x.unit})
                      </th>
                      {table.series.map((s) => (
                        <th scope="col" key={s.law}>
                          {s.law} <span className="muted">({table.y.unit})</span>
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {at.map((x, i) => (
                      <tr key={x}>
                        <td className="num">
                          <Num value={x} />
                        </td>
                        {table?.series.map((s) => {
                          const y = s.points[i]?.[1] ?? null;
                          const band = s.band?.[i];
                          return (
                            <td className="num" key={s.law}>
                              {y === null ? <span className="muted">no value</span> : formatNumber(y, 5)}
                              {band && <span className="muted small"> [{formatNumber(band[0], 3)}, {formatNumber(band[1], 3)}]</span>}
                              {s.extrapolated[i] && <span className="badge warn">extrap.</span>}
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
          {state.request.axis.quantity === "compute" && <Allocations laws={state.request.laws} at={at} state={state} />}
        </>
      )}

      <h2>Add a law</h2>
      <form className="calc" method="get" action="/compare" aria-label="Add a law">
        {Object.entries(query)
          .filter(([k]) => k !== "add")
          .map(([k, v]) => (
            <input type="hidden" name={k} value={v} key={k} />
          ))}
        <label>
          <span>Law</span>
          <select name="add" required defaultValue="">
            <option value="" disabled>
              Choose a law ({addable.length} more)
            </option>
            {byPaper(addable).map(([paper, laws]) => (
              <optgroup label={paper} key={paper}>
                {laws.map((l) => (
                  <option value={l.id} key={l.id}>
                    {l.id.slice(paper.length + 1)} — {l.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <button type="submit">Add to the comparison</button>
      </form>
    </article>
  );
}
