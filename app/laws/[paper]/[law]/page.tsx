import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { allLawIds, getPaper, linksTo } from "@/db/queries";
import { LawView } from "@/app/_components/LawView";
import { lawOr404 } from "@/app/_lib/data";
import { coefficientSets } from "./answer";

type Params = { params: Promise<{ paper: string; law: string }> };

// Prerendered at build for every law in the database.
export function generateStaticParams() {
  return allLawIds(getDb());
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { paper, law } = await params;
  const found = lawOr404(paper, law);
  return { title: `${found.name}${found.variant ? ` — ${found.variant.label}` : ""}`, description: found.description };
}

export default async function LawPage({ params }: Params) {
  const { paper, law } = await params;
  const found = lawOr404(paper, law);
  const db = getDb();
  const paperRow = getPaper(db, found.paper);
  if (!paperRow) throw new Error(`law ${found.id} has no paper`);
  const { sets, omitted } = coefficientSets(db, found);
  return <LawView law={found} paper={paperRow} incoming={linksTo(db, found.id)} sets={sets} omitted={omitted} />;
}
