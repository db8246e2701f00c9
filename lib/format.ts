/** Number formatting shared by pages, charts and exports. */
import { groups } from "./regex";

/** Plain text: 7e10 -> "7.00e10"-style only when needed; otherwise up to 4 significant digits. */
export function formatNumber(v: number, digits = 4): string {
  if (!Number.isFinite(v)) return String(v);
  // round first: 99999 at 4 digits is 1e5, and its notation follows from that
  const r = Number(v.toPrecision(digits));
  const a = Math.abs(r);
  if (a !== 0 && (a >= 1e5 || a < 1e-3)) {
    const { mantissa, exponent } = exponential(r, digits - 1);
    return `${trimZeros(mantissa)}e${exponent}`;
  }
  // toPrecision may itself use exponent notation (100 -> "1.0e+2"); String(Number()) does not here
  return String(r);
}

/** The parts of v.toExponential(digits): 1.5e23 at 2 digits → { mantissa: "1.50", exponent: 23 }. */
function exponential(v: number, digits: number): { mantissa: string; exponent: number } {
  const text = v.toExponential(digits);
  const e = text.indexOf("e");
  return { mantissa: text.slice(0, e), exponent: Number(text.slice(e + 1)) };
}

function trimZeros(s: string): string {
  return s.includes(".") ? s.replace(/\.?0+$/, "") : s;
}

/** Mantissa and exponent for rendering a × 10^b; exponent 0 means plain. */
export function sciParts(v: number, digits = 4): { mantissa: string; exponent: number } {
  const text = formatNumber(v, digits);
  const m = groups(/^(-?[\d.]+)e(-?\d+)$/.exec(text), 2);
  return m ? { mantissa: m[0], exponent: Number(m[1]) } : { mantissa: text, exponent: 0 };
}

/** The exact value a reader can copy (shortest round-trip representation). */
export function exactNumber(v: number): string {
  return String(v);
}

const SUPERSCRIPT: Record<string, string> = { "-": "⁻", "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹" };

/** An integer in superscript digits: -3 -> "⁻³". */
export function superscript(n: number): string {
  return String(n).replace(/./g, (c) => SUPERSCRIPT[c] ?? c);
}

/** Ticks whose labels stay plain decimals: all between 0.01 and 10,000 (a loss axis, a ratio). */
const PLAIN_LO = 1e-2;
const PLAIN_HI = 1e4;

/**
 * The labels of one axis's ticks, all in one style: plain decimals when every
 * tick lies between 0.01 and 10,000, otherwise every tick as a power of ten
 * ("10⁹", "2×10⁹", "1.5×10²³"), the way Num writes numbers in prose. One
 * axis never mixes the two ("100, 10000, 1e6" is what this replaces).
 */
export function tickLabels(ticks: readonly number[]): string[] {
  const plain = ticks.every((t) => t === 0 || (Math.abs(t) >= PLAIN_LO && Math.abs(t) < PLAIN_HI));
  return ticks.map((t) => {
    if (t === 0) return "0";
    if (plain) return String(Number(t.toPrecision(6)));
    const parts = exponential(t, 5);
    const mantissa = trimZeros(parts.mantissa);
    const power = `10${superscript(parts.exponent)}`;
    if (mantissa === "1") return power;
    if (mantissa === "-1") return `-${power}`;
    return `${mantissa}×${power}`;
  });
}

/** The inputs held along one curve of a chart, named with their values and units: "D = 5e10 token". */
export function sliceLabel(held: readonly { symbol: string; unit: string; value: number }[]): string {
  return held.map((h) => `${h.symbol} = ${formatNumber(h.value, 4)}${h.unit === "1" ? "" : ` ${h.unit}`}`).join(", ");
}

/** The label of the slice through the reader's inputs. */
export function readerLabel(held: readonly { symbol: string; unit: string; value: number }[]): string {
  return `${sliceLabel(held)} (your input${held.length > 1 ? "s" : ""})`;
}
