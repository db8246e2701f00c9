/**
 * The reader's site in Chromium: the newcomer's path, and every page type at
 * desktop and phone width — screenshots kept in tests/e2e/artifacts, no
 * console errors, no horizontal overflow at 390 px, KaTeX and chart present
 * where expected, and axe-core with no serious or critical violations.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { ARTIFACTS, openOk, sharedBrowser } from "./browser";

const base = inject("baseUrl");
const chromium = sharedBrowser();
const AXE = fs.readFileSync(path.resolve("node_modules/axe-core/axe.min.js"), "utf8");


const PAGES: { name: string; url: string; katex?: boolean; chart?: boolean }[] = [
  { name: "home", url: "/" },
  { name: "domains", url: "/domains" },
  { name: "domain", url: "/domains/llm-pretraining", katex: true },
  { name: "papers", url: "/papers" },
  { name: "paper", url: "/papers/hoffmann-2022-chinchilla", katex: true },
  { name: "law", url: "/laws/hoffmann-2022-chinchilla/loss-nd", katex: true, chart: true },
  { name: "law-form-only", url: "/laws/gao-2022-overoptimization/gold-reward-bon", katex: true },
  { name: "prediction", url: "/laws/hoffmann-2022-chinchilla/loss-nd/predict?N=7e10&D=1.4e12", katex: true, chart: true },
  { name: "compare", url: "/compare?laws=hoffmann-2022-chinchilla/loss-nd,besiroglu-2024-replication/loss-nd&x=compute&at=5.76e23", chart: true },
  { name: "compare-papers", url: "/compare/papers?p=hoffmann-2022-chinchilla,besiroglu-2024-replication", katex: true, chart: true },
  { name: "search", url: "/search?q=chinchilla" },
  { name: "coverage", url: "/coverage" },
  { name: "out-of-scope", url: "/out-of-scope" },
  { name: "api", url: "/api-docs" },
  { name: "fit", url: "/fit" },
  { name: "data", url: "/data" },
  { name: "law-refit", url: "/laws/besiroglu-2024-replication/loss-nd~replicate-exactly", katex: true, chart: true },
  { name: "law-form-refit", url: "/laws/gadre-2024-overtraining/error-from-loss", katex: true },
];

const visit = (url: string, width: number) => openOk(chromium.browser, `${base}${url}`, { width });

describe("every page type", () => {
  for (const p of PAGES) {
    it(`${p.name}: renders cleanly at desktop and phone width, with no serious accessibility violations`, async () => {
      for (const width of [1280, 390]) {
        const { page, errors } = await visit(p.url, width);
        await page.screenshot({ path: path.join(ARTIFACTS, `${p.name}-${width}.png`), fullPage: true });
        expect(errors, `${p.url} at ${width}px`).toEqual([]);
        if (p.katex) expect(await page.locator(".katex").count()).toBeGreaterThan(0);
        if (p.chart) expect(await page.locator("svg path.recharts-line-curve").count()).toBeGreaterThan(0);
        if (width === 390) {
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, `${p.url} overflows at 390px by ${overflow}px`).toBeLessThanOrEqual(0);
        } else {
          await page.addScriptTag({ content: AXE });
          const violations = (await page.evaluate(async () => {
            const r = await (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, { resultTypes: ["violations"] });
            return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
          })) as { id: string; impact: string; nodes: string[] }[];
          const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
          expect(serious, `${p.url}: ${JSON.stringify(serious)}`).toEqual([]);
        }
        await page.context().close();
      }
    });
  }
});

describe("a newcomer's path", () => {
  it("home -> paper -> law -> calculator result -> Hoffmann and Besiroglu side by side, in four clicks", async () => {
    const { page } = await visit("/", 1280);
    // the path is these four clicks, each on a link or button the previous page must show
    const click = async (selector: string, url: RegExp) => {
      await Promise.all([page.waitForURL(url), page.click(selector)]);
    };
    await click('a:has-text("Training Compute-Optimal Large Language Models")', /\/papers\/hoffmann-2022-chinchilla$/);
    await click('section.card h3 a:has-text("Parametric loss, L(N, D) (approach 3)")', /\/laws\/hoffmann-2022-chinchilla\/loss-nd$/);
    await page.fill('input[name="N"]', "1e10");
    await page.fill('input[name="D"]', "2e11");
    await click('button:has-text("Predict L")', /\/predict\?/);
    expect(Number(await page.locator("#result .value").getAttribute("data-value"))).toBeCloseTo(1.69 + 406.4 / 1e10 ** 0.34 + 410.7 / 2e11 ** 0.28, 10);
    await click('li:has-text("besiroglu-2024-replication/loss-nd refits this law") a:has-text("compare the papers side by side")', /\/compare\/papers\?p=hoffmann-2022-chinchilla,besiroglu-2024-replication$/);
    expect(await page.locator('[data-testid="aligned-coefficients"]').count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it("browses home -> domain -> paper", async () => {
    const { page } = await visit("/", 1280);
    await Promise.all([page.waitForURL(/\/domains\/llm-pretraining$/), page.click('a:has-text("LLM pre-training")')]);
    await Promise.all([page.waitForURL(/\/papers\/hoffmann-2022-chinchilla$/), page.click('a:has-text("Training Compute-Optimal Large Language Models")')]);
    await page.context().close();
  });

  it("finds a law through search", async () => {
    const { page } = await visit("/", 1280);
    await page.fill("#site-q", "data-constrained");
    await Promise.all([page.waitForURL(/\/search\?q=/), page.press("#site-q", "Enter")]);
    expect(await page.locator('[data-testid="search-results"] li').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="search-results"] mark').count()).toBeGreaterThan(0);
    await page.context().close();
  });
});
