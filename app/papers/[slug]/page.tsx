import { Fragment } from "react";
import { Crumbs, domainCrumbs } from "@/app/_components/Crumbs";
import { TitleText } from "@/app/_components/TitleText";
import { plainTitle } from "@/lib/title";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { type CheckRow, getPaper, listDatasets, listLaws, listPapers, listStatements } from "@/db/queries";
import { REFIT_BADGE } from "@/app/_components/RefitView";
import { Prose } from "@/app/_components/Prose";
import { Tex } from "@/app/_components/Tex";
import { domainTrail, LEVEL_LABEL, lawHref } from "@/app/_lib/data";
import { bibtex } from "@/lib/bibtex";
import { spanText } from "@/lib/span";
import { chartSeries } from "@/lib/series";
import { LawChart } from "@/app/_components/LawChart";

type Params = { params: Promise<{ slug: string }> };

function checkSummary(results: CheckRow[]): string {
  if (results.length === 0) return "no printed check";
  const count = (kind: CheckRow["kind"]) => results.filter((c) => c.passed && c.kind === kind).length;
  const failing = results.filter((c) => !c.passed).length;
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return [
    count("prediction") && plural(count("prediction"), "prediction of a measured number", "predictions of measured numbers"),
    count("derived") && plural(count("derived"), "number the paper derives from its coefficients", "numbers the paper derives from its coefficients"),
    count("cross-check") && plural(count("cross-check"), "transcription cross-check", "transcription cross-checks"),
    count("discrepancy") && plural(count("discrepancy"), "known discrepancy with a printed number", "known discrepancies with printed numbers"),
    failing && plural(failing, "failing check", "failing checks"),
  ]
    .filter(Boolean)
    .join(", ");
}

export function generateStaticParams() {
  return listPapers(getDb()).map((p) => ({ slug: p.slug }));
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const paper = getPaper(getDb(), (await params).slug);
  return paper ? { title: plainTitle(paper.title), description: paper.summary } : {};
}

export default async function PaperPage({ params }: Params) {
  const { slug } = await params;
  const db = getDb();
  const paper = getPaper(db, slug);
  if (!paper) notFound();
  const laws = listLaws(db, { paper: slug });
  const statements = listStatements(db, slug);
  const datasets = listDatasets(db, slug);
  return (
    <article>
      <Crumbs trail={[...(paper.domains[0] ? domainCrumbs(paper.domains[0]) : [{ href: "/papers", label: "Papers" }]), { label: <TitleText text={paper.title} /> }]} />
      <h1>
        <TitleText text={paper.title} />
      </h1>
      <dl className="meta">
        <dt>Authors</dt>
        <dd>{paper.authors.join(", ")}</dd>
        <dt>Year</dt>
        <dd>{paper.year}</dd>
        {paper.domains.length > 1 && (
          <>
            <dt>Domains</dt>
            <dd>
              {paper.domains.map((d, i) => (
                <Fragment key={d}>
                  {i > 0 && " · "}
                  <Link href={`/domains/${d}`}>{domainTrail(d).map((t) => t.name).join(" / ")}</Link>
                </Fragment>
              ))}
            </dd>
          </>
        )}
        {paper.venue && (
          <>
            <dt>Venue</dt>
            <dd>{paper.venue}</dd>
          </>
        )}
        {paper.arxiv && (
          <>
            <dt>arXiv</dt>
            <dd>
              <a href={`https://arxiv.org/abs/${paper.arxiv}`}>arXiv:{paper.arxiv}</a> ·{" "}
              <a href={`https://arxiv.org/pdf/${paper.arxiv}`}>PDF</a>
            </dd>
          </>
        )}
        <dt>Cite</dt>
        <dd>
          <a href={`/papers/${paper.slug}/cite.bib`}>BibTeX</a>
          <details>
            <summary className="small">Show BibTeX</summary>
            <pre data-testid="bibtex" tabIndex={0} aria-label="BibTeX entry">{bibtex(paper)}</pre>
          </details>
        </dd>
        <dt>Laws</dt>
        <dd>{laws.length}</dd>
        {paper.seed !== null && (
          <>
            <dt>Seed</dt>
            <dd>
              <Link href="/coverage">#{paper.seed}</Link> of the seed literature
            </dd>
          </>
        )}
      </dl>
      <p className="lede">{paper.summary}</p>
      <form method="get" action="/compare/papers" className="calc" aria-label="Compare with another paper">
        <input type="hidden" name="p" value={paper.slug} />
        <label>
          <span>Compare with…</span>
          <select name="p" defaultValue="">
            {listPapers(db)
              .filter((p) => p.slug !== paper.slug)
              .map((p) => (
                <option key={p.slug} value={p.slug}>
                  <TitleText text={p.title} /> ({p.year})
                </option>
              ))}
          </select>
        </label>
        <button type="submit">Compare side by side</button>
      </form>
      {paper.abstract && (
        <details>
          <summary>Abstract (as the paper prints it)</summary>
          <blockquote>{paper.abstract}</blockquote>
        </details>
      )}

      {statements.length > 0 && (
        <>
          <h2>Stated laws</h2>
          {statements.map((st) => (
            <section className="card" key={st.id} id={st.id}>
              <h3>{st.name}</h3>
              <p>{st.statement}</p>
              <p className="small muted">
                {st.source} · {LEVEL_LABEL[st.verification.level]}
              </p>
            </section>
          ))}
        </>
      )}
      {laws.length > 0 && <h2>Laws</h2>}
      {laws.map((law) => (
        <section className="card" key={law.id}>
          <h3>
            <Link href={lawHref(law.id)}>{law.name}</Link>
            {law.variant && <span className="muted small"> — {law.variant.label}</span>}
          </h3>
          <div className="formula">
            <Tex latex={law.latex} display />
          </div>
          <p className="small">
            {law.free
              ? `Free coefficients: ${law.free.map((f) => f.symbol).join(", ")}`
              : law.coefficients.map((c) => `${c.symbol} = ${c.printed ?? c.value}${c.stderr !== undefined ? ` ± ${c.stderr}` : ""} (${c.source})`).join(" · ")}
          </p>
          <p className="small">
            {law.inputs
              .map((i) => `${i.symbol}: ${i.quantity} in ${i.unit}${i.range ? `, fitted ${spanText(i.range)}` : ", no fitted range printed"}`)
              .join(" · ")}
          </p>
          {!law.free && <SmallChart law={law} />}
          {law.links.length > 0 && (
            <p className="small">
              {law.links.map((l) => (
                <span key={l.target}>
                  {l.type} <Link href={lawHref(l.target)}>{l.target}</Link>{" "}
                </span>
              ))}
            </p>
          )}
          <p className="small muted">
            {law.source} · {LEVEL_LABEL[law.verification.level]} ·{" "}
            {law.free ? "functional form only (coefficients not confirmed)" : checkSummary(law.checkResults)}
            {law.refitResults.map((r) => (
              <span key={r.position}>
                {" "}
                · <span className={`badge ${REFIT_BADGE[r.status].cls}`}>{REFIT_BADGE[r.status].text}</span>{" "}
                <Link href={`${lawHref(law.id)}#refit`}>from {r.dataset}</Link>
              </span>
            ))}
          </p>
        </section>
      ))}

      {datasets.length > 0 && (
        <>
          <h2>Released data</h2>
          <ul data-testid="paper-datasets">
            {datasets.map((d) => (
              <li key={d.id}>
                <Link href={`/data#${d.id}`}>{d.spec.title}</Link> ({d.spec.rows} rows, {d.spec.source.repository}) —{" "}
                {d.status === "present" ? "present here" : d.status === "absent" ? "not present on this deployment" : "differs from the declared file"}
              </li>
            ))}
          </ul>
        </>
      )}

      <h2>Notes</h2>
      <Prose source={paper.body} />
    </article>
  );
}

/**
 * A law's chart on its paper's page: one drawing 320 px wide (the narrow
 * layout: fewer ticks, slim axis), which fits a law card on a 390 px phone
 * unscaled, so axis text keeps its 12 px; the 520 px drawing it replaces
 * shrank to 8 px. One drawing, not one per width: a paper page carries many
 * charts, each sent twice (HTML and RSC payload).
 */
function SmallChart({ law }: { law: Parameters<typeof chartSeries>[0] }) {
  return (
    <figure className="chart chart-small">
      <LawChart chart={chartSeries(law, { points: 49 })} width={320} height={230} />
    </figure>
  );
}
