/**
 * The researcher's daily path, finding and taking away (issue 13): the home
 * page leads with search and what matters, counts read as English, titles
 * with math render as math, breadcrumbs name domains, and the registry's
 * downloads are linked where they belong and answer.
 */
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { ARTIFACTS, axisTextSizes, openPage, sharedBrowser } from "./browser";

const base = inject("baseUrl");
const chromium = sharedBrowser();

describe("the home page", () => {
  for (const width of [1280, 390]) {
    it(`shows a search box, the laws most built upon and the newest papers above the fold, at ${width} px`, async () => {
      const { page, errors } = await openPage(chromium.browser, `${base}/`, { width });
      await page.screenshot({ path: path.join(ARTIFACTS, `daily-home-${width}.png`) });
      const search = page.locator("form.home-search input[name=q]");
      const top = await search.boundingBox();
      expect(top, "search box").not.toBeNull();
      expect((top?.y ?? 1e9) + (top?.height ?? 0)).toBeLessThanOrEqual(900);
      expect(await page.locator("#built-upon + p + ul li").count()).toBeGreaterThan(0);
      expect(await page.locator("#built-upon + p + ul li").first().textContent()).toContain("Hoffmann et al. 2022");
      expect(await page.locator("#newest + p + ul li").count()).toBe(6);
      const text = (await page.locator("main").textContent()) ?? "";
      expect(text).not.toMatch(/\b0 laws\b/);
      expect(text).not.toMatch(/\b1 (laws|papers)\b/);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  it("searches from its box: 'chinchilla' lands on Hoffmann et al. first", async () => {
    const { page } = await openPage(chromium.browser, `${base}/`);
    await page.fill("#home-q", "chinchilla");
    await Promise.all([page.waitForURL(/\/search\?q=chinchilla/), page.press("#home-q", "Enter")]);
    const first = page.locator('[data-testid="search-results"] li a').first();
    expect(await first.getAttribute("href")).toMatch(/hoffmann-2022-chinchilla/);
    await page.context().close();
  });
});

describe("titles with math", () => {
  it("render P² as math in the heading, the lists and the page title, never as raw LaTeX", async () => {
    const { page } = await openPage(chromium.browser, `${base}/papers/chen-2024-pruning`);
    await page.screenshot({ path: path.join(ARTIFACTS, "daily-math-title-1280.png") });
    expect(await page.locator("h1 .katex").count()).toBe(1);
    expect(await page.locator("h1").innerText()).not.toContain("$");
    expect(await page.title()).toMatch(/^P² Law: Scaling Law for Post-Training After Model Pruning/);
    for (const url of ["/papers", "/", "/search?q=pruning"]) {
      await page.goto(`${base}${url}`);
      const row = page.locator('a[href="/papers/chen-2024-pruning"]').first();
      expect(await row.locator(".katex").count(), url).toBe(1);
      expect(await row.innerText(), url).not.toContain("$");
    }
    await page.context().close();
  });
});

describe("breadcrumbs", () => {
  it("name each domain on the path, separated, down to the page", async () => {
    const { page } = await openPage(chromium.browser, `${base}/papers/hoffmann-2022-chinchilla`);
    const crumbs = page.locator('nav[aria-label="Breadcrumb"]');
    const text = (await crumbs.innerText()).replace(/\s+/g, " ").trim();
    expect(text).toMatch(/^Lawdex \/ Domains \/ .+ \/ Training Compute-Optimal Large Language Models$/);
    expect(text).not.toMatch(/llm-pretraining/);
    expect(await crumbs.locator("a").count()).toBeGreaterThanOrEqual(3);
    // a law page: domain, paper (its title's math rendered), law
    await page.goto(`${base}/laws/chen-2024-pruning/post-training-loss`);
    const lawCrumbs = page.locator('nav[aria-label="Breadcrumb"]');
    expect((await lawCrumbs.innerText()).replace(/\s+/g, " ")).toMatch(/^Lawdex \/ Domains \/ .+ \/ P.*Law: Scaling Law for Post-Training After Model Pruning \(2024\) \/ .+$/);
    expect(await lawCrumbs.locator(".katex").count()).toBe(1);
    expect(await lawCrumbs.innerText()).not.toContain("$");
    await page.goto(`${base}/domains/llm-pretraining`);
    expect((await page.locator('nav[aria-label="Breadcrumb"]').innerText()).replace(/\s+/g, " ").trim()).toMatch(/^Lawdex \/ Domains \/ .*LLM pre-training$/);
    await page.context().close();
  });
});

describe("downloads", () => {
  for (const url of ["/", "/papers", "/data"]) {
    it(`${url} links the registry's CSVs and JSON, and each answers`, async () => {
      const { page } = await openPage(chromium.browser, `${base}${url}`);
      const links = await page.locator('[data-testid="registry-downloads"] a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute("href") ?? ""));
      expect(links).toEqual(["/api/v1/export/laws.csv", "/api/v1/export/coefficients.csv", "/api/v1/export/registry.json"]);
      for (const href of links) {
        const r = await fetch(`${base}${href}`);
        expect(r.status, href).toBe(200);
        await r.arrayBuffer();
      }
      await page.context().close();
    });
  }
});

describe("charts on a paper page", () => {
  it("keep axis text at 10 CSS px or more at 390 px", async () => {
    const { page } = await openPage(chromium.browser, `${base}/papers/kaplan-2020-scaling`, { width: 390 });
    const charts = page.locator("figure.chart-small .recharts-wrapper > svg");
    expect(await charts.count()).toBeGreaterThan(3);
    for (let i = 0; i < Math.min(4, await charts.count()); i++) {
      const sizes = await axisTextSizes(charts.nth(i));
      expect(sizes.texts.length).toBeGreaterThanOrEqual(4);
      for (const t of sizes.texts) expect(t.px, `chart ${i}: ${t.text} at scale ${sizes.scale}`).toBeGreaterThanOrEqual(10);
    }
    await page.locator("figure.chart-small").first().screenshot({ path: path.join(ARTIFACTS, "daily-paper-chart-390.png") });
    await page.context().close();
  });
});
