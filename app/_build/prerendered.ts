/**
 * The prerendered law and paper pages of a build, as `next build` reported
 * them to its adapter (app/_build/adapter.mjs writes Next's list down), and
 * their publication as plain files under public/_prerendered/ (see
 * publish-prerendered.ts for why).
 *
 * This is the one place that depends on what Next reports about prerendered
 * pages, and it checks everything it relies on: the record must exist, each
 * entry must have the documented shape, and the law and paper pages found
 * must be exactly those the database holds, each an HTML file on disk.
 * Anything else stops the build with a sentence naming the Next version and
 * what differed, instead of publishing fewer pages than there are.
 */
import fs from "node:fs";
import path from "node:path";
import type { AdapterOutput } from "next";
import { z } from "zod";
import type { Db } from "../../db/client";
import { allLawIds, listPapers } from "../../db/queries";
import { RECORD_FILE } from "./adapter.mjs";

/** The routes whose pages are published: the source routes as Next names them. */
export const PUBLISHED_ROUTES = ["/laws/[paper]/[law]", "/papers/[slug]"] as const;

/** The fields of Next's documented PRERENDER output (docs: adapters, output types) read here. */
const Prerender = z.object({
  pathname: z.string(),
  route: z.string(),
  routeType: z.enum(["route", "fallback", "shell", "page"]).optional(),
  response: z.enum(["empty", "initial", "complete"]).optional(),
  compute: z.enum(["blocking", "resuming", "static"]).optional(),
  fallback: z.object({ filePath: z.string().optional() }).optional(),
});

// Next's own type must fit the schema: an upgrade that renames or retypes a field read here fails the type check.
const _nextFits = (p: AdapterOutput["PRERENDER"]): z.input<typeof Prerender> => p;

const Record = z.object({ nextVersion: z.string(), prerenders: z.array(z.unknown()) });

export interface Prerendered {
  nextVersion: string;
  /** URL path → the file holding its HTML, for the published routes' pages. */
  pages: Map<string, string>;
}

/** The build's prerendered law and paper pages from the adapter's record in `distDir`. */
export function readPrerendered(distDir: string): Prerendered {
  const file = path.join(distDir, RECORD_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    throw new Error(
      `${file} is missing: next build did not call the build adapter (app/_build/adapter.mjs). ` +
        "Check that next.config.ts still sets adapterPath for the production build and that the installed Next still calls onBuildComplete.",
    );
  }
  const record = Record.safeParse(JSON.parse(text));
  if (!record.success) throw new Error(`${file} is not the record app/_build/adapter.mjs writes: ${z.prettifyError(record.error)}`);
  const { nextVersion, prerenders } = record.data;
  const routes: readonly string[] = PUBLISHED_ROUTES;
  const pages = new Map<string, string>();
  prerenders.forEach((raw, i) => {
    const entry = Prerender.safeParse(raw);
    if (!entry.success) {
      throw new Error(`Next ${nextVersion} reported prerender ${i} in a shape this build does not know (adapter outputs.prerenders): ${z.prettifyError(entry.error)}`);
    }
    const p = entry.data;
    // a page whose whole response was made at build time, needing no server work per request: what a file can serve
    // (the dynamic route's own entry is a page too, but "empty" and "blocking": rendered per request)
    if (!routes.includes(p.route) || p.routeType !== "page" || p.response !== "complete" || p.compute !== "static") return;
    const html = p.fallback?.filePath;
    if (html === undefined || !html.endsWith(".html")) {
      throw new Error(`Next ${nextVersion} reported the prerendered page ${p.pathname} without an HTML file (fallback.filePath: ${html ?? "none"})`);
    }
    pages.set(p.pathname, html);
  });
  return { nextVersion, pages };
}

/** The URL paths of every law and paper page the database holds: what the build must have prerendered. */
export function expectedPages(db: Db): Set<string> {
  return new Set([...allLawIds(db).map((l) => `/laws/${l.paper}/${l.law}`), ...listPapers(db).map((p) => `/papers/${p.slug}`)]);
}

const sample = (xs: string[]) => (xs.length > 5 ? `${xs.slice(0, 5).join(", ")} and ${xs.length - 5} more` : xs.join(", "));

/** Throws unless the pages found are exactly the expected ones, each an HTML file that exists. */
export function checkPrerendered({ nextVersion, pages }: Prerendered, expected: Set<string>): void {
  const missing = [...expected].filter((p) => !pages.has(p)).sort();
  const extra = [...pages.keys()].filter((p) => !expected.has(p)).sort();
  if (missing.length || extra.length) {
    throw new Error(
      `Next ${nextVersion} reported ${pages.size} prerendered law and paper pages where the database has ${expected.size}` +
        (missing.length ? `; missing: ${sample(missing)}` : "") +
        (extra.length ? `; not in the database: ${sample(extra)}` : "") +
        `. Pages are matched by source route (${PUBLISHED_ROUTES.join(", ")}), routeType "page", response "complete" and compute "static": did Next change how it reports them?`,
    );
  }
  const absent = [...pages].filter(([, file]) => !fs.existsSync(file)).map(([p, file]) => `${p} (${file})`);
  if (absent.length) throw new Error(`Next ${nextVersion} reported prerendered pages whose HTML file does not exist: ${sample(absent)}`);
}

/** Copies each page to `outDir`/<path>.html, replacing what was there; returns how many. */
export function publishPrerendered({ pages }: Prerendered, outDir: string): number {
  fs.rmSync(outDir, { recursive: true, force: true });
  for (const [pathname, file] of pages) {
    const target = path.join(outDir, `${pathname}.html`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(file, target);
  }
  return pages.size;
}
