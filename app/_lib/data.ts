import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { getDomain, getLaw, type StoredLaw } from "@/db/queries";
import { invalid } from "@/lib/errors";

/** The law for a page's params, or the 404 page. */
export function lawOr404(paper: string, law: string): StoredLaw {
  const found = getLaw(getDb(), `${decodeURIComponent(paper)}/${decodeURIComponent(law)}`);
  if (!found) notFound();
  return found;
}

export function lawHref(id: string): string {
  const [paper, law] = id.split("/");
  return `/laws/${paper}/${law}`;
}

export const LEVEL_LABEL = {
  paper: "read in the paper",
  code: "from the authors' code",
  secondary: "from a secondary source",
} as const;

/** A page's query as a plain record (null prototype); a parameter given twice is an error naming it. */
export function flatQuery(params: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const [k, v] of Object.entries(params)) {
    if (Array.isArray(v)) throw invalid(k, `${k} is given more than once`);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/** A domain and its ancestors, root first, as id and display name (a loop in the tree stops the walk). */
export function domainTrail(id: string): { id: string; name: string }[] {
  const db = getDb();
  const trail: { id: string; name: string }[] = [];
  const seen = new Set<string>();
  let d = getDomain(db, id);
  while (d && !seen.has(d.id)) {
    seen.add(d.id);
    trail.unshift({ id: d.id, name: d.name });
    d = d.parent ? getDomain(db, d.parent) : null;
  }
  return trail;
}
