/**
 * "Refit from the released data" on a law page: for each refit the build ran,
 * what it reproduces or where it differs, the fitted coefficients beside the
 * published ones, how the optimum was found, and the data beside the law.
 */
import type { RefitRow, StoredLaw } from "@/db/queries";
import type { RefitOutcome } from "@/lib/refit";
import { formatNumber } from "@/lib/format";
import { DataChart } from "./DataChart";
import { Num, NumOrDash } from "./Num";

export const REFIT_BADGE: Record<RefitRow["status"], { text: string; cls: string }> = {
  reproduces: { text: "refit reproduces", cls: "ok" },
  discrepancy: { text: "refit differs (documented)", cls: "warn" },
  differs: { text: "refit differs", cls: "bad" },
  "data-absent": { text: "not checked: data not present", cls: "" },
  "data-mismatch": { text: "not checked: data differ", cls: "" },
};

function pct(x: number): string {
  return x === 0 ? "0" : `${formatNumber(x * 100, 2)}%`;
}

function procedure(row: RefitRow): string {
  const s = row.spec;
  const loss = s.objective.loss === "huber-log" ? `Huber (δ = ${s.objective.delta}) on log residuals` : s.objective.loss === "mse-log" ? "least squares on log residuals" : "least squares on the output";
  const starts = s.starts === "published" ? "from the published values" : "grid" in s.starts ? `from a grid of ${Object.values(s.starts.grid).reduce((n, v) => n * v.length, 1).toLocaleString("en")} starts` : `from ${s.starts.points.length} start(s)`;
  const parts = [loss, starts];
  if (s.log.length) parts.push(`${s.log.join(", ")} fitted as logs`);
  if (s.lse) parts.push("sum of terms as log-sum-exp");
  if (s.fixed.length) parts.push(`${s.fixed.join(", ")} held at the published values`);
  return parts.join("; ");
}

export function RefitSection({ law }: { law: StoredLaw }) {
  if (law.refitResults.length === 0) return null;
  return (
    <section data-testid="refits">
      <h2 id="refit">Refit from the released data</h2>
      {law.refitResults.map((row) => (
        <RefitBlock key={row.position} law={law} row={row} />
      ))}
    </section>
  );
}

function RefitBlock({ law, row }: { law: StoredLaw; row: RefitRow }) {
  const o: RefitOutcome = row.outcome;
  const badge = REFIT_BADGE[row.status];
  const published = new Map(law.coefficients.map((c) => [c.symbol, c.value]));
  const x = law.inputs[0];
  return (
    <div className="refit" data-status={row.status}>
      <p>
        <span className={`badge ${badge.cls}`} data-testid="refit-status">
          {badge.text}
        </span>{" "}
        <a href={`/data#${row.dataset}`}>{row.dataset}</a>
        {row.spec.subset && <> (subset {row.spec.subset})</>} — {o.summary}
      </p>
      <p className="small muted">
        Procedure: {procedure(row)}. Source: {row.spec.source}
        {row.spec.note && <> {row.spec.note}</>}
      </p>
      {o.comparisons.length > 0 && (
        <div className="table-wrap">
          <table className="data" data-testid="refit-comparisons">
            <thead>
              <tr>
                <th scope="col">Published</th>
                <th scope="col">Value</th>
                <th scope="col">Refit gives</th>
                <th scope="col">Difference</th>
                <th scope="col">Tolerance</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {o.comparisons.map((c) => (
                <tr key={c.what}>
                  <td>
                    <code>{c.what}</code>
                    {c.source && <div className="small muted">{c.source}</div>}
                  </td>
                  <td className="num">
                    <Num value={c.expected} digits={6} />
                  </td>
                  <td className="num">
                    <Num value={c.actual} digits={6} />
                  </td>
                  <td className="num">{pct(c.relError)}</td>
                  <td className="num">{c.tolerance}</td>
                  <td>{c.within ? <span className="badge ok">within</span> : <span className="badge warn">outside</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {o.coefficients && (
        <div className="table-wrap">
          <table className="data" data-testid="refit-coefficients">
            <thead>
              <tr>
                <th scope="col">Coefficient</th>
                {!law.free && <th scope="col">Published</th>}
                <th scope="col">Refit</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(o.coefficients).map(([s, v]) => (
                <tr key={s}>
                  <td>
                    <code>{s}</code>
                    {o.fixed.includes(s) && <span className="muted small"> (held)</span>}
                  </td>
                  {!law.free && (
                    <td className="num">
                      <NumOrDash value={published.get(s)} digits={6} />
                    </td>
                  )}
                  <td className="num" data-refit-coefficient={s}>
                    <Num value={v} digits={6} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {o.diagnostics && (
        <p className="small muted" data-testid="refit-diagnostics">
          {o.diagnostics.points} points; objective at the optimum {formatNumber(o.objective ?? Number.NaN, 8)}; {o.diagnostics.startsConverged} of{" "}
          {o.diagnostics.starts} starts converged, {o.diagnostics.startsAtBest} reached the best optimum (objective within 10⁻⁴ and every coefficient within 1% of it)
          {o.diagnostics.secondBest !== null && <>, the best other optimum is {pct(o.diagnostics.secondBest / (o.objective ?? 1) - 1)} higher</>}
          {o.diagnostics.r2Log !== null && <>; R² in log space {formatNumber(o.diagnostics.r2Log, 4)}</>}; {o.diagnostics.evaluations.toLocaleString("en")} evaluations of
          objective and gradient.
          {o.diagnostics.startsAtBest <= 1 && o.diagnostics.starts > 1 && <strong> Only one start found this optimum: the fit depends on where it starts.</strong>}
        </p>
      )}
      {o.points && x && (
        <DataChart
          title={`${row.dataset}${row.spec.subset ? ` (${row.spec.subset})` : ""}`}
          x={{ symbol: x.symbol, unit: x.unit, values: o.points.inputs[x.symbol] ?? [] }}
          y={{ symbol: law.output.symbol, unit: law.output.unit, values: o.points.y }}
          // the law as published where it has coefficients (the refit's own predictions are in the table's numbers), else the refit
          predictions={[o.points.published ? { label: "published coefficients", values: o.points.published } : { label: "refit", values: o.points.refit }]}
        />
      )}
    </div>
  );
}
