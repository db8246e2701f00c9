/**
 * Compute-optimal allocation: for a law of parameters N and tokens D, the
 * split of a compute budget C = k·N·D (k = 6 unless stated) that minimises
 * the law's output. Found numerically in log space, so it applies to any
 * such law; for the Chinchilla form it agrees with the closed form
 * G·(C/k)^a (tested to 1e-6 relative).
 */
import { invalid } from "./errors";
import { type InputReport, type Law, executable, rangeReport } from "./law";
import type { Quantities } from "./quantities";

export const DEFAULT_FLOPS_PER_PARAM_TOKEN = 6;

export interface Allocation {
  C: number;
  N: number;
  D: number;
  /** The law's output at (N, D). */
  value: number;
  /** Tokens per parameter at the optimum. */
  tokensPerParam: number;
  inputs: InputReport[];
  extrapolated: boolean;
}

export interface AllocationPlan {
  law: string;
  k: number;
  /** Which inputs play N and D. */
  n: string;
  d: string;
  note: string;
}

/** Finds the parameters input and the tokens input of a law; other inputs are not allowed. */
export function allocationInputs(law: Law, quantities: Quantities): { n: number; d: number; params: Law["inputs"][number]; tokens: Law["inputs"][number] } {
  const params = law.inputs.find((i) => quantities.relation(i.quantity, "params") !== "unrelated");
  const tokens = law.inputs.find((i) => i.quantity === "tokens");
  if (!params || !tokens) {
    throw invalid("law", `${law.id} needs a parameters input and a tokens input to allocate compute; its inputs are ${law.inputs.map((i) => `${i.symbol} (${i.quantity})`).join(", ")}`);
  }
  if (law.inputs.length !== 2) throw invalid("law", `${law.id} has inputs besides parameters and tokens; allocation needs exactly those two`);
  return { n: law.inputs.indexOf(params), d: law.inputs.indexOf(tokens), params, tokens };
}

/** Whether a law has exactly a parameters input and a tokens input, so that compute can be allocated. */
export function canAllocate(law: Law, quantities: Quantities): boolean {
  try {
    allocationInputs(law, quantities);
    return true;
  } catch {
    return false;
  }
}

/**
 * Minimises f(N, C/(kN)) over ln N in [ln 1, ln(C/k)] (at least one token).
 * Scan for the lowest sample, then bisect on the sign of the central-difference
 * derivative, which locates the minimum far more precisely than comparing values.
 */
export function optimize(law: Law, C: number, quantities: Quantities, k = DEFAULT_FLOPS_PER_PARAM_TOKEN): Allocation {
  if (!(Number.isFinite(C) && C > 0)) throw invalid("C", "C must be a finite number greater than 0");
  if (!(Number.isFinite(k) && k > 0)) throw invalid("k", "k must be a finite number greater than 0");
  const { n, d, params, tokens } = allocationInputs(law, quantities);
  const fn = executable(law).fn;
  const x = new Float64Array(2);
  const budget = C / k;
  const f = (t: number): number => {
    const N = Math.exp(t);
    x[n] = N;
    x[d] = budget / N;
    return fn(x);
  };
  const hi = Math.log(budget);
  if (!(hi > 0)) throw invalid("C", `C = ${C} is too small: it buys less than one parameter-token (C/k < 1)`);
  const steps = 400;
  let best = -1;
  let bestValue = Number.POSITIVE_INFINITY;
  for (let i = 0; i <= steps; i++) {
    const v = f((hi * i) / steps);
    if (Number.isFinite(v) && v < bestValue) {
      bestValue = v;
      best = i;
    }
  }
  if (best < 0) throw invalid("C", `${law.id} gives no finite value anywhere along C = ${k}·N·D at C = ${C}`);
  if (best === 0 || best === steps) {
    throw invalid("C", `${law.id} has no interior optimum at C = ${C}: the output keeps falling towards ${best === 0 ? "N = 1" : "D = 1"}`);
  }
  let a = (hi * (best - 1)) / steps;
  let b = (hi * (best + 1)) / steps;
  const h = 1e-4;
  const slope = (t: number) => f(t + h) - f(t - h);
  for (let i = 0; i < 200 && b - a > 1e-13 * Math.max(1, Math.abs(a)); i++) {
    const m = (a + b) / 2;
    if (slope(m) > 0) b = m;
    else a = m;
  }
  const t = (a + b) / 2;
  const N = Math.exp(t);
  const D = budget / N;
  x[n] = N;
  x[d] = D;
  const value = fn(x);
  const inputs = [rangeReport(params, N), rangeReport(tokens, D)];
  return { C, N, D, value, tokensPerParam: D / N, inputs, extrapolated: inputs.some((r) => r.outside !== null) };
}

export function plan(law: Law, quantities: Quantities, k = DEFAULT_FLOPS_PER_PARAM_TOKEN): AllocationPlan {
  const { params: N, tokens: D } = allocationInputs(law, quantities);
  return {
    law: law.id,
    k,
    n: N.symbol,
    d: D.symbol,
    note: `minimises ${law.output.symbol}(${N.symbol}, ${D.symbol}) subject to C = ${k}·${N.symbol}·${D.symbol} (C in FLOP, ${N.symbol} in ${N.unit}, ${D.symbol} in ${D.unit})`,
  };
}

export function frontier(law: Law, Cs: readonly number[], quantities: Quantities, k = DEFAULT_FLOPS_PER_PARAM_TOKEN): Allocation[] {
  return Cs.map((C) => optimize(law, C, quantities, k));
}
