/**
 * Inverts a law for one input: the value of `for` at which the output equals
 * a target, the other inputs held fixed. Bracketed root finding in log space
 * over a wide span; when the output never reaches the target there (a loss
 * below the irreducible term E, say) the answer is "unreachable" with the
 * values the law does take.
 */
import { LawdexError, invalid } from "./errors";
import { type InputReport, type Law, executable, rangeReport } from "./law";

export interface Solution {
  law: string;
  for: string;
  target: number;
  value: number;
  /** The law's output at the solution (equals target up to rounding). */
  achieved: number;
  input: InputReport;
  extrapolated: boolean;
  warnings: string[];
}

/** Decades searched on either side of the fitted range (or of 1 when none is known). */
export const SEARCH_DECADES = 30;

export function solve(law: Law, target: number, forSymbol: string, fixed: Readonly<Record<string, number>>): Solution {
  if (!Number.isFinite(target)) throw invalid("target", "target must be a finite number");
  const input = law.inputs.find((i) => i.symbol === forSymbol);
  if (!input) throw invalid("for", `for must name an input of ${law.id}: ${law.inputs.map((i) => i.symbol).join(", ")}`);
  const idx = law.inputs.indexOf(input);
  const fn = executable(law).fn;
  const x = new Float64Array(law.inputs.length);
  law.inputs.forEach((inp, i) => {
    if (i === idx) return;
    const v = fixed[inp.symbol];
    if (v === undefined) throw invalid(inp.symbol, `missing input ${inp.symbol} (${inp.quantity}, ${inp.unit}) to hold fixed`);
    x[i] = v;
  });
  const g = (t: number) => {
    x[idx] = Math.exp(t);
    return fn(x) - target;
  };
  const [lo, hi] = input.range ?? input.plot ?? [1, 1];
  const t0 = Math.log(lo) - SEARCH_DECADES * Math.LN10;
  const t1 = Math.log(hi) + SEARCH_DECADES * Math.LN10;
  const steps = 600;
  let prevT = Number.NaN;
  let prevG = Number.NaN;
  let minV = Number.POSITIVE_INFINITY;
  let maxV = Number.NEGATIVE_INFINITY;
  let bracket: [number, number] | null = null;
  for (let i = 0; i <= steps; i++) {
    const t = t0 + ((t1 - t0) * i) / steps;
    const v = g(t);
    if (!Number.isFinite(v)) {
      prevG = Number.NaN;
      continue;
    }
    minV = Math.min(minV, v + target);
    maxV = Math.max(maxV, v + target);
    if (v === 0) {
      bracket = [t, t];
      break;
    }
    if (Number.isFinite(prevG) && Math.sign(v) !== Math.sign(prevG)) {
      bracket = [prevT, t];
      break;
    }
    prevT = t;
    prevG = v;
  }
  const span = `${input.symbol} from ${Math.exp(t0).toExponential(1)} to ${Math.exp(t1).toExponential(1)} ${input.unit}`;
  if (!bracket) {
    const where =
      target < minV
        ? `below the lowest value the law takes (${minV.toPrecision(6)})`
        : target > maxV
          ? `above the highest value the law takes (${maxV.toPrecision(6)})`
          : "not crossed by the law";
    throw new LawdexError(422, "unreachable", "target", `unreachable: ${law.output.symbol} = ${target} is ${where} for ${span}`);
  }
  let [a, b] = bracket;
  let ga = g(a);
  for (let i = 0; i < 200 && b - a > 1e-15 * Math.max(1, Math.abs(a)); i++) {
    const m = (a + b) / 2;
    const gm = g(m);
    if (gm === 0) {
      a = b = m;
      break;
    }
    if (Math.sign(gm) === Math.sign(ga)) {
      a = m;
      ga = gm;
    } else b = m;
  }
  const value = Math.exp((a + b) / 2);
  x[idx] = value;
  const achieved = fn(x);
  const report = rangeReport(input, value);
  const warnings = report.outside
    ? [`${input.symbol} = ${value.toExponential(3)} ${input.unit} is ${report.decades_outside.toFixed(2)} decade(s) ${report.outside} the fitted range: extrapolation`]
    : [];
  return { law: law.id, for: forSymbol, target, value, achieved, input: report, extrapolated: report.outside !== null, warnings };
}
