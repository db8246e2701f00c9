import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { type StoredLaw, getPaper, listLaws, listPapers, listStatements } from "@/db/queries";
import { getQuantities } from "@/app/_lib/lookup";
import { StaticChart } from "@/app/_components/StaticChart";
import { Tex } from "@/app/_components/Tex";
import { LEVEL_LABEL, lawHref } from "@/app/_lib/data";
import { alignCoefficients, formKey, groupByPrediction } from "@/lib/align";
import type { CompareResult } from "@/lib/compare";
import { type Law, symbolNames } from "@/lib/law";
import { canAllocate } from "@/lib/optimize";
import { LawdexError } from "@/lib/errors";
import { formatNumber } from "@/lib/format";
import type { Quantities } from "@/lib/quantities";
import { compareState, toSearch } from "@/app/_lib/compare-state";
import { plainTitle } from "@/lib/title";
import { TitleText } from "@/app/_components/TitleText";
import { Crumbs } from "@/app/_components/Crumbs";

export const metadata: Metadata = { title: "Compare papers", description: "Papers side by side: metadata, laws aligned by what they predict, coefficients by role." };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const MAX_PAPERS = 4;

/**
 * An overlay of the group's quantitative laws, when they can share an axis:
 * compute for laws of N and D (along their frontiers), else a one-input
 * law's quantity. The compare view's own parsing picks the span.
 */
async function overlay(laws: StoredLaw[], quantities: Quantities): Promise<{ result: CompareResult; query: Record<string, string>; chart: (t?: undefined, narrow?: boolean) => string } | null> {
  const usable = laws.filter((l) => !l.free).slice(0, 8);
  if (usable.length < 2) return null;
  const x = usable.every((l) => canAllocate(l, quantities))
    ? "compute"
    : usable.every((l) => l.inputs.length === 1)
      ? (usable[0]?.inputs[0]?.quantity ?? "")
      : null;
  if (!x) return null;
  const query = { laws: usable.map((l) => l.id).join(","), x };
  try {
    const state = await compareState(query);
    return { result: state.result, query, chart: state.chart };
  } catch (e) {
    if (e instanceof LawdexError) return null;
    throw e;
  }
}

export default async function ComparePapers({ searchParams }: Props) {
  const sp = await searchParams;
  const raw = Array.isArray(sp.p) ? sp.p.join(",") : (sp.p ?? "");
  const slugs = [...new Set(raw.split(",").map((s) => s.trim()).filter(Boolean))].slice(0, MAX_PAPERS);
  const db = getDb();
  const quantities = getQuantities();
  const papers = slugs.map((s) => getPaper(db, s));
  const unknown = slugs.filter((_, i) => !papers[i]);
  const found = papers.filter((p): p is NonNullable<typeof p> => p !== null);
  const laws = found.flatMap((p) => listLaws(db, { paper: p.slug }));
  const groups = groupByPrediction(found.map((p) => p.slug), laws, quantities);
  // the groups hold the laws given, typed as plain laws: their stored rows again, by id
  const byId = new Map(laws.map((l) => [l.id, l]));
  const stored = (ls: readonly Law[]): StoredLaw[] => ls.flatMap((l) => byId.get(l.id) ?? []);
  const all = listPapers(db);
  // each group shared by two or more papers gets one overlay chart (computed before rendering: it may run in the worker pool)
  const overlays = await Promise.all(
    groups.map((g) => {
      const shared = [...g.byPaper.values()].filter((l) => l.length > 0).length > 1;
      return shared ? overlay(stored([...g.byPaper.values()].flat()), quantities) : null;
    }),
  );
  const facts: [string, (p: (typeof found)[number]) => string][] = [
    ["Authors", (p) => `${p.authors.slice(0, 4).join(", ")}${p.authors.length > 4 ? " et al." : ""}`],
    ["Year", (p) => String(p.year)],
    ["Venue", (p) => p.venue ?? "—"],
    ["arXiv", (p) => p.arxiv ?? "—"],
    ["Domains", (p) => p.domains.join(", ")],
    ["Laws", (p) => String(laws.filter((l) => l.paper === p.slug).length)],
    ["Stated laws", (p) => String(listStatements(db, p.slug).length)],
  ];
  return (
    <article>
      <Crumbs trail={[{ href: "/compare", label: "Compare" }, { label: "Papers side by side" }]} />
      <h1>Compare papers side by side</h1>
      <form method="get" action="/compare/papers" className="calc" aria-label="Choose papers">
        <label>
          <span>Papers (slugs, comma-separated, up to {MAX_PAPERS})</span>
          <input name="p" defaultValue={slugs.join(",")} style={{ width: "min(40rem, 100%)" }} list="paper-slugs" />
        </label>
        <datalist id="paper-slugs">
          {all.map((p) => (
            <option key={p.slug} value={p.slug}>
              {plainTitle(p.title)}
            </option>
          ))}
        </datalist>
        <button type="submit">Compare</button>
      </form>
      {unknown.length > 0 && (
        <div className="error" role="alert">
          <strong>p: </strong>no paper {unknown.join(", ")}
        </div>
      )}
      {found.length === 0 && (
        <p>
          For example: <Link href="/compare/papers?p=hoffmann-2022-chinchilla,besiroglu-2024-replication">Hoffmann et al. 2022 and Besiroglu et al. 2024</Link>
          {" · "}
          <Link href="/compare/papers?p=kaplan-2020-scaling,hoffmann-2022-chinchilla">Kaplan et al. 2020 and Hoffmann et al. 2022</Link>
        </p>
      )}
      {found.length > 0 && (
        <>
          <h2>Papers</h2>
          <div className="table-wrap">
            <table className="data side-by-side">
              <tbody>
                <tr>
                  <th scope="row">Title</th>
                  {found.map((p) => (
                    <td key={p.slug}>
                      <Link href={`/papers/${p.slug}`}>
                        <TitleText text={p.title} />
                      </Link>
                    </td>
                  ))}
                </tr>
                {facts.map(([label, f]) => (
                  <tr key={label}>
                    <th scope="row">{label}</th>
                    {found.map((p) => (
                      <td key={p.slug}>{f(p)}</td>
                    ))}
                  </tr>
                ))}
                <tr>
                  <th scope="row">Summary</th>
                  {found.map((p) => (
                    <td key={p.slug} className="small">
                      {p.summary}
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
          </div>

          <h2>Laws by what they predict</h2>
          {groups.map((g, gi) => {
            const groupLaws = stored([...g.byPaper.values()].flat());
            const forms = new Map<string, StoredLaw[]>();
            for (const l of groupLaws.filter((x) => !x.free)) forms.set(formKey(l), [...(forms.get(formKey(l)) ?? []), l]);
            const sameForm = [...forms].filter(([, ls]) => ls.length > 1 && new Set(ls.map((l) => l.paper)).size > 1);
            const chart = overlays[gi] ?? null;
            return (
              <section key={g.key} className="card" data-testid="prediction-group">
                <h3>{g.label}</h3>
                <div className="table-wrap">
                  <table className="data side-by-side">
                    <tbody>
                      <tr>
                        {found.map((p) => (
                          <td key={p.slug} style={{ width: `${100 / found.length}%` }}>
                            {(g.byPaper.get(p.slug) ?? []).length === 0 && <span className="muted small">no law of this kind</span>}
                            {stored(g.byPaper.get(p.slug) ?? []).map((l) => (
                              <div key={l.id} className="aligned-law">
                                <Link href={lawHref(l.id)}>{l.name}</Link>
                                {l.variant && <div className="small muted">{l.variant.label}</div>}
                                <div>
                                  <Tex latex={l.latex} />
                                </div>
                                <div className="small muted">
                                  {l.free ? "form only" : LEVEL_LABEL[l.verification.level]} · {l.source}
                                </div>
                              </div>
                            ))}
                          </td>
                        ))}
                      </tr>
                    </tbody>
                  </table>
                </div>
                {sameForm.map(([form, ls]) => {
                  const rows = alignCoefficients(ls);
                  // a symbol as the first of these laws that has it writes it
                  const names = new Map(ls.flatMap((l) => [...symbolNames(l)]).reverse());
                  return (
                    <div key={form}>
                      <p className="small">Same functional form: coefficients by role (differences of more than 1% highlighted).</p>
                      <div className="table-wrap">
                        <table className="data" data-testid="aligned-coefficients">
                          <thead>
                            <tr>
                              <th scope="col">Coefficient</th>
                              {ls.map((l) => (
                                <th scope="col" key={l.id}>
                                  {l.id}
                                </th>
                              ))}
                            </tr>
                          </thead>
                          <tbody>
                            {rows.map((r) => (
                              <tr key={r.symbol} className={r.differs ? "differs" : undefined}>
                                <th scope="row">
                                  <Tex latex={names.get(r.symbol) ?? r.symbol} />
                                </th>
                                {r.values.map((v, i) => (
                                  <td className="num" key={ls[i]?.id}>
                                    {v === null ? "—" : formatNumber(v, 6)}
                                  </td>
                                ))}
                              </tr>
                            ))}
                          </tbody>
                        </table>
                      </div>
                    </div>
                  );
                })}
                {chart && (
                  <>
                    {chart.result.warnings.map((w) => (
                      <div className="notice" key={w}>
                        {w}
                      </div>
                    ))}
                    <figure className="chart">
                      <StaticChart markup={chart.chart()} narrow={chart.chart(undefined, true)} />
                      <figcaption>
                        Overlay on one {quantities.name(chart.result.x.quantity)} axis.{" "}
                        <Link href={`/compare?${toSearch(chart.query)}`}>Open in the compare view</Link>.
                      </figcaption>
                    </figure>
                  </>
                )}
              </section>
            );
          })}
        </>
      )}
    </article>
  );
}
