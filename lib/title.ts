/**
 * Titles with inline math ("P$^2$ Law: …"): split into text and math for
 * pages, which render the math with KaTeX, and turned into plain Unicode
 * ("P² Law: …") where only text can go (a page's <title>, a CSV cell, an
 * SVG label).
 */

export type TitleSegment = { kind: "text" | "math"; value: string };

/** Splits at unescaped `$…$` pairs; an unpaired `$` stays text. */
export function titleSegments(title: string): TitleSegment[] {
  const out: TitleSegment[] = [];
  let text = "";
  let i = 0;
  while (i < title.length) {
    const c = title[i];
    if (c === "\\" && title[i + 1] === "$") {
      text += "$";
      i += 2;
      continue;
    }
    if (c === "$") {
      const end = title.indexOf("$", i + 1);
      if (end > i + 1) {
        if (text) out.push({ kind: "text", value: text });
        text = "";
        out.push({ kind: "math", value: title.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    text += c;
    i++;
  }
  if (text) out.push({ kind: "text", value: text });
  return out;
}

const SUPER: Record<string, string> = {
  "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
  "+": "⁺", "-": "⁻", "=": "⁼", "(": "⁽", ")": "⁾", n: "ⁿ", i: "ⁱ",
};
const SUB: Record<string, string> = {
  "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉",
  "+": "₊", "-": "₋", "=": "₌", "(": "₍", ")": "₎",
};
const GREEK: Record<string, string> = {
  alpha: "α", beta: "β", gamma: "γ", delta: "δ", epsilon: "ε", eta: "η", theta: "θ", lambda: "λ", mu: "μ",
  nu: "ν", pi: "π", rho: "ρ", sigma: "σ", tau: "τ", phi: "φ", chi: "χ", psi: "ψ", omega: "ω", times: "×", cdot: "·",
};

/** Inline math as plain text: scripts as Unicode where it has them, `x^(…)` where it does not. */
function plainMath(tex: string): string {
  const named = tex.replace(/\\([a-zA-Z]+)/g, (m, name: string) => GREEK[name] ?? (name === "text" || name === "mathrm" ? "" : m.slice(1)));
  return named
    .replace(/([_^])(\{([^{}]*)\}|(.))/g, (_m, op: string, _g, braced: string | undefined, single: string | undefined) => {
      const body = braced ?? single ?? "";
      const table = op === "^" ? SUPER : SUB;
      const mapped = [...body].map((ch) => table[ch]);
      if (mapped.every((ch) => ch !== undefined)) return mapped.join("");
      return `${op}(${body})`;
    })
    .replace(/[{}]/g, "");
}

/** The title as plain Unicode text. */
export function plainTitle(title: string): string {
  return titleSegments(title)
    .map((s) => (s.kind === "math" ? plainMath(s.value) : s.value))
    .join("");
}
