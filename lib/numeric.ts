/**
 * Reading numbers that people type or put in URLs. Kept free of other
 * imports so the browser bundle can use it too.
 */
import { invalid } from "./errors";

const NUMERIC = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Trimmed text, with "2.6784e 28" read as "2.6784e+28" (an unencoded + in a query string arrives as a space). */
export function numericText(v: string): string {
  return v.trim().replace(/^([^eE]*[eE]) (\d+)$/, "$1+$2");
}

/** Whether a string is a plain decimal number (no hex, no Infinity, no empty string). */
export function isNumericText(v: string): boolean {
  return NUMERIC.test(numericText(v));
}

/** A finite number from a number or numeric text; a 400 naming the field otherwise. */
export function toFiniteNumber(v: unknown, field: string): number {
  let n: number;
  if (typeof v === "number") n = v;
  else if (typeof v === "string" && isNumericText(v)) n = Number(numericText(v));
  else throw invalid(field, `${field} must be a number, got ${JSON.stringify(typeof v === "string" ? v.slice(0, 40) : typeof v)}`);
  if (!Number.isFinite(n)) throw invalid(field, `${field} must be a finite number`);
  return n;
}

/** As toFiniteNumber, and greater than 0 (every input of every law is a positive quantity). */
export function toPositiveNumber(v: unknown, field: string): number {
  const n = toFiniteNumber(v, field);
  if (n <= 0) throw invalid(field, `${field} must be greater than 0`);
  return n;
}

/** The values an input takes (see the content schema's `domain`); positive unless a law says otherwise. */
export type InputDomain = "positive" | "nonnegative" | "real";

/** A number for an input of this domain; a 400 naming the field otherwise. */
export function toInputNumber(v: unknown, field: string, domain: InputDomain | undefined): number {
  if (domain === undefined || domain === "positive") return toPositiveNumber(v, field);
  const n = toFiniteNumber(v, field);
  if (domain === "nonnegative" && n < 0) throw invalid(field, `${field} must be 0 or greater`);
  return n;
}
