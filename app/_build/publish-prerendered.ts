/**
 * Publishes the HTML that `next build` prerendered for law and paper pages as
 * plain files under public/_prerendered/, so that `next start` answers a
 * document request for them on its static-file path (the same code that
 * serves /_next/static) instead of its page-rendering path, which costs three
 * times as much per request for the same bytes (bench/pages).
 *
 * next.config.ts rewrites /laws/:paper/:law and /papers/:slug to these files
 * only for document requests; React Server Component requests (client-side
 * navigation, header `rsc`) still go to Next's app router, which answers them
 * from the same build. Run after `next build` (package.json "build"); the
 * pages come from what Next reported to its build adapter
 * (app/_build/prerendered.ts), and a build that did not prerender every law
 * and paper page of the database fails here.
 */
import { getDb } from "../../db/client";
import { checkPrerendered, expectedPages, publishPrerendered, readPrerendered } from "./prerendered";

const OUT = "public/_prerendered";

try {
  const built = readPrerendered(".next");
  checkPrerendered(built, expectedPages(getDb()));
  const n = publishPrerendered(built, OUT);
  console.log(`published ${n} prerendered law and paper pages (Next ${built.nextVersion}) to ${OUT}/`);
} catch (err) {
  console.error(`lawdex: publishing the prerendered pages failed, and with it the build.\n${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
