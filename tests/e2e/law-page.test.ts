import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { ARTIFACTS, openOk, sharedBrowser } from "./browser";

const base = inject("baseUrl");
const LAW = "/laws/hoffmann-2022-chinchilla/loss-nd";
const chromium = sharedBrowser();

const open = (url: string, opts: { js?: boolean; width?: number } = {}) => openOk(chromium.browser, `${base}${url}`, opts);

describe("the server HTML, as a reader with JavaScript off gets it", () => {
  it("holds the formula, the coefficients and the chart's SVG path", async () => {
    const html = await (await fetch(`${base}${LAW}`)).text();
    expect(html).toContain('class="katex"');
    expect(html).toContain("<mi>α</mi>");
    expect(html).toMatch(/<path[^>]*class="recharts-curve recharts-line-curve"[^>]*d="M[\d.]+,[\d.]+L/);
    expect(html).toContain('data-coefficient="A">406.4<');
    expect(html).toContain("Eq. 10");
  });
});

describe("a law page in Chromium", () => {
  it("shows the KaTeX formula and a drawn chart, without console errors", async () => {
    const { page, errors } = await open(LAW);
    const formula = page.locator('[data-testid="formula"] .katex');
    await expect(formula.count()).resolves.toBe(1);
    expect(await formula.innerText()).toContain("E");
    const curves = page.locator("svg path.recharts-line-curve");
    expect(await curves.count()).toBeGreaterThanOrEqual(3);
    const d = await curves.first().getAttribute("d");
    expect(d).toMatch(/^M[\d.]+,[\d.]+L/);
    await page.screenshot({ path: path.join(ARTIFACTS, "law-desktop.png"), fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("computes a prediction through the calculator form, with JavaScript off", async () => {
    const { page } = await open(LAW, { js: false });
    await page.fill('input[name="N"]', "7e10");
    await page.fill('input[name="D"]', "1.4e12");
    await Promise.all([page.waitForURL(/\/predict\?N=7e10&D=1\.4e12#result$/), page.click('button[type="submit"]')]);
    const value = await page.locator("#result .value").getAttribute("data-value");
    expect(Number(value)).toBeCloseTo(1.69 + 406.4 / 7e10 ** 0.34 + 410.7 / 1.4e12 ** 0.28, 12);
    expect(await page.locator("#result").innerText()).toContain("decade(s) above the fitted range");
    await page.screenshot({ path: path.join(ARTIFACTS, "law-predict-nojs.png"), fullPage: true });
    await page.context().close();
  });

  it("shows a bad input as an error naming the field", async () => {
    const { page } = await open(`${LAW}/predict?N=abc&D=1e10`);
    expect(await page.locator('.error[role="alert"]').innerText()).toBe('N: N must be a number, got "abc"');
    await page.context().close();
  });

  it("is reached from the home page through the paper page", async () => {
    const { page, errors } = await open("/");
    await page.click('a:has-text("Training Compute-Optimal Large Language Models")');
    await page.waitForURL(/\/papers\/hoffmann-2022-chinchilla$/);
    await page.click('a:has-text("Parametric loss, L(N, D) (approach 3)")');
    await page.waitForURL(/\/laws\/hoffmann-2022-chinchilla\/loss-nd$/);
    await page.click('a:has-text("Unrounded coefficients")');
    await page.waitForURL(/loss-nd~unrounded$/);
    expect(await page.locator('[data-coefficient="alpha"]').innerText()).toBe("0.33917084");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("fits a phone screen without horizontal overflow", async () => {
    const { page } = await open(LAW, { width: 390 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await page.screenshot({ path: path.join(ARTIFACTS, "law-phone.png"), fullPage: true });
    expect(overflow).toBeLessThanOrEqual(0);
    await page.context().close();
  });
});

describe("the live calculator and snippets", () => {
  it("computes as the reader types and drags, and names a bad field", async () => {
    const context = await chromium.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}${LAW}`, { waitUntil: "networkidle" });
    await page.fill('input[name="N"]', "7e10");
    await page.fill('input[name="D"]', "1.4e12");
    await expect.poll(async () => page.locator('[data-testid="live-result"] .value').getAttribute("data-value")).toBe(String(1.69 + 406.4 / 7e10 ** 0.34 + 410.7 / 1.4e12 ** 0.28));
    await page.locator('input[type="range"]').first().fill("900");
    await expect.poll(async () => page.inputValue('input[name="N"]')).not.toBe("7e10");
    await page.fill('input[name="N"]', "-1");
    await expect.poll(async () => page.locator('[data-testid="live-result"]').innerText()).toBe("N: N must be greater than 0");
    await context.close();
  });

  it("offers LaTeX, Python, JavaScript and curl generated from the expression", async () => {
    const html = await (await fetch(`${base}${LAW}`)).text();
    expect(html).toContain("def hoffmann_2022_chinchilla_loss_nd(N, D):");
    expect(html).toContain("function hoffmann_2022_chinchilla_loss_nd(N, D) {");
    expect(html).toContain("return E + A / N ** alpha + B / D ** beta");
    expect(html).toContain("/api/v1/laws/hoffmann-2022-chinchilla/loss-nd/predict?N=");
  });
});
