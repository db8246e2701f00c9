import { execSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { type Browser, chromium } from "playwright-core";

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

/** A new page at url (status 200 asserted by the caller's expectations), collecting console errors. */
export async function openPage(
  browser: Browser,
  url: string,
  opts: { js?: boolean; width?: number; downloads?: boolean } = {},
): Promise<{ page: import("playwright-core").Page; errors: string[]; status: number | undefined }> {
  const context = await browser.newContext({ javaScriptEnabled: opts.js ?? true, acceptDownloads: opts.downloads ?? false, viewport: { width: opts.width ?? 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  const res = await page.goto(url, { waitUntil: "networkidle" });
  return { page, errors, status: res?.status() };
}
