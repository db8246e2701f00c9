/** The compare view's state from a URL, shared by the page, its .svg/.csv exports and GET /api/v1/compare. */
import { findLaw, getQuantities } from "@/app/_lib/lookup";
import { fitPool } from "@/app/_lib/fit";
import { chartMarkup } from "@/app/_lib/svg";
import type { ChartProps } from "@/app/_components/chart/ChartSvg";
import {
  type CompareRequest,
  type CompareResult,
  INLINE_COMPARE_SOLVES,
  compare,
  compareQuery,
  compareSolves,
  comparisonChart,
  tableAt,
  tableMarks,
} from "@/lib/compare";
import type { Quantities } from "@/lib/quantities";
import { thinned } from "@/lib/series";
import { citationOf } from "./compare-catalog";

export interface CompareState {
  request: CompareRequest;
  result: CompareResult;
  quantities: Quantities;
  /** The same comparison at exactly these x (for tables), computed once per list of x. */
  at: (xs: number[]) => Promise<CompareResult>;
  /**
   * The view's table: the comparison at the x of `at=` (comma-separated), or
   * at the decades of the span when it is not given (lib/compare tableAt).
   */
  table: (atText: string | undefined) => Promise<CompareTable>;
  /** The chart's markup, with the table's values marked when one is given; rendered once per state, table and width (`narrow`: the phone drawing). */
  chart: (table?: CompareTable, narrow?: boolean) => string;
  /** What that chart draws, for a document that renders it itself (the standalone figure); not kept. */
  chartProps: (table?: CompareTable, narrow?: boolean) => ChartProps;
}

export interface CompareTable {
  at: number[];
  result: CompareResult;
}

/**
 * Runs a comparison where it costs least to the server: small ones on the
 * calling thread, costly ones (frontiers with intervals) in the worker pool,
 * so that a request for eight frontiers at 500 points never holds up the
 * requests behind it. The budget itself is enforced by lib/compare.
 */
export async function runCompare(request: CompareRequest, quantities: Quantities): Promise<CompareResult> {
  if (compareSolves(request, quantities) <= INLINE_COMPARE_SOLVES) return compare(request, quantities);
  const reply = await fitPool().run({ kind: "compare", request, quantities: quantities.all() });
  if (reply.kind !== "compare") throw new Error("the worker answered another task");
  return reply.result;
}

/**
 * Recent comparisons, bounded in bytes (not only in entries): a comparison is
 * a pure function of its request and the read-only database. The key is the
 * parsed request (laws, axis, span, points, fixed inputs, y, k), so parameters
 * a route ignores (`at` for the JSON route, their order, defaults spelled out)
 * never make a second entry.
 */
export const MAX_CACHE_BYTES = 32 * 1024 * 1024;
/** Tables (`at=`), and charts marked with them, kept per comparison. */
const MAX_TABLES = 8;

interface Entry {
  state: Promise<CompareState>;
  bytes: number;
}

/** One cache per open database (its quantities object): a rebuilt database starts an empty one. */
interface Cache {
  entries: Map<string, Entry>;
  bytes: number;
}

const caches = new WeakMap<object, Cache>();
let current: Cache | null = null;

/** Drops a map's first-inserted entry while it holds more than `keep`. */
function dropOldest(m: Map<string, unknown>, keep: number): void {
  for (const k of m.keys()) {
    if (m.size <= keep) return;
    m.delete(k);
  }
}

/** A rough size in memory: JS strings are two bytes a character. */
const sizeOf = (v: unknown): number => 2 * JSON.stringify(v).length;

function cacheFor(quantities: Quantities): Cache {
  let c = caches.get(quantities);
  if (!c) {
    c = { entries: new Map(), bytes: 0 };
    caches.set(quantities, c);
  }
  current = c;
  return c;
}

function evict(c: Cache): void {
  for (const [key, entry] of c.entries) {
    if (c.bytes <= MAX_CACHE_BYTES) break;
    c.entries.delete(key);
    c.bytes -= entry.bytes;
  }
}

/** The request's identity: what changes the answer, and nothing else. */
export function requestKey(r: CompareRequest): string {
  const fixed = Object.entries(r.fixed ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([r.laws.map((l) => l.id), r.axis.quantity, r.axis.unit ?? null, r.from, r.to, r.points, fixed, r.y ?? "output", r.k ?? null]);
}

export function compareState(query: Record<string, string>): Promise<CompareState> {
  const quantities = getQuantities();
  const { at: _at, ...rest } = query;
  const request = compareQuery(rest, (id, field) => findLaw(id, field), quantities, citationOf);
  const c = cacheFor(quantities);
  const byKey = c.entries;
  const key = requestKey(request);
  const hit = byKey.get(key);
  if (hit) {
    byKey.delete(key); // most recently used goes last
    byKey.set(key, hit);
    return hit.state;
  }
  // `entry` (declared below) is first read after this await, when it exists
  const state = (async (): Promise<CompareState> => {
    const result = await runCompare(request, quantities);
    const grow = (bytes: number) => {
      if (byKey.get(key) !== entry) return; // evicted meanwhile: nothing to account for
      entry.bytes += bytes;
      c.bytes += bytes;
      evict(c);
    };
    grow(sizeOf(result));
    const tables = new Map<string, Promise<CompareResult>>();
    const at = (xs: number[]) => {
      const k = xs.join(",");
      let t = tables.get(k);
      if (!t) {
        dropOldest(tables, MAX_TABLES - 1);
        t = runCompare({ ...request, xs }, quantities);
        tables.set(k, t);
        void t.then((r) => grow(sizeOf(r)), () => tables.delete(k));
      }
      return t;
    };
    const table = async (atText: string | undefined): Promise<CompareTable> => {
      const xs = tableAt(atText, [request.from, request.to]);
      return { at: xs, result: await at(xs) };
    };
    const markups = new Map<string, string>();
    /** The chart at 760 × 420, or with `narrow` the phone drawing at 340 × 300 (its own ticks, every second point). */
    const chartProps = (t?: CompareTable, narrow = false): ChartProps => {
      const data = comparisonChart(result, quantities);
      const marks = t ? tableMarks(t.result, data.x.domain) : undefined;
      return narrow ? { chart: thinned(data, 2), marks, width: 340, height: 300 } : { chart: data, marks };
    };
    const chart = (t?: CompareTable, narrow = false) => {
      const k = `${narrow ? "narrow" : "wide"}:${t ? t.at.join(",") : ""}`;
      let markup = markups.get(k);
      if (markup === undefined) {
        dropOldest(markups, 2 * MAX_TABLES);
        // the chart data is not kept: only the markup counts against the cache's bytes
        markup = chartMarkup(chartProps(t, narrow));
        markups.set(k, markup);
        grow(2 * markup.length);
      }
      return markup;
    };
    return { request, result, quantities, at, table, chart, chartProps };
  })();
  const entry: Entry = { state, bytes: 0 };
  byKey.set(key, entry);
  // a failed comparison is not kept: the error is the answer, and the next request tries again
  entry.state.catch(() => {
    if (byKey.get(key) === entry) {
      byKey.delete(key);
      c.bytes -= entry.bytes;
    }
  });
  return entry.state;
}

/** Bytes and entries the comparison cache of the current database holds (for tests). */
export function compareCacheSize(): { bytes: number; entries: number } {
  return { bytes: current?.bytes ?? 0, entries: current?.entries.size ?? 0 };
}

export { toSearch } from "./compare-search";
