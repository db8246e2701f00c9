/**
 * Raw input values with optional units, as query strings carry them
 * (`C=3.1e8&C.unit=PF-day`), turned into numbers in each input's own unit.
 */
import { invalid } from "./errors";
import type { Law } from "./law";
import { toInputNumber } from "./numeric";
import type { Quantities } from "./quantities";

export const UNIT_SUFFIX = ".unit";

/**
 * Returns the inputs with `<symbol>.unit` applied. Keys other than the law's
 * inputs (and their .unit) are passed through for parseInputs to reject.
 */
export function applyUnits(law: Law, raw: Readonly<Record<string, unknown>>, quantities: Quantities): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  for (const [k, v] of Object.entries(raw)) if (!k.endsWith(UNIT_SUFFIX)) out[k] = v;
  for (const [k, unit] of Object.entries(raw)) {
    if (!k.endsWith(UNIT_SUFFIX)) continue;
    const symbol = k.slice(0, -UNIT_SUFFIX.length);
    const input = law.inputs.find((i) => i.symbol === symbol);
    if (!input) throw invalid(k, `${k} names no input of ${law.id}; its inputs are ${law.inputs.map((i) => i.symbol).join(", ")}`);
    if (typeof unit !== "string") throw invalid(k, `${k} must be a unit name`);
    if (!Object.hasOwn(out, symbol)) throw invalid(k, `${k} is given without ${symbol}`);
    const value = toInputNumber(out[symbol], symbol, input.domain);
    out[symbol] = quantities.convert(value, input.quantity, unit, input.unit, k);
  }
  return out;
}
