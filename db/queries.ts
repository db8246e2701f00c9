/**
 * Query verbs over the database. Each takes the database as an argument (so
 * tests can use an in-memory one) and returns plain values or null.
 */
import { and, asc, count, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Check, Law } from "../lib/law";
import { type Quantity, type RefitCheck } from "../lib/content/schema";
import { type Db, perDatabase } from "./client";
import { decodeLaw } from "./law-doc";
import * as s from "./schema";

export type PaperRow = typeof s.papers.$inferSelect;
export type DomainRow = typeof s.domains.$inferSelect;
export type LinkRow = typeof s.lawLinks.$inferSelect;
/** A released dataset as content declares it, with whether the build found its file as declared. */
export type DatasetRow = typeof s.datasets.$inferSelect;
type LawRow = typeof s.laws.$inferSelect;
/** A value check with what the build computed for it. */
export type CheckRow = Check & Pick<typeof s.checks.$inferSelect, "position" | "depends" | "actual" | "relError" | "passed">;
/** A refit with what the build's run of it gave. */
export type RefitRow = typeof s.refits.$inferSelect & { spec: RefitCheck };

/** A paper as lists show it: its metadata, its domains and how many laws it states. */
export type PaperSummary = Pick<PaperRow, "slug" | "title" | "aliases" | "authors" | "year" | "arxiv" | "venue" | "summary"> & {
  domains: string[];
  laws: number;
};

/** A law as stored, with its LaTeX and check results. */
export type StoredLaw = Law & {
  latex: string;
  checkResults: CheckRow[];
  /** What the build's refits from released data gave, in the order of law.refits. */
  refitResults: RefitRow[];
};

function domainsByPaper(db: Db, slugs?: string[]): Map<string, string[]> {
  const rows = db
    .select()
    .from(s.paperDomains)
    .where(slugs ? inArray(s.paperDomains.paper, slugs) : undefined)
    .all();
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.paper, [...(out.get(r.paper) ?? []), r.domain]);
  return out;
}

/** A domain and every domain below it. */
export function subtree(db: Db, id: string): Set<string> {
  const rows = db.select({ id: s.domains.id, parent: s.domains.parent }).from(s.domains).all();
  const out = new Set([id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const r of rows) {
      if (r.parent && out.has(r.parent) && !out.has(r.id)) {
        out.add(r.id);
        grew = true;
      }
    }
  }
  return out;
}

/** Papers, optionally those in a domain or any domain below it. */
export function listPapers(db: Db, opts: { domain?: string } = {}): PaperSummary[] {
  const domains = domainsByPaper(db);
  const within = opts.domain ? subtree(db, opts.domain) : null;
  const lawCounts = new Map(
    db
      .select({ paper: s.laws.paper, n: count() })
      .from(s.laws)
      .groupBy(s.laws.paper)
      .all()
      .map((r) => [r.paper, r.n] as const),
  );
  return db
    .select()
    .from(s.papers)
    .orderBy(asc(s.papers.year), asc(s.papers.slug))
    .all()
    .filter((p) => !within || (domains.get(p.slug) ?? []).some((d) => within.has(d)))
    .map((p) => ({
      slug: p.slug,
      title: p.title,
      aliases: p.aliases,
      authors: p.authors,
      year: p.year,
      arxiv: p.arxiv,
      venue: p.venue,
      summary: p.summary,
      domains: domains.get(p.slug) ?? [],
      laws: lawCounts.get(p.slug) ?? 0,
    }));
}

export function getPaper(db: Db, slug: string): (PaperRow & { domains: string[] }) | null {
  const row = db.select().from(s.papers).where(eq(s.papers.slug, slug)).get();
  if (!row) return null;
  return { ...row, domains: domainsByPaper(db, [slug]).get(slug) ?? [] };
}

export interface DomainSummary extends DomainRow {
  papers: number;
  laws: number;
}

/** Domains with the papers and laws of their whole subtree (a paper in two sub-domains counts once). */
export function listDomains(db: Db): DomainSummary[] {
  const lawCount = new Map(
    db.select({ paper: s.laws.paper, n: count() }).from(s.laws).groupBy(s.laws.paper).all().map((r) => [r.paper, r.n] as const),
  );
  const links = db.select().from(s.paperDomains).all();
  return db
    .select()
    .from(s.domains)
    .orderBy(asc(s.domains.position))
    .all()
    .map((d) => {
      const within = subtree(db, d.id);
      const papers = new Set(links.filter((l) => within.has(l.domain)).map((l) => l.paper));
      let laws = 0;
      for (const p of papers) laws += lawCount.get(p) ?? 0;
      return { ...d, papers: papers.size, laws };
    });
}

export function getDomain(db: Db, id: string): DomainRow | null {
  return db.select().from(s.domains).where(eq(s.domains.id, id)).get() ?? null;
}

// The database is read-only and replaced only by opening a new file (a new Db),
// so a law read once is kept per Db. Bounded by the number of laws.
const lawCache = perDatabase(() => new Map<string, StoredLaw>());

/**
 * The one way laws are read back: each law's document, parsed with the schema
 * the build validated it against, joined with the results of its checks and
 * refits (rows in the order of law.checks and law.refits). A law is parsed
 * once per open database.
 */
function readLaws(db: Db, rows: LawRow[]): StoredLaw[] {
  const cache = lawCache(db);
  const ids = rows.filter((r) => !cache.has(r.id)).map((r) => r.id);
  const group = <T extends { law: string }>(items: T[]) => {
    const m = new Map<string, T[]>();
    for (const it of items) m.set(it.law, [...(m.get(it.law) ?? []), it]);
    return m;
  };
  const checks = group(ids.length ? db.select().from(s.checks).where(inArray(s.checks.law, ids)).orderBy(asc(s.checks.position)).all() : []);
  const refits = group(ids.length ? db.select().from(s.refits).where(inArray(s.refits.law, ids)).orderBy(asc(s.refits.position)).all() : []);
  return rows.map((row) => {
    const hit = cache.get(row.id);
    if (hit) return hit;
    const law = decodeLaw(row.doc, row.id);
    const results = checks.get(row.id) ?? [];
    if (results.length !== law.checks.length) throw new Error(`law ${row.id} has ${law.checks.length} checks but ${results.length} stored results`);
    const stored: StoredLaw = {
      ...law,
      latex: row.latex,
      checkResults: results.map(({ position, depends, actual, relError, passed }) => {
        const check = law.checks[position];
        if (!check) throw new Error(`law ${row.id} has no check ${position}`);
        return { ...check, position, depends, actual, relError, passed };
      }),
      refitResults: (refits.get(row.id) ?? []).map((r) => {
        const spec = law.refits[r.position];
        if (!spec) throw new Error(`law ${row.id} has no refit ${r.position}`);
        return { ...r, spec };
      }),
    };
    cache.set(row.id, stored);
    return stored;
  });
}

export function getLaw(db: Db, id: string): StoredLaw | null {
  const hit = lawCache(db).get(id);
  if (hit) return hit;
  // unknown ids find no row and are not cached: a caller could otherwise fill memory with them
  const row = db.select().from(s.laws).where(eq(s.laws.id, id)).get();
  return row ? (readLaws(db, [row])[0] ?? null) : null;
}

// the whole list is asked for on every compare view; the file is read-only
const allLaws = perDatabase((db) => readLaws(db, db.select().from(s.laws).orderBy(asc(s.laws.paper), asc(s.laws.position)).all()));

export function listLaws(db: Db, opts: { domain?: string; paper?: string } = {}): StoredLaw[] {
  if (!opts.domain && !opts.paper) return allLaws(db);
  const paperFilter = opts.domain
    ? inArray(s.laws.paper, db.select({ p: s.paperDomains.paper }).from(s.paperDomains).where(inArray(s.paperDomains.domain, [...subtree(db, opts.domain)])))
    : undefined;
  const rows = db
    .select()
    .from(s.laws)
    .where(and(paperFilter, opts.paper ? eq(s.laws.paper, opts.paper) : undefined))
    .orderBy(asc(s.laws.paper), asc(s.laws.position))
    .all();
  return readLaws(db, rows);
}

/** Links pointing at a law from other laws (the reverse of law.links). */
export function linksTo(db: Db, lawId: string): LinkRow[] {
  return db.select().from(s.lawLinks).where(eq(s.lawLinks.target, lawId)).all();
}

/** Released datasets, with whether the build found each file as declared. */
export function listDatasets(db: Db, paper?: string): DatasetRow[] {
  const rows = db
    .select()
    .from(s.datasets)
    .orderBy(asc(s.datasets.id))
    .all();
  return paper ? rows.filter((d) => d.paper === paper || d.spec.runs_of === paper) : rows;
}

export function getMeta(db: Db, key: string): string | null {
  return db.select().from(s.meta).where(eq(s.meta.key, key)).get()?.value ?? null;
}

/** Every law's id and name (for "did you mean"), read once per open database. */
export const lawNames = perDatabase((db): { id: string; name: string }[] =>
  db.select({ id: s.laws.id, name: s.laws.name }).from(s.laws).orderBy(asc(s.laws.id)).all(),
);

/** Every paper's slug (as id) and title, read once per open database. */
export const paperNames = perDatabase((db): { id: string; name: string }[] =>
  db.select({ id: s.papers.slug, name: s.papers.title }).from(s.papers).orderBy(asc(s.papers.slug)).all(),
);

export function allLawIds(db: Db): { paper: string; law: string }[] {
  return db
    .select({ id: s.laws.id, paper: s.laws.paper })
    .from(s.laws)
    .all()
    .map((r) => ({ paper: r.paper, law: r.id.slice(r.paper.length + 1) }));
}

export function listQuantities(db: Db): Quantity[] {
  return db
    .select()
    .from(s.quantities)
    .all()
    .map((q) => ({
      id: q.id,
      name: q.name,
      units: q.units,
      ...(q.family !== null ? { family: q.family } : {}),
      ...(q.description !== null ? { description: q.description } : {}),
    }));
}

export type StatementRow = typeof s.statements.$inferSelect;
export type ExclusionRow = typeof s.exclusions.$inferSelect;

export function listStatements(db: Db, paper?: string): StatementRow[] {
  return db
    .select()
    .from(s.statements)
    .where(paper ? eq(s.statements.paper, paper) : undefined)
    .orderBy(asc(s.statements.paper), asc(s.statements.position))
    .all();
}

export function listExclusions(db: Db): ExclusionRow[] {
  return db.select().from(s.exclusions).orderBy(asc(s.exclusions.seed)).all();
}

/** Kinds of evidence for a law, strongest first. */
export const EVIDENCE_TIERS = ["refit", "prediction", "derived", "cross-check"] as const;
export type EvidenceTier = (typeof EVIDENCE_TIERS)[number];

export interface CoverageEntry {
  n: number;
  title: string;
  status: "paper" | "excluded" | "missing";
  paper: string | null;
  /** The strongest kind of evidence any of the paper's laws has (refit > prediction > derived > cross-check), or null. */
  tier: EvidenceTier | null;
  /** Laws with a passing prediction or derived check, or a refit that gives the published numbers back. */
  checkedLaws: number;
  /** Laws with a passing prediction (the law against a number the paper measured). */
  predictedLaws: number;
  /** Laws with a passing derived check (a number the paper computed from two or more fitted coefficients). */
  derivedLaws: number;
  /** Other numeric laws whose only passing checks are transcription cross-checks (not counted as checked). */
  crossCheckedLaws: number;
  /** Laws refitted from released data that give the published numbers back (the strongest evidence). */
  refittedLaws: number;
  /** Laws whose refit from released data does not give the published numbers back (documented). */
  refitDiscrepancies: number;
  /** Refits that could not run here because the data file is absent or differs ("not checked"). */
  refitsNotChecked: number;
  formLaws: number;
  statements: number;
  reason: string | null;
}

/** Every seed with the paper or exclusion that accounts for it. */
export function getCoverage(db: Db): {
  total: number;
  papers: number;
  excluded: number;
  missing: number;
  withCheckedLaw: number;
  withCrossCheckOnly: number;
  withRefit: number;
  /** Seed papers by their strongest tier. */
  byTier: Record<EvidenceTier, number>;
  refitsNotChecked: number;
  seeds: CoverageEntry[];
} {
  const papers = new Map(db.select({ slug: s.papers.slug, seed: s.papers.seed }).from(s.papers).all().flatMap((p) => (p.seed === null ? [] : [[p.seed, p.slug] as const])));
  const excl = new Map(listExclusions(db).map((e) => [e.seed, e.reason]));
  const lawRows = db.select({ id: s.laws.id, paper: s.laws.paper, formOnly: s.laws.formOnly }).from(s.laws).all();
  // a documented discrepancy "holds" but shows non-reproduction and a cross-check only confirms a
  // transcription: only predictions and derived checks (and refits) count as checked
  const passed = db.select({ law: s.checks.law, kind: s.checks.kind }).from(s.checks).where(eq(s.checks.passed, true)).all();
  const predicted = new Set(passed.filter((c) => c.kind === "prediction").map((c) => c.law));
  const derived = new Set(passed.filter((c) => c.kind === "derived").map((c) => c.law));
  const passing = new Set([...predicted, ...derived]);
  const crossChecked = new Set(passed.filter((c) => c.kind === "cross-check").map((c) => c.law));
  // a refit that gives the published numbers back from released data is the strongest evidence a law can have
  const refitRows = db.select({ law: s.refits.law, status: s.refits.status }).from(s.refits).all();
  const refitted = new Set(refitRows.filter((r) => r.status === "reproduces").map((r) => r.law));
  const refitDiffer = new Set(refitRows.filter((r) => r.status === "discrepancy").map((r) => r.law));
  const refitMissing = refitRows.filter((r) => r.status === "data-absent" || r.status === "data-mismatch");
  const stmts = listStatements(db);
  const seeds = db
    .select()
    .from(s.seeds)
    .orderBy(asc(s.seeds.n))
    .all()
    .map((seed): CoverageEntry => {
      const paper = papers.get(seed.n) ?? null;
      const laws = paper ? lawRows.filter((l) => l.paper === paper) : [];
      return {
        n: seed.n,
        title: seed.title,
        status: paper ? "paper" : excl.has(seed.n) ? "excluded" : "missing",
        paper,
        tier: laws.some((l) => refitted.has(l.id))
          ? "refit"
          : laws.some((l) => predicted.has(l.id))
            ? "prediction"
            : laws.some((l) => derived.has(l.id))
              ? "derived"
              : laws.some((l) => crossChecked.has(l.id))
                ? "cross-check"
                : null,
        checkedLaws: laws.filter((l) => (!l.formOnly && passing.has(l.id)) || refitted.has(l.id)).length,
        predictedLaws: laws.filter((l) => predicted.has(l.id)).length,
        derivedLaws: laws.filter((l) => derived.has(l.id)).length,
        crossCheckedLaws: laws.filter((l) => !l.formOnly && !passing.has(l.id) && !refitted.has(l.id) && crossChecked.has(l.id)).length,
        refittedLaws: laws.filter((l) => refitted.has(l.id)).length,
        refitDiscrepancies: laws.filter((l) => refitDiffer.has(l.id)).length,
        refitsNotChecked: refitMissing.filter((r) => laws.some((l) => l.id === r.law)).length,
        formLaws: laws.filter((l) => l.formOnly).length,
        statements: paper ? stmts.filter((st) => st.paper === paper).length : 0,
        reason: excl.get(seed.n) ?? null,
      };
    });
  const byTier: Record<EvidenceTier, number> = { refit: 0, prediction: 0, derived: 0, "cross-check": 0 };
  for (const x of seeds) if (x.tier) byTier[x.tier]++;
  return {
    total: seeds.length,
    papers: seeds.filter((x) => x.status === "paper").length,
    excluded: seeds.filter((x) => x.status === "excluded").length,
    missing: seeds.filter((x) => x.status === "missing").length,
    withCheckedLaw: seeds.filter((x) => x.checkedLaws > 0).length,
    withCrossCheckOnly: seeds.filter((x) => x.checkedLaws === 0 && x.crossCheckedLaws > 0).length,
    withRefit: seeds.filter((x) => x.refittedLaws > 0).length,
    byTier,
    refitsNotChecked: refitMissing.length,
    seeds,
  };
}

export interface SearchHit {
  kind: "paper" | "law" | "statement";
  ref: string;
  /** Title and snippet with matches between \u0001 and \u0002 (rendered as <mark> by the page). */
  title: string;
  snippet: string;
}

export const MARK_START = "\u0001";
export const MARK_END = "\u0002";

/** The words of what a reader typed, as FTS5 sees them (at most 12, each at most 64 characters). */
function queryWords(q: string): string[] {
  return (q.normalize("NFKC").match(/[\p{L}\p{N}_]+/gu)?.slice(0, 12) ?? []).map((w) => w.slice(0, 64));
}

/** One word as an FTS5 phrase: quoted (so it is only text), a prefix when it is the last word typed. */
function phrase(word: string, last: boolean): string {
  return `"${word}"${last ? "*" : ""}`;
}

/**
 * Turns what a reader typed into a safe FTS5 query: only word tokens, each
 * quoted (so FTS5 operators, quotes, * and parentheses in the input are just
 * text), all required; the last one also matches as a prefix.
 */
export function ftsQuery(q: string): string | null {
  const words = queryWords(q);
  if (words.length === 0) return null;
  return words.map((w, i) => phrase(w, i === words.length - 1)).join(" ");
}

/**
 * Where a word can match, from what names an item most to what only mentions
 * it: its own names (an alias such as "Chinchilla", a paper's "Hoffmann et al.
 * 2022"), its paper's names, its title (a paper's title, a law's name).
 * Anything else (summary, abstract, description, symbols) is the body.
 */
const NAMING_COLUMNS = ["names", "paper_names", "title"] as const satisfies readonly (typeof s.SEARCH_COLUMNS)[number][];
/** Places a word can count in: the naming columns by index, then the body. */
const IN_TITLE = NAMING_COLUMNS.indexOf("title");
const IN_BODY = NAMING_COLUMNS.length;

/** Rows of the search table as the queries below select them (raw SQL: drizzle has no FTS5). */
const candidateRows = z.array(z.object({ id: z.number(), kind: z.string(), ref: z.string(), title: z.string(), bm25: z.number() }));
const rowIds = z.array(z.number());
const shownRows = z.array(z.object({ id: z.number(), ref: z.string(), title: z.string().nullable(), snippet: z.string().nullable() }));

/**
 * Search, ranked by what a reader most likely means. Every word of the query
 * must match somewhere. Each word counts in the strongest place it matches
 * (NAMING_COLUMNS in order, then the body), and hits compare by how many words
 * matched in each place, strongest first: "chinchilla" finds the paper called
 * Chinchilla, then that paper's laws, then items with Chinchilla in their
 * title; "kaplan critical batch size" puts Kaplan's critical-batch-size law
 * before another paper's law "(Kaplan form)". On a tie a paper comes before a
 * law, then the shorter title (more of it is what was asked: "Critical batch
 * size, B_crit(L)" before "Critical batch size vs loss, B_crit(L) (Kaplan
 * form)"); where words matched only in the body, BM25 orders by how much of
 * it they are; last, content order (a paper's laws as the paper lists them).
 */
function rankedMatches(db: Db, q: string, kind?: SearchHit["kind"]): { id: number; kind: string; ref: string }[] {
  const words = queryWords(q);
  const query = ftsQuery(q);
  if (!query) return [];
  const sql = db.$client;
  // bm25 weights follow SEARCH_COLUMNS (kind, ref, title, names, paper_names, body); lower is better
  const candidates = candidateRows
    .parse(sql.prepare(`SELECT rowid AS id, kind, ref, title, bm25(search, 0, 0, 10.0, 10.0, 2.0, 1.0) AS bm25 FROM search WHERE search MATCH ?`).all(query))
    .filter((c) => kind === undefined || c.kind === kind);
  if (candidates.length === 0) return [];
  const inColumn = sql.prepare("SELECT rowid AS id FROM search WHERE search MATCH ?").pluck();
  // for each naming column, the candidates each word matches there (a handful of index lookups)
  const matched = NAMING_COLUMNS.map((c) => words.map((w, i) => new Set(rowIds.parse(inColumn.all(`${c} : ${phrase(w, i === words.length - 1)}`)))));
  const place = (id: number, word: number) => {
    const at = matched.findIndex((byWord) => byWord[word]?.has(id));
    return at < 0 ? IN_BODY : at;
  };
  return candidates
    .map((c) => {
      const counts = new Array<number>(IN_BODY + 1).fill(0);
      for (let i = 0; i < words.length; i++) {
        const at = place(c.id, i);
        counts[at] = (counts[at] ?? 0) + 1;
      }
      return { ...c, counts, titleWords: c.title.match(/[\p{L}\p{N}]+/gu)?.length ?? 0 };
    })
    .sort((a, b) => {
      for (let k = 0; k < a.counts.length; k++) {
        const d = (b.counts[k] ?? 0) - (a.counts[k] ?? 0);
        if (d !== 0) return d;
      }
      // counts are equal from here, so each condition below holds for both or neither
      if (a.kind !== b.kind && (a.kind === "paper" || b.kind === "paper")) return a.kind === "paper" ? -1 : 1;
      if ((a.counts[IN_TITLE] ?? 0) > 0 && a.titleWords !== b.titleWords) return a.titleWords - b.titleWords;
      if ((a.counts[IN_BODY] ?? 0) > 0 && a.bm25 !== b.bm25) return a.bm25 - b.bm25;
      return a.id - b.id;
    });
}

/** The ids of the laws (variants included) a query finds, best first: the ranking of searchRegistry. */
export function searchLaws(db: Db, q: string): string[] {
  return rankedMatches(db, q, "law").map((m) => m.ref);
}

/** Search hits (papers, laws, statements) in the order of rankedMatches, with highlighted titles and snippets. */
export function searchRegistry(db: Db, q: string, limit = 50): SearchHit[] {
  const query = ftsQuery(q);
  if (!query) return [];
  const sql = db.$client;
  const col = (name: (typeof s.SEARCH_COLUMNS)[number]) => s.SEARCH_COLUMNS.indexOf(name);
  const ranked = rankedMatches(db, q).slice(0, limit);
  if (ranked.length === 0) return [];
  // highlights and snippets only for the hits returned, in one pass over the matches: a rowid filter
  // beside MATCH would re-run the query for each id. The ids are integers this function read above.
  const top = ranked.map((r) => r.id).filter(Number.isInteger).join(",");
  const shown = new Map(
    shownRows
      .parse(
        sql
          .prepare(
            `SELECT rowid AS id, ref,
                  CASE WHEN rowid IN (${top}) THEN highlight(search, ${col("title")}, char(1), char(2)) END AS title,
                  CASE WHEN rowid IN (${top}) THEN snippet(search, ${col("body")}, char(1), char(2), '…', 16) END AS snippet
             FROM search WHERE search MATCH ?`,
          )
          .all(query),
      )
      .map((r) => [r.id, r]),
  );
  return ranked.flatMap((r) => {
    const h = shown.get(r.id);
    return h ? [{ kind: r.kind === "law" || r.kind === "statement" ? r.kind : "paper", ref: h.ref, title: h.title ?? "", snippet: h.snippet ?? "" }] : [];
  });
}
