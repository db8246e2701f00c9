/**
 * `npm run db:build`: content/ -> validated registry -> a fresh SQLite file,
 * swapped in atomically. Every check is evaluated on the way; any content
 * problem or failing check stops the build before anything is written over
 * the existing database, which keeps serving.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { ContentError, type Registry, loadRegistry } from "../lib/content/load";
import { checkDependsOn, lawLatex, refitField } from "../lib/law";
import { shortCitation } from "../lib/citation";
import { checkProse } from "../lib/content/mdx";
import { type DatasetTable, dataDir, readDataset } from "../lib/datasets";
import { type RefitOutcome, runRefits } from "../lib/refit";
import { bundleWorkers } from "../lib/fit/bundle";
import { NodePool } from "../lib/fit/node-pool";
import { encodeLaw } from "./law-doc";
import { refitCache } from "./refit-cache";
import * as s from "./schema";

export const DEFAULT_DB_PATH = path.join(process.cwd(), "data", "lawdex.db");
const MIGRATIONS = path.join(path.dirname(new URL(import.meta.url).pathname), "migrations");

export interface BuildResult {
  file: string;
  papers: number;
  laws: number;
  checks: number;
  /** Refits that ran and hold, and those not checked for want of data. */
  refits: { passed: number; notChecked: number };
  ms: number;
}

/** The registry with everything the build computed from it: refits and the state of each dataset. */
export interface BuiltRegistry extends Registry {
  tables: Map<string, DatasetTable>;
  refits: Map<string, RefitOutcome[]>;
}

/** Writes the registry into an open database (used by the build and by in-memory test databases). */
export function writeRegistry(sqlite: Database.Database, registry: BuiltRegistry, builtAt = new Date()): void {
  const db = drizzle(sqlite, { schema: s });
  migrate(db, { migrationsFolder: MIGRATIONS });
  sqlite.exec(s.SEARCH_TABLE_SQL);
  const searchInsert = sqlite.prepare("INSERT INTO search (kind, ref, title, names, paper_names, body) VALUES (?, ?, ?, ?, ?, ?)");
  // what readers call each paper: its aliases and "Hoffmann et al. 2022"; its laws and statements are found by them too
  const paperNames = new Map(registry.papers.map((p) => [p.slug, [...(p.aliases ?? []), shortCitation(p.authors, p.year)].join("\n")]));
  const paperTitles = new Map(registry.papers.map((p) => [p.slug, p.title]));

  db.transaction((tx) => {
    registry.domains.forEach((d, position) => tx.insert(s.domains).values({ ...d, position }).run());
    for (const q of registry.quantities) tx.insert(s.quantities).values(q).run();
    for (const p of registry.papers) {
      tx.insert(s.papers)
        .values({
          seed: p.seed,
          slug: p.slug,
          title: p.title,
          aliases: p.aliases ?? [],
          authors: p.authors,
          year: p.year,
          arxiv: p.arxiv,
          venue: p.venue,
          url: p.url,
          summary: p.summary,
          abstract: p.abstract,
          body: p.body,
          file: p.file,
        })
        .run();
      for (const domain of p.domains) tx.insert(s.paperDomains).values({ paper: p.slug, domain }).run();
      searchInsert.run("paper", p.slug, p.title, paperNames.get(p.slug) ?? "", "", [p.authors.join(", "), p.summary, p.abstract ?? ""].join("\n"));
    }
    const positions = new Map<string, number>();
    for (const law of registry.laws) {
      const position = positions.get(law.paper) ?? 0;
      positions.set(law.paper, position + 1);
      tx.insert(s.laws)
        .values({
          id: law.id,
          paper: law.paper,
          key: law.key,
          position,
          name: law.name,
          aliases: law.aliases ?? [],
          latex: lawLatex(law),
          formOnly: law.free !== undefined,
          doc: encodeLaw(law),
        })
        .run();
      (registry.checks.get(law.id) ?? []).forEach((r, position) =>
        tx.insert(s.checks)
          .values({
            law: law.id,
            position,
            kind: r.check.kind,
            depends: checkDependsOn(law.expr, law.inputs.map((i) => i.symbol), law.coefficients.map((c) => c.symbol), r.check),
            actual: r.actual,
            relError: r.relError,
            passed: r.passed,
          })
          .run(),
      );
      const symbols = [law.output.symbol, ...law.inputs.map((i) => i.symbol), ...law.coefficients.map((c) => c.symbol)];
      searchInsert.run(
        "law",
        law.id,
        `${law.name}${law.variant ? ` (${law.variant.label})` : ""}`,
        (law.aliases ?? []).join("\n"),
        paperNames.get(law.paper) ?? "",
        [law.description ?? "", law.expr, symbols.join(" "), paperTitles.get(law.paper) ?? ""].join("\n"),
      );
    }
    for (const d of registry.datasets) {
      const t = registry.tables.get(d.id);
      tx.insert(s.datasets).values({ id: d.id, paper: d.paper, title: d.title, spec: d, status: t?.status ?? "absent", reason: t?.reason ?? null }).run();
    }
    for (const law of registry.laws) {
      (registry.refits.get(law.id) ?? []).forEach((outcome, position) => {
        const spec = law.refits[position];
        if (!spec) return;
        tx.insert(s.refits).values({ law: law.id, position, dataset: spec.dataset, status: outcome.status, passed: outcome.passed, summary: outcome.summary, outcome }).run();
      });
    }
    // links after every law exists, so their targets satisfy the foreign key
    for (const law of registry.laws) {
      law.links.forEach((l, position) => tx.insert(s.lawLinks).values({ law: law.id, position, ...l }).run());
    }
    registry.statements.forEach((st, position) => {
      tx.insert(s.statements).values({ ...st, position }).run();
      searchInsert.run("statement", `${st.paper}#${st.id}`, st.name, "", paperNames.get(st.paper) ?? "", [st.statement, paperTitles.get(st.paper) ?? ""].join("\n"));
    });
    for (const seed of registry.seeds) tx.insert(s.seeds).values(seed).run();
    for (const e of registry.exclusions) tx.insert(s.exclusions).values(e).run();
    tx.insert(s.meta).values({ key: "built_at", value: builtAt.toISOString() }).run();
    tx.insert(s.meta).values({ key: "schema_version", value: "1" }).run();
  });
}

/**
 * Loads and validates all of content/, prose included, and refits every law
 * that declares a refit on released data; throws ContentError listing every
 * problem (a refit that no longer reproduces is one).
 */
export async function loadAndValidate(contentDir: string, opts: { dataDir?: string } = {}): Promise<BuiltRegistry> {
  const registry = loadRegistry(contentDir);
  const prose = await Promise.all(registry.papers.map((p) => checkProse(p.body, p.bodyLine)));
  const problems = registry.papers.flatMap((p, i) => (prose[i] ? [{ file: p.file, field: "body", message: prose[i] }] : []));
  if (problems.length > 0) throw new ContentError(problems);

  const dir = opts.dataDir ?? dataDir();
  const tables = new Map<string, DatasetTable>();
  for (const d of registry.datasets) {
    try {
      tables.set(d.id, readDataset(d, dir));
    } catch (e) {
      problems.push({ file: `datasets/${d.id}.yaml`, field: "", message: e instanceof Error ? e.message : String(e) });
    }
  }
  if (problems.length > 0) throw new ContentError(problems);
  const needsWork = registry.laws.some((l) => l.refits.some((r) => tables.get(r.dataset)?.status === "present"));
  const pool = needsWork ? new NodePool({ size: 2, maxQueue: Number.POSITIVE_INFINITY, timeoutMs: 600_000 }) : null;
  try {
    const { outcomes, errors } = await runRefits(registry.laws, tables, { runner: pool ?? { parallelism: 1, run: () => Promise.reject(new Error("no data to fit")) }, cache: refitCache() });
    for (const { law, refit, error } of errors) {
      const at = registry.origin.get(law.id);
      problems.push({ file: at?.file ?? law.paper, field: refitField.get(refit) ?? "checks", message: `refit on ${refit.dataset} could not run: ${error.message}` });
    }
    for (const law of registry.laws) {
      (outcomes.get(law.id) ?? []).forEach((o, i) => {
        const refit = law.refits[i];
        if (!refit || o.passed || o.status === "data-absent" || o.status === "data-mismatch") return;
        const at = registry.origin.get(law.id);
        problems.push({
          file: at?.file ?? law.paper,
          field: refitField.get(refit) ?? "checks",
          message: `refit failed: ${law.id} on ${refit.dataset}: ${o.summary}${refit.outcome === "discrepancy" ? " (the documented discrepancy no longer holds)" : ""}`,
        });
      });
    }
    if (problems.length > 0) throw new ContentError(problems);
    return { ...registry, tables, refits: outcomes };
  } finally {
    await pool?.close();
  }
}

export async function buildDatabase(opts: { contentDir: string; outFile: string; dataDir?: string }): Promise<BuildResult> {
  const t0 = performance.now();
  bundleWorkers();
  const registry = await loadAndValidate(opts.contentDir, { dataDir: opts.dataDir });
  fs.mkdirSync(path.dirname(opts.outFile), { recursive: true });
  const tmp = `${opts.outFile}.tmp-${process.pid}`;
  fs.rmSync(tmp, { force: true });
  try {
    const sqlite = new Database(tmp);
    try {
      sqlite.pragma("journal_mode = DELETE");
      sqlite.pragma("foreign_keys = ON");
      writeRegistry(sqlite, registry);
      const fk: unknown = sqlite.pragma("foreign_key_check");
      if (Array.isArray(fk) && fk.length > 0) throw new Error(`foreign key check failed: ${JSON.stringify(fk[0])}`);
      const ok = sqlite.pragma("integrity_check", { simple: true });
      if (ok !== "ok") throw new Error(`integrity check failed: ${String(ok)}`);
    } finally {
      sqlite.close();
    }
    // rename(2) is atomic on one filesystem: readers see the old file or the new one, never half.
    fs.renameSync(tmp, opts.outFile);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  let checks = 0;
  for (const r of registry.checks.values()) checks += r.length;
  const outcomes = [...registry.refits.values()].flat();
  return {
    file: opts.outFile,
    papers: registry.papers.length,
    laws: registry.laws.length,
    checks,
    refits: { passed: outcomes.filter((o) => o.passed).length, notChecked: outcomes.filter((o) => o.status === "data-absent" || o.status === "data-mismatch").length },
    ms: performance.now() - t0,
  };
}

async function main(): Promise<void> {
  const outFile = process.env.LAWDEX_DB ?? DEFAULT_DB_PATH;
  const contentDir = process.env.LAWDEX_CONTENT ?? path.join(process.cwd(), "content");
  try {
    const r = await buildDatabase({ contentDir, outFile });
    console.log(
      `db:build: ${r.papers} papers, ${r.laws} laws, ${r.checks} checks passed, ${r.refits.passed} refits hold${r.refits.notChecked ? ` (${r.refits.notChecked} not checked: data not present)` : ""} -> ${path.relative(process.cwd(), r.file)} (${r.ms.toFixed(0)} ms)`,
    );
  } catch (e) {
    if (e instanceof ContentError) {
      console.error(`db:build failed; ${path.relative(process.cwd(), outFile)} was not changed.\n${e.message}`);
    } else {
      console.error(`db:build failed; ${path.relative(process.cwd(), outFile)} was not changed.\n`, e);
    }
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
