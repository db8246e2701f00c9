/**
 * Errors that carry what a caller needs to fix the input: a stable code, the
 * HTTP status a route should answer with, and the field at fault. Routes map
 * these to `{ error: { code, message, field } }`; anything else is a bug.
 */
import type { z } from "zod";

export class LawdexError extends Error {
  readonly code: string;
  readonly status: 400 | 404 | 413 | 415 | 422 | 503;
  readonly field: string | null;
  /** For an unknown id: the known ids nearest to it (lib/suggest.ts), answered beside the message. */
  readonly suggestions?: string[];
  constructor(status: 400 | 404 | 413 | 415 | 422 | 503, code: string, field: string | null, message: string, suggestions?: string[]) {
    super(message);
    this.name = "LawdexError";
    this.status = status;
    this.code = code;
    this.field = field;
    if (suggestions) this.suggestions = suggestions;
  }
}

export const invalid = (field: string | null, message: string) =>
  new LawdexError(400, "invalid_input", field, message);
export const notFound = (field: string | null, message: string, suggestions?: string[]) =>
  new LawdexError(404, "not_found", field, message, suggestions);
export const tooLarge = (field: string | null, message: string) =>
  new LawdexError(413, "too_large", field, message);
/** The body is not in a format the route reads (a POST route reads application/json). */
export const unsupportedMedia = (field: string | null, message: string) => new LawdexError(415, "unsupported_media_type", field, message);
/** The server is at its limit for costly work (fits); the caller may retry later. */
export const busy = (field: string | null, message: string) => new LawdexError(503, "busy", field, message);

/** A schema issue's path as the caller wrote it: `data.N[3]`, `starts.grid.alpha`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, k) => (typeof k === "number" ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)), "");
}

/**
 * The problem zod found in a request (body or query), as the error to answer
 * with: 400 naming the field (an unknown key names itself, and is reported
 * before the rest, which it often explains), or 413 where `tooBig` gives a
 * message for a list over its limit. A message that goes on from the field's
 * name ("must be ...", "is empty") follows it; one that names the field
 * itself ("missing input D (tokens, token)") stands as it is; any other is
 * prefixed with the field.
 */
export function requestIssue(issues: readonly z.core.$ZodIssue[], tooBig?: (issue: z.core.$ZodIssue, field: string) => string | undefined): LawdexError {
  const issue = issues.find((i) => i.code === "unrecognized_keys") ?? issues[0];
  // zod reports at least one issue with every failure
  if (!issue) return invalid(null, "the request is not valid");
  const field = fieldPath(issue.path) || "body";
  const big = issue.code === "too_big" ? tooBig?.(issue, field) : undefined;
  if (big !== undefined) return tooLarge(field, big);
  if (issue.code === "unrecognized_keys") return invalid(issue.keys[0] ?? field, `unknown field ${issue.keys.join(", ")}${field !== "body" ? ` in ${field}` : ""}`);
  return invalid(field, issueMessage(issue.message, field));
}

const GOES_ON = /^(?:must|may|is|needs|has) /;

function issueMessage(message: string, field: string): string {
  if (GOES_ON.test(message)) return `${field} ${message}`;
  const escaped = field.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?:^|[^\\w.])${escaped}(?:$|[^\\w])`).test(message) ? message : `${field}: ${message}`;
}
