import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { ARTIFACTS, sharedBrowser } from "./browser";

const base = inject("baseUrl");
const THREE = "/compare?laws=hoffmann-2022-chinchilla/loss-nd,hoffmann-2022-chinchilla/loss-nd~unrounded,besiroglu-2024-replication/loss-nd&x=compute&at=5.76e23";
const MISMATCH = "laws=kaplan-2020-scaling/loss-n,hoffmann-2022-chinchilla/loss-nd&x=params&fix.D=20*N";
const chromium = sharedBrowser();

describe("the compare view", () => {
  it("is in the server HTML with JavaScript off: warnings, chart path, values", async () => {
    const html = await (await fetch(`${base}/compare?${MISMATCH}`)).text();
    expect(html).toContain("N is Non-embedding parameters, not Parameters (total, including embeddings)");
    expect(html).toMatch(/<path[^>]*class="recharts-curve recharts-line-curve"[^>]*d="M[\d.]+,[\d.]+L/);
    expect(html).toContain('data-testid="values"');
    const side = await (await fetch(`${base}/compare/papers?p=hoffmann-2022-chinchilla,besiroglu-2024-replication`)).text();
    expect(side).toContain('class="katex"');
    expect(side).toContain("<mi>α</mi>");
    expect(side).toMatch(/<path[^>]*class="recharts-curve recharts-line-curve"[^>]*d="M[\d.]+,[\d.]+L/);
  });

  it("adds a law through the form: one choice, then the canonical URL (works with JavaScript off)", async () => {
    const page = await chromium.browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${base}/compare?${MISMATCH}`);
    await page.selectOption('form[aria-label="Add a law"] select[name="add"]', "besiroglu-2024-replication/loss-nd");
    await page.click('form[aria-label="Add a law"] button[type="submit"]');
    await page.waitForLoadState();
    const url = new URL(page.url());
    expect(url.searchParams.get("add")).toBeNull();
    expect(url.searchParams.get("laws")).toBe("kaplan-2020-scaling/loss-n,hoffmann-2022-chinchilla/loss-nd,besiroglu-2024-replication/loss-nd");
    expect(url.searchParams.get("fix.D")).toBe("20*N");
    expect(await page.locator("svg path.recharts-line-curve").count()).toBeGreaterThanOrEqual(3);
    // the chosen laws are not offered again
    expect(await page.locator('select[name="add"] option[value="kaplan-2020-scaling/loss-n"]').count()).toBe(0);
    await page.close();
  });

  it("puts the three coefficient sets' optima side by side at C = 5.76e23", async () => {
    const context = await chromium.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.goto(`${base}${THREE}`, { waitUntil: "networkidle" });
    const nOpt = async (law: string) => Number(await page.locator(`[data-testid="allocations"] td[data-law="${law}"]`).getAttribute("data-n-opt"));
    expect((await nOpt("hoffmann-2022-chinchilla/loss-nd")) / 1e9).toBeCloseTo(32.2, 1);
    expect((await nOpt("hoffmann-2022-chinchilla/loss-nd~unrounded")) / 1e9).toBeCloseTo(40.4, 1);
    expect((await nOpt("besiroglu-2024-replication/loss-nd")) / 1e9).toBeCloseTo(72.2, 1);
    expect(await page.locator("svg path.recharts-line-curve").count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator("svg .band path, svg path.recharts-area-area").count()).toBeGreaterThanOrEqual(1);
    await page.screenshot({ path: path.join(ARTIFACTS, "compare-desktop.png"), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it("shows the mismatch warning above the chart", async () => {
    const context = await chromium.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/compare?${MISMATCH}`, { waitUntil: "networkidle" });
    const warnings = await page.locator('[data-testid="warning"]').allInnerTexts();
    expect(warnings.some((w) => w.includes("drawn on the params axis as if equal"))).toBe(true);
    expect(warnings.some((w) => w.includes("on WebText2") && w.includes("on MassiveText"))).toBe(true);
    await context.close();
  });

  it("exports the same chart as a standalone SVG that a browser renders, and the series as CSV", async () => {
    const svgRes = await fetch(`${base}/compare/chart.svg?${MISMATCH}`);
    expect(svgRes.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    const svg = await svgRes.text();
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain("kaplan-2020-scaling/loss-n");
    const context = await chromium.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/compare/chart.svg?${MISMATCH}`);
    expect(await page.locator("path.recharts-line-curve").count()).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: path.join(ARTIFACTS, "compare-chart-svg.png") });
    await context.close();
    const csv = await (await fetch(`${base}/compare/series.csv?${MISMATCH}&points=3`)).text();
    expect(csv.split("\n")[0]).toBe('"x (params, param)","kaplan-2020-scaling/loss-n (loss, nat/token)",kaplan-2020-scaling/loss-n extrapolated,"hoffmann-2022-chinchilla/loss-nd (loss, nat/token)",hoffmann-2022-chinchilla/loss-nd extrapolated');
    expect(csv.trim().split("\n")).toHaveLength(4);
  });

  it("answers a bad query with a 400 in the documented shape, and shows it on the page", async () => {
    const r = await fetch(`${base}/compare/chart.svg?laws=kaplan-2020-scaling/loss-n&x=nonsense`);
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: { field: string } }).error.field).toBe("x");
    const html = await (await fetch(`${base}/compare?laws=kaplan-2020-scaling/loss-n&x=nonsense`)).text();
    expect(html).toContain("unknown quantity nonsense");
  });
});
