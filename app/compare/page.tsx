import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getLaw } from "@/db/queries";
import { findLaw, getQuantities } from "@/app/_lib/lookup";
import { StaticChart } from "@/app/_components/StaticChart";
import { colorOf } from "@/app/_components/chart/ChartSvg";
import { Num } from "@/app/_components/Num";
import { flatQuery, lawHref } from "@/app/_lib/data";
import { lawLabel } from "@/lib/citation";
import { editCompareQuery, sharedAxes } from "@/lib/compare";
import { LawdexError } from "@/lib/errors";
import { formatNumber } from "@/lib/format";
import { type Allocation, canAllocate, optimize } from "@/lib/optimize";
import type { Law } from "@/lib/law";
import type { Quantities } from "@/lib/quantities";
import { catalog, citationOf, pickerHits } from "@/app/_lib/compare-catalog";
import { plainTitle } from "@/lib/title";
import { figureText } from "./_figure";
import { LawPicker, type PickerAnswer } from "./LawPicker";
import { type CompareState, type CompareTable, compareState, toSearch } from "@/app/_lib/compare-state";
import { Crumbs } from "@/app/_components/Crumbs";

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
                  <Link href={lawHref(law.id)}>{lawLabel(law, citationOf(law.paper))}</Link>
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


/** Laws grouped by paper, in the catalogue's order (Map.groupBy needs Node 21). */
function byPaper<T extends { paper: string }>(items: T[]): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(item.paper, [...(groups.get(item.paper) ?? []), item]);
  return [...groups];
}

/** The laws a query names that exist, so that they can be listed (and removed) even when the comparison fails. */
function chosenLaws(ids: string | undefined): Law[] {
  const db = getDb();
  return (ids ?? "")
    .split(",")
    .map((id) => id.trim())
    .filter(Boolean)
    .flatMap((id) => {
      const law = id.length <= 200 ? getLaw(db, id) : null;
      return law ? [law] : [];
    });
}

export default async function ComparePage({ searchParams }: Props) {
  let query: Record<string, string> = {};
  let state: CompareState | null = null;
  let table: CompareTable | null = null;
  let error: LawdexError | null = null;
  const quantities = getQuantities();
  try {
    query = flatQuery(await searchParams);
    // the forms' edits (add or drop a law, another axis, empty fields) become the canonical URL
    const edited = editCompareQuery(query, (id, field) => findLaw(id, field), quantities);
    if (edited) redirect(`/compare?${toSearch(edited)}`);
  } catch (e) {
    if (!(e instanceof LawdexError)) throw e;
    error = e;
  }
  const { find = "", ...compareQ } = query;
  if (!error && compareQ.laws) {
    try {
      state = await compareState(compareQ);
      table = await state.table(compareQ.at);
    } catch (e) {
      if (!(e instanceof LawdexError)) throw e;
      error = e;
    }
  }
  const chosen = state?.request.laws ?? chosenLaws(compareQ.laws);
  const chosenIds = new Set(chosen.map((l) => l.id));
  const picked: PickerAnswer = find.trim() ? pickerHits(find, chosen, quantities) : { hits: [], total: 0 };
  const addable = catalog().entries.filter((e) => !chosenIds.has(e.id));
  const axis = state?.request.axis.quantity ?? compareQ.x ?? sharedAxes(chosen, quantities)[0]?.quantity ?? "";
  const axes = sharedAxes(chosen, quantities).map((a) => a.quantity);
  if (axis && !axes.includes(axis)) axes.unshift(axis);
  const units = Object.keys(quantities.get(axis)?.units ?? {});
  // inputs besides the axis that a direct-mode law needs held fixed
  const fixable = [
    ...new Set(
      (state?.result.series ?? []).flatMap((s) => {
        const law = state?.request.laws.find((l) => l.id === s.law);
        return s.mode === "direct" && law ? law.inputs.filter((i) => i.symbol !== s.input).map((i) => i.symbol) : [];
      }),
    ),
  ];
  const search = toSearch(compareQ);
  const figure = state ? figureText(state, table, `/compare?${search}`) : null;
  const color = new Map(state?.result.series.map((s, i) => [s.law, colorOf(i)]) ?? []);
  return (
    <article className="compare">
      <Crumbs trail={[{ label: "Compare" }]} />
      <h1>Compare laws on one axis</h1>
      <p className="lede">
        Laws from different papers, sampled on one shared quantity with units converted. Every way in which the curves
        are less comparable than they look (total vs non-embedding parameters, losses on different data, compute counted
        differently) is stated above the chart.
      </p>

      <section aria-labelledby="laws-heading">
        <h2 id="laws-heading">Laws</h2>
        {chosen.length > 0 ? (
          <ul className="chosen-laws" data-testid="chosen-laws">
            {chosen.map((law) => (
              <li key={law.id}>
                <span className="swatch" style={{ background: color.get(law.id) ?? "transparent" }} aria-hidden="true" />
                <Link href={lawHref(law.id)}>{lawLabel(law, citationOf(law.paper))}</Link> <span className="muted small">({law.id})</span>{" "}
                <a className="small" href={`/compare?${toSearch({ ...compareQ, drop: law.id })}`} aria-label={`Remove ${law.id} from the comparison`}>
                  remove
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <p>Find a law below, or start from an example.</p>
        )}
        <LawPicker base={compareQ} find={find} initial={picked} />
        <form className="calc browse" method="get" action="/compare" aria-label="Add a law">
          {Object.entries(compareQ).map(([k, v]) => (
            <input type="hidden" name={k} value={v} key={k} />
          ))}
          <label>
            <span>Or choose from every law, by paper</span>
            <select name="add" required defaultValue="">
              <option value="" disabled>
                Choose a law ({addable.length} more)
              </option>
              {byPaper(addable).map(([paper, entries]) => (
                <optgroup label={`${entries[0]?.citation} — ${plainTitle(entries[0]?.title ?? "")}`} key={paper}>
                  {entries.map((e) => (
                    <option value={e.id} key={e.id}>
                      {e.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </label>
          <button type="submit">Add</button>
        </form>
      </section>

      {chosen.length > 0 && (
        <form className="calc" method="get" action="/compare" aria-label="Comparison">
          <input type="hidden" name="laws" value={chosen.map((l) => l.id).join(",")} />
          <input type="hidden" name="prev.x" value={axis} />
          {(["points", "y", "k"] as const).flatMap((k) => (compareQ[k] !== undefined ? [<input type="hidden" name={k} value={compareQ[k]} key={k} />] : []))}
          <label>
            <span>Axis</span>
            <select name="x" defaultValue={axis}>
              {axes.map((q) => (
                <option value={q} key={q}>
                  {quantities.name(q)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>Unit</span>
            <select name="x.unit" defaultValue={state?.request.axis.unit ?? compareQ["x.unit"] ?? units[0]}>
              {units.map((u) => (
                <option value={u} key={u}>
                  {u}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>From</span>
            <input name="from" inputMode="decimal" defaultValue={compareQ.from ?? (state ? formatNumber(state.request.from, 3) : "")} />
          </label>
          <label>
            <span>To</span>
            <input name="to" inputMode="decimal" defaultValue={compareQ.to ?? (state ? formatNumber(state.request.to, 3) : "")} />
          </label>
          {fixable.map((sym) => (
            <label key={sym}>
              <span>Hold {sym} at (value or relation, e.g. 20*N)</span>
              <input name={`fix.${sym}`} defaultValue={compareQ[`fix.${sym}`] ?? ""} />
            </label>
          ))}
          {Object.entries(compareQ)
            .filter(([k]) => k.startsWith("fix.") && !fixable.some((sym) => k === `fix.${sym}`))
            .map(([k, v]) => (
              <input type="hidden" name={k} value={v} key={k} />
            ))}
          <label>
            <span>Table at (comma-separated)</span>
            <input name="at" defaultValue={compareQ.at ?? ""} placeholder={table ? table.at.map((x) => formatNumber(x, 3)).join(", ") : ""} />
          </label>
          <button type="submit">Compare</button>
        </form>
      )}

      {error && (
        <div className="error" role="alert">
          {error.field && <strong>{error.field}: </strong>}
          {error.message}
        </div>
      )}

      {chosen.length === 0 && (
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

      {state && figure && (
        <>
          <h2>Chart</h2>
          {state.result.warnings.map((w) => (
            <div className="notice" key={w} data-testid="warning">
              {w}
            </div>
          ))}
          <figure className="chart">
            <p className="figure-title">{figure.title}</p>
            <StaticChart markup={state.chart(table ?? undefined)} narrow={state.chart(table ?? undefined, true)} />
            <figcaption>{figure.note}</figcaption>
          </figure>
          <p className="small">
            Export: <a href={`/compare/chart.svg?${search}`}>chart (SVG)</a> · <a href={`/compare/series.csv?${search}`}>series (CSV)</a> ·{" "}
            <a href={`/api/v1/compare?${search}`}>JSON</a>
          </p>
          <ul className="small">
            {state.result.series.map((s) => (
              <li key={s.law}>
                <Link href={lawHref(s.law)}>{s.label}</Link>
                {s.warnings.length > 0 && <span className="muted"> — {s.warnings.join("; ")}</span>}
              </li>
            ))}
          </ul>

          {table && table.at.length > 0 && (
            <>
              <h2>Values</h2>
              <div className="table-wrap">
                <table className="data" data-testid="values">
                  <thead>
                    <tr>
                      <th scope="col">
                        {state.quantities.name(table.result.x.quantity)} ({table.result.x.unit})
                      </th>
                      {table.result.series.map((s) => (
                        <th scope="col" key={s.law}>
                          {s.label} <span className="muted">({table.result.y.unit})</span>
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {table.at.map((x, i) => (
                      <tr key={x}>
                        <td className="num">
                          <Num value={x} />
                        </td>
                        {table?.result.series.map((s) => {
                          const y = s.points[i]?.[1] ?? null;
                          const band = s.band?.[i];
                          return (
                            <td className="num" key={s.law} data-law={s.law} data-x={x} data-value={y ?? ""}>
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
          {state.request.axis.quantity === "compute" && table && <Allocations laws={state.request.laws} at={table.at} state={state} />}
        </>
      )}
    </article>
  );
}
