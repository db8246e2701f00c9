/**
 * SQLite tables (drizzle). The database is derived data: db/build.ts writes a
 * fresh file from content/ and swaps it in; the app only reads it. A law is
 * stored as one document, the resolved law the build validated (db/law-doc.ts),
 * beside the columns that queries filter, count and search on; check and refit
 * results are rows, so that coverage can count them.
 */
import { integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { z } from "zod";
import { datasetSchema, linkSchema, quantitySchema, valueCheckKindSchema, verificationSchema } from "../lib/content/schema";
import { jsonColumn } from "./json-column";
import { DATA_STATUSES } from "../lib/datasets";
import { refitOutcomeSchema, refitStatusSchema } from "../lib/refit";

/** A list of names (aliases, authors, coefficient symbols) as stored. */
const names = z.array(z.string());

/** A zod enum's values as drizzle takes them: a non-empty tuple. */
function enumValues<T extends string>(options: readonly T[]): [T, ...T[]] {
  const [first, ...rest] = options;
  if (first === undefined) throw new Error("an enum has at least one value");
  return [first, ...rest];
}

/** Check kinds from strongest to weakest (discrepancy documents a mismatch; refits have their own table). */
export const CHECK_KINDS = enumValues(valueCheckKindSchema.options);

export const papers = sqliteTable("papers", {
  slug: text("slug").primaryKey(),
  title: text("title").notNull(),
  /** Other names the paper is known by (content `aliases`), searched first. */
  aliases: jsonColumn("aliases", names).notNull().default([]),
  authors: jsonColumn("authors", names).notNull(),
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
  aliases: jsonColumn("aliases", names).notNull().default([]),
  latex: text("latex").notNull(),
  /** A functional form without published coefficients (content `free:`), counted apart by coverage. */
  formOnly: integer("form_only", { mode: "boolean" }).notNull(),
  /** The resolved law as the build validated it, as JSON (written and read by db/law-doc.ts only). */
  doc: text("doc").notNull(),
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
    verification: jsonColumn("verification", verificationSchema).notNull(),
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

/** The result of each value check of a law, in the order of the law's checks (the check itself is in the law's document). */
export const checks = sqliteTable(
  "checks",
  {
    law: text("law").notNull().references(() => laws.id),
    position: integer("position").notNull(),
    kind: text("kind", { enum: CHECK_KINDS }).notNull(),
    /** The fitted coefficients the checked number depends on, read from the expression tree by the build. */
    depends: jsonColumn("depends", names).notNull(),
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
    type: text("type", { enum: enumValues(linkSchema.shape.type.options) }).notNull(),
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
  /** The dataset as content declares it (read back through the content schema by db/queries.ts). */
  spec: jsonColumn("spec", datasetSchema).notNull(),
  status: text("status", { enum: enumValues(DATA_STATUSES) }).notNull(),
  reason: text("reason"),
});

/** What each refit of a law from released data gave, in the order of the law's refits (the refit itself is in the law's document). */
export const refits = sqliteTable(
  "refits",
  {
    law: text("law").notNull().references(() => laws.id),
    position: integer("position").notNull(),
    dataset: text("dataset").notNull().references(() => datasets.id),
    status: text("status", { enum: enumValues(refitStatusSchema.options) }).notNull(),
    passed: integer("passed", { mode: "boolean" }).notNull(),
    summary: text("summary").notNull(),
    outcome: jsonColumn("outcome", refitOutcomeSchema).notNull(),
  },
  (t) => [primaryKey({ columns: [t.law, t.position] })],
);

export const quantities = sqliteTable("quantities", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  family: text("family"),
  description: text("description"),
  units: jsonColumn("units", quantitySchema.shape.units).notNull(),
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
