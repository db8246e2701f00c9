/**
 * A resolved law as the database holds it: one JSON document, validated by
 * the resolved-law schema on the way in (the build) and on the way out (the
 * queries), so that what is served is what the build checked. These two
 * functions are the only ones that write or read `laws.doc`.
 */
import { type Law, resolvedLawSchema } from "../lib/content/resolved";
import { fieldPath } from "../lib/errors";

// JSON has no Infinity, and a print sensitivity is infinite when a perturbation leaves the law's domain
const INFINITY = "Infinity";

function parsed(data: unknown, what: string): Law {
  const r = resolvedLawSchema.safeParse(data);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw new Error(`${what} is not a resolved law: ${issue ? `${fieldPath(issue.path) || "(the document)"}: ${issue.message}` : r.error.message}`);
}

export function encodeLaw(law: Law): string {
  return JSON.stringify(parsed(law, `law ${law.id}`), (_key, value: unknown) => (value === Number.POSITIVE_INFINITY ? INFINITY : value));
}

export function decodeLaw(doc: string, id: string): Law {
  const data: unknown = JSON.parse(doc, (key, value: unknown) => (key === "relative" && value === INFINITY ? Number.POSITIVE_INFINITY : value));
  return parsed(data, `the stored document of law ${id}`);
}
