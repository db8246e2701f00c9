import Link from "next/link";
import type { CheckRow, LinkRow, PaperRow, StoredLaw } from "@/db/queries";
import { symbolNames } from "@/lib/law";
import { chartSeries, drawSpan } from "@/lib/series";
import { formatNumber } from "@/lib/format";
import { spanText } from "@/lib/span";
import { ILL_CONDITIONED, IMPRECISE, formatSensitivity } from "@/lib/precision";
import { takesAreas } from "@/lib/schedule";
import { curlSnippet, javascriptSnippet, pythonSnippet } from "@/lib/snippets";
import { LEVEL_LABEL, lawHref } from "@/app/_lib/data";
import { CopyButton } from "./CopyButton";
import { type Answer, type CoefficientSet, LawExplorer } from "./LawExplorer";
import { Num } from "./Num";
import { RefitSection } from "./RefitView";
import { Tex } from "./Tex";
import { TitleText } from "./TitleText";
import { Crumbs, domainCrumbs } from "./Crumbs";

/** A starting value for each input: a check's input if there is one, else the middle of the range (log scale). */
function defaultValue(law: StoredLaw, i: number): number {
  const input = law.inputs[i];
  const fromCheck = law.checks.find((c) => c.inputs)?.inputs?.[input?.symbol ?? ""];
  if (fromCheck !== undefined) return fromCheck;
  const span = input?.range ?? input?.plot ?? [1, 1e6];
  return Number(Math.sqrt(span[0] * span[1]).toPrecision(2));
}

function VerificationNote({ law }: { law: StoredLaw }) {
  const v = law.verification;
  return (
    <div className={v.level === "paper" ? "small" : "notice"}>
      <span className={`badge ${v.level === "paper" ? "ok" : "warn"}`}>{LEVEL_LABEL[v.level]}</span> {v.source}
      {v.note && <p className="small">{v.note}</p>}
    </div>
  );
}

/** "Compare side by side" for a related law of another paper. */
function CompareLink({ a, b }: { a: string; b: string }) {
  // a law's id is "<paper>/<law>"
  const other = b.slice(0, b.indexOf("/"));
  if (other === a) return null;
  return (
    <Link className="small" href={`/compare/papers?p=${a},${other}`}>
      compare the papers side by side
    </Link>
  );
}

function Snippet({ title, code }: { title: string; code: string }) {
  return (
    <div className="snippet">
      <div className="snippet-head">
        <span>{title}</span> <CopyButton text={code} label={title} />
      </div>
      <pre tabIndex={0} aria-label={`${title} code`}>
        <code>{code}</code>
      </pre>
    </div>
  );
}

export function LawView({
  law,
  paper,
  incoming,
  sets,
  omitted,
  answer,
  error,
  values,
}: {
  law: StoredLaw;
  paper: PaperRow & { domains: string[] };
  incoming: LinkRow[];
  /** The coefficient sets the calculator answers under, side by side (none when the law has one). */
  sets: CoefficientSet[];
  omitted: number;
  /** The result page's answer and the values it was asked at. */
  answer?: Answer;
  error?: { field: string | null; message: string };
  values?: Record<string, string>;
}) {
  // on a result page the chart also draws the curve through the reader's inputs
  const at = answer ? Object.fromEntries(answer.inputs.map((r) => [r.symbol, r.value])) : undefined;
  const chart = law.free ? null : chartSeries(law, { at });
  const exportQuery = answer ? `?${new URLSearchParams(answer.inputs.map((r) => [r.symbol, String(r.value)])).toString()}` : "";
  const names = symbolNames(law);
  const defaults = Object.fromEntries(law.inputs.map((i, k) => [i.symbol, defaultValue(law, k)]));
  const failing = law.checkResults.filter((c) => !c.passed);
  const python = pythonSnippet(law);
  const javascript = javascriptSnippet(law);
  const curl = curlSnippet(law, defaults);
  return (
    <article>
      <Crumbs
        trail={[
          ...(paper.domains[0] ? domainCrumbs(paper.domains[0]) : [{ href: "/papers", label: "Papers" }]),
          {
            href: `/papers/${paper.slug}`,
            label: (
              <>
                <TitleText text={paper.title} /> ({paper.year})
              </>
            ),
          },
          { label: law.name },
        ]}
      />
      <h1>{law.name}</h1>
      <p className="lede">
        {law.description} <span className="muted small">Form: {law.source}.</span>
      </p>
      {law.variants.length > 0 && (
        <nav className="tabs" aria-label="Coefficient sets">
          {law.variants.map((v) =>
            v.id === law.id ? (
              <span key={v.id} aria-current="page">
                {v.label}
              </span>
            ) : (
              <Link key={v.id} href={lawHref(v.id)}>
                {v.label}
              </Link>
            ),
          )}
        </nav>
      )}
      <div className="formula" data-testid="formula">
        <Tex latex={law.latex} display />
      </div>
      <p className="small muted">
        {law.output.symbol}: {law.output.quantity} in {law.output.unit}
        {law.output.dataset && <> — {law.output.dataset}</>}. {law.output.note}
      </p>
      <VerificationNote law={law} />
      {failing.length > 0 && <div className="error">A check of this law fails; see below.</div>}

      {law.free ? (
        <div className="notice" data-testid="form-only">
          <strong>Functional form only.</strong> The paper states this form but its fitted values for{" "}
          {law.free.map((f) => f.symbol).join(", ")} could not be confirmed from the paper or its code, so the registry does not
          evaluate it{law.refitResults.length > 0 && <> with published values; it refits them from the released data (below)</>}. Free coefficients:
          <ul>
            {law.free.map((f) => (
              <li key={f.symbol}>
                <Tex latex={names.get(f.symbol) ?? f.symbol} /> <code className="small">{f.symbol}</code>
                {f.description && <> — {f.description}</>}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <>
          <LawExplorer
            lawId={law.id}
            action={`${lawHref(law.id)}/predict`}
            chart={chart}
            output={{ symbol: law.output.symbol, unit: law.output.unit }}
            sets={sets}
            omitted={omitted}
            answer={answer}
            error={error}
            inputs={law.inputs.map((i) => {
              const [lo, hi] = i.range ? [i.range[0] / 100, i.range[1] * 100] : drawSpan(i);
              return {
                symbol: i.symbol,
                label: i.description ?? i.quantity,
                unit: i.unit,
                span: [lo, hi],
                value: values?.[i.symbol] ?? String(defaults[i.symbol]),
              };
            })}
            caption={
              chart && (
                <>
                  {law.output.symbol} against {chart.x.symbol} on log-log axes
                  {chart.x.range ? (
                    <>
                      {" "}
                      over the fitted range of {chart.x.symbol} ({spanText(chart.x.range, chart.x.unit)}) and one decade beyond each end. Dashed lines and shaded regions are extrapolation.
                    </>
                  ) : (
                    <>. The paper prints no fitted range for {chart.x.symbol}, so nothing is marked as extrapolated; the span drawn is a display choice.</>
                  )}
                  {law.inputs.length > 1 ? (
                    <>
                      {" "}
                      Other inputs are held at the ends and the geometric middle of their fitted ranges (named in the legend); after Predict, the
                      thicker curve is drawn at the values you gave them and the marked point is the prediction.
                    </>
                  ) : (
                    <> After Predict, the marked point is the prediction.</>
                  )}{" "}
                  Export: <a href={`${lawHref(law.id)}/chart.svg${exportQuery}`}>SVG</a> · <a href={`${lawHref(law.id)}/chart.csv${exportQuery}`}>CSV</a>.
                </>
              )
            }
          />
          {takesAreas(law) && (
            <p data-testid="schedule-link">
              <Link href={`${lawHref(law.id)}/schedule`}>Loss along a learning-rate schedule →</Link>{" "}
              <span className="small muted">S₁ and S₂ computed from a constant, cosine or warmup-stable-decay schedule.</span>
            </p>
          )}
        </>
      )}

      <h2>Inputs and fitted ranges</h2>
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Symbol</th>
              <th scope="col">Quantity</th>
              <th scope="col">Unit</th>
              <th scope="col">Fitted range</th>
              <th scope="col">Where stated</th>
            </tr>
          </thead>
          <tbody>
            {law.inputs.map((i) => (
              <tr key={i.symbol}>
                <td>
                  <Tex latex={names.get(i.symbol) ?? i.symbol} />
                </td>
                <td>
                  {i.description ?? i.quantity} <span className="muted small">({i.quantity})</span>
                  {i.convention && <div className="small muted">Counted as: {i.convention}</div>}
                </td>
                <td>{i.unit}</td>
                <td className="num">
                  {i.range ? (
                    <>
                      <Num value={i.range[0]} /> – <Num value={i.range[1]} />
                    </>
                  ) : (
                    <span className="muted">not printed</span>
                  )}
                </td>
                <td>{i.range_source ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {law.coefficients.length > 0 && (
        <>
          <h2>Coefficients</h2>
          <div className="table-wrap">
            <table className="data" data-testid="coefficients">
              <thead>
                <tr>
                  <th scope="col">Symbol</th>
                  <th scope="col">Value</th>
                  <th scope="col">Std. error</th>
                  <th scope="col">As printed</th>
                  <th scope="col">Source</th>
                </tr>
              </thead>
              <tbody>
                {law.coefficients.map((c) => (
                  <tr key={c.symbol}>
                    <td>
                      <Tex latex={names.get(c.symbol) ?? c.symbol} /> <code className="muted small">{c.symbol}</code>
                    </td>
                    <td className="num" data-coefficient={c.symbol}>
                      {c.printed ? <Num value={c.value} digits={8} /> : String(c.value)}
                    </td>
                    <td className="num">{c.stderr !== undefined ? `± ${c.stderr}` : "—"}</td>
                    <td className="num">{c.printed ?? "—"}</td>
                    <SourceCell source={c.source} note={c.note} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="small muted">
            Verification: {LEVEL_LABEL[law.verification.level]}. {law.variant && <>This coefficient set: {law.variant.source}.</>}
          </p>
          <PrintPrecision law={law} />
        </>
      )}

      <h2>Checks</h2>
      {law.checkResults.length === 0 && law.refitResults.length > 0 && <p className="small">This law is checked by refitting it from released data (below).</p>}
      {law.unchecked && (
        <div className="notice">
          <strong>No check.</strong> {law.unchecked}
        </div>
      )}
      {law.checkResults.length > 0 && (
        <div className="table-wrap">
          <table className="data" data-testid="checks">
            <thead>
              <tr>
                <th scope="col">Of</th>
                <th scope="col">Printed</th>
                <th scope="col">Tolerance</th>
                <th scope="col">This law gives</th>
                <th scope="col">Result</th>
                <th scope="col">Where printed</th>
              </tr>
            </thead>
            <tbody>
              {law.checkResults.map((c) => (
                <tr key={c.position}>
                  <td className="num">
                    {c.inputs
                      ? `${law.output.symbol}(${Object.entries(c.inputs)
                          .map(([k, v]) => `${k} = ${formatNumber(v)}`)
                          .join(", ")})`
                      : c.of}
                  </td>
                  <td className="num">
                    <Num value={c.expect} />
                  </td>
                  <td className="num">{c.abs_tol !== undefined ? `± ${c.abs_tol}` : `± ${formatNumber(c.rel_tol * 100)}%`}</td>
                  <td className="num">
                    <Num value={c.actual} digits={5} />
                  </td>
                  <td>
                    {!c.passed ? (
                      <span className="badge bad">fails</span>
                    ) : (
                      <span className={`badge ${CHECK_BADGE[c.kind].cls}`} title={CHECK_BADGE[c.kind].title} data-kind={c.kind}>
                        {CHECK_BADGE[c.kind].text}
                      </span>
                    )}
                    <div className="small muted">depends on {c.depends.length ? c.depends.join(", ") : "no coefficient"}</div>
                  </td>
                  <SourceCell source={c.source} note={c.measured ? `measured: ${c.measured}${c.note ? `. ${c.note}` : ""}` : c.note} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <RefitSection law={law} />

      {(law.links.length > 0 || incoming.length > 0) && (
        <>
          <h2>Related laws</h2>
          <ul>
            {law.links.map((l) => (
              <li key={`out-${l.target}`}>
                This law <strong>{l.type}</strong> <Link href={lawHref(l.target)}>{l.target}</Link>
                {l.note && <span className="muted"> — {l.note}</span>} <CompareLink a={law.paper} b={l.target} />
              </li>
            ))}
            {incoming.map((l) => (
              <li key={`in-${l.law}`}>
                <Link href={lawHref(l.law)}>{l.law}</Link> <strong>{l.type}</strong> this law
                {l.note && <span className="muted"> — {l.note}</span>} <CompareLink a={law.paper} b={l.law} />
              </li>
            ))}
          </ul>
        </>
      )}

      <h2>Use it elsewhere</h2>
      <p className="small">
        Engine syntax: <code>{law.expr}</code> · JSON: <a href={`/api/v1/laws/${law.id}`}>/api/v1/laws/{law.id}</a>
      </p>
      <Snippet title="LaTeX" code={law.latex} />
      {python && <Snippet title="Python" code={python} />}
      {javascript && <Snippet title="JavaScript" code={javascript} />}
      {curl && <Snippet title="curl" code={curl} />}
    </article>
  );
}

/** How each kind of check is labelled: what it tests, strongest first. */
/** How far the printed digits determine the law's value over its ranges (lib/precision.ts). */
function PrintPrecision({ law }: { law: StoredLaw }) {
  const s = law.sensitivity;
  if (!s) {
    return (
      <p className="small muted" data-testid="print-precision" data-relative="">
        Printed precision not judged: {law.inputs.some((i) => !i.range && !i.plot) ? "an input has no range to judge it over" : "no coefficient is entered as a plain printed number"}.
      </p>
    );
  }
  const where = Object.entries(s.at)
    .map(([k, v]) => `${k} = ${formatNumber(v)}`)
    .join(", ");
  const ill = !(s.relative < ILL_CONDITIONED);
  const imprecise = !(s.relative < IMPRECISE);
  return (
    <p className={`small${imprecise ? "" : " muted"}`} data-testid="print-precision" data-relative={String(s.relative)}>
      {ill ? (
        <span className="badge bad" title="The printed digits do not determine the curve: moving a coefficient within its last printed digit moves the value by as much as the value itself.">
          ill-conditioned as printed
        </span>
      ) : imprecise ? (
        <span className="badge warn">imprecise as printed</span>
      ) : null}{" "}
      Printed precision: moving each coefficient by half a unit in its last printed digit moves the value by up to{" "}
      <strong>{formatSensitivity(s.relative)}</strong> over the {s.over === "fitted" ? "fitted" : "plotted (no fitted range is printed)"} range, most at {where}{" "}
      and most through <code>{s.coefficient}</code>.
    </p>
  );
}

export const CHECK_BADGE: Record<CheckRow["kind"], { text: string; cls: string; title: string }> = {
  prediction: { text: "predicts a measurement", cls: "ok", title: "The law at these inputs against a number the paper measured" },
  derived: { text: "reproduces a derived number", cls: "ok", title: "A number the paper computed from two or more of its fitted coefficients" },
  "cross-check": { text: "cross-check", cls: "", title: "One coefficient against a second printing: confirms the transcription, not the law" },
  discrepancy: { text: "known discrepancy", cls: "warn", title: "A printed number these coefficients do not reproduce, kept visible" },
};

/** Where a number is printed, with the note that qualifies it. */
function SourceCell({ source, note }: { source: string; note?: string | null }) {
  return (
    <td>
      {source}
      {note && <div className="small muted">{note}</div>}
    </td>
  );
}
