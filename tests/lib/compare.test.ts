import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  MAX_BAND_HALF_WIDTH,
  MAX_BAND_SHARE,
  compare,
  compareQuery,
  comparisonChart,
  comparisonCsv,
  defaultSpan,
  drawnBand,
  editCompareQuery,
  joinProblem,
  roundValue,
  sharedAxes,
  tableAt,
  tableMarks,
} from "@/lib/compare";
import { notFound } from "@/lib/errors";
import { type Law, evaluate } from "@/lib/law";
import { expectClose, thrown } from "../helpers";
import { law, quantities, registry } from "../registry";

const find = (id: string) => law(id);

describe("compare", () => {
  it("overlays Kaplan's L(C_min) in PF-days with a FLOP-based law on one compute axis, converting units", () => {
    const r = compare(
      { laws: [law("kaplan-2020-scaling/loss-cmin"), law("hoffmann-2022-chinchilla/loss-nd~unrounded")], axis: { quantity: "compute", unit: "FLOP" }, from: 1e19, to: 1e25, points: 7 },
      quantities,
    );
    expect(r.x).toEqual({ quantity: "compute", unit: "FLOP" });
    const kaplan = r.series[0];
    kaplan?.points.forEach(([x, y]) => {
      expectClose(y as number, evaluate(law("kaplan-2020-scaling/loss-cmin"), { C_min: x / 8.64e19 }).value, 1e-12);
    });
    expect(r.series[1]?.mode).toBe("frontier");
    expect(r.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^the outputs are measured on different data: kaplan-2020-scaling\/loss-cmin on WebText2; hoffmann-2022-chinchilla\/loss-nd~unrounded on MassiveText/),
        expect.stringMatching(/^the laws count compute differently: kaplan-2020-scaling\/loss-cmin: C ≈ 6NBS with N the non-embedding parameters/),
      ]),
    );
  });

  it("warns when Kaplan's non-embedding L(N) shares the axis with Hoffmann's total-parameter law", () => {
    const req = compareQuery({ laws: "kaplan-2020-scaling/loss-n,hoffmann-2022-chinchilla/loss-nd", x: "params", "fix.D": "20*N", points: "5" }, find, quantities);
    const r = compare(req, quantities);
    expect(r.warnings).toContain("kaplan-2020-scaling/loss-n: N is Non-embedding parameters, not Parameters (total, including embeddings); drawn on the params axis as if equal");
    // D tied to N by the relation
    const [x, y] = r.series[1]?.points[2] as [number, number];
    expectClose(y, evaluate(law("hoffmann-2022-chinchilla/loss-nd"), { N: x, D: 20 * x }).value, 1e-12);
  });

  it("converts the axis unit into each law's own unit", () => {
    const r = compare({ laws: [law("hoffmann-2022-chinchilla/loss-nd")], axis: { quantity: "params", unit: "B" }, from: 1, to: 100, points: 3, fixed: { D: { expr: "1.4", unit: "T" } } }, quantities);
    expectClose(r.series[0]?.points[0]?.[1] as number, evaluate(law("hoffmann-2022-chinchilla/loss-nd"), { N: 1e9, D: 1.4e12 }).value, 1e-12);
  });

  it("gives intervals where coefficients carry standard errors", () => {
    const r = compare({ laws: [law("besiroglu-2024-replication/loss-nd")], axis: { quantity: "params" }, from: 1e8, to: 1e10, points: 3, fixed: { D: { expr: "1e11" } } }, quantities);
    const band = r.series[0]?.band?.[1];
    const y = r.series[0]?.points[1]?.[1] as number;
    expect(band?.[0]).toBeLessThan(y);
    expect(band?.[1]).toBeGreaterThan(y);
  });

  const errors: { name: string; q: Record<string, string>; field: string; message: string }[] = [
    { name: "unrelated outputs", q: { laws: "hoffmann-2022-chinchilla/loss-nd,hoffmann-2022-chinchilla/n-opt", x: "compute" }, field: "laws", message: "cannot overlay hoffmann-2022-chinchilla/n-opt (Parameters (total, including embeddings)) with hoffmann-2022-chinchilla/loss-nd (Cross-entropy loss): different quantities" },
    { name: "missing fixed input", q: { laws: "hoffmann-2022-chinchilla/loss-nd", x: "params" }, field: "fix.D", message: "hoffmann-2022-chinchilla/loss-nd needs D (tokens, token) held fixed: add fix.D=<value or relation>" },
    { name: "hostile relation", q: { laws: "hoffmann-2022-chinchilla/loss-nd", x: "params", "fix.D": "process.exit(1)" }, field: "fix.D", message: 'fix.D: Unexpected character "." (char 8) (it may use N)' },
    { name: "relation to an unknown name", q: { laws: "hoffmann-2022-chinchilla/loss-nd", x: "params", "fix.D": "20*constructor" }, field: "fix.D", message: 'fix.D: Unknown name "constructor" (char 4) (it may use N)' },
    { name: "unknown axis", q: { laws: "kaplan-2020-scaling/loss-n", x: "vibes" }, field: "x", message: expect.stringMatching(/^unknown quantity vibes; known: params, /) as unknown as string },
    { name: "unknown unit", q: { laws: "kaplan-2020-scaling/loss-n", x: "params", "x.unit": "GiB" }, field: "x.unit", message: "unknown unit GiB for params; known: param, K, M, B, T" },
    { name: "law without the axis", q: { laws: "kaplan-2020-scaling/loss-n", x: "tokens" }, field: "laws", message: "kaplan-2020-scaling/loss-n has no input on the tokens axis (its inputs: N params-nonembedding)" },
    { name: "too many points", q: { laws: "kaplan-2020-scaling/loss-n", x: "params", points: "100000" }, field: "points", message: "points must be a whole number from 2 to 500" },
    { name: "reversed span", q: { laws: "kaplan-2020-scaling/loss-n", x: "params", from: "1e9", to: "1e6" }, field: "to", message: "to must be greater than from" },
    { name: "unknown parameter", q: { laws: "kaplan-2020-scaling/loss-n", colour: "red" }, field: "colour", message: "unknown parameter colour; expected laws, x, x.unit, from, to, points, y, k, at, fix.<symbol>[.unit]" },
    { name: "fix for no law", q: { laws: "kaplan-2020-scaling/loss-n", x: "params", "fix.Q": "1" }, field: "fix.Q", message: "no law in the comparison has an input Q" },
  ];
  it.each(errors)("$name -> 400 naming $field", ({ q, field, message }) => {
    const err = thrown(() => compare(compareQuery(q, find, quantities), quantities));
    expect({ status: err.status, field: err.field, message: err.message }).toEqual({ status: 400, field, message });
  });

  it("never returns NaN silently: non-finite values are null gaps with a warning (property)", () => {
    // a law that is NaN below N = 1e6 and overflows above 1e300
    const odd: Law = { ...law("kaplan-2020-scaling/loss-n"), id: "test-2024-odd/l", expr: "sqrt(log10(N) - 6) * (N_c / N)^alpha_N * N^alpha_N * N^alpha_N" };
    fc.assert(
      fc.property(fc.double({ min: -300, max: 300, noNaN: true }), fc.double({ min: 0.1, max: 300, noNaN: true }), fc.integer({ min: 2, max: 120 }), (lo, width, points) => {
        const r = compare({ laws: [odd], axis: { quantity: "params" }, from: 10 ** lo, to: 10 ** Math.min(lo + width, 307), points }, quantities);
        const s = r.series[0];
        for (const [x, y] of s?.points ?? []) {
          expect(Number.isFinite(x)).toBe(true);
          expect(y === null || Number.isFinite(y)).toBe(true);
        }
        const gaps = s?.points.filter(([, y]) => y === null).length ?? 0;
        if (gaps > 0) expect(s?.warnings).toContain(`${gaps} of ${points} points give no finite value (NaN or overflow) and are left as gaps`);
        const walk = (v: unknown): void => {
          if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
          else if (v && typeof v === "object") Object.values(v).forEach(walk);
        };
        walk(r);
      }),
      { numRuns: 300 },
    );
  });

  it("writes CSV with empty cells for gaps", () => {
    const odd: Law = { ...law("kaplan-2020-scaling/loss-n"), expr: "sqrt(log10(N) - 6) + 0 * N_c * alpha_N" };
    const csv = comparisonCsv(compare({ laws: [odd], axis: { quantity: "params" }, from: 1e4, to: 1e8, points: 3 }, quantities));
    expect(csv).toBe('"x (params, param)","kaplan-2020-scaling/loss-n (loss, nat/token)",kaplan-2020-scaling/loss-n extrapolated\n10000,,false\n1000000,0,false\n100000000,1.4142135623730951,false\n');
  });
});

describe("the compare view's defaults", () => {
  it.each([
    { v: 8.64e10, down: 5e10, up: 1e11, nearest: 1e11 },
    { v: 1, down: 1, up: 1, nearest: 1 },
    { v: 3e-7, down: 2e-7, up: 5e-7, nearest: 2e-7 },
    { v: 1.6e11, down: 1e11, up: 2e11, nearest: 2e11 },
    { v: 999.9999999999, down: 1000, up: 1000, nearest: 1000 },
    { v: 7.07e9, down: 5e9, up: 1e10, nearest: 5e9 },
  ])("rounds $v to 1-2-5 steps", ({ v, down, up, nearest }) => {
    expect([roundValue(v, "down"), roundValue(v, "up"), roundValue(v, "nearest")]).toEqual([down, up, nearest]);
  });

  it("spans round values, not 8.64e10 (Kaplan's PF-day range on a FLOP axis)", () => {
    const laws = [law("kaplan-2020-scaling/loss-cmin"), law("hoffmann-2022-chinchilla/loss-nd")];
    const [from, to] = defaultSpan(laws, { quantity: "compute", unit: "FLOP" }, quantities);
    for (const v of [from, to]) expect(roundValue(v, "nearest")).toBe(v);
    // the range drawn still covers Kaplan's fitted range and a decade beyond
    const input = law("kaplan-2020-scaling/loss-cmin").inputs[0];
    expect(from).toBeLessThanOrEqual(((input?.range?.[0] as number) * 8.64e19) / 10);
    expect(to).toBeGreaterThanOrEqual((input?.range?.[1] as number) * 8.64e19 * 10);
  });

  it("offers the axes the laws share, the one needing fewest held inputs first", () => {
    const axes = (ids: string[]) => sharedAxes(ids.map(law), quantities);
    expect(axes(["hoffmann-2022-chinchilla/loss-nd"])).toEqual([
      { quantity: "compute", held: 0 },
      { quantity: "params", held: 1 },
      { quantity: "tokens", held: 1 },
    ]);
    expect(axes(["kaplan-2020-scaling/loss-n", "hoffmann-2022-chinchilla/loss-nd"]).map((a) => a.quantity)).toEqual(["params-nonembedding", "params"]);
    expect(axes(["kaplan-2020-scaling/loss-n", "kaplan-2020-scaling/loss-d"])).toEqual([]);
    // without x, the query takes the first shared axis: a law of N and D along its frontier
    expect(compareQuery({ laws: "hoffmann-2022-chinchilla/loss-nd" }, find, quantities).axis).toEqual({ quantity: "compute", unit: "FLOP" });
  });

  it("says why a law cannot join the laws chosen", () => {
    const chosen = [law("hoffmann-2022-chinchilla/loss-nd")];
    expect(joinProblem(chosen, law("besiroglu-2024-replication/loss-nd"), quantities)).toBeNull();
    expect(joinProblem(chosen, law("hoffmann-2022-chinchilla/n-opt"), quantities)).toBe("predicts Parameters (total, including embeddings); the chart shows Cross-entropy loss");
    expect(joinProblem([law("kaplan-2020-scaling/loss-n")], law("kaplan-2020-scaling/loss-d"), quantities)).toBe("no x axis in common with the laws chosen");
    expect(joinProblem([], law("kaplan-2020-scaling/loss-d"), quantities)).toBeNull();
  });

  it("tabulates at the decades of the span, or at the x asked for", () => {
    expect(tableAt(undefined, [1e18, 1e26])).toEqual([1e18, 1e20, 1e22, 1e24, 1e26]);
    expect(tableAt("", [5e6, 2e10])).toEqual([1e7, 1e8, 1e9, 1e10]);
    expect(tableAt(" 1e20, 5.76e23,1e20 ", [1, 10])).toEqual([1e20, 5.76e23]);
    const err = (text: string) => {
      const e = thrown(() => tableAt(text, [1, 10]));
      return { field: e.field, message: e.message };
    };
    expect(err("1e9,-3")).toEqual({ field: "at[1]", message: "at[1] must be greater than 0" });
    expect(err("1e9,x")).toEqual({ field: "at[1]", message: 'at[1] must be a number, got "x"' });
    expect(err(Array.from({ length: 13 }, (_, i) => i + 1).join(","))).toEqual({ field: "at", message: "at lists at most 12 values" });
  });
});

describe("editing the compare query (the page's forms)", () => {
  const MISMATCH = { laws: "kaplan-2020-scaling/loss-n,hoffmann-2022-chinchilla/loss-nd", x: "params", "fix.D": "20*N" };
  const findOr404 = (id: string, field: string) => {
    const found = registry.laws.find((l) => l.id === id);
    if (!found) throw notFound(field, `no law ${id}`);
    return found;
  };
  const edit = (q: Record<string, string>) => editCompareQuery(q, findOr404, quantities);
  const cases: { name: string; q: Record<string, string>; expected: Record<string, string> | null }[] = [
    { name: "a canonical query stays", q: MISMATCH, expected: null },
    { name: "empty fields are left out", q: { ...MISMATCH, at: "", from: " " }, expected: MISMATCH },
    {
      name: "adding a law that shares the axis keeps it and the relation",
      q: { ...MISMATCH, add: "besiroglu-2024-replication/loss-nd" },
      expected: { ...MISMATCH, laws: `${MISMATCH.laws},besiroglu-2024-replication/loss-nd` },
    },
    { name: "the first law takes its best axis", q: { add: "hoffmann-2022-chinchilla/loss-nd" }, expected: { laws: "hoffmann-2022-chinchilla/loss-nd", x: "compute" } },
    {
      name: "a law drawn directly gets a round held value for its other input",
      q: { laws: "kaplan-2020-scaling/loss-n", x: "params-nonembedding", add: "hoffmann-2022-chinchilla/loss-nd" },
      expected: { laws: "kaplan-2020-scaling/loss-n,hoffmann-2022-chinchilla/loss-nd", x: "params-nonembedding", "fix.D": "5e10" },
    },
    {
      name: "an axis the laws no longer share gives way, with what was in its units",
      q: { laws: "hoffmann-2022-chinchilla/loss-nd", x: "tokens", "x.unit": "B", from: "1", to: "1000", at: "10", "fix.N": "1e9", add: "kaplan-2020-scaling/loss-n" },
      expected: { laws: "hoffmann-2022-chinchilla/loss-nd,kaplan-2020-scaling/loss-n", x: "params", "fix.D": "5e10" },
    },
    {
      name: "laws with no axis in common keep the axis (the page then says why)",
      q: { laws: "kaplan-2020-scaling/loss-cmin", x: "compute", "x.unit": "PF-day", from: "1e-3", to: "1e3", at: "1", add: "kaplan-2020-scaling/loss-n" },
      expected: { laws: "kaplan-2020-scaling/loss-cmin,kaplan-2020-scaling/loss-n", x: "compute", "x.unit": "PF-day", from: "1e-3", to: "1e3", at: "1" },
    },
    {
      name: "dropping a law drops the inputs only it held",
      q: { ...MISMATCH, drop: "hoffmann-2022-chinchilla/loss-nd" },
      expected: { laws: "kaplan-2020-scaling/loss-n", x: "params" },
    },
    { name: "dropping the last law empties the comparison", q: { laws: "kaplan-2020-scaling/loss-n", x: "params", from: "1e6", drop: "kaplan-2020-scaling/loss-n" }, expected: {} },
    {
      name: "another axis chosen in the form drops the old span, unit and table, and holds what it needs",
      q: { laws: "hoffmann-2022-chinchilla/loss-nd", x: "params", "prev.x": "compute", "x.unit": "FLOP", from: "1e18", to: "1e26", at: "1e20" },
      expected: { laws: "hoffmann-2022-chinchilla/loss-nd", x: "params", "fix.D": "5e10" },
    },
    {
      name: "the same axis submitted again keeps everything",
      q: { laws: "hoffmann-2022-chinchilla/loss-nd", x: "compute", "prev.x": "compute", "x.unit": "FLOP", from: "1e18", to: "1e26" },
      expected: { laws: "hoffmann-2022-chinchilla/loss-nd", x: "compute", "x.unit": "FLOP", from: "1e18", to: "1e26" },
    },
  ];
  it.each(cases)("$name", ({ q, expected }) => {
    const out = edit(q);
    expect(out === null ? null : { ...out }).toEqual(expected);
  });

  it("refuses an unknown law and a ninth one, naming the field", () => {
    expect(() => edit({ add: "kaplan-2020-scaling/nope" })).toThrow(expect.objectContaining({ status: 404, field: "add" }));
    const eight = registry.laws.filter((l) => !l.free).slice(0, 8).map((l) => l.id).join(",");
    expect(() => edit({ laws: eight, add: "kaplan-2020-scaling/loss-n" })).toThrow(expect.objectContaining({ status: 400, field: "add" }));
  });
});

describe("the compare chart", () => {
  it("names paper and law in each series' label", () => {
    const req = compareQuery({ laws: "hoffmann-2022-chinchilla/loss-nd,besiroglu-2024-replication/loss-nd", x: "compute", points: "3" }, find, quantities, (slug) => `cite:${slug}`);
    const r = compare(req, quantities);
    expect(r.series.map((s) => s.label)).toEqual([
      "cite:hoffmann-2022-chinchilla — Parametric loss, L(N, D) (approach 3) — Printed coefficients (Eq. 10, rounded)",
      "cite:besiroglu-2024-replication — Refitted parametric loss, L(N, D) — Table 1 (maximum-likelihood fit with bootstrap standard errors)",
    ]);
    expect(comparisonChart(r, quantities).series.map((s) => s.label)).toEqual(r.series.map((s) => s.label));
    // without citations the label is the law's name
    expect(compare({ ...req, citations: undefined }, quantities).series[0]?.label).toBe("Parametric loss, L(N, D) (approach 3) — Printed coefficients (Eq. 10, rounded)");
  });

  it.each([
    { name: "a narrow interval is kept", band: [1.9, 2.1], extent: [1, 2.2], log: true, expected: [1.9, 2.1] },
    { name: "an interval past the curves is cut at their extent", band: [1.8, 2.4], extent: [1, 2.2], log: true, expected: [1.8, 2.2] },
    { name: "an interval taller than half the plot (log scale) is dropped", band: [1.5, 2.6], extent: [1, 2.2], log: true, expected: null },
    { name: "the same interval on a taller plot is kept", band: [1.5, 2.6], extent: [1, 4], log: true, expected: [1.5, 2.6] },
    { name: "an interval taller than half the plot (linear scale) is dropped", band: [1.5, 2.6], extent: [0, 2], log: false, expected: null },
    { name: "a half-width over half the value is dropped, however tall the plot", band: [0.9, 3.1], extent: [0, 100], log: false, expected: null },
    { name: "a non-finite end is dropped", band: [1.9, Number.POSITIVE_INFINITY], extent: [1, 1e9], log: true, expected: null },
    { name: "an interval not around its value is dropped", band: [2.1, 2.2], extent: [1, 4], log: true, expected: null },
  ])("bands: $name", ({ band, extent, log, expected }) => {
    const b = band as [number, number];
    const points: [number, number | null][] = [
      [1, 2],
      [2, 2],
      [3, null],
    ];
    expect(drawnBand([b, b, b], points, extent as [number, number], log)).toEqual([expected, expected, null]);
  });

  it("draws a law's band only where meaningful and never beyond the curves (Besiroglu et al.'s errors far below the fitted range)", () => {
    // at N = 1e6, D = 2e7 the delta-method interval of the refit is wider than the loss itself
    const r = compare({ laws: [law("besiroglu-2024-replication/loss-nd"), law("hoffmann-2022-chinchilla/loss-nd")], axis: { quantity: "params" }, from: 1e6, to: 1e12, points: 40, fixed: { D: { expr: "20*N" } } }, quantities);
    const raw = r.series[0]?.band ?? [];
    // the raw intervals are wide enough to fill a chart...
    expect(raw.some((b, i) => b !== null && b[1] - b[0] > MAX_BAND_HALF_WIDTH * 2 * (r.series[0]?.points[i]?.[1] as number))).toBe(true);
    const chart = comparisonChart(r, quantities);
    const ys = chart.series.flatMap((s) => s.points.flatMap((p) => (p.y === null ? [] : [p.y])));
    const [lo, hi] = [Math.min(...ys), Math.max(...ys)];
    const drawn = chart.series[0]?.band ?? [];
    expect(drawn.some(Boolean)).toBe(true);
    drawn.forEach((b, i) => {
      const y = chart.series[0]?.points[i]?.y as number;
      const orig = raw[i];
      if (!b) return;
      expect(b[0]).toBeGreaterThanOrEqual(lo);
      expect(b[1]).toBeLessThanOrEqual(hi);
      expect(orig && Math.max(y - orig[0], orig[1] - y)).toBeLessThanOrEqual(MAX_BAND_HALF_WIDTH * y);
      expect(orig && Math.log(orig[1] / orig[0])).toBeLessThanOrEqual(MAX_BAND_SHARE * Math.log(hi / lo));
    });
    // ...and where the rule drops them there is no band at all
    expect(drawn.filter((b) => b === null).length).toBeGreaterThan(0);
  });

  it("marks the table's values inside the drawn span, one per law and x", () => {
    const req = compareQuery({ laws: "kaplan-2020-scaling/loss-n,hoffmann-2022-chinchilla/loss-nd", x: "params", "fix.D": "20*N", from: "1e7", to: "1e11" }, find, quantities);
    const table = compare({ ...req, xs: [1e6, 1e8, 1e9, 1e12] }, quantities);
    const marks = tableMarks(table, [1e7, 1e11]);
    expect(marks.map((m) => [m.series, m.x])).toEqual([
      [0, 1e8],
      [0, 1e9],
      [1, 1e8],
      [1, 1e9],
    ]);
    expect(marks[3]?.y).toBe(table.series[1]?.points[2]?.[1]);
  });
});
