/**
 * A memo of refit outcomes, keyed by everything that determines them: the
 * fit problem (expression, coefficients, objective, starts and the data
 * values themselves) and the source of the fitting code. A clean clone has
 * none and computes every refit; a rebuild with unchanged content, data and
 * code reuses them. Stored under data/ (git-ignored), written atomically.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { FitProblem } from "../lib/fit/engine";
import { type FitOutcome, fitOutcomeSchema } from "../lib/fit/outcome";

const CODE = ["lib/fit", "lib/expr", "lib/refit.ts"];

function codeHash(root: string): string {
  const h = crypto.createHash("sha256");
  const files: string[] = [];
  for (const p of CODE) {
    const full = path.join(root, p);
    if (!fs.existsSync(full)) continue;
    if (fs.statSync(full).isDirectory()) for (const f of fs.readdirSync(full).sort()) files.push(path.join(full, f));
    else files.push(full);
  }
  for (const f of files) h.update(f).update(fs.readFileSync(f));
  return h.digest("hex");
}

export function refitCache(root = process.cwd(), dir = path.join(root, "data", "refit-cache")) {
  if (process.env.LAWDEX_REFIT_CACHE === "off") return undefined;
  const code = codeHash(root);
  const file = (key: string) => path.join(dir, `${key}.json`);
  return {
    key(problem: FitProblem): string {
      const plain = { ...problem, x: problem.x.map((c) => Array.from(c)), y: Array.from(problem.y) };
      return crypto.createHash("sha256").update(code).update(JSON.stringify(plain)).digest("hex").slice(0, 32);
    },
    get(key: string): FitOutcome | undefined {
      let text: string;
      try {
        text = fs.readFileSync(file(key), "utf8");
      } catch {
        return undefined;
      }
      // a file that does not parse as an outcome (cut short, or from another shape of the engine) is a miss: fit again
      try {
        const r = fitOutcomeSchema.safeParse(JSON.parse(text));
        return r.success ? r.data : undefined;
      } catch {
        return undefined;
      }
    },
    set(key: string, value: FitOutcome): void {
      fs.mkdirSync(dir, { recursive: true });
      const tmp = `${file(key)}.tmp-${process.pid}`;
      fs.writeFileSync(tmp, JSON.stringify(value));
      fs.renameSync(tmp, file(key));
    },
  };
}
