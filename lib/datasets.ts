/**
 * Released training-run data, declared in content/datasets/ and read from
 * LAWDEX_DATA_DIR (default ../shared/data): the files are never copied into
 * the repository. A file is used only when its sha256 is the declared one;
 * otherwise it is reported as absent or different, and nothing built from
 * it claims to have been checked.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { csvColumns, parseCsv } from "./csv";
import type { Dataset, DatasetSubset } from "./content/schema";

export type { Dataset, DatasetSubset };

/** Where released data is read from: LAWDEX_DATA_DIR, else ../shared/data beside the project. */
export function dataDir(root = process.cwd()): string {
  return process.env.LAWDEX_DATA_DIR ?? path.resolve(root, "..", "shared", "data");
}

/** Whether the build found a declared file: present (sha256 as declared), absent, or a mismatch. */
export const DATA_STATUSES = ["present", "absent", "mismatch"] as const;
export type DataStatus = (typeof DATA_STATUSES)[number];

export interface DatasetTable {
  dataset: Dataset;
  status: DataStatus;
  /** sha256 of the file found (when one was found). */
  found: string | null;
  /** Why the data cannot be used, when status is not present. */
  reason: string | null;
  rows: number;
  numbers: Map<string, Float64Array>;
  texts: Map<string, string[]>;
}

const MAX_DATASET_BYTES = 64 * 1024 * 1024;

/** Reads and verifies a dataset file. Throws (a content problem) only when a verified file contradicts its declaration. */
export function readDataset(dataset: Dataset, dir = dataDir()): DatasetTable {
  const empty = (status: DataStatus, reason: string, found: string | null = null): DatasetTable => ({
    dataset,
    status,
    found,
    reason,
    rows: 0,
    numbers: new Map(),
    texts: new Map(),
  });
  const file = path.join(dir, dataset.file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return empty("absent", `data not present: ${dataset.file} is not in ${dir} (set LAWDEX_DATA_DIR, or run npm run data:fetch)`);
  }
  if (!stat.isFile()) return empty("absent", `data not present: ${file} is not a regular file`);
  if (stat.size > MAX_DATASET_BYTES) return empty("mismatch", `${dataset.file} is ${stat.size} bytes, larger than any declared dataset`);
  const bytes = fs.readFileSync(file);
  const found = crypto.createHash("sha256").update(bytes).digest("hex");
  if (found !== dataset.sha256) {
    return empty("mismatch", `${dataset.file} differs from the declared file (sha256 ${found.slice(0, 12)}…, declared ${dataset.sha256.slice(0, 12)}…)`, found);
  }
  const table = parseCsv(bytes.toString("utf8"), { maxBytes: MAX_DATASET_BYTES }, dataset.file);
  const declared = dataset.columns.map((c) => c.name);
  const missing = declared.filter((c) => !table.header.includes(c));
  const undeclared = table.header.filter((c) => !declared.includes(c));
  if (missing.length || undeclared.length) {
    throw new Error(
      `${dataset.file}: ${missing.length ? `declared column(s) ${missing.join(", ")} are not in the file` : ""}${missing.length && undeclared.length ? "; " : ""}${undeclared.length ? `column(s) ${undeclared.join(", ")} are not declared` : ""}`,
    );
  }
  if (table.rows.length !== dataset.rows) throw new Error(`${dataset.file} has ${table.rows.length} rows; the declaration says ${dataset.rows}`);
  const numbers = new Map<string, Float64Array>();
  const texts = new Map<string, string[]>();
  const columns = csvColumns(table);
  for (const col of dataset.columns) {
    const cells = columns.get(col.name) ?? []; // every declared column is in the file (checked above)
    texts.set(col.name, cells);
    if (col.type === "number") {
      numbers.set(
        col.name,
        Float64Array.from(cells, (v, i) => {
          if (v.trim() === "") return Number.NaN;
          const n = Number(v);
          if (!Number.isFinite(n)) throw new Error(`${dataset.file}: column ${col.name}, row ${i + 1}: "${v.slice(0, 30)}" is not a number`);
          return n;
        }),
      );
    }
  }
  return { dataset, status: "present", found, reason: null, rows: table.rows.length, numbers, texts };
}

function matches(table: DatasetTable, column: string, cond: DatasetSubset["where"][string], i: number): boolean {
  const num = table.numbers.get(column)?.[i];
  const text = table.texts.get(column)?.[i] ?? "";
  const equals = (v: number | string) => (typeof v === "number" ? num === v : text === v);
  if (Array.isArray(cond)) return cond.some(equals);
  if (typeof cond === "object") return num !== undefined && num >= cond.between[0] && num <= cond.between[1];
  return equals(cond);
}

/** Indices of the rows a subset selects (every row without a subset). */
export function selectRows(table: DatasetTable, subsetId?: string): number[] {
  const all = Array.from({ length: table.rows }, (_, i) => i);
  if (!subsetId) return all;
  const subset = table.dataset.subsets.find((s) => s.id === subsetId);
  if (!subset) throw new Error(`dataset ${table.dataset.id} has no subset ${subsetId}`);
  const rows = all.filter((i) => Object.entries(subset.where).every(([col, cond]) => matches(table, col, cond, i)));
  if (rows.length !== subset.rows) {
    throw new Error(`subset ${subset.id} of ${table.dataset.id} selects ${rows.length} rows; the declaration says ${subset.rows}`);
  }
  return rows;
}

/** The row whose label column equals `label`, or -1. */
export function rowByLabel(table: DatasetTable, label: string): number {
  const col = table.dataset.label;
  if (!col) return -1;
  return (table.texts.get(col) ?? []).indexOf(label);
}
