import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { getCoverage } from "@/db/queries";

export const metadata: Metadata = {
  title: "Coverage of the seed literature",
  description: "Every seed paper the registry must cover, with its paper page or the reason it is out of scope.",
};

export default function CoveragePage() {
  const c = getCoverage(getDb());
  return (
    <article>
      <p className="crumbs">
        <Link href="/">Lawdex</Link> / coverage
      </p>
      <h1>Coverage of the seed literature</h1>
      <p className="lede">
        {c.total} seed papers: {c.papers} with a paper page ({c.withCheckedLaw} with a law whose coefficients reproduce a
        number the paper prints; {c.withCrossCheckOnly} more whose numbers are only cross-checked against a second printing
        of them), {c.excluded} <Link href="/out-of-scope">out of scope</Link>, {c.missing} not yet
        accounted for. {c.withRefit} seed paper{c.withRefit === 1 ? " has a law" : "s have laws"} refitted from the authors&apos;{" "}
        <Link href="/data">released data</Link> with the published numbers given back
        {c.refitsNotChecked > 0 && (
          <>
            {" "}
            (<strong>{c.refitsNotChecked} refit{c.refitsNotChecked === 1 ? "" : "s"} not checked: data not present</strong> on this
            deployment)
          </>
        )}
        . The same list is at <a href="/api/v1/coverage">/api/v1/coverage</a>.
      </p>
      <div className="table-wrap">
        <table className="data" data-testid="coverage">
          <thead>
            <tr>
              <th scope="col">Seed</th>
              <th scope="col">Title</th>
              <th scope="col">Status</th>
              <th scope="col">Laws</th>
            </tr>
          </thead>
          <tbody>
            {c.seeds.map((s) => (
              <tr key={s.n} data-seed={s.n} data-status={s.status}>
                <td>{s.n}</td>
                <td>{s.paper ? <Link href={`/papers/${s.paper}`}>{s.title}</Link> : s.title}</td>
                <td>
                  {s.status === "paper" ? (
                    <span className="badge ok">paper</span>
                  ) : s.status === "excluded" ? (
                    <span className="badge info">out of scope</span>
                  ) : (
                    <span className="badge bad">missing</span>
                  )}
                  {s.reason && <div className="small muted">{s.reason}</div>}
                </td>
                <td className="small">
                  {s.status === "paper" &&
                    [
                      s.checkedLaws && `${s.checkedLaws} checked`,
                      s.refittedLaws && `${s.refittedLaws} refitted from released data`,
                      s.refitDiscrepancies && `${s.refitDiscrepancies} refit differs (documented)`,
                      s.refitsNotChecked && `${s.refitsNotChecked} refit not checked: data not present`,
                      s.crossCheckedLaws && `${s.crossCheckedLaws} cross-checked only`,
                      s.formLaws && `${s.formLaws} form only`,
                      s.statements && `${s.statements} stated`,
                    ]
                      .filter(Boolean)
                      .join(", ")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </article>
  );
}
