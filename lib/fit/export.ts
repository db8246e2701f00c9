/**
 * Exports of a fit: the predictions as CSV, and a paper file with the fitted
 * law that the content build accepts as it is, with every provenance field
 * marked "FILL IN" for its author to complete before review.
 */
import { stringify } from "yaml";
import { csvRow } from "../csv";
import type { FitResponse } from "./request";

export interface ExportContext {
  /** Quantities and units of the symbols (a registry law's, or what the author states for an expression). */
  inputs: { symbol: string; quantity: string; unit: string }[];
  output: { symbol: string; quantity: string; unit: string; dataset?: string | null };
  /** The registry law the form came from, if any. */
  law: string | null;
  data: { inputs: Record<string, number[]>; y: number[] };
}

/** One row per point: inputs, measured, fitted, residual, and the fit's 95% interval when bootstrapped. */
export function predictionsCsv(r: FitResponse, ctx: ExportContext): string {
  const head = [...r.inputs, `${r.output} measured`, `${r.output} fitted`, r.objective.loss === "mse" ? "residual" : "log residual"];
  const rows = [csvRow(head)];
  r.fitted.forEach((f, i) => {
    rows.push(csvRow([...r.inputs.map((s) => String(ctx.data.inputs[s]?.[i] ?? "")), String(ctx.data.y[i] ?? ""), String(f), String(r.residuals[i] ?? "")]));
  });
  return `${rows.join("\n")}\n`;
}

const FILL = (what: string) => `FILL IN: ${what}`;

/** A content/papers/<surname>-<year>-<word>.mdx file holding the fitted law (placeholders where provenance goes). */
export function lawEntryMdx(r: FitResponse, ctx: ExportContext, date = new Date()): { file: string; text: string } {
  const year = date.getUTCFullYear();
  const ranges = new Map(
    ctx.inputs.map((i): [string, [number, number] | null] => {
      const v = ctx.data.inputs[i.symbol] ?? [];
      const lo = Math.min(...v);
      const hi = Math.max(...v);
      return [i.symbol, lo > 0 && hi > lo ? [lo, hi] : null];
    }),
  );
  const coefficient = (s: string) => {
    const e = r.coefficients[s];
    if (!e) return null;
    return {
      symbol: s,
      value: e.value,
      ...(e.se !== null ? { stderr: e.se } : {}),
      source: FILL(`where ${s} is printed (fitted with Lawdex /fit${r.fixed.includes(s) ? `, held at ${e.value}` : ""})`),
    };
  };
  const law = {
    id: "fitted-law",
    name: FILL("the law's name"),
    description: `Fitted with Lawdex /fit on ${date.toISOString().slice(0, 10)}: ${r.objective.loss}${r.objective.delta !== null ? ` (δ = ${r.objective.delta})` : ""} over ${r.diagnostics.points} points, ${r.diagnostics.starts} start(s)${r.bootstrap ? `, ${r.bootstrap.resamples} bootstrap resamples (seed ${r.bootstrap.seed})` : ""}; objective ${r.objective.value}.`,
    expr: r.expr,
    output: {
      symbol: ctx.output.symbol,
      quantity: ctx.output.quantity,
      unit: ctx.output.unit,
      ...(ctx.output.dataset ? { dataset: ctx.output.dataset } : {}),
    },
    inputs: ctx.inputs.map((i) => {
      const range = ranges.get(i.symbol);
      return {
        symbol: i.symbol,
        quantity: i.quantity,
        unit: i.unit,
        ...(range ? { range, range_source: FILL(`where the fitted range of ${i.symbol} is stated (these are the fitted points' extremes)`) } : {}),
      };
    }),
    source: FILL("where the form is printed (equation, section)"),
    ...(ctx.law ? { links: [{ type: "uses-form-of", target: ctx.law }] } : {}),
    coefficients: Object.keys(r.coefficients).map(coefficient).filter((c) => c !== null),
    verification: { level: "paper", source: FILL("what was read: the paper's version, or the code's repository and commit") },
    unchecked: FILL("a number the paper prints that this law reproduces (then replace this line with a check), or why there is none"),
  };
  const frontmatter = {
    title: FILL("the paper's title"),
    authors: [FILL("the authors, one per line")],
    year,
    domains: ["machine-learning"],
    summary: FILL("two or three sentences on the paper, in your own words"),
    laws: [law],
  };
  const text = `---\n${stringify(frontmatter, { lineWidth: 0 })}---\n\n${FILL("what the law says and how it was fitted (Markdown, $math$)")}\n`;
  return { file: `fill-${year}-fit.mdx`, text };
}
