import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { listExclusions } from "@/db/queries";
import { Crumbs } from "@/app/_components/Crumbs";

export const metadata: Metadata = {
  title: "Out of scope",
  description: "Seed papers in which 'law' is only a word, with the reason each is not in the registry.",
};

export default function OutOfScope() {
  const rows = listExclusions(getDb());
  return (
    <article>
      <Crumbs trail={[{ href: "/coverage", label: "Coverage" }, { label: "Out of scope" }]} />
      <h1>Out of scope</h1>
      <p className="lede">
        Seed papers that carry the word &ldquo;law&rdquo; without stating an empirical law: legal-domain NLP, method
        names, physics outside the registry. Listed so that coverage of the literature can be audited.
      </p>
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Seed</th>
              <th scope="col">Title</th>
              <th scope="col">Why it is not here</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <tr key={e.seed}>
                <td>{e.seed}</td>
                <td>{e.arxiv ? <a href={`https://arxiv.org/abs/${e.arxiv}`}>{e.title}</a> : e.title}</td>
                <td>{e.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </article>
  );
}
