/** CSV cells: quoted only when they hold a quote, a comma or a newline (RFC 4180). */
export function csvCell(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function csvRow(cells: readonly string[]): string {
  return cells.map(csvCell).join(",");
}

export interface CsvTable {
  header: string[];
  rows: string[][];
}

export interface CsvLimits {
  maxBytes?: number;
  maxRows?: number;
  maxColumns?: number;
}

/**
 * Parses CSV text (RFC 4180: quoted cells may hold commas, quotes and
 * newlines; CRLF or LF line ends; a UTF-8 byte-order mark is skipped). The
 * first row is the header. Errors say the line; limits bound the work.
 */
export function parseCsv(text: string, limits: CsvLimits = {}, field = "csv"): CsvTable {
  const maxBytes = limits.maxBytes ?? 16 * 1024 * 1024;
  const maxRows = limits.maxRows ?? 1_000_000;
  const maxColumns = limits.maxColumns ?? 1000;
  if (text.length > maxBytes) throw new CsvError(field, `is larger than ${maxBytes} characters`);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let quoted = false;
  let quoteLine = 0;
  const endRow = () => {
    row.push(cell);
    cell = "";
    // a blank line (one empty cell) is skipped
    if (!(row.length === 1 && row[0] === "")) {
      // rows[0] is the header
      if (rows.length > maxRows) throw new CsvError(field, `has more than ${maxRows} data rows`);
      rows.push(row);
    }
    row = [];
  };
  while (i < text.length) {
    const ch = text.charAt(i);
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        const next = text[i];
        if (next !== undefined && next !== "," && next !== "\n" && next !== "\r") {
          throw new CsvError(field, `line ${line}: a closing quote must end its cell`);
        }
        continue;
      }
      if (ch === "\n") line++;
      cell += ch;
      i++;
      continue;
    }
    if (ch === '"') {
      if (cell !== "") throw new CsvError(field, `line ${line}: a quote may only open a cell`);
      quoted = true;
      quoteLine = line;
      i++;
    } else if (ch === ",") {
      row.push(cell);
      cell = "";
      if (row.length > maxColumns) throw new CsvError(field, `line ${line}: more than ${maxColumns} columns`);
      i++;
    } else if (ch === "\r" || ch === "\n") {
      endRow();
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
    } else {
      cell += ch;
      i++;
    }
  }
  if (quoted) throw new CsvError(field, `line ${quoteLine}: a quoted cell is never closed`);
  if (cell !== "" || row.length > 0) endRow();
  const header = rows.shift();
  if (!header) throw new CsvError(field, "is empty: the first line must name the columns");
  const names = header.map((h) => h.trim());
  names.forEach((h, j) => {
    if (h === "") throw new CsvError(field, `column ${j + 1} of the header has no name`);
    if (names.indexOf(h) !== j) throw new CsvError(field, `column ${h} appears twice in the header`);
  });
  rows.forEach((r, k) => {
    if (r.length !== names.length) throw new CsvError(field, `data row ${k + 1} has ${r.length} cells but the header has ${names.length}`);
  });
  return { header: names, rows };
}

/** The table's cells by column name, each column in row order. */
export function csvColumns(table: CsvTable): Map<string, string[]> {
  // parseCsv gives every row exactly one cell per header name, so r[j] is always there
  return new Map(table.header.map((name, j) => [name, table.rows.map((r) => r[j] ?? "")]));
}

export class CsvError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(`${field} ${message}`);
    this.name = "CsvError";
    this.field = field;
  }
}
