/**
 * SQLite tables (drizzle). The database is derived data: db/build.ts writes a
 * fresh file from content/ and swaps it in; the app only reads it. Laws are
 * stored normalised (inputs, coefficients, checks, links are rows) so that
 * they can be queried, with the few nested values (output, verification)
 * as JSON columns typed from the content schema.
 */
import { integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { Law, Output } from "../lib/law";
import type { Dataset, FreeCoefficient, RefitCheck, Verification } from "../lib/content/schema";
import type { RefitOutcome } from "../lib/refit";
import type { PrintSensitivity } from "../lib/precision";

/** Check kinds from strongest to weakest (discrepancy documents a mismatch; refits have their own table). */
export const CHECK_KINDS = ["prediction", "derived", "cross-check", "discrepancy"] as const;

export const papers = sqliteTable("papers", {
  slug: text("slug").primaryKey(),
  title: text("title").notNull(),
  /** Other names the paper is known by (content `aliases`), searched first. */
  aliases: text("aliases", { mode: "json" }).$type<string[]>().notNull().default([]),
  authors: text("authors", { mode: "json" }).$type<string[]>().notNull(),
  year: integer("year").notNull(),
  arxiv: text("arxiv"),
  venue: text("venue"),
  url: text("url"),
  summary: text("summary").notNull(),
  abstract: text("abstract"),
  seed: integer("seed"),
  body: text("body").notNull(),
  file: text("file").notNull(),
});

export const domains = sqliteTable("domains", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  parent: text("parent"),
  description: text("description"),
  position: integer("position").notNull(),
});

export const paperDomains = sqliteTable(
  "paper_domains",
  {
    paper: text("paper").notNull().references(() => papers.slug),
    domain: text("domain").notNull().references(() => domains.id),
  },
  (t) => [primaryKey({ columns: [t.paper, t.domain] })],
);

export const laws = sqliteTable("laws", {
  id: text("id").primaryKey(),
  paper: text("paper").notNull().references(() => papers.slug),
  key: text("key").notNull(),
  position: integer("position").notNull(),
  name: text("name").notNull(),
  /** Other names the law is known by (content `aliases`), searched first. */
  aliases: text("aliases", { mode: "json" }).$type<string[]>().notNull().default([]),
  description: text("description"),
  expr: text("expr").notNull(),
  latex: text("latex").notNull(),
  output: text("output", { mode: "json" }).$type<Output>().notNull(),
  source: text("source").notNull(),
  variant: text("variant", { mode: "json" }).$type<Law["variant"]>(),
  variants: text("variants", { mode: "json" }).$type<Law["variants"]>().notNull(),
  verification: text("verification", { mode: "json" }).$type<Verification>().notNull(),
  unchecked: text("unchecked"),
  /** Free coefficients of a form-only law (null for laws with coefficients). */
  free: text("free", { mode: "json" }).$type<FreeCoefficient[]>(),
  /** How far the printed digits determine the value over the law's ranges (lib/precision.ts); null when not judged. */
  sensitivity: text("sensitivity", { mode: "json" }).$type<PrintSensitivity>(),
});

export const statements = sqliteTable(
  "statements",
  {
    paper: text("paper").notNull().references(() => papers.slug),
    id: text("id").notNull(),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    statement: text("statement").notNull(),
    source: text("source").notNull(),
    verification: text("verification", { mode: "json" }).$type<Verification>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.paper, t.id] })],
);

export const seeds = sqliteTable("seeds", {
  n: integer("n").primaryKey(),
  title: text("title").notNull(),
});

export const exclusions = sqliteTable("exclusions", {
  seed: integer("seed").primaryKey().references(() => seeds.n),
  title: text("title").notNull(),
  arxiv: text("arxiv"),
  reason: text("reason").notNull(),
});

export const lawInputs = sqliteTable(
  "law_inputs",
  {
    law: text("law").notNull().references(() => laws.id),
    position: integer("position").notNull(),
    symbol: text("symbol").notNull(),
    quantity: text("quantity").notNull(),
    unit: text("unit").notNull(),
    latex: text("latex"),
    description: text("description"),
    convention: text("convention"),
    rangeMin: real("range_min"),
    rangeMax: real("range_max"),
    rangeSource: text("range_source"),
    plotMin: real("plot_min"),
    plotMax: real("plot_max"),
    /** positive (null), nonnegative or real: see the content schema. */
    domain: text("domain").$type<"nonnegative" | "real">(),
  },
  (t) => [primaryKey({ columns: [t.law, t.symbol] })],
);

export const coefficients = sqliteTable(
  "coefficients",
  {
    law: text("law").notNull().references(() => laws.id),
    position: integer("position").notNull(),
    symbol: text("symbol").notNull(),
    value: real("value").notNull(),
    printed: text("printed"),
    stderr: real("stderr"),
    /** The unit in the last digit of the value as written in content. */
    step: real("step"),
    source: text("source").notNull(),
    latex: text("latex"),
    note: text("note"),
  },
  (t) => [primaryKey({ columns: [t.law, t.symbol] })],
);

export const checks = sqliteTable(
  "checks",
  {
    law: text("law").notNull().references(() => laws.id),
    position: integer("position").notNull(),
    inputs: text("inputs", { mode: "json" }).$type<Record<string, number>>(),
    of: text("of"),
    expect: real("expect").notNull(),
    relTol: real("rel_tol"),
    absTol: real("abs_tol"),
    kind: text("kind", { enum: CHECK_KINDS }).notNull(),
    /** For a prediction, what the paper measured. */
    measured: text("measured"),
    /** The fitted coefficients the checked number depends on, read from the expression tree by the build. */
    depends: text("depends", { mode: "json" }).$type<string[]>().notNull(),
    source: text("source").notNull(),
    note: text("note"),
    actual: real("actual").notNull(),
    relError: real("rel_error").notNull(),
    passed: integer("passed", { mode: "boolean" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.law, t.position] })],
);

export const lawLinks = sqliteTable(
  "law_links",
  {
    law: text("law").notNull().references(() => laws.id),
    position: integer("position").notNull(),
    type: text("type", { enum: ["refits", "replicates", "extends", "disputes", "uses-form-of"] }).notNull(),
    target: text("target").notNull().references(() => laws.id),
    note: text("note"),
  },
  (t) => [primaryKey({ columns: [t.law, t.position] })],
);

/** Released datasets (content/datasets/) and whether the build found each file as declared. */
export const datasets = sqliteTable("datasets", {
  id: text("id").primaryKey(),
  paper: text("paper").notNull().references(() => papers.slug),
  title: text("title").notNull(),
  spec: text("spec", { mode: "json" }).$type<Dataset>().notNull(),
  status: text("status", { enum: ["present", "absent", "mismatch"] }).notNull(),
  reason: text("reason"),
});

/** Refits of laws from released data, run by the build, with their outcome and the data beside the law. */
export const refits = sqliteTable(
  "refits",
  {
    law: text("law").notNull().references(() => laws.id),
    position: integer("position").notNull(),
    dataset: text("dataset").notNull().references(() => datasets.id),
    spec: text("spec", { mode: "json" }).$type<RefitCheck>().notNull(),
    status: text("status", { enum: ["reproduces", "discrepancy", "differs", "data-absent", "data-mismatch"] }).notNull(),
    passed: integer("passed", { mode: "boolean" }).notNull(),
    summary: text("summary").notNull(),
    outcome: text("outcome", { mode: "json" }).$type<RefitOutcome>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.law, t.position] })],
);

export const quantities = sqliteTable("quantities", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  family: text("family"),
  description: text("description"),
  units: text("units", { mode: "json" }).$type<Record<string, number>>().notNull(),
});

export const meta = sqliteTable("meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});

/**
 * Full-text search. drizzle has no notion of FTS5 virtual tables, so this one
 * is created by SQL. Columns, in the order of SEARCH_COLUMNS:
 *   title        a paper's title, a law's or statement's name
 *   names        what readers call the item: aliases, and for a paper its
 *                first author and year ("Hoffmann et al. 2022")
 *   paper_names  for a law or statement, its paper's names (so "Chinchilla"
 *                finds Hoffmann et al.'s laws)
 *   body         authors, summary, abstract; a law's description, expression,
 *                symbols and its paper's title; a statement's text
 */
export const SEARCH_COLUMNS = ["kind", "ref", "title", "names", "paper_names", "body"] as const;
export const SEARCH_TABLE_SQL = `CREATE VIRTUAL TABLE search USING fts5(
  kind UNINDEXED, ref UNINDEXED, title, names, paper_names, body, tokenize = 'porter unicode61'
)`;
