/**
 * What the home page shows first: the laws the registry builds on most, the
 * newest papers, and how many stated results a paper without a law has.
 */
import { count, desc, eq, sql } from "drizzle-orm";
import type { Db } from "./client";
import * as s from "./schema";

export interface LawHighlight {
  id: string;
  name: string;
  paper: string;
  paperTitle: string;
  year: number;
  /** Laws in the registry that refit, replicate, extend, dispute or reuse the form of this one. */
  referredBy: number;
}

/**
 * The laws most built upon: ranked by how many other laws link to them
 * (refits, replications, extensions, disputes, reuses of the form). There is
 * no usage tracking; links written in content are the evidence of use.
 */
export function mostBuiltUpon(db: Db, limit: number): LawHighlight[] {
  const n = count(s.lawLinks.law);
  return db
    .select({ id: s.laws.id, name: s.laws.name, paper: s.laws.paper, paperTitle: s.papers.title, year: s.papers.year, referredBy: sql<number>`count(distinct ${s.lawLinks.law})` })
    .from(s.lawLinks)
    .innerJoin(s.laws, eq(s.laws.id, s.lawLinks.target))
    .innerJoin(s.papers, eq(s.papers.slug, s.laws.paper))
    .groupBy(s.laws.id)
    .orderBy(desc(sql`count(distinct ${s.lawLinks.law})`), desc(n), s.laws.id)
    .limit(limit)
    .all();
}

export interface PaperHighlight {
  slug: string;
  title: string;
  year: number;
  arxiv: string | null;
}

/** The newest papers: by year, then by arXiv number (yymm.nnnnn sorts by date), then title. */
export function newestPapers(db: Db, limit: number): PaperHighlight[] {
  return db
    .select({ slug: s.papers.slug, title: s.papers.title, year: s.papers.year, arxiv: s.papers.arxiv })
    .from(s.papers)
    .orderBy(desc(s.papers.year), desc(sql`coalesce(${s.papers.arxiv}, '')`), s.papers.title)
    .limit(limit)
    .all();
}

/** Stated results (statements) per paper. */
export function statementCounts(db: Db): Map<string, number> {
  return new Map(
    db
      .select({ paper: s.statements.paper, n: count() })
      .from(s.statements)
      .groupBy(s.statements.paper)
      .all()
      .map((r) => [r.paper, r.n] as const),
  );
}
