/**
 * The literature next to a fit: registry laws that predict the same quantity
 * from the same quantities as the fitted form, with the unit factors that
 * put the fit's points into each law's units and the warnings /compare would
 * give (a different dataset behind the loss, a counting convention). Pure
 * metadata: the server evaluates the laws with lib/law, the browser through
 * POST /api/v1/predict.
 */
import { logFit } from "./engine";
import type { UnitTable } from "./form";
import { own } from "../records";
import type { FitLaw } from "./request";

export interface CatalogueLaw extends FitLaw {
  label: string;
  paper: string;
  inputs: { symbol: string; quantity: string; unit: string; convention?: string | null }[];
  output: { symbol: string; quantity: string; unit: string; dataset?: string | null };
  formOnly: boolean;
}

export interface Candidate {
  law: CatalogueLaw;
  /** For each of the candidate's inputs: the fitted form's input symbol it takes, and the factor into the candidate's unit. */
  inputs: { symbol: string; from: string; factor: number }[];
  /** Factor from the candidate's output unit into the fitted form's. */
  outputFactor: number;
  warnings: string[];
}

function factor(units: UnitTable, quantity: string, from: string, to: string): number | null {
  const u = units.get(quantity);
  const a = u && own(u, from);
  const b = u && own(u, to);
  return a === undefined || b === undefined ? null : a / b;
}

/**
 * Laws with coefficients whose output is the fitted form's output quantity and
 * whose every input has the quantity of one of its inputs (each used once).
 */
export function candidates(fitted: FitLaw & { output: { dataset?: string | null } }, catalogue: readonly CatalogueLaw[], units: UnitTable, max = 12): Candidate[] {
  const out: Candidate[] = [];
  for (const law of catalogue) {
    if (law.formOnly || law.id === fitted.id || law.output.quantity !== fitted.output.quantity) continue;
    if (law.inputs.length !== fitted.inputs.length) continue;
    const taken = new Set<string>();
    const inputs: Candidate["inputs"] = [];
    for (const input of law.inputs) {
      const match = fitted.inputs.find((f) => f.quantity === input.quantity && !taken.has(f.symbol));
      const k = match ? factor(units, input.quantity, match.unit, input.unit) : null;
      if (!match || k === null) break;
      taken.add(match.symbol);
      inputs.push({ symbol: input.symbol, from: match.symbol, factor: k });
    }
    if (inputs.length !== law.inputs.length) continue;
    const outputFactor = factor(units, law.output.quantity, law.output.unit, fitted.output.unit);
    if (outputFactor === null) continue;
    const warnings: string[] = [];
    const mine = fitted.output.dataset ?? null;
    const theirs = law.output.dataset ?? null;
    if (theirs && mine !== theirs) warnings.push(`${law.output.symbol} is measured on ${theirs}${mine ? `, your fit on ${mine}` : ""}: losses on different data and tokenizers are not comparable in level`);
    for (const input of law.inputs) if (input.convention) warnings.push(`${input.symbol} is counted as: ${input.convention}`);
    out.push({ law, inputs, outputFactor, warnings });
    if (out.length >= max) break;
  }
  return out;
}

/** R² of log predictions against log measurements (null when not all are positive). */
export function r2Log(measured: readonly number[], predicted: readonly number[]): number | null {
  return logFit(measured, predicted).r2;
}

/** The registry's laws of exactly this form (same expression and symbols), to show their coefficients beside a fit's. */
export function sameFormOf(law: CatalogueLaw | null, catalogue: readonly CatalogueLaw[]): { id: string; label: string; coefficients: Record<string, number> }[] {
  if (!law) return [];
  const symbols = (l: CatalogueLaw) => [...l.inputs.map((i) => i.symbol), l.output.symbol].join(",");
  return catalogue
    .filter((l) => !l.formOnly && l.expr === law.expr && symbols(l) === symbols(law))
    .slice(0, 5)
    .map((l) => ({ id: l.id, label: l.id === law.id ? "published" : l.id, coefficients: Object.fromEntries(l.coefficients.map((c) => [c.symbol, c.value])) }));
}
