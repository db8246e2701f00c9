/** Flat exports of the registry. */
import { csvCell, csvRow } from "./csv";
import type { Law } from "./law";

/** One row per law: what it predicts from what, its expression, coefficients with errors, and provenance. */
export function lawsCsv(laws: readonly Law[]): string {
  const head = ["id", "paper", "name", "kind", "expr", "output", "inputs", "coefficients", "verification", "source"];
  const rows = laws.map((l) =>
    [
      l.id,
      l.paper,
      l.name,
      l.free ? "form" : "quantitative",
      l.expr,
      `${l.output.symbol} (${l.output.quantity}, ${l.output.unit})`,
      l.inputs.map((i) => `${i.symbol} (${i.quantity}, ${i.unit}${i.range ? `, fitted ${i.range[0]}..${i.range[1]}` : ""})`).join("; "),
      l.free
        ? l.free.map((f) => `${f.symbol} = free`).join("; ")
        : l.coefficients.map((c) => `${c.symbol} = ${c.value}${c.stderr !== undefined ? ` ± ${c.stderr}` : ""}`).join("; "),
      l.verification.level,
      l.source,
    ]
      .map((v) => csvCell(String(v)))
      .join(","),
  );
  return `${[head.join(","), ...rows].join("\n")}\n`;
}

export const COEFFICIENTS_CSV_HEADER = ["law", "variant", "law_id", "symbol", "value", "stderr", "printed", "source"] as const;

/**
 * One row per published coefficient (tidy: filter and pivot it in a notebook):
 * the law (`<paper>/<law>`), its coefficient set (`default` for a law with one,
 * else the set's id: printed, unrounded, ...), the id the API and laws.csv use
 * for that set, the symbol, the value as stored, its standard error (empty if
 * none), the value as printed when the source prints an expression
 * (exp(6.0073404)), and where in the paper it is printed. Form-only laws have
 * no coefficients and so no rows.
 */
export function coefficientsCsv(laws: readonly Law[]): string {
  const rows = laws.flatMap((l) =>
    l.coefficients.map((c) =>
      csvRow([`${l.paper}/${l.key}`, l.variant?.id ?? "default", l.id, c.symbol, String(c.value), c.stderr !== undefined ? String(c.stderr) : "", c.printed ?? "", c.source]),
    ),
  );
  return `${[COEFFICIENTS_CSV_HEADER.join(","), ...rows].join("\n")}\n`;
}
