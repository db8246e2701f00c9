import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { listDatasets, listLaws } from "@/db/queries";
import { lawHref } from "@/app/_lib/data";
import { REFIT_BADGE } from "@/app/_components/RefitView";
import { Crumbs } from "@/app/_components/Crumbs";
import { RegistryDownloads } from "@/app/_components/Downloads";

export const metadata: Metadata = {
  title: "Released data",
  description: "Training-run data that papers' authors released, the laws refitted from it, and whether each refit gives the published numbers back.",
};

const STATUS = {
  present: { text: "present, sha256 verified", cls: "ok" },
  absent: { text: "not present on this deployment", cls: "" },
  mismatch: { text: "present but differs from the declared file", cls: "bad" },
} as const;

export default function DataPage() {
  const db = getDb();
  const datasets = listDatasets(db);
  const laws = listLaws(db);
  return (
    <article>
      <Crumbs trail={[{ label: "Released data" }]} />
      <h1>Released data</h1>
      <p className="lede">
        Measurements that papers&apos; authors released, declared in <code>content/datasets/</code> with their source commit,
        licence, columns and the paper&apos;s own filters. The files are not part of the registry (their licences differ): each
        deployment reads them from <code>LAWDEX_DATA_DIR</code> and checks them byte for byte. The build refits every law linked
        to a dataset by the paper&apos;s procedure; where the file is absent the refit says &ldquo;not checked&rdquo;, never
        &ldquo;passed&rdquo;. Fit your own runs next to these laws in <Link href="/fit">/fit</Link>.
      </p>
      <RegistryDownloads />
      {datasets.map((d) => {
        const spec = d.spec;
        const st = STATUS[d.status];
        const users = laws.filter((l) => l.refitResults.some((r) => r.dataset === d.id));
        return (
          <section key={d.id} id={d.id} className="card" data-testid="dataset" data-status={d.status}>
            <h2>{spec.title}</h2>
            <p className="small">
              <span className={`badge ${st.cls}`}>{st.text}</span> <code>{spec.file}</code> · {spec.rows} rows · sha256{" "}
              <code className="small">{spec.sha256.slice(0, 16)}…</code>
              {d.reason && <span className="muted"> — {d.reason}</span>}
            </p>
            <dl className="meta">
              <dt>Released with</dt>
              <dd>
                <Link href={`/papers/${spec.paper}`}>{spec.paper}</Link>
                {spec.runs_of && (
                  <>
                    {" "}
                    (runs of <Link href={`/papers/${spec.runs_of}`}>{spec.runs_of}</Link>)
                  </>
                )}
              </dd>
              <dt>Source</dt>
              <dd>
                <a href={`https://github.com/${spec.source.repository}/tree/${spec.source.commit}`}>
                  {spec.source.repository}@{spec.source.commit.slice(0, 7)}
                </a>
                : {spec.source.paths.join(", ")}. Procedure: {spec.source.procedure}.
              </dd>
              <dt>Licence</dt>
              <dd>
                {spec.licence} {spec.serve ? "(served to readers for /fit)" : "(not served by this site)"}
              </dd>
              <dt>Conversion</dt>
              <dd>{spec.conversion}</dd>
              {spec.note && (
                <>
                  <dt>Note</dt>
                  <dd>{spec.note}</dd>
                </>
              )}
            </dl>
            {spec.subsets.length > 0 && (
              <>
                <h3>Subsets (the papers&apos; filters)</h3>
                <ul>
                  {spec.subsets.map((s) => (
                    <li key={s.id}>
                      <code>{s.id}</code> ({s.rows} rows): {s.description}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {users.length > 0 && (
              <>
                <h3>Laws refitted from it</h3>
                <ul>
                  {users.flatMap((l) =>
                    l.refitResults
                      .filter((r) => r.dataset === d.id)
                      .map((r) => (
                        <li key={`${l.id}-${r.position}`}>
                          <Link href={`${lawHref(l.id)}#refit`}>{l.id}</Link>{" "}
                          <span className={`badge ${REFIT_BADGE[r.status].cls}`}>{REFIT_BADGE[r.status].text}</span>
                        </li>
                      )),
                  )}
                </ul>
              </>
            )}
            <h3>Columns</h3>
            <div className="table-wrap">
                <table className="data">
                  <thead>
                    <tr>
                      <th scope="col">Column</th>
                      <th scope="col">Quantity</th>
                      <th scope="col">Unit</th>
                      <th scope="col">Meaning</th>
                    </tr>
                  </thead>
                  <tbody>
                    {spec.columns.map((c) => (
                      <tr key={c.name}>
                        <td>
                          <code>{c.name}</code>
                        </td>
                        <td>{c.quantity ?? <span className="muted">{c.type === "text" ? "label" : "—"}</span>}</td>
                        <td>{c.unit ?? "—"}</td>
                        <td>{c.description}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
            </div>
          </section>
        );
      })}
    </article>
  );
}
