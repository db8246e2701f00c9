/**
 * The /fit form (the same fields with JavaScript, where the page fits in a
 * Web Worker, and without, where the server fits): CSV text, the form, which
 * CSV column holds each symbol and in which unit, and the fit options, turned
 * into a fit request in the law's own units.
 */
import { invalid } from "../errors";
import { toFiniteNumber } from "../numeric";
import { groups } from "../regex";
import { own } from "../records";
import { csvData } from "./csv-data";
import type { FitLaw } from "./request";

export const FORM_FIELDS = ["csv", "law", "expr", "free", "output", "columns", "units", "loss", "delta", "log", "lse", "starts", "bootstrap", "seed"] as const;
export type FitForm = Partial<Record<(typeof FORM_FIELDS)[number], string>>;

/** Units of each quantity with their factor to the quantity's base unit (content/quantities.yaml). */
export type UnitTable = ReadonlyMap<string, Readonly<Record<string, number>>>;

/** "N=params, D=tokens" → { N: "params", D: "tokens" } (field named in errors). */
export function pairs(text: string | undefined, field: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const part of (text ?? "").split(",").map((s) => s.trim()).filter(Boolean)) {
    const m = groups(/^([A-Za-z][A-Za-z0-9_]*)\s*=\s*(.+)$/.exec(part), 2);
    if (!m) throw invalid(field, `${field}: "${part.slice(0, 40)}" is not symbol=value`);
    const [symbol, value] = m;
    out[symbol] = value.trim();
  }
  return out;
}

const list = (text: string | undefined) => (text ?? "").split(",").map((s) => s.trim()).filter(Boolean);

export interface FormRequest {
  /** The request body, to be checked by parseFitRequest like any other (it names the field at fault). */
  request: Record<string, unknown>;
  /** Symbol → the CSV column it came from. */
  mapping: Record<string, string>;
  /** Symbol → the unit the CSV gave it in (converted to the law's unit). */
  units: Record<string, string>;
}

/** The symbols a form fits to: the law's inputs and output, or the expression's (output named or inferred later). */
export function formSymbols(law: FitLaw | null): string[] {
  return law ? [...law.inputs.map((i) => i.symbol), law.output.symbol] : [];
}

export function requestFromForm(form: FitForm, law: FitLaw | null, unitTable: UnitTable): FormRequest {
  if (!form.csv || form.csv.trim() === "") throw invalid("csv", "paste or upload the CSV of your runs (a header row, then one row per run)");
  const table = csvData(form.csv, "csv");
  const columns = Object.keys(table);
  const mapping = pairs(form.columns, "columns");
  const units = pairs(form.units, "units");
  const data: Record<string, number[]> = Object.create(null);
  const column = (symbol: string) => {
    // pairs() and csvData() make records without a prototype: a key is there or undefined
    const name = mapping[symbol] ?? symbol;
    const values = table[name];
    if (values === undefined) {
      throw invalid("columns", `no CSV column ${name} for ${symbol}; the columns are ${columns.join(", ")} (map one with ${symbol}=<column>)`);
    }
    mapping[symbol] = name;
    return values;
  };
  if (law) {
    for (const io of [...law.inputs, law.output]) {
      let values = column(io.symbol);
      const unit = units[io.symbol] ?? io.unit;
      if (unit !== io.unit) {
        const table = unitTable.get(io.quantity);
        const from = table && own(table, unit);
        const to = table && own(table, io.unit);
        if (from === undefined) {
          throw invalid("units", `${unit} is not a unit of ${io.quantity}; known: ${Object.keys(table ?? {}).join(", ")}`);
        }
        if (to === undefined) throw new Error(`${io.unit}, the unit of ${law.id}'s ${io.symbol}, is not a unit of ${io.quantity}`);
        const factor = from / to;
        values = values.map((v) => v * factor);
      }
      units[io.symbol] = unit;
      data[io.symbol] = values;
    }
    for (const s of Object.keys(units)) if (!formSymbols(law).includes(s)) throw invalid("units", `${s} is not an input or the output of ${law.id}`);
  } else {
    // an expression's columns are taken as they are: their names are its symbols unless mapped
    const renamed = new Map(Object.entries(mapping).map(([sym, col]) => [col, sym]));
    for (const [col, values] of Object.entries(table)) data[renamed.get(col) ?? col] = values;
    if (Object.keys(units).length > 0) throw invalid("units", "units convert a registry law's inputs; a written expression takes the columns as they are");
  }
  const loss = form.loss || "huber-log";
  const starts = (form.starts ?? "").trim();
  let startsValue: unknown;
  if (starts === "") startsValue = undefined;
  else if (starts === "published") startsValue = "published";
  else {
    try {
      startsValue = JSON.parse(starts);
    } catch {
      throw invalid("starts", 'starts must be "published" or JSON like {"grid": {"alpha": [0, 0.5, 1]}}');
    }
  }
  const request: Record<string, unknown> = {
    ...(law ? { law: law.id } : { expr: form.expr ?? "" }),
    ...(list(form.free).length ? { free: list(form.free) } : {}),
    ...(!law && form.output ? { output: form.output } : {}),
    data,
    objective: { loss, ...(form.delta ? { delta: toFiniteNumber(form.delta, "delta") } : {}) },
    log: list(form.log),
    lse: form.lse === "on" || form.lse === "true",
    ...(startsValue !== undefined ? { starts: startsValue } : {}),
    bootstrap: form.bootstrap ? toFiniteNumber(form.bootstrap, "bootstrap") : 0,
    seed: form.seed ? toFiniteNumber(form.seed, "seed") : 42,
  };
  return { request, mapping, units };
}
