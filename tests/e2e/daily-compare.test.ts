/**
 * The compare view on a researcher's daily path (issue 13, compare): finding
 * laws with the picker, the table's points on the chart and in the API,
 * legends that name paper and law, an exported SVG that stands alone, and
 * interval bands that stay inside the plot. At 1280 and 390 px.
 */
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { ARTIFACTS, axisTextSizes, openOk, sharedBrowser } from "./browser";

const base = inject("baseUrl");
const THREE_IDS = ["hoffmann-2022-chinchilla/loss-nd", "hoffmann-2022-chinchilla/loss-nd~unrounded", "besiroglu-2024-replication/loss-nd"];
const THREE = `laws=${THREE_IDS.join(",")}&x=compute`;
/** Besiroglu et al.'s refit far below its fitted range, where its delta-method band used to fill the chart. */
const WIDE_BAND = "laws=besiroglu-2024-replication/loss-nd,hoffmann-2022-chinchilla/loss-nd&x=params&fix.D=20*N&from=1e6&to=1e12";
const WIDTHS = [1280, 390] as const;
/** The drawing a reader sees at this width: the page carries a wide one and a 340 px one for phones (CSS shows one). */
const shownDrawing = (width: number) => `figure.chart ${width < 720 ? ".chart-narrow" : ".chart-wide"}`;
const shownChart = (width: number) => `${shownDrawing(width)} .recharts-wrapper > svg`;
const chromium = sharedBrowser();

const open = (url: string, opts: { js?: boolean; width?: number } = {}) => openOk(chromium.browser, `${base}${url}`, opts);

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, name), fullPage: true });

describe("the law picker", () => {
  for (const width of WIDTHS) {
    it(`finds "Chinchilla" as it is typed and adds the law picked (${width} px)`, async () => {
      const { page, errors } = await open("/compare", { width });
      const input = page.locator('form[aria-label="Find a law"] input[name="find"]');
      await input.pressSequentially("Chinchilla", { delay: 30 });
      const results = page.locator("#picker-results li a");
      await expect.poll(() => results.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(6);
      const offered = await results.allInnerTexts();
      // Hoffmann et al.'s laws come first, named by paper and law
      expect(offered.slice(0, 6).every((t) => t.startsWith("Hoffmann et al. 2022 — "))).toBe(true);
      expect(await page.locator('[data-testid="picker-status"]').innerText()).toMatch(/^\d+ laws match\./);
      await shot(page, `daily-compare-picker-chinchilla-${width}.png`);
      const first = results.first();
      const id = await first.getAttribute("data-law");
      expect(id).toBe("hoffmann-2022-chinchilla/loss-nd");
      await Promise.all([page.waitForURL(/\/compare\?laws=/), first.click()]);
      await page.waitForLoadState("networkidle");
      const url = new URL(page.url());
      expect(url.searchParams.get("laws")).toBe("hoffmann-2022-chinchilla/loss-nd");
      expect(url.searchParams.get("add")).toBeNull();
      // a law of N and D alone goes on the compute axis, along its frontier, with a round span
      expect(url.searchParams.get("x")).toBe("compute");
      expect(await page.locator('[data-testid="chosen-laws"] li').allInnerTexts()).toEqual([expect.stringContaining("Hoffmann et al. 2022 — Parametric loss, L(N, D)")]);
      expect(await page.locator("figure.chart svg path.recharts-line-curve").count()).toBeGreaterThanOrEqual(1);
      expect(await page.locator('form[aria-label="Comparison"] input[name="from"]').inputValue()).toBe("1e18");
      // the axis is a list of the quantities the law can be drawn against
      const axes = await page.locator('form[aria-label="Comparison"] select[name="x"] option').allInnerTexts();
      expect(axes).toEqual(["Training compute", "Parameters (total, including embeddings)", "Training tokens"]);
      await shot(page, `daily-compare-picked-${width}.png`);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  it("works without JavaScript: the Find form lists the matches, a link adds one, another axis is a choice", async () => {
    const { page } = await open("/compare?laws=hoffmann-2022-chinchilla/loss-nd&x=compute", { js: false });
    await page.fill('form[aria-label="Find a law"] input[name="find"]', "besiroglu");
    await Promise.all([page.waitForURL(/find=besiroglu/), page.click('form[aria-label="Find a law"] button[type="submit"]')]);
    const link = page.locator('#picker-results a[data-law="besiroglu-2024-replication/loss-nd"]');
    expect(await link.innerText()).toBe("Besiroglu et al. 2024 — Refitted parametric loss, L(N, D) — Table 1 (maximum-likelihood fit with bootstrap standard errors)");
    await shot(page, "daily-compare-picker-nojs.png");
    await Promise.all([page.waitForURL(/laws=hoffmann-2022-chinchilla\/loss-nd,besiroglu-2024-replication\/loss-nd/), link.click()]);
    expect(await page.locator("figure.chart svg path.recharts-line-curve").count()).toBeGreaterThanOrEqual(2);
    // choosing the parameters axis drops the compute span and holds D at a round value in its fitted range
    await page.selectOption('form[aria-label="Comparison"] select[name="x"]', "params");
    await Promise.all([page.waitForURL(/x=params/), page.click('form[aria-label="Comparison"] button[type="submit"]')]);
    const url = new URL(page.url());
    expect(url.searchParams.get("fix.D")).toBe("5e10");
    expect(url.searchParams.get("from")).toBeNull();
    expect(url.searchParams.get("prev.x")).toBeNull();
    expect(await page.locator('form[aria-label="Comparison"] input[name="from"]').inputValue()).toMatch(/^[125]e\d+$/);
    expect(await page.locator('[role="alert"]').count()).toBe(0);
    // a law is removed by its link; what the other still needs stays
    await Promise.all([
      page.waitForURL((u) => u.searchParams.get("laws") === "besiroglu-2024-replication/loss-nd"),
      page.click('a[aria-label="Remove hoffmann-2022-chinchilla/loss-nd from the comparison"]'),
    ]);
    expect(new URL(page.url()).searchParams.get("fix.D")).toBe("5e10");
    expect(await page.locator('[data-testid="chosen-laws"] li').count()).toBe(1);
    await page.context().close();
  });
});

describe('"Table at" on the chart and in the API', () => {
  for (const width of WIDTHS) {
    it(`marks each law at each table x, with the values GET /api/v1/compare?at= returns (${width} px)`, async () => {
      const { page, errors } = await open(`/compare?${THREE}&at=1e20,1e22,5.76e23`, { width });
      // three laws at three x, all inside the drawn span, in the drawing shown at this width
      const svg = shownChart(width);
      expect(await page.locator(`${svg} g.table-mark circle`).count()).toBe(9);
      expect(await page.locator(`${svg} g.table-mark circle`).first().isVisible()).toBe(true);
      const cells = await page.locator('[data-testid="values"] td[data-law]').evaluateAll((tds) =>
        tds.map((td) => ({ law: td.getAttribute("data-law"), x: Number(td.getAttribute("data-x")), value: Number(td.getAttribute("data-value")) })),
      );
      expect(cells).toHaveLength(9);
      const api = (await (await fetch(`${base}/api/v1/compare?${THREE}&at=1e20,1e22,5.76e23`)).json()) as {
        table: { at: number[]; series: { law: string; points: [number, number | null][] }[] };
      };
      expect(api.table.at).toEqual([1e20, 1e22, 5.76e23]);
      const fromApi = api.table.series.flatMap((s) => s.points.map(([x, y]) => ({ law: s.law, x, value: y })));
      // the page's table lists x by row, the API by law: the same numbers either way
      const byKey = (r: { law: string | null; x: number }) => `${r.law}@${r.x}`;
      expect(new Map(cells.map((c) => [byKey(c), c.value]))).toEqual(new Map(fromApi.map((c) => [byKey(c), c.value])));
      // each mark sits on its law's curve: same colour as the line
      const strokes = await page.locator(`${svg} path.recharts-line-curve`).evaluateAll((ps) => [...new Set(ps.map((p) => p.getAttribute("stroke")))]);
      const fills = await page.locator(`${svg} g.table-mark circle`).evaluateAll((cs) => [...new Set(cs.map((c) => c.getAttribute("fill")))]);
      expect(new Set(fills)).toEqual(new Set(strokes));
      // the drawing shown is the one made for this width, its axis text at 10 CSS px or more
      const sizes = await axisTextSizes(page.locator(svg));
      expect(sizes.drawn).toBe(width < 720 ? 340 : 760);
      expect(sizes.texts.length).toBeGreaterThanOrEqual(6);
      for (const t of sizes.texts) expect(t.px, `${t.text} at scale ${sizes.scale}`).toBeGreaterThanOrEqual(10);
      await shot(page, `daily-compare-table-marks-${width}.png`);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }
});

describe("legends and the exported SVG", () => {
  it("names paper and law in the page's legend", async () => {
    const { page } = await open(`/compare?${THREE}`);
    const legend = await page.locator(`${shownDrawing(1280)} .recharts-legend-item-text`).allInnerTexts();
    expect(legend).toEqual([
      "Hoffmann et al. 2022 — Parametric loss, L(N, D) (approach 3) — Printed coefficients (Eq. 10, rounded)",
      "Hoffmann et al. 2022 — Parametric loss, L(N, D) (approach 3) — Unrounded coefficients (TeX source, via Besiroglu et al. 2024)",
      "Besiroglu et al. 2024 — Refitted parametric loss, L(N, D) — Table 1 (maximum-likelihood fit with bootstrap standard errors)",
    ]);
    await page.context().close();
  });

  it("exports chart.svg with a title, a legend and a source line inside it, readable alone", async () => {
    const href = await (async () => {
      const { page } = await open(`/compare?${THREE}&at=1e20,1e22`);
      const h = await page.locator('a:text("chart (SVG)")').getAttribute("href");
      await page.context().close();
      return h as string;
    })();
    expect(href).toBe(`/compare/chart.svg?${THREE}&at=1e20,1e22`);
    const { page } = await open(href, { width: 800 });
    const title = await page.locator("svg > text.title").textContent();
    expect(title).toBe("Cross-entropy loss (nat/token) against training compute (FLOP)");
    const labels = await page.locator("svg g.legend text.label").allTextContents();
    expect(labels).toHaveLength(3);
    expect(labels.every((l) => /^(Hoffmann et al\. 2022|Besiroglu et al\. 2024) — .*L\(N, D\)/.test(l))).toBe(true);
    const source = await page.locator("svg > text.source").textContent();
    expect(source).toContain(`Source: Lawdex, ${base}/compare?${THREE}&at=1e20,1e22`);
    expect(source).toContain("arXiv:2203.15556");
    expect(source).toContain("arXiv:2404.10102");
    expect(await page.locator("svg g.table-mark circle").count()).toBe(6);
    // every text is inside the document's box, so nothing is cut off in a slide
    const outside = await page.evaluate(() => {
      const root = document.documentElement as unknown as SVGSVGElement;
      const w = root.viewBox.baseVal.width;
      const h = root.viewBox.baseVal.height;
      return [...document.querySelectorAll("svg > text, g.legend text")]
        .map((t) => (t as SVGGraphicsElement).getBBox())
        .filter((b) => b.x < 0 || b.y < 0 || b.x + b.width > w + 0.5 || b.y + b.height > h + 0.5).length;
    });
    expect(outside).toBe(0);
    await page.screenshot({ path: path.join(ARTIFACTS, "daily-compare-chart-svg.png") });
    await page.context().close();
  });
});

describe("interval bands", () => {
  /** Each band's drawn box against the clip rectangle its group is clipped to, in the chart's own coordinates. */
  async function bands(page: Page, scope: string) {
    return page.locator(`${scope} g.band path.recharts-area-area`).evaluateAll((paths) =>
      paths.map((p) => {
        const group = p.closest("[clip-path]");
        const ref = /url\(#(.+)\)/.exec(group?.getAttribute("clip-path") ?? "")?.[1];
        const rect = ref ? document.getElementById(ref)?.querySelector("rect") : null;
        const clip = rect ? { x: Number(rect.getAttribute("x")), y: Number(rect.getAttribute("y")), w: Number(rect.getAttribute("width")), h: Number(rect.getAttribute("height")) } : null;
        const b = (p as SVGGraphicsElement).getBBox();
        return { clip, box: { x: b.x, y: b.y, w: b.width, h: b.height } };
      }),
    );
  }
  const inside = (r: { clip: { x: number; y: number; w: number; h: number } | null; box: { x: number; y: number; w: number; h: number } }) =>
    r.clip !== null && r.box.x >= r.clip.x - 0.5 && r.box.y >= r.clip.y - 0.5 && r.box.x + r.box.w <= r.clip.x + r.clip.w + 0.5 && r.box.y + r.box.h <= r.clip.y + r.clip.h + 0.5;

  for (const width of WIDTHS) {
    it(`stay within the plot's clip rectangle and leave the curves visible (${width} px)`, async () => {
      const { page, errors } = await open(`/compare?${WIDE_BAND}`, { width });
      const drawn = await bands(page, shownChart(width));
      expect(drawn.length).toBe(1);
      for (const b of drawn) expect(inside(b), JSON.stringify(b)).toBe(true);
      // dropped where the interval is too wide to mean anything: the band covers only part of the plot's width and height
      const [b] = drawn;
      expect(b && b.box.w < 0.9 * (b.clip?.w ?? 0)).toBe(true);
      expect(b && b.box.h < 0.9 * (b.clip?.h ?? 0)).toBe(true);
      expect(await page.locator("figure.chart figcaption").innerText()).toContain("drawn where meaningful");
      await shot(page, `daily-compare-bands-${width}.png`);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  it("stay within the clip rectangle in the exported SVG too", async () => {
    const { page } = await open(`/compare/chart.svg?${WIDE_BAND}`, { width: 800 });
    const drawn = await bands(page, "svg.plot");
    expect(drawn.length).toBe(1);
    for (const b of drawn) expect(inside(b), JSON.stringify(b)).toBe(true);
    await page.context().close();
  });
});
