import { describe, expect, it } from "vitest";
import { type LawChart, logTicks, niceTicks, thinned } from "@/lib/series";
import { tickLabels } from "@/lib/format";

describe("log-axis ticks", () => {
  const cases: { name: string; lo: number; hi: number; max?: number; ticks: number[]; labels: string[] }[] = [
    {
      name: "Chinchilla's N axis (fitted range and a decade each side): the decades",
      lo: 7e6,
      hi: 1.6e11,
      ticks: [1e7, 1e8, 1e9, 1e10, 1e11],
      labels: ["10⁷", "10⁸", "10⁹", "10¹⁰", "10¹¹"],
    },
    { name: "three decades", lo: 1e3, hi: 1e6, ticks: [1e3, 1e4, 1e5, 1e6], labels: ["10³", "10⁴", "10⁵", "10⁶"] },
    {
      name: "decades across 1, in one style (not 0.001 ... 100)",
      lo: 1e-3,
      hi: 1e2,
      ticks: [1e-3, 1e-2, 1e-1, 1, 10, 100],
      labels: ["10⁻³", "10⁻²", "10⁻¹", "10⁰", "10¹", "10²"],
    },
    {
      name: "seventeen decades: every third, aligned to multiples of three",
      lo: 1e18,
      hi: 1e35,
      ticks: [1e18, 1e21, 1e24, 1e27, 1e30, 1e33],
      labels: ["10¹⁸", "10²¹", "10²⁴", "10²⁷", "10³⁰", "10³³"],
    },
    {
      name: "seventeen decades on a narrow chart: every fourth",
      lo: 1e18,
      hi: 1e35,
      max: 5,
      ticks: [1e20, 1e24, 1e28, 1e32],
      labels: ["10²⁰", "10²⁴", "10²⁸", "10³²"],
    },
    { name: "two decades: 1, 2, 5 × 10^k", lo: 3, hi: 300, ticks: [5, 10, 20, 50, 100, 200], labels: ["5", "10", "20", "50", "100", "200"] },
    { name: "two decades on a narrow chart: without the 2s", lo: 3, hi: 300, max: 5, ticks: [5, 10, 50, 100], labels: ["5", "10", "50", "100"] },
    {
      name: "less than a decade of large values: 1, 2, 5 × 10^k as powers of ten",
      lo: 1.5e9,
      hi: 1.2e10,
      ticks: [2e9, 5e9, 1e10],
      labels: ["2×10⁹", "5×10⁹", "10¹⁰"],
    },
    { name: "a loss axis: round steps of 0.5", lo: 1.85, hi: 4.2, ticks: [2, 2.5, 3, 3.5, 4], labels: ["2", "2.5", "3", "3.5", "4"] },
    { name: "a narrow loss band: steps of 0.1", lo: 1.8, hi: 2.4, ticks: [1.8, 1.9, 2, 2.1, 2.2, 2.3, 2.4], labels: ["1.8", "1.9", "2", "2.1", "2.2", "2.3", "2.4"] },
    { name: "the same band on a narrow chart: steps of 0.2", lo: 1.8, hi: 2.4, max: 6, ticks: [1.8, 2, 2.2, 2.4], labels: ["1.8", "2", "2.2", "2.4"] },
    {
      name: "a narrow band of small values",
      lo: 0.0000221,
      hi: 0.0000234,
      ticks: [2.22e-5, 2.24e-5, 2.26e-5, 2.28e-5, 2.3e-5, 2.32e-5, 2.34e-5],
      labels: ["2.22×10⁻⁵", "2.24×10⁻⁵", "2.26×10⁻⁵", "2.28×10⁻⁵", "2.3×10⁻⁵", "2.32×10⁻⁵", "2.34×10⁻⁵"],
    },
  ];
  it.each(cases)("$name", ({ lo, hi, max, ticks, labels }) => {
    const got = logTicks(lo, hi, max);
    expect(got).toEqual(ticks);
    expect(tickLabels(got)).toEqual(labels);
  });

  it("in a narrow band, are distinct and inside the band (a repeated tick is drawn twice; an outside one off the chart)", () => {
    for (const [lo, hi] of [
      [1.35, 1.45],
      [2.801, 2.83],
      [0.0000221, 0.0000234],
      [1.8, 2.4],
    ] as const) {
      for (const max of [5, 8]) {
        const ticks = logTicks(lo, hi, max);
        expect(new Set(ticks).size, `${lo}..${hi}: ${ticks}`).toBe(ticks.length);
        // 1-2-5 steps can jump from too many to two (2.25e-5, 2.3e-5) on a narrow chart
        expect(ticks.length).toBeGreaterThanOrEqual(max >= 8 ? 3 : 2);
        expect(ticks.length).toBeLessThanOrEqual(max);
        for (const t of ticks) {
          expect(t).toBeGreaterThanOrEqual(lo);
          expect(t).toBeLessThanOrEqual(hi);
        }
      }
    }
  });

  it("never give more than asked for, over any span", () => {
    for (let a = -30; a <= 30; a += 0.7) {
      for (const width of [0.05, 0.4, 1, 1.7, 3, 9, 25]) {
        for (const max of [5, 6, 8]) {
          const lo = 10 ** a;
          const hi = 10 ** (a + width);
          const ticks = logTicks(lo, hi, max);
          expect(ticks.length, `${lo}..${hi} max ${max}: ${ticks}`).toBeLessThanOrEqual(max);
          expect(ticks.length).toBeGreaterThanOrEqual(2);
        }
      }
    }
  });
});

describe("linear-axis ticks", () => {
  const cases: { name: string; lo: number; hi: number; max?: number; ticks: number[]; labels: string[] }[] = [
    { name: "0 to 1", lo: 0, hi: 1, ticks: [0, 0.2, 0.4, 0.6, 0.8, 1], labels: ["0", "0.2", "0.4", "0.6", "0.8", "1"] },
    { name: "across zero, five at most", lo: -1, hi: 1, max: 5, ticks: [-1, -0.5, 0, 0.5, 1], labels: ["-1", "-0.5", "0", "0.5", "1"] },
    { name: "uneven ends", lo: -0.3, hi: 2.7, max: 6, ticks: [0, 0.5, 1, 1.5, 2, 2.5], labels: ["0", "0.5", "1", "1.5", "2", "2.5"] },
    {
      name: "compute up to 5.76e23 FLOPs",
      lo: 0,
      hi: 5.76e23,
      max: 6,
      ticks: [0, 1e23, 2e23, 3e23, 4e23, 5e23],
      labels: ["0", "10²³", "2×10²³", "3×10²³", "4×10²³", "5×10²³"],
    },
    { name: "a narrow band", lo: 0.93, hi: 0.97, max: 6, ticks: [0.93, 0.94, 0.95, 0.96, 0.97], labels: ["0.93", "0.94", "0.95", "0.96", "0.97"] },
  ];
  it.each(cases)("$name", ({ lo, hi, max, ticks, labels }) => {
    const got = niceTicks(lo, hi, max);
    expect(got).toEqual(ticks);
    expect(tickLabels(got)).toEqual(labels);
  });
});

describe("a thinned chart", () => {
  it("keeps every second point and the last, bands aligned with their points", () => {
    const points = [1, 2, 3, 4, 5].map((x) => ({ x, y: 10 * x, extrapolated: x > 4 }));
    const chart: LawChart = {
      x: { symbol: "N", quantity: "params", unit: "param", domain: [1, 5], range: [1, 4] },
      y: { symbol: "L", quantity: "loss", unit: "nat/token" },
      series: [{ fixed: {}, label: "L", points, band: points.map((p) => [p.y - 1, p.y + 1] as [number, number]) }],
    };
    const t = thinned(chart, 2);
    expect(t.series[0]?.points.map((p) => p.x)).toEqual([1, 3, 5]);
    expect(t.series[0]?.band).toEqual([[9, 11], [29, 31], [49, 51]]);
    expect(thinned({ ...chart, series: [{ ...chart.series[0], points: points.slice(0, 4) } as LawChart["series"][number]] }, 2).series[0]?.points.map((p) => p.x)).toEqual([1, 3, 4]);
  });
});
