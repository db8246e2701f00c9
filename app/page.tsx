import Link from "next/link";
import { DomainTree } from "@/app/_components/DomainTree";
import { RegistryDownloads } from "@/app/_components/Downloads";
import { holdings, PapersTable } from "@/app/_components/PapersTable";
import { TitleText } from "@/app/_components/TitleText";
import { lawHref } from "@/app/_lib/data";
import { getDb } from "@/db/client";
import { mostBuiltUpon, newestPapers, statementCounts } from "@/db/highlights";
import { listDomains, listLaws, listPapers } from "@/db/queries";
import { shortCitation } from "@/lib/citation";
import { plural } from "@/lib/words";

/**
 * The home page, what matters first: a search box, the laws the registry
 * builds on most, the newest papers; then the domains and every paper.
 */
export default function Home() {
  const db = getDb();
  const papers = listPapers(db);
  const bySlug = new Map(papers.map((p) => [p.slug, p]));
  const built = mostBuiltUpon(db, 6);
  const newest = newestPapers(db, 6);
  const statements = statementCounts(db);
  const laws = listLaws(db).length;
  return (
    <>
      <h1>Lawdex: the empirical laws of the research literature, executable</h1>
      <p className="lede">
        {plural(laws, "law")} from {plural(papers.length, "paper")}, each stored with its functional form, fitted
        coefficients, fitted ranges, units and where every number is printed, checked against the paper, and
        computable here or over JSON.
      </p>
      <form method="get" action="/search" role="search" className="home-search" aria-label="Search the registry">
        <label htmlFor="home-q">Search laws, papers and symbols</label>
        <div>
          <input id="home-q" name="q" type="search" placeholder="chinchilla, critical batch size, L(N, D) …" autoComplete="off" required />
          <button type="submit">Search</button>
        </div>
      </form>
      <div className="home-columns">
        <section aria-labelledby="built-upon">
          <h2 id="built-upon">Most built upon</h2>
          <p className="small muted">Laws that other laws in the registry refit, replicate, extend, dispute or reuse the form of.</p>
          <ul className="plain">
            {built.map((l) => {
              const paper = bySlug.get(l.paper);
              return (
                <li key={l.id}>
                  <Link href={lawHref(l.id)}>{l.name}</Link>
                  <div className="small muted">
                    {paper ? shortCitation(paper.authors, paper.year) : l.paper} · referred to by {plural(l.referredBy, "law")}
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
        <section aria-labelledby="newest">
          <h2 id="newest">Newest papers</h2>
          <p className="small muted">By year of publication, then arXiv number.</p>
          <ul className="plain">
            {newest.map((p) => {
              const summary = bySlug.get(p.slug);
              return (
                <li key={p.slug}>
                  <Link href={`/papers/${p.slug}`}>
                    <TitleText text={p.title} />
                  </Link>
                  {summary && <div className="small muted">{shortCitation(summary.authors, summary.year)} · {holdings(summary.laws, statements.get(p.slug) ?? 0)}</div>}
                </li>
              );
            })}
          </ul>
        </section>
      </div>
      <p className="small">
        <Link href="/compare">Compare laws on one axis</Link> · <Link href="/fit">Fit a law to your runs</Link> ·{" "}
        <Link href="/data">Released data and downloads</Link> · <Link href="/coverage">Coverage of the seed literature</Link> ·{" "}
        <Link href="/out-of-scope">Out of scope</Link>
      </p>
      <RegistryDownloads />
      <h2 id="domains">Domains</h2>
      <DomainTree all={listDomains(db)} />
      <h2 id="papers">Papers</h2>
      <PapersTable papers={[...papers].sort((a, b) => b.year - a.year || a.title.localeCompare(b.title))} />
    </>
  );
}
