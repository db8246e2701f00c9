import type { Metadata } from "next";
import { Crumbs } from "@/app/_components/Crumbs";
import { RegistryDownloads } from "@/app/_components/Downloads";
import { PapersTable } from "@/app/_components/PapersTable";
import { getDb } from "@/db/client";
import { listDomains, listPapers } from "@/db/queries";

export const metadata: Metadata = { title: "Papers", description: "Every paper in the registry, filterable by domain and year." };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function PapersPage({ searchParams }: Props) {
  const sp = await searchParams;
  const domain = one(sp.domain);
  const year = one(sp.year);
  const sort = one(sp.sort) === "title" ? "title" : one(sp.sort) === "laws" ? "laws" : "year";
  const db = getDb();
  const domains = listDomains(db);
  const all = listPapers(db);
  const years = [...new Set(all.map((p) => p.year))].sort((a, b) => b - a);
  const papers = all
    .filter((p) => !domain || p.domains.includes(domain))
    .filter((p) => !year || String(p.year) === year)
    .sort((a, b) => (sort === "title" ? a.title.localeCompare(b.title) : sort === "laws" ? b.laws - a.laws : b.year - a.year || a.title.localeCompare(b.title)));
  return (
    <article>
      <Crumbs trail={[{ label: "Papers" }]} />
      <h1>Papers</h1>
      <form method="get" action="/papers" className="calc" aria-label="Filter papers">
        <label>
          <span>Domain</span>
          <select name="domain" defaultValue={domain}>
            <option value="">All domains</option>
            {domains.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name} ({d.papers})
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Year</span>
          <select name="year" defaultValue={year}>
            <option value="">Any year</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Sort by</span>
          <select name="sort" defaultValue={sort}>
            <option value="year">Year (newest first)</option>
            <option value="title">Title</option>
            <option value="laws">Number of laws</option>
          </select>
        </label>
        <button type="submit">Apply</button>
      </form>
      <p className="small muted" data-testid="paper-count">
        {papers.length} of {all.length} papers
      </p>
      <RegistryDownloads />
      <PapersTable papers={papers} domains />
    </article>
  );
}
