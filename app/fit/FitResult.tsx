/**
 * A fit's answer as the reader sees it, the same with JavaScript (after the
 * Web Worker fit) and without (after the server fit): coefficients with
 * intervals beside the registry's for the same form, diagnostics and
 * warnings, the data with the fit and the literature's laws, residuals.
 */
import { DataChart } from "@/app/_components/DataChart";
import { Num, NumOrDash } from "@/app/_components/Num";
import { formatNumber } from "@/lib/format";
import type { FitResponse } from "@/lib/fit/request";

export interface LiteratureLine {
  id: string;
  label: string;
  values: number[];
  r2: number | null;
  warnings: string[];
}

export interface SameForm {
  id: string;
  label: string;
  coefficients: Record<string, number>;
}

export function FitResult({
  response,
  data,
  units,
  literature,
  sameForm,
  exports,
}: {
  response: FitResponse;
  data: { inputs: Record<string, number[]>; y: number[] };
  units: { inputs: Record<string, string>; output: string };
  literature: LiteratureLine[];
  sameForm: SameForm[];
  exports: React.ReactNode;
}) {
  const r = response;
  const x = r.inputs[0] ?? "";
  const symbols = Object.keys(r.coefficients);
  return (
    <section className="fit-result" data-testid="fit-result" aria-live="polite">
      <h2 id="result">Your fit</h2>
      <p className="small">
        {r.objective.loss}
        {r.objective.delta !== null && <> (δ = {r.objective.delta})</>}: objective <span data-testid="fit-objective">{formatNumber(r.objective.value, 8)}</span> over{" "}
        {r.diagnostics.points} points; {r.diagnostics.starts_converged} of {r.diagnostics.starts} starts converged,{" "}
        <span data-testid="fit-at-best">{r.diagnostics.starts_at_best}</span> reached the best optimum
        {r.diagnostics.r2_log !== null && <>; R² in log space {formatNumber(r.diagnostics.r2_log, 4)}</>}; {r.diagnostics.evaluations.toLocaleString("en")}{" "}
        evaluations in {r.diagnostics.ms.toLocaleString("en")} ms.
        {r.bootstrap && (
          <>
            {" "}
            Standard errors, 95% intervals and covariance from {r.bootstrap.resamples} bootstrap resamples (seed {r.bootstrap.seed}).
          </>
        )}
      </p>
      {r.diagnostics.warnings.map((w) => (
        <div className="notice" key={w}>
          {w}
        </div>
      ))}
      <div className="table-wrap">
        <table className="data" data-testid="fit-coefficients">
          <thead>
            <tr>
              <th scope="col">Coefficient</th>
              <th scope="col">Your fit</th>
              <th scope="col">Std. error</th>
              <th scope="col">95% interval</th>
              {sameForm.map((s) => (
                <th scope="col" key={s.id}>
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {symbols.map((s) => {
              const e = r.coefficients[s];
              if (!e) return null;
              return (
                <tr key={s}>
                  <td>
                    <code>{s}</code>
                    {r.fixed.includes(s) && <span className="small muted"> (held)</span>}
                  </td>
                  <td className="num" data-fit-coefficient={s}>
                    <Num value={e.value} digits={6} />
                  </td>
                  <td className="num">{e.se !== null ? <Num value={e.se} digits={3} /> : "—"}</td>
                  <td className="num">
                    {e.interval ? (
                      <>
                        <Num value={e.interval[0]} digits={4} /> – <Num value={e.interval[1]} digits={4} />
                      </>
                    ) : (
                      "—"
                    )}
                  </td>
                  {sameForm.map((f) => (
                    <td className="num" key={f.id}>
                      <NumOrDash value={f.coefficients[s]} digits={5} />
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {sameForm.length > 0 && <p className="small muted">Beside your values: the registry&apos;s laws of the same form, as their papers print them.</p>}
      <DataChart
        title="Your runs"
        x={{ symbol: x, unit: units.inputs[x] ?? "", values: data.inputs[x] ?? [] }}
        y={{ symbol: r.output, unit: units.output, values: data.y }}
        predictions={[{ label: "your fit", values: r.fitted }, ...literature.slice(0, 1).map((l) => ({ label: l.label, values: l.values }))]}
      />
      {literature.length > 0 && (
        <>
          <h3>The literature on your runs</h3>
          <p className="small">
            Registry laws that predict {r.output} from the same quantities, evaluated at your points (units converted). R² is in log space on your
            data; a law fitted on other data can be well off in level and still right in slope.
          </p>
          <div className="table-wrap">
            <table className="data" data-testid="fit-literature">
              <thead>
                <tr>
                  <th scope="col">Law</th>
                  <th scope="col">R² (log) on your runs</th>
                  <th scope="col">Mean prediction / measured</th>
                  <th scope="col">Warnings</th>
                </tr>
              </thead>
              <tbody>
                {literature.map((l) => {
                  const ratio = l.values.reduce((acc, v, i) => acc + v / (data.y[i] ?? NaN), 0) / Math.max(1, l.values.length);
                  return (
                    <tr key={l.id}>
                      <td>
                        <a href={`/laws/${l.id}`}>{l.label}</a>
                      </td>
                      <td className="num">{l.r2 !== null ? formatNumber(l.r2, 3) : "—"}</td>
                      <td className="num">{Number.isFinite(ratio) ? formatNumber(ratio, 3) : "—"}</td>
                      <td className="small">{l.warnings.join(" ") || "—"}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
      <div className="fit-exports" data-testid="fit-exports">
        <strong>Export:</strong> {exports}
      </div>
    </section>
  );
}
