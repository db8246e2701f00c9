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
    return t.rows.map((r) => new Map(t.header.map((h, j) => [h, r[j] as string])));
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

function matches(cell: string, cond: unknown): boolean {
  const num = Number(cell);
  const eq = (v: unknown) => (typeof v === "number" ? cell.trim() !== "" && num === v : cell === v);
  if (Array.isArray(cond)) return cond.some(eq);
  if (typeof cond === "object" && cond !== null && "between" in cond) {
    const [lo, hi] = (cond as { between: [number, number] }).between;
    return cell.trim() !== "" && num >= lo && num <= hi;
  }
  return eq(cond);
}

/** Converts source text into the dataset's CSV text. Throws naming the column at fault. */
export function convertSource(text: string, fetch: Fetch): string {
  const source = readSource(text, fetch.format);
  const out = source.map(() => new Map<string, string>());
  for (const col of fetch.columns) {
    if ("from" in col) {
      source.forEach((row, i) => {
        const v = row.get(col.from);
        if (v === undefined) throw new Error(`column ${col.name}: the source has no column ${col.from} (row ${i + 1})`);
        (out[i] as Map<string, string>).set(col.name, v);
      });
    } else if ("expr" in col) {
      const names = [...(out[0]?.keys() ?? [])];
      const fn = compile(prepare(col.expr, { symbols: new Set(names) }), { inputs: names, constants: new Map() });
      out.forEach((row) => row.set(col.name, String(fn(names.map((n) => Number(row.get(n)))))));
    } else if ("flag" in col) {
      out.forEach((row, i) => {
        const hit = Object.entries(col.flag).every(([c, cond]) => matches(row.get(c) ?? source[i]?.get(c) ?? "", cond));
        row.set(col.name, hit ? "1" : "0");
      });
    } else {
      const values = out.map((row) => Number(row.get(col.largest.of)));
      const cut = [...values].sort((a, b) => b - a)[col.largest.count - 1] as number;
      out.forEach((row, i) => row.set(col.name, (values[i] as number) >= cut ? "1" : "0"));
    }
  }
  const header = fetch.columns.map((c) => c.name);
  const lines = [header.map(csvCell).join(","), ...out.map((row) => header.map((h) => csvCell(row.get(h) ?? "")).join(","))];
  return `${lines.join("\r\n")}\r\n`;
}
