/** JSON shapes of the API, built from stored laws and papers; their types are the answer schemas' (app/_lib/api/schemas). */
import type { z } from "zod";
import type { PaperSummary, StoredLaw } from "@/db/queries";
import { type Prediction, notEvaluable } from "@/lib/law";
import type { lawDetailSchema, lawSummarySchema, predictionSchema } from "@/app/_lib/api/schemas";

type PaperRef = Pick<PaperSummary, "slug" | "title" | "year" | "arxiv" | "domains">;

const inputJson = (i: StoredLaw["inputs"][number]) => ({
  symbol: i.symbol,
  quantity: i.quantity,
  unit: i.unit,
  description: i.description ?? null,
  range: i.range ?? null,
  range_source: i.range_source ?? null,
  /** positive, nonnegative or real: the values the input accepts */
  domain: i.domain ?? "positive",
});

const outputJson = (law: StoredLaw) => ({
  symbol: law.output.symbol,
  quantity: law.output.quantity,
  unit: law.output.unit,
  dataset: law.output.dataset ?? null,
});

export function lawSummaryJson(law: StoredLaw, paper: PaperRef): z.input<typeof lawSummarySchema> {
  return {
    id: law.id,
    name: law.name,
    aliases: law.aliases ?? [],
    variant: law.variant ? { id: law.variant.id, label: law.variant.label } : null,
    paper: { slug: paper.slug, title: paper.title, year: paper.year, arxiv: paper.arxiv },
    domains: paper.domains,
    output: outputJson(law),
    inputs: law.inputs.map(inputJson),
    /** Whether predict, solve and the other operations evaluate it; a form-only law says why not. */
    evaluable: notEvaluable(law) === null,
    not_evaluable_reason: notEvaluable(law),
  };
}

export function lawDetailJson(law: StoredLaw, paper: PaperRef, incoming: { law: string; type: string }[]): z.input<typeof lawDetailSchema> {
  return {
    ...lawSummaryJson(law, paper),
    description: law.description ?? null,
    expr: law.expr,
    latex: law.latex,
    source: law.source,
    variant: law.variant ?? null,
    variants: law.variants,
    verification: law.verification,
    output: { ...outputJson(law), note: law.output.note ?? null },
    coefficients: law.coefficients.map((c) => ({
      symbol: c.symbol,
      value: c.value,
      printed: c.printed ?? null,
      stderr: c.stderr ?? null,
      last_digit: c.step ?? null,
      source: c.source,
      verification: law.verification.level,
      note: c.note ?? null,
    })),
    checks: law.checkResults.map((c) => ({
      inputs: c.inputs ?? null,
      of: c.of ?? null,
      expect: c.expect,
      rel_tol: c.rel_tol ?? null,
      abs_tol: c.abs_tol ?? null,
      kind: c.kind,
      measured: c.measured ?? null,
      depends_on: c.depends,
      source: c.source,
      note: c.note ?? null,
      actual: c.actual,
      rel_error: c.relError,
      passed: c.passed,
    })),
    unchecked: law.unchecked ?? null,
    print_sensitivity: law.sensitivity ?? null,
    form_only: Boolean(law.free),
    free: law.free ?? null,
    links: law.links,
    linked_from: incoming,
  };
}

export function predictionJson(law: StoredLaw, p: Prediction): Omit<z.input<typeof predictionSchema>, "interval"> {
  return {
    law: law.id,
    inputs: Object.fromEntries(
      p.inputs.map((r) => [
        r.symbol,
        { value: r.value, unit: r.unit, quantity: r.quantity, range: r.range, outside: r.outside, decades_outside: r.decades_outside },
      ]),
    ),
    value: p.value,
    output: { symbol: law.output.symbol, quantity: law.output.quantity, unit: law.output.unit },
    extrapolated: p.extrapolated,
    warnings: p.warnings,
    precision: p.precision,
  };
}
