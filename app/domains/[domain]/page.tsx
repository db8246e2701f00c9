import { Crumbs, domainCrumbs } from "@/app/_components/Crumbs";
import { TitleText } from "@/app/_components/TitleText";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { getDomain, listDomains, listLaws, listPapers } from "@/db/queries";
import { Tex } from "@/app/_components/Tex";
import { lawHref } from "@/app/_lib/data";
import { formatNumber } from "@/lib/format";
import { authorsShort } from "@/lib/citation";
import { plural } from "@/lib/words";
import { statementCounts } from "@/db/highlights";
import { holdings } from "@/app/_components/PapersTable";

type Params = { params: Promise<{ domain: string }> };
type Props = Params & { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const d = getDomain(getDb(), (await params).domain);
  return d ? { title: d.name, description: d.description ?? undefined } : {};
}

export default async function DomainPage({ params, searchParams }: Props) {
  const { domain } = await params;
  const sortParam = (await searchParams).sort;
  const sort = sortParam === "name" ? "name" : "year";
  const db = getDb();
  const d = getDomain(db, domain);
  if (!d) notFound();
  const children = listDomains(db).filter((c) => c.parent === d.id);
  const papers = listPapers(db, { domain: d.id }).sort((a, b) => (sort === "name" ? a.title.localeCompare(b.title) : b.year - a.year || a.title.localeCompare(b.title)));
  const year = new Map(papers.map((p) => [p.slug, p.year]));
  const statements = statementCounts(db);
  const laws = listLaws(db, { domain: d.id }).sort((a, b) =>
    sort === "name" ? a.name.localeCompare(b.name) : (year.get(b.paper) ?? 0) - (year.get(a.paper) ?? 0) || a.name.localeCompare(b.name),
  );
  return (
    <article>
      <Crumbs trail={domainCrumbs(d.id)} />
      <h1>{d.name}</h1>
      {d.description && <p className="lede">{d.description}</p>}
      {children.length > 0 && (
        <>
          <h2>Sub-domains</h2>
          <ul>
            {children.map((c) => (
              <li key={c.id}>
                <Link href={`/domains/${c.id}`}>{c.name}</Link>{" "}
                <span className="muted small">
                  {plural(c.papers, "paper")}, {plural(c.laws, "law")}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="small">
        Sort:{" "}
        {sort === "year" ? <strong>newest first</strong> : <Link href={`/domains/${d.id}?sort=year`}>newest first</Link>} ·{" "}
        {sort === "name" ? <strong>by name</strong> : <Link href={`/domains/${d.id}?sort=name`}>by name</Link>}
      </p>
      <h2>Papers</h2>
      {papers.length === 0 && <p className="muted">No papers in this domain yet.</p>}
      <ul className="plain">
        {papers.map((p) => (
          <li key={p.slug}>
            <Link href={`/papers/${p.slug}`}>
              <TitleText text={p.title} />
            </Link> <span className="muted">({p.year})</span>
            <div className="small muted">
              {authorsShort(p.authors)} · {holdings(p.laws, statements.get(p.slug) ?? 0)}
            </div>
          </li>
        ))}
      </ul>
      {laws.length > 0 && (
        <>
          <h2>Laws</h2>
          <div className="table-wrap">
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">Law</th>
                  <th scope="col">Formula</th>
                  <th scope="col">Coefficients</th>
                  <th scope="col">Paper</th>
                </tr>
              </thead>
              <tbody>
                {laws.map((l) => (
                  <tr key={l.id}>
                    <td>
                      <Link href={lawHref(l.id)}>{l.name}</Link>
                      {l.variant && <div className="small muted">{l.variant.label}</div>}
                    </td>
                    <td>
                      <Tex latex={l.latex} />
                    </td>
                    <td className="small">
                      {l.free
                        ? "form only"
                        : l.coefficients
                            .slice(0, 6)
                            .map((c) => `${c.symbol} = ${formatNumber(c.value, 4)}`)
                            .join(", ")}
                    </td>
                    <td className="small">
                      <Link href={`/papers/${l.paper}`}>{l.paper}</Link> ({year.get(l.paper)})
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </article>
  );
}
