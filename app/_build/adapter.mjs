/**
 * The build adapter (next.config.ts `adapterPath`, Next's documented and
 * stable build API since 16.2): after `next build`, Next hands it the list
 * of what it built, with each prerendered page's URL and the file holding its
 * HTML. It writes that list down as it came, nothing chosen or renamed, for
 * app/_build/publish-prerendered.ts, so that no script of ours needs to know
 * where Next keeps prerendered pages (that changed in 16: with an adapter
 * they live under .next/server/route-cache/<hash>/).
 *
 * Plain JavaScript because Next imports it with Node's own loader, which
 * does not read TypeScript (Node 20); the types come from next.
 */
import fs from "node:fs";
import path from "node:path";

/** The record's file name under the build folder; read by app/_build/prerendered.ts. */
export const RECORD_FILE = "lawdex-prerenders.json";

/** @type {import("next").NextAdapter} */
const adapter = {
  name: "lawdex-prerendered",
  onBuildComplete({ outputs, distDir, nextVersion }) {
    fs.writeFileSync(path.join(distDir, RECORD_FILE), JSON.stringify({ nextVersion, prerenders: outputs.prerenders }));
  },
};

export default adapter;
