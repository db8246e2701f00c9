import { execSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";

export const ARTIFACTS = path.resolve("tests/e2e/artifacts");

/** Debian's Chromium, headless, with the flags this machine needs (no network, no sandbox as root). */
export async function launch(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? execSync("command -v chromium", { shell: "/bin/bash" }).toString().trim();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/**
 * One Chromium for a test file: launched before its tests and closed after
 * them (call at the top level of the file). `browser` is the running one.
 */
export function sharedBrowser(): { readonly browser: Browser } {
  let launched: Browser | undefined;
  beforeAll(async () => {
    launched = await launch();
  });
  afterAll(async () => {
    await launched?.close();
  });
  return {
    get browser() {
      if (!launched) throw new Error("Chromium is launched in beforeAll: use it inside a test or a hook");
      return launched;
    },
  };
}

/** A new page at url (status 200 asserted by the caller's expectations), collecting console errors. */
export async function openPage(
  browser: Browser,
  url: string,
  opts: { js?: boolean; width?: number; height?: number; downloads?: boolean } = {},
): Promise<{ page: import("playwright-core").Page; errors: string[]; status: number | undefined }> {
  const context = await browser.newContext({ javaScriptEnabled: opts.js ?? true, acceptDownloads: opts.downloads ?? false, viewport: { width: opts.width ?? 1280, height: opts.height ?? 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  const res = await page.goto(url, { waitUntil: "networkidle" });
  return { page, errors, status: res?.status() };
}

/** openPage for a page that must answer 200 (asserted, naming the url). */
export async function openOk(
  browser: Browser,
  url: string,
  opts: { js?: boolean; width?: number; height?: number } = {},
): Promise<{ page: import("playwright-core").Page; errors: string[] }> {
  const { page, errors, status } = await openPage(browser, url, opts);
  expect(status, url).toBe(200);
  return { page, errors };
}

/**
 * The axis text of a chart (an svg) as a reader sees it: each tick label's
 * and axis label's font size in CSS pixels, after the SVG's scaling.
 */
export async function axisTextSizes(svg: import("playwright-core").Locator): Promise<{ drawn: number; scale: number; texts: { text: string | null; px: number }[] }> {
  return svg.evaluate((el) => {
    const s = el as SVGSVGElement;
    const scale = s.getBoundingClientRect().width / s.viewBox.baseVal.width;
    return {
      drawn: s.viewBox.baseVal.width,
      scale,
      texts: [...s.querySelectorAll(".recharts-cartesian-axis-tick-value, .recharts-label")].map((t) => ({
        text: t.textContent,
        px: Number.parseFloat(getComputedStyle(t).fontSize) * scale,
      })),
    };
  });
}
