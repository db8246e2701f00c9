/** The literature on a reader's runs, for fits made without JavaScript: the same candidates as the browser, evaluated here. */
import { getDb } from "@/db/client";
import { getLaw } from "@/db/queries";
import { executable } from "@/lib/law";
import { type CatalogueLaw, candidates, r2Log } from "@/lib/fit/literature";
import type { LiteratureLine } from "./FitResult";

export function literatureOn(
  law: CatalogueLaw,
  catalogue: readonly CatalogueLaw[],
  units: ReadonlyMap<string, Record<string, number>>,
  data: { inputs: Record<string, number[]>; y: number[] },
): LiteratureLine[] {
  if (data.y.length > 10_000) return [];
  const out: LiteratureLine[] = [];
  for (const c of candidates(law, catalogue, units, 6)) {
    const stored = getLaw(getDb(), c.law.id);
    if (!stored) continue;
    const fn = executable(stored).fn;
    const x = new Float64Array(c.inputs.length);
    const values = data.y.map((_, i) => {
      c.inputs.forEach((inp, j) => (x[j] = ((data.inputs[inp.from] ?? [])[i] ?? Number.NaN) * inp.factor));
      return fn(x) * c.outputFactor;
    });
    out.push({ id: c.law.id, label: c.law.id, values, r2: r2Log(data.y, values), warnings: c.warnings });
  }
  return out;
}
