/**
 * The one place where route errors become HTTP: a LawdexError answers with its
 * status and `{ error: { code, message, field } }`; anything else is logged
 * once and answers a generic 500 with no internals.
 */
import type { z } from "zod";
import { LawdexError, invalid, tooLarge, unsupportedMedia } from "@/lib/errors";

/** `{ error: { code, message, field } }`, with `suggestions` (the nearest known ids) for an unknown id. */
export function errorResponse(status: number, code: string, message: string, field: string | null, suggestions?: string[]): Response {
  return Response.json({ error: { code, message, field, ...(suggestions ? { suggestions } : {}) } }, { status, headers: { "Cache-Control": "no-store" } });
}

export async function handle(fn: () => Response | Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof LawdexError) return errorResponse(e.status, e.code, e.message, e.field, e.suggestions);
    console.error("lawdex: unexpected error in route", e);
    return errorResponse(500, "internal", "Internal error", null);
  }
}

export function ok(body: unknown, cache = "public, max-age=60"): Response {
  return Response.json(body, { headers: { "Cache-Control": cache } });
}

/**
 * A 200 whose body the type checker holds to the route's answer schema.
 * Outside production the body is also parsed with the schema as it will be
 * sent (after JSON), so every test and dev request checks the contract; in
 * production the types suffice and the hot routes pay nothing.
 */
export function reply<S extends z.ZodType>(schema: S, body: z.input<S>, cache?: string): Response {
  if (process.env.NODE_ENV !== "production") {
    const sent: unknown = JSON.parse(JSON.stringify(body));
    const r = schema.safeParse(sent);
    if (!r.success) throw new Error(`the answer does not match its schema: ${r.error.issues.slice(0, 3).map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ")}`);
  }
  return ok(body, cache);
}

/** Query parameters as a plain record; a key given twice is an error. */
export function queryRecord(url: URL, allowed?: readonly string[]): Record<string, string> {
  // null prototype: a parameter named __proto__ must become a key, not a prototype
  const out: Record<string, string> = Object.create(null);
  for (const [k, v] of url.searchParams) {
    if (Object.hasOwn(out, k)) throw invalid(k, `${k} is given more than once`);
    if (allowed && !allowed.includes(k)) throw invalid(k, `unknown query parameter ${k}; allowed: ${allowed.join(", ") || "none"}`);
    out[k] = v;
  }
  return out;
}

/** Reads a body of at most `limit` bytes as text: 413 past the limit (declared or streamed), 400 when empty. */
export async function readText(req: Request, limit: number, what = "JSON"): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > limit) throw tooLarge("body", `request body is larger than ${limit} bytes`);
  const reader = req.body?.getReader();
  if (!reader) throw invalid("body", `request body is empty; send ${what}`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let step: ReadableStreamReadResult<Uint8Array>;
    try {
      step = await reader.read();
    } catch (e) {
      // the caller went away mid-upload: nobody is left to answer, and it is not the server's fault
      console.warn(`lawdex: client aborted the upload after ${size} bytes (${e instanceof Error ? e.message : String(e)})`);
      throw new LawdexError(400, "client_aborted", "body", "the upload was aborted before its end");
    }
    const { done, value } = step;
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge("body", `request body is larger than ${limit} bytes`);
    }
    chunks.push(value);
  }
  const text = new TextDecoder().decode(Buffer.concat(chunks));
  if (text.trim() === "") throw invalid("body", `request body is empty; send ${what}`);
  return text;
}

/**
 * Reads a JSON body of at most `limit` bytes: 415 unless it is declared
 * application/json (which also keeps browsers from sending it cross-site
 * without a preflight), 413 past the limit, 400 when it is not JSON.
 */
export async function readJson(req: Request, limit: number): Promise<unknown> {
  const type = (req.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") {
    throw unsupportedMedia("content-type", `send the body as application/json (Content-Type: application/json)${type ? `, not ${type}` : ""}`);
  }
  const text = await readText(req, limit);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw invalid("body", `request body is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
}
