/**
 * Rebuilding a released dataset's CSV from the authors' source file, as its
 * declaration's `fetch` block says: columns copied as their source text,
 * derived by an expression of earlier columns, flagged by a filter, or marking
 * the largest values of a column. The output is written as Python's csv
 * module writes (CRLF, minimal quoting), so that its sha256 can be checked
 * against the declared file's.
 */
import { csvCell, parseCsv } from "./csv";
import type { Dataset } from "./content/schema";
import { compile, prepare } from "./expr";

type Fetch = NonNullable<Dataset["fetch"]>;

/** The source as rows of text cells keyed by column name. */
function readSource(text: string, format: Fetch["format"]): Map<string, string>[] {
  if (format === "csv") {
    const t = parseCsv(text);
    // parseCsv gives every row exactly one cell per header name, so r[j] is always there
    return t.rows.map((r) => new Map(t.header.map((h, j) => [h, r[j] ?? ""])));
  }
  return text
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((line, i) => {
      let obj: unknown;
      try {
        obj = JSON.parse(line);
      } catch {
        throw new Error(`line ${i + 1} of the source is not JSON`);
      }
      if (typeof obj !== "object" || obj === null || Array.isArray(obj)) throw new Error(`line ${i + 1} of the source is not a JSON object`);
      return new Map(Object.entries(obj).map(([k, v]) => [k, v === null ? "" : String(v)]));
    });
}

type Column = Fetch["columns"][number];
/** A filter's condition on one column: a value, any of a list, or a range. */
type Condition = Extract<Column, { flag: unknown }>["flag"][string];

function matches(cell: string, cond: Condition): boolean {
  const num = Number(cell);
  const eq = (v: number | string) => (typeof v === "number" ? cell.trim() !== "" && num === v : cell === v);
  if (Array.isArray(cond)) return cond.some(eq);
  if (typeof cond === "object") {
    const [lo, hi] = cond.between;
    return cell.trim() !== "" && num >= lo && num <= hi;
  }
  return eq(cond);
}

/** Converts source text into the dataset's CSV text. Throws naming the column at fault. */
export function convertSource(text: string, fetch: Fetch): string {
  // each source row with the output row built from it
  const rows = readSource(text, fetch.format).map((source) => ({ source, out: new Map<string, string>() }));
  for (const col of fetch.columns) {
    if ("from" in col) {
      rows.forEach(({ source, out }, i) => {
        const v = source.get(col.from);
        if (v === undefined) throw new Error(`column ${col.name}: the source has no column ${col.from} (row ${i + 1})`);
        out.set(col.name, v);
      });
    } else if ("expr" in col) {
      const names = [...(rows[0]?.out.keys() ?? [])];
      const fn = compile(prepare(col.expr, { symbols: new Set(names) }), { inputs: names, constants: new Map() });
      for (const { out } of rows) out.set(col.name, String(fn(names.map((n) => Number(out.get(n))))));
    } else if ("flag" in col) {
      for (const { source, out } of rows) {
        const hit = Object.entries(col.flag).every(([c, cond]) => matches(out.get(c) ?? source.get(c) ?? "", cond));
        out.set(col.name, hit ? "1" : "0");
      }
    } else {
      const value = (out: Map<string, string>) => Number(out.get(col.largest.of));
      // the count-th largest value; with fewer rows than count, no row is among the largest
      const cut = rows.map(({ out }) => value(out)).sort((a, b) => b - a)[col.largest.count - 1];
      for (const { out } of rows) out.set(col.name, cut !== undefined && value(out) >= cut ? "1" : "0");
    }
  }
  const header = fetch.columns.map((c) => c.name);
  const lines = [header.map(csvCell).join(","), ...rows.map(({ out }) => header.map((h) => csvCell(out.get(h) ?? "")).join(","))];
  return `${lines.join("\r\n")}\r\n`;
}
