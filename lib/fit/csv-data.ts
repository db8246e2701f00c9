/**
 * Points from CSV text: a header of symbols, numeric cells; the columns a fit
 * request carries as `data`. Errors name the cell (`data.N[3]`).
 */
import { CsvError, csvColumns, parseCsv } from "../csv";
import { invalid } from "../errors";
import { LIMITS } from "./request";

export function csvData(text: string, field = "body"): Record<string, number[]> {
  let table;
  try {
    table = parseCsv(text, { maxBytes: LIMITS.bodyBytes, maxRows: LIMITS.points, maxColumns: 64 }, field);
  } catch (e) {
    if (e instanceof CsvError) throw invalid(e.field, e.message);
    throw e;
  }
  const out: Record<string, number[]> = Object.create(null);
  for (const [name, cells] of csvColumns(table)) {
    out[name] = cells.map((text, i) => {
      const cell = text.trim();
      const v = cell === "" ? Number.NaN : Number(cell);
      if (!Number.isFinite(v)) throw invalid(`data.${name}[${i}]`, `data.${name}[${i}] is "${cell.slice(0, 30)}", not a finite number (CSV line ${i + 2})`);
      return v;
    });
  }
  return out;
}
