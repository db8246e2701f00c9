/**
 * Spans of a positive quantity: a law input's fitted range, a chart's drawn
 * span, a comparison axis. One rule for whether a value lies in one, how far
 * outside it lies (in decades), which powers of ten it contains, and how it is
 * written in words, so that a page, the API and a chart never disagree about
 * whether a point is extrapolated.
 */
import { formatNumber } from "./format";

/** [low, high] with 0 < low ≤ high. */
export type Span = readonly [number, number];

/**
 * Relative slack at both ends: a value computed back from a span's end (an
 * input recovered from a frontier, 10 ** log10(x)) may differ from the printed
 * end in its last bits; that is not extrapolation.
 */
export const SPAN_SLACK = 1e-12;

/** Where a value lies relative to a span: below it, inside it, or above it. */
export function side(span: Span, v: number): "below" | "inside" | "above" {
  if (v < span[0] * (1 - SPAN_SLACK)) return "below";
  if (v > span[1] * (1 + SPAN_SLACK)) return "above";
  return "inside";
}

export function inSpan(span: Span, v: number): boolean {
  return side(span, v) === "inside";
}

/** How many decades a value lies outside a span (0 inside it). */
export function decadesOutside(span: Span, v: number): number {
  const s = side(span, v);
  return s === "below" ? Math.log10(span[0] / v) : s === "above" ? Math.log10(v / span[1]) : 0;
}

/** The exponents k of the powers of ten 10^k that lie in the span (slack as for the ends of a printed range). */
export function decadeExponents(span: Span): number[] {
  const out: number[] = [];
  for (let k = Math.ceil(Math.log10(span[0]) - 1e-9); k <= Math.floor(Math.log10(span[1]) + 1e-9); k++) out.push(k);
  return out;
}

/** 10^k rounded to 12 significant digits, so that 10 ** -3 is 0.001. */
export function powerOfTen(k: number): number {
  return Number((10 ** k).toPrecision(12));
}

/** A span in words, as pages and exports write it: "1e8 to 1.6e10" (with the unit when given). */
export function spanText(span: Span, unit?: string): string {
  return `${formatNumber(span[0])} to ${formatNumber(span[1])}${unit ? ` ${unit}` : ""}`;
}
