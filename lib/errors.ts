/**
 * Errors that carry what a caller needs to fix the input: a stable code, the
 * HTTP status a route should answer with, and the field at fault. Routes map
 * these to `{ error: { code, message, field } }`; anything else is a bug.
 */
export class LawdexError extends Error {
  readonly code: string;
  readonly status: 400 | 404 | 413 | 422 | 503;
  readonly field: string | null;
  constructor(status: 400 | 404 | 413 | 422 | 503, code: string, field: string | null, message: string) {
    super(message);
    this.name = "LawdexError";
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

export const invalid = (field: string | null, message: string) =>
  new LawdexError(400, "invalid_input", field, message);
export const notFound = (field: string | null, message: string) =>
  new LawdexError(404, "not_found", field, message);
export const tooLarge = (field: string | null, message: string) =>
  new LawdexError(413, "too_large", field, message);
/** The server is at its limit for costly work (fits); the caller may retry later. */
export const busy = (field: string | null, message: string) => new LawdexError(503, "busy", field, message);
