import { TitleText } from "@/app/_components/TitleText";
import Link from "next/link";
import { getDb } from "@/db/client";
import { statementCounts } from "@/db/highlights";
import type { PaperSummary } from "@/db/queries";
import { authorsShort } from "@/lib/citation";
import { plural } from "@/lib/words";

/** What a paper holds, in words: its laws, or the results it only states, never "0 laws". */
export function holdings(laws: number, statements: number): string {
  if (laws > 0) return plural(laws, "law");
  if (statements > 0) return plural(statements, "stated result");
  return "nothing yet";
}

/** Papers as a table: year, title with first authors, optionally domains, and what each holds. */
export function PapersTable({ papers, domains = false }: { papers: PaperSummary[]; domains?: boolean }) {
  const statements = statementCounts(getDb());
  return (
    <div className="table-wrap">
      <table className="data">
        <thead>
          <tr>
            <th scope="col">Year</th>
            <th scope="col">Paper</th>
            {domains && <th scope="col">Domains</th>}
            <th scope="col">Holds</th>
          </tr>
        </thead>
        <tbody>
          {papers.map((p) => (
            <tr key={p.slug}>
              <td>{p.year}</td>
              <td>
                <Link href={`/papers/${p.slug}`}>
                  <TitleText text={p.title} />
                </Link>
                <div className="small muted">
                  {authorsShort(p.authors)}
                </div>
              </td>
              {domains && <td className="small">{p.domains.join(", ")}</td>}
              <td className="small">{holdings(p.laws, statements.get(p.slug) ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
