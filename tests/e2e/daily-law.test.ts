/**
 * The researcher's daily path on a law page (issue 13, law page and
 * calculator): the answer where the reader is, the curve through the
 * reader's inputs, decade ticks in one style, axis text legible on a phone,
 * and the answer under every coefficient set side by side. Chromium at 1280
 * and 390 px, with JavaScript and without.
 */
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { ARTIFACTS, axisTextSizes, openOk, sharedBrowser } from "./browser";

const base = inject("baseUrl");
const LAW = "/laws/hoffmann-2022-chinchilla/loss-nd";
const N = 7e10;
const D = 1.4e12;
/** Eq. 10 as printed, by hand. */
const printed = (n: number, d: number) => 1.69 + 406.4 / n ** 0.34 + 410.7 / d ** 0.28;
const WIDTHS = [1280, 390] as const;
/** A phone's viewport is about as tall as an iPhone 14's; the desktop one shorter than the page. */
const HEIGHT = { 1280: 800, 390: 844 } as const;

const chromium = sharedBrowser();

const open = (url: string, width: 1280 | 390, js = true) => openOk(chromium.browser, `${base}${url}`, { js, width, height: HEIGHT[width] });

/** Where an element lies against the viewport. */
const where = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, height: window.innerHeight, scrollY: window.scrollY };
  });

/** The element lies wholly in the viewport, give or take the pixel or two that scrolling rounds to (boxes have fractional edges, scroll offsets do not). */
function expectInView(box: Awaited<ReturnType<typeof where>>) {
  expect(box.top, JSON.stringify(box)).toBeGreaterThanOrEqual(-2);
  expect(box.bottom, JSON.stringify(box)).toBeLessThanOrEqual(box.height + 2);
}

/** The visible drawing of the law page's chart (wide or narrow, as CSS chooses). */
const VISIBLE_CHART = "figure.chart > div:visible svg.recharts-surface[role=img]";

describe("Predict shows the answer where the reader is", () => {
  for (const width of WIDTHS) {
    it(`with JavaScript, in place and in view, at ${width} px`, async () => {
      const { page, errors } = await open(LAW, width);
      await page.fill('input[name="N"]', "7e10");
      await page.fill('input[name="D"]', "1.4e12");
      // the reader has scrolled so that the button is at the bottom of the screen
      await page.locator('form.calc button[type="submit"]').evaluate((b) => b.scrollIntoView({ block: "end" }));
      // a navigation would lose this
      await page.evaluate(() => Object.assign(window, { stayed: true }));
      await page.click('form.calc button[type="submit"]');
      await expect.poll(() => page.locator("#result .value").getAttribute("data-value")).toBe(String(printed(N, D)));
      expectInView(await where(page, "#result"));
      expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
      // the address is the result page's, so a reload or a shared link shows the same answer
      expect(page.url()).toBe(`${base}${LAW}/predict?N=7e10&D=1.4e12#result`);
      await page.screenshot({ path: path.join(ARTIFACTS, `daily-law-predict-js-${width}.png`) });
      expect(errors).toEqual([]);
      await page.context().close();
    });

    it(`without JavaScript, the result page lands on the answer, at ${width} px`, async () => {
      const { page } = await open(LAW, width, false);
      await page.fill('input[name="N"]', "7e10");
      await page.fill('input[name="D"]', "1.4e12");
      await Promise.all([page.waitForURL(/\/predict\?N=7e10&D=1\.4e12#result$/), page.click('form.calc button[type="submit"]')]);
      expect(Number(await page.locator("#result .value").getAttribute("data-value"))).toBeCloseTo(printed(N, D), 12);
      const box = await where(page, "#result");
      expect(box.scrollY, "the page scrolled down to the answer").toBeGreaterThan(0);
      // the browser puts the answer at the top of the screen, so at least its value and first rows show
      expect(box.top).toBeGreaterThanOrEqual(-2);
      expect(box.top).toBeLessThan(box.height / 4);
      expectInView(await where(page, "#result .value"));
      await page.screenshot({ path: path.join(ARTIFACTS, `daily-law-predict-nojs-${width}.png`) });
      await page.context().close();
    });
  }
});

describe("the chart", () => {
  it("labels a log axis at powers of ten in one style, and the loss axis with round values", async () => {
    for (const width of WIDTHS) {
      const { page } = await open(LAW, width);
      const labels = (axis: "x" | "y") => page.locator(`${VISIBLE_CHART} .recharts-${axis}Axis .recharts-cartesian-axis-tick-value`).allTextContents();
      expect(await labels("x")).toEqual(["10⁷", "10⁸", "10⁹", "10¹⁰", "10¹¹"]);
      expect(await labels("y")).toEqual(["2", "2.5", "3", "3.5", "4", "4.5"]);
      await page.context().close();
    }
  });

  it("draws a law whose values fall below zero on a linear axis with round ticks (it drew nothing before)", async () => {
    const { page, errors } = await open("/laws/tao-2024-vocabulary/loss-vocab", 1280);
    const svg = page.locator(VISIBLE_CHART);
    expect(await svg.getAttribute("aria-label")).toBe("Chart (log x, linear y) of L_u against Nnv");
    expect(await svg.locator(".recharts-yAxis .recharts-cartesian-axis-tick-value").allTextContents()).toEqual(["-5.5", "-5", "-4.5", "-4", "-3.5", "-3", "-2.5"]);
    expect(await svg.locator(".recharts-xAxis .recharts-cartesian-axis-tick-value").allTextContents()).toEqual(["10¹", "10²", "10³", "10⁴"]);
    const paths = await svg.locator("path.recharts-line-curve").evaluateAll((ps) => ps.map((p) => p.getAttribute("d") ?? ""));
    expect(paths.filter((d) => /^M[\d.]+,[\d.]+L/.test(d)).length).toBeGreaterThanOrEqual(9);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("draws the curve through the reader's inputs, follows them live and marks the point on it", async () => {
    const { page, errors } = await open(LAW, 1280);
    const curves = await page.locator(`${VISIBLE_CHART} path.recharts-line-curve`).count();
    await page.fill('input[name="N"]', "7e10");
    await page.fill('input[name="D"]', "1.4e12");
    const legend = page.locator("figure.chart > div:visible .recharts-legend-item-text");
    await expect.poll(() => legend.allTextContents()).toEqual(["D = 5e9 token", "D = 5e10 token", "D = 5e11 token", "D = 1.4e12 token (your input)"]);
    // one more curve (solid and dashed parts), drawn thicker
    expect(await page.locator(`${VISIBLE_CHART} path.recharts-line-curve`).count()).toBeGreaterThan(curves);
    const reader = page.locator(`${VISIBLE_CHART} .recharts-line.reader path.recharts-line-curve`);
    expect(await reader.count()).toBeGreaterThan(0);
    expect(await reader.first().getAttribute("stroke-width")).toBe("3");
    // the marked point lies on that curve: its height where the curve passes its x
    const onCurve = await page.locator(VISIBLE_CHART).evaluate((svg) => {
      const dot = svg.querySelector(".recharts-reference-dot circle");
      if (!dot) return null;
      const cx = Number(dot.getAttribute("cx"));
      const cy = Number(dot.getAttribute("cy"));
      for (const p of svg.querySelectorAll<SVGPathElement>(".recharts-line.reader path.recharts-line-curve")) {
        const pts = (p.getAttribute("d") ?? "").split(/[ML]/).filter(Boolean).map((s) => s.split(",").map(Number) as [number, number]);
        for (let i = 1; i < pts.length; i++) {
          const [x0, y0] = pts[i - 1] as [number, number];
          const [x1, y1] = pts[i] as [number, number];
          if (x0 <= cx && cx <= x1) return { cy, y: y0 + ((y1 - y0) * (cx - x0)) / (x1 - x0) };
        }
      }
      return { cy, y: null };
    });
    expect(onCurve?.y).not.toBeNull();
    expect(Math.abs((onCurve?.y as number) - (onCurve?.cy as number))).toBeLessThan(1.5);
    await page.locator("figure.chart").screenshot({ path: path.join(ARTIFACTS, "daily-law-chart-reader-1280.png") });
    // typing another D moves the curve
    await page.fill('input[name="D"]', "1e11");
    await expect.poll(() => legend.last().textContent()).toBe("D = 1e11 token (your input)");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("on the result page without JavaScript, the curve and the point are in the server's HTML", async () => {
    const { page } = await open(`${LAW}/predict?N=7e10&D=1.4e12`, 390, false);
    expect(await page.locator("figure.chart > div:visible .recharts-legend-item-text").last().textContent()).toBe("D = 1.4e12 token (your input)");
    expect(await page.locator(`${VISIBLE_CHART} .recharts-line.reader path.recharts-line-curve`).count()).toBeGreaterThan(0);
    expect(await page.locator(`${VISIBLE_CHART} .recharts-reference-dot`).count()).toBe(1);
    // the exports carry the same curve
    const href = await page.locator('figcaption a:has-text("CSV")').getAttribute("href");
    expect(href).toBe(`${LAW}/chart.csv?N=70000000000&D=1400000000000`);
    const csv = await (await fetch(`${base}${href}`)).text();
    expect(csv.split("\n")[0]).toContain("L (nat/token) D = 1.4e12 token (your input)");
    await page.locator("figure.chart").screenshot({ path: path.join(ARTIFACTS, "daily-law-chart-reader-nojs-390.png") });
    await page.context().close();
  });

  for (const width of WIDTHS) {
    it(`keeps axis text at 10 CSS px or more at ${width} px, drawn for the width rather than scaled down`, async () => {
      const { page } = await open(LAW, width);
      const sizes = await axisTextSizes(page.locator(VISIBLE_CHART));
      expect(sizes.drawn).toBe(width === 1280 ? 760 : 340);
      expect(sizes.texts.length).toBeGreaterThanOrEqual(8);
      for (const t of sizes.texts) expect(t.px, `${t.text} at scale ${sizes.scale}`).toBeGreaterThanOrEqual(10);
      expect(await page.locator("figure.chart > div:visible").count()).toBe(1);
      await page.locator("figure.chart").screenshot({ path: path.join(ARTIFACTS, `daily-law-chart-${width}.png`) });
      await page.context().close();
    });
  }
});

describe("coefficient sets side by side in the answer", () => {
  /** A set's value computed by hand from its coefficients as the API lists them. */
  async function byHand(id: string): Promise<number> {
    const law = (await (await fetch(`${base}/api/v1/laws/${id}`)).json()) as { expr: string; coefficients: { symbol: string; value: number }[] };
    expect(law.expr).toBe("E + A / N^alpha + B / D^beta");
    const c = Object.fromEntries(law.coefficients.map((k) => [k.symbol, k.value])) as Record<"E" | "A" | "B" | "alpha" | "beta", number>;
    return c.E + c.A / N ** c.alpha + c.B / D ** c.beta;
  }
  const SETS = [
    "hoffmann-2022-chinchilla/loss-nd",
    "hoffmann-2022-chinchilla/loss-nd~unrounded",
    "besiroglu-2024-replication/loss-nd",
    "besiroglu-2024-replication/loss-nd~replicate-exactly",
  ];

  async function readSets(page: Page) {
    const table = page.locator('#result [data-testid="coefficient-sets"]');
    return table.locator("tbody tr").evaluateAll((rows) =>
      rows.map((r) => ({ set: r.getAttribute("data-set"), value: Number(r.querySelector("td")?.getAttribute("data-value")), label: r.querySelector("th")?.textContent ?? "", diff: r.querySelector("td .diff")?.textContent ?? "" })),
    );
  }

  for (const js of [true, false]) {
    it(`answers under the printed, unrounded and refitted coefficients, ${js ? "live" : "on the result page without JavaScript"}`, async () => {
      const width = js ? 1280 : 390;
      const { page } = await open(js ? LAW : `${LAW}/predict?N=7e10&D=1.4e12`, width, js);
      if (js) {
        await page.fill('input[name="N"]', "7e10");
        await page.fill('input[name="D"]', "1.4e12");
        await page.click('form.calc button[type="submit"]');
        await expect.poll(async () => (await readSets(page)).filter((r) => Number.isFinite(r.value) && r.value > 0).length).toBe(4);
      }
      const rows = await readSets(page);
      expect(rows.map((r) => r.set)).toEqual(SETS);
      for (const r of rows) expect(Math.abs(r.value - (await byHand(r.set as string))) / r.value, r.set as string).toBeLessThan(1e-12);
      expect(rows[0]?.value).toBeCloseTo(printed(N, D), 12);
      expect(rows[0]?.label).toBe("Printed coefficients (Eq. 10, rounded) (this page)");
      expect(rows[2]?.label).toMatch(/^Besiroglu et al\. 2024 \(refit\): Table 1/);
      expect(rows[0]?.diff).toBe("");
      // the unrounded set is the printed one's neighbour, a small signed difference
      expect(rows[1]?.diff).toMatch(/^[+−]\d+(\.\d+)?%$/);
      await page.locator("#result").screenshot({ path: path.join(ARTIFACTS, `daily-law-sets-${js ? "js" : "nojs"}-${width}.png`) });
      await page.context().close();
    });
  }
});
