import { getDb, perDatabase } from "@/db/client";
import { type StoredLaw, getLaw, getPaper, lawNames, listQuantities, paperNames } from "@/db/queries";
import { Quantities } from "@/lib/quantities";
import { invalid, notFound } from "@/lib/errors";
import { didYouMean, nearestIds } from "@/lib/suggest";
import { lawIdSchema, slugSchema } from "@/lib/content/schema";

/** A law by id, or a 404 (400 when the id is not even well formed). */
export function findLaw(id: unknown, field = "law"): StoredLaw {
  if (typeof id !== "string") throw invalid(field, `${field} must be a law id string like "hoffmann-2022-chinchilla/loss-nd"`);
  if (!lawIdSchema.safeParse(id).success) throw invalid(field, `${field} "${id.slice(0, 80)}" is not a law id (expected <paper-slug>/<law-id>)`);
  const db = getDb();
  const law = getLaw(db, id);
  if (!law) {
    const near = nearestIds(id, lawNames(db));
    throw notFound(field, `no law ${id}${didYouMean(near)}`, near);
  }
  return law;
}

/** A paper by slug, or a 404 suggesting the nearest slugs (400 when the slug is not even well formed). */
export function findPaper(slug: string, field = "slug") {
  if (!slugSchema.safeParse(slug).success) throw invalid(field, `"${slug.slice(0, 80)}" is not a paper slug`);
  const db = getDb();
  const paper = getPaper(db, slug);
  if (!paper) {
    const near = nearestIds(slug, paperNames(db));
    throw notFound(field, `no paper ${slug}${didYouMean(near)}`, near);
  }
  return paper;
}

export function paperOf(law: StoredLaw) {
  const paper = getPaper(getDb(), law.paper);
  if (!paper) throw new Error(`law ${law.id} has no paper row`);
  return paper;
}

const quantitiesOf = perDatabase((db) => new Quantities(listQuantities(db)));

/** The quantities of the database in use (re-read when a rebuilt file is opened). */
export function getQuantities(): Quantities {
  return quantitiesOf(getDb());
}
