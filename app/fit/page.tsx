import type { Metadata } from "next";
import Link from "next/link";
import { sameFormOf } from "@/lib/fit/literature";
import { LIMITS } from "@/lib/fit/request";
import { FitResult } from "./FitResult";
import { FitWorkbench } from "./FitWorkbench";
import { fitCatalogue, servedDatasets, unitTable } from "./_catalogue";
import { literatureOn } from "./_literature";
import { getFit } from "./_store";
import { Crumbs } from "@/app/_components/Crumbs";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Fit your runs",
  description: "Fit a registry law, or your own form, to your training runs in the browser, with bootstrap intervals, and see it next to the literature.",
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function FitPage({ searchParams }: Props) {
  const sp = await searchParams;
  const id = typeof sp.result === "string" ? sp.result : undefined;
  const stored = getFit(id);
  const catalogue = fitCatalogue();
  const units = unitTable();
  const law = stored?.response?.law ? (catalogue.find((l) => l.id === stored.response?.law) ?? null) : null;
  return (
    <article>
      <Crumbs trail={[{ label: "Fit" }]} />
      <h1>Fit your runs</h1>
      <p className="lede">
        Paste your runs (say N, D and final loss), pick a law from the registry or write a form, and fit it the way the papers do: Huber
        on log residuals, coefficients in log space, a grid of starts, L-BFGS on analytic gradients, bootstrap intervals. The fit runs
        in your browser; without JavaScript the server fits it (up to {LIMITS.points.toLocaleString("en")} points and{" "}
        {LIMITS.work.toExponential(0).replace("e+", "e")} operations). The same engine refits the papers&apos; own{" "}
        <Link href="/data">released runs</Link>, and serves <code>POST /api/v1/fit</code> to notebooks.
      </p>
      <FitWorkbench catalogue={catalogue} units={Object.fromEntries(units)} datasets={servedDatasets()} initial={stored?.form ?? {}} />
      {stored?.error && (
        <div className="error" role="alert" data-testid="fit-error">
          {stored.error.field && <strong>{stored.error.field}: </strong>}
          {stored.error.message}
        </div>
      )}
      {stored?.response && stored.data && stored.units && id && (
        <FitResult
          response={stored.response}
          data={stored.data}
          units={stored.units}
          literature={law ? literatureOn(law, catalogue, units, stored.data) : []}
          sameForm={sameFormOf(law, catalogue)}
          exports={
            <>
              <a href={`/fit/export?result=${id}&format=json`}>JSON</a> · <a href={`/fit/export?result=${id}&format=csv`}>CSV of predictions</a> ·{" "}
              <a href={`/fit/export?result=${id}&format=mdx`}>MDX law entry</a>
            </>
          }
        />
      )}
    </article>
  );
}
