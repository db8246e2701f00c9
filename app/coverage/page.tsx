import { TitleText } from "@/app/_components/TitleText";
import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { type EvidenceTier, getCoverage } from "@/db/queries";
import { Crumbs } from "@/app/_components/Crumbs";

export const metadata: Metadata = {
  title: "Coverage of the seed literature",
  description: "Every seed paper the registry must cover, with its paper page or the reason it is out of scope.",
};

const TIER_LABEL: Record<EvidenceTier, string> = {
  refit: "refit from released data",
  prediction: "predicts a measurement",
  derived: "reproduces a derived number",
  "cross-check": "cross-check only",
};

export default function CoveragePage() {
  const c = getCoverage(getDb());
  return (
    <article>
      <Crumbs trail={[{ label: "Coverage" }]} />
      <h1>Coverage of the seed literature</h1>
      <p className="lede">
        {c.total} seed papers: {c.papers} with a paper page, {c.excluded} <Link href="/out-of-scope">out of scope</Link>, {c.missing} not
        yet accounted for. <strong>{c.withCheckedLaw}</strong> have a law that gives back a number the paper prints from two or more of
        its fitted coefficients, or that it measured, or refits from its released data; by their strongest evidence:{" "}
        {c.byTier.refit} refitted from released data, {c.byTier.prediction} predicting a measurement, {c.byTier.derived} reproducing a
        derived number, {c.byTier["cross-check"]} only cross-checked against a second printing of one coefficient
        {c.refitsNotChecked > 0 && (
          <>
            {" "}
            (<strong>{c.refitsNotChecked} refit{c.refitsNotChecked === 1 ? "" : "s"} not checked: data not present</strong> on this
            deployment)
          </>
        )}
        . The tiers are assigned by the build from the expression tree (a derived number must depend on two or more fitted
        coefficients). The same list is at <a href="/api/v1/coverage">/api/v1/coverage</a>.
      </p>
      <div className="table-wrap">
        <table className="data" data-testid="coverage">
          <thead>
            <tr>
              <th scope="col">Seed</th>
              <th scope="col">Title</th>
              <th scope="col">Status</th>
              <th scope="col">Strongest evidence</th>
              <th scope="col">Laws</th>
            </tr>
          </thead>
          <tbody>
            {c.seeds.map((s) => (
              <tr key={s.n} data-seed={s.n} data-status={s.status}>
                <td>{s.n}</td>
                <td>
                  {s.paper ? (
                    <Link href={`/papers/${s.paper}`}>
                      <TitleText text={s.title} />
                    </Link>
                  ) : (
                    <TitleText text={s.title} />
                  )}
                </td>
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
                <td className="small" data-tier={s.tier ?? "none"}>
                  {s.tier ? TIER_LABEL[s.tier] : s.status === "paper" ? "—" : ""}
                </td>
                <td className="small">
                  {s.status === "paper" &&
                    [
                      s.predictedLaws && `${s.predictedLaws} predicting a measurement`,
                      s.derivedLaws && `${s.derivedLaws} reproducing a derived number`,
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
