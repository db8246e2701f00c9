import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { getPaper, linksTo } from "@/db/queries";
import { LawView } from "@/app/_components/LawView";
import { flatQuery, lawOr404 } from "@/app/_lib/data";
import { LawdexError } from "@/lib/errors";
import { evaluate, type Prediction } from "@/lib/law";
import { answerOf, coefficientSets } from "../answer";

type Props = {
  params: Promise<{ paper: string; law: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: "Prediction", robots: { index: false } };

/** The calculator's result page: works as a plain GET form, no JavaScript needed (the form's action lands on #result). */
export default async function PredictPage({ params, searchParams }: Props) {
  const { paper, law } = await params;
  const found = lawOr404(paper, law);
  let values: Record<string, string> | undefined;
  let error: { field: string | null; message: string } | undefined;
  let prediction: Prediction | undefined;
  try {
    values = flatQuery(await searchParams);
    prediction = evaluate(found, values);
  } catch (e) {
    if (!(e instanceof LawdexError)) throw e;
    error = { field: e.field, message: e.message };
  }
  const db = getDb();
  const paperRow = getPaper(db, found.paper);
  if (!paperRow) throw new Error(`law ${found.id} has no paper`);
  const { sets, omitted } = coefficientSets(db, found);
  const answer = prediction && values ? answerOf(db, prediction, sets, values) : undefined;
  return (
    <LawView law={found} paper={paperRow} incoming={linksTo(db, found.id)} sets={sets} omitted={omitted} answer={answer} error={error} values={values} />
  );
}
