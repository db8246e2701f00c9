/** What the /fit page needs of the registry: the laws as fittable forms, units, and datasets it may serve. */
import { getDb } from "@/db/client";
import { listDatasets, listLaws, listQuantities } from "@/db/queries";
import type { CatalogueLaw } from "@/lib/fit/literature";

export function fitCatalogue(): CatalogueLaw[] {
  return listLaws(getDb()).map((l) => ({
    id: l.id,
    label: `${l.name}${l.variant ? ` (${l.variant.label})` : ""}`,
    paper: l.paper,
    expr: l.expr,
    inputs: l.inputs.map((i) => ({ symbol: i.symbol, quantity: i.quantity, unit: i.unit, convention: i.convention ?? null })),
    output: { symbol: l.output.symbol, quantity: l.output.quantity, unit: l.output.unit, dataset: l.output.dataset ?? null },
    coefficients: l.coefficients.map((c) => ({ symbol: c.symbol, value: c.value })),
    free: l.free ? l.free.map((f) => ({ symbol: f.symbol })) : null,
    formOnly: Boolean(l.free),
  }));
}

export function unitTable(): Map<string, Record<string, number>> {
  return new Map(listQuantities(getDb()).map((q) => [q.id, q.units]));
}

export interface ServedDataset {
  id: string;
  title: string;
  columns: { name: string; quantity: string | null; unit: string | null }[];
  subsets: { id: string; rows: number }[];
}

/** Released datasets this deployment has and may hand to readers. */
export function servedDatasets(): ServedDataset[] {
  return listDatasets(getDb())
    .filter((d) => d.spec.serve && d.status === "present")
    .map((d) => ({
      id: d.id,
      title: d.spec.title,
      columns: d.spec.columns.filter((c) => c.type === "number").map((c) => ({ name: c.name, quantity: c.quantity ?? null, unit: c.unit ?? null })),
      subsets: d.spec.subsets.map((s) => ({ id: s.id, rows: s.rows })),
    }));
}
