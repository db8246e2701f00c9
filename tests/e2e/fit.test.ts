import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { buildDatabase } from "@/db/build";
import { ARTIFACTS, openPage, sharedBrowser } from "./browser";

const base = inject("baseUrl");
const chromium = sharedBrowser();
let tmp: string;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lawdex-fit-e2e-"));
});
afterAll(async () => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Runs of a Chinchilla-form law, N in millions and D in billions (so the units must be converted), loss with a wobble. */
function runsCsv(n: number, header = "params_M,tokens_B,loss", nUnit = 1e6, dUnit = 1e9): string {
  const rows = [header];
  for (let i = 0; i < n; i++) {
    const N = 10 ** (8 + (3 * ((i * 7) % n)) / n);
    const D = 10 ** (9.5 + (2.5 * ((i * 13) % n)) / n);
    const L = (1.8 + 480 / N ** 0.35 + 2100 / D ** 0.37) * (1 + 0.004 * Math.sin(3 * i));
    rows.push(`${N / nUnit},${D / dUnit},${L}`);
  }
  return `${rows.join("\n")}\n`;
}

async function open(url: string, js: boolean): Promise<{ page: Page; errors: string[] }> {
  const { page, errors, status } = await openPage(chromium.browser, `${base}${url}`, { js, downloads: true });
  expect(status).toBe(200);
  return { page, errors };
}

describe("/fit in Chromium", () => {
  it("uploads a CSV, maps columns and units, fits in a Web Worker, and shows the data, the fit and the literature", async () => {
    const { page, errors } = await open("/fit", true);
    const file = path.join(tmp, "runs.csv");
    fs.writeFileSync(file, runsCsv(80));
    await page.selectOption('[data-testid="fit-law"]', "hoffmann-2022-chinchilla/loss-nd");
    await page.setInputFiles('[data-testid="fit-upload"]', file);
    await page.selectOption('select[aria-label="Column for N"]', "params_M");
    await page.selectOption('select[aria-label="Unit of N"]', "M");
    await page.selectOption('select[aria-label="Column for D"]', "tokens_B");
    await page.selectOption('select[aria-label="Unit of D"]', "B");
    await page.selectOption('select[aria-label="Column for L"]', "loss");
    await page.fill('input[name="log"]', "A, B, E");
    await page.check('input[name="lse"]');
    await page.fill('input[name="bootstrap"]', "200");
    await page.click('[data-testid="fit-submit"]');
    await page.waitForSelector('[data-testid="fit-result"]', { timeout: 60_000 });

    // the coefficients come back near the law the runs were drawn from (units converted to param and token)
    const alpha = Number(await page.getAttribute('[data-fit-coefficient="alpha"] .n', "title"));
    const E = Number(await page.getAttribute('[data-fit-coefficient="E"] .n', "title"));
    expect(alpha).toBeGreaterThan(0.3);
    expect(alpha).toBeLessThan(0.4);
    expect(E).toBeGreaterThan(1.7);
    expect(E).toBeLessThan(1.9);
    // beside the registry's coefficients of the same form (Hoffmann's printed ones among them)
    expect(await page.locator('[data-testid="fit-coefficients"] th').allInnerTexts()).toContain("published");
    // the chart: every run, the fit at each run, and the literature
    expect(await page.getAttribute('[data-testid="fit-result"] path.measured', "data-points")).toBe("80");
    expect(await page.getAttribute('[data-testid="fit-result"] path.prediction-0', "data-points")).toBe("80");
    expect(await page.getAttribute('[data-testid="fit-result"] path.residual', "data-points")).toBe("80");
    expect((await page.getAttribute('[data-testid="fit-result"] path.measured', "d"))?.match(/h0/g)).toHaveLength(80);
    const literature = await page.locator('[data-testid="fit-literature"] tbody tr').allInnerTexts();
    expect(literature.join("\n")).toContain("besiroglu-2024-replication/loss-nd");
    expect(literature.join("\n")).toMatch(/MassiveText/);
    await page.screenshot({ path: path.join(ARTIFACTS, "fit-desktop.png"), fullPage: true });

    // the MDX export builds as a paper of the registry
    const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="fit-export-mdx"]')]);
    const mdx = path.join(tmp, download.suggestedFilename());
    await download.saveAs(mdx);
    const content = path.join(tmp, "content");
    fs.cpSync(path.resolve("content"), content, { recursive: true });
    fs.copyFileSync(mdx, path.join(content, "papers", path.basename(mdx)));
    const before = await buildDatabase({ contentDir: path.resolve("content"), outFile: path.join(tmp, "a.db"), dataDir: "/nonexistent" });
    const after = await buildDatabase({ contentDir: content, outFile: path.join(tmp, "b.db"), dataDir: "/nonexistent" });
    expect(after.papers).toBe(before.papers + 1);
    expect(after.laws).toBe(before.laws + 1);
    expect(fs.readFileSync(mdx, "utf8")).toContain("FILL IN");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("fits on the server with JavaScript off, and offers the same exports", async () => {
    const { page } = await open("/fit", false);
    await page.fill('textarea[name="csv"]', runsCsv(40, "N,D,L", 1, 1));
    await page.selectOption('select[name="law"]', "hoffmann-2022-chinchilla/loss-nd");
    await page.fill('input[name="bootstrap"]', "0");
    await Promise.all([page.waitForURL(/\/fit\?result=/), page.click('button[type="submit"]')]);
    expect(await page.locator('[data-testid="fit-result"]').count()).toBe(1);
    expect(await page.getAttribute('[data-testid="fit-result"] path.measured', "data-points")).toBe("40");
    const href = await page.getAttribute('a[href*="format=mdx"]', "href");
    const text = await (await fetch(`${base}${href}`)).text();
    expect(text).toMatch(/^---\n/);
    expect(text).toContain("expr: E + A / N^alpha + B / D^beta");
    await page.context().close();
  });

  it("shows a bad input with the field named, with JavaScript off", async () => {
    const { page } = await open("/fit", false);
    await page.fill('textarea[name="csv"]', "N,D,L\n1e9,1e10,abc\n");
    await page.selectOption('select[name="law"]', "hoffmann-2022-chinchilla/loss-nd");
    await Promise.all([page.waitForURL(/\/fit\?result=/), page.click('button[type="submit"]')]);
    expect(await page.locator('[data-testid="fit-error"]').innerText()).toMatch(/data\.L\[0\]/);
    await page.context().close();
  });
});

describe("a law page with released data", () => {
  it("shows the refit, the data, the law at each point and the residuals", async () => {
    const { page, errors } = await open("/laws/besiroglu-2024-replication/loss-nd~replicate-exactly", true);
    const status = await page.locator('[data-testid="refit-status"]').first().innerText();
    const present = fs.existsSync(path.join(process.env.LAWDEX_DATA_DIR ?? path.resolve("..", "shared", "data"), "besiroglu2024_chinchilla_svg_extracted.csv"));
    if (present) {
      expect(status).toBe("refit reproduces");
      expect(await page.getAttribute('[data-testid="refits"] path.measured', "data-points")).toBe("240");
      expect(await page.getAttribute('[data-testid="refits"] path.residual', "data-points")).toBe("240");
    } else {
      expect(status).toBe("not checked: data not present");
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
