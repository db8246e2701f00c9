/**
 * Requests read with zod schemas: JSON bodies, and query strings. A query
 * schema is an object over the parameters; values are read by lib's readers
 * (lib/numeric), so a query and a body say the same about the same number
 * (`N must be greater than 0`), and issues become errors by one rule
 * (lib/errors requestIssue). Unknown and repeated parameters are refused
 * before the schema runs, naming the parameter.
 */
import { z } from "zod";
import { LawdexError, invalid, requestIssue } from "@/lib/errors";
import { type InputDomain, toFiniteNumber, toInputNumber } from "@/lib/numeric";
import type { Law } from "@/lib/law";
import { UNIT_SUFFIX } from "@/lib/inputs";
import { SYMBOL } from "@/lib/content/schema";
import { queryRecord, readJson } from "@/app/_lib/respond";

export type QuerySchema = z.ZodObject<z.ZodRawShape>;

/**
 * A route's query: its schema over the parameters it names, and (for routes
 * that take names the caller chooses, such as a law's inputs or compare's
 * fix.<symbol>) the pattern of those names and how to refuse another.
 */
export interface QuerySpec<S extends QuerySchema = QuerySchema> {
  schema: S;
  /**
   * Names beyond the schema's that the route reads, kept as text: `key` is
   * their pattern, `param` the name the document gives them (a form-style
   * object parameter, each key a parameter of its own), `shown` how messages
   * list them.
   */
  pattern?: { key: RegExp; param: string; shown: string; description: string };
  /** The message for a parameter the route does not read. */
  unknown?: (key: string) => string;
}

/** The query of a route that reads none. */
export const NO_QUERY: QuerySpec = { schema: z.strictObject({}) };

export function listedParams(spec: QuerySpec): string[] {
  return Object.keys(spec.schema.shape);
}

/** A request's query read with its route's spec (see parseQuery). */
export function readQuery<S extends QuerySchema>(req: Request, spec: QuerySpec<S>): { values: z.output<S>; extra: Record<string, string> } {
  return parseQuery(spec, queryRecord(new URL(req.url)));
}

/**
 * The parameters as the schema's output, and those the pattern admits as
 * text (`extra`): 400 naming the first parameter at fault.
 */
export function parseQuery<S extends QuerySchema>(spec: QuerySpec<S>, query: Readonly<Record<string, string>>): { values: z.output<S>; extra: Record<string, string> } {
  const named = listedParams(spec);
  const extra: Record<string, string> = Object.create(null);
  for (const [key, value] of Object.entries(query)) {
    if (Object.hasOwn(spec.schema.shape, key)) continue;
    if (!spec.pattern?.key.test(key)) {
      const allowed = [...named, ...(spec.pattern ? [spec.pattern.shown] : [])];
      throw invalid(key, spec.unknown?.(key) ?? `unknown query parameter ${key}; allowed: ${allowed.join(", ") || "none"}`);
    }
    extra[key] = value;
  }
  const known: Record<string, string> = Object.create(null);
  for (const key of named) if (Object.hasOwn(query, key)) known[key] = query[key] ?? "";
  const r = spec.schema.safeParse(known);
  if (!r.success) throw requestIssue(r.error.issues);
  return { values: r.data, extra };
}

/** A route's JSON body: read within its size limit (415, 413, 400 as readJson says), then parsed with its schema. */
export async function readBody<S extends z.ZodType>(req: Request, body: { json: S; maxBytes: number }, tooBig?: Parameters<typeof requestIssue>[1]): Promise<z.output<S>> {
  return parseBody(body.json, await readJson(req, body.maxBytes), tooBig);
}

/** A JSON body as the schema's output: 400 naming the field at fault, 413 where `tooBig` says so. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown, tooBig?: Parameters<typeof requestIssue>[1]): z.output<S> {
  const r = schema.safeParse(body);
  if (!r.success) throw requestIssue(r.error.issues, tooBig);
  return r.data;
}

/** Runs lib's reader of a value (which throws a LawdexError naming the field) as a zod transform. */
function reading<T>(read: (v: string) => T) {
  return (v: string, ctx: z.core.$RefinementCtx<string>): T => {
    try {
      return read(v);
    } catch (e) {
      if (!(e instanceof LawdexError)) throw e;
      ctx.addIssue({ code: "custom", message: e.message, input: v });
      return z.NEVER;
    }
  };
}

const required = (name: string, what: string) => ({ error: (iss: { input: unknown }) => (iss.input === undefined ? `${name} is required: ${what}` : undefined) });

/** A number written in a query string (lib/numeric's rule: plain decimal, finite). */
export function numberParam(name: string, description: string, read: (v: string, field: string) => number = toFiniteNumber) {
  return z
    .string(required(name, description))
    .meta({ type: "number", description })
    .transform(reading((v) => read(v, name)));
}

/** A choice among fixed words. */
export function choiceParam<const T extends readonly [string, ...string[]]>(name: string, values: T, description: string) {
  return z.enum(values, { error: (iss) => (iss.input === undefined ? `${name} is required: ${description}` : `${name} must be ${values.join(" or ")}`) }).describe(description);
}

/** Text, with a whole-sentence message when it is missing. */
export function textParam(name: string, description: string) {
  return z.string(required(name, description)).describe(description);
}

/** An input of a law, by its symbol: a number in the input's domain (positive unless the law says otherwise). */
function inputParam(input: Law["inputs"][number], optional: boolean) {
  const domain: InputDomain = input.domain ?? "positive";
  const value = z
    .string({ error: (iss) => (iss.input === undefined ? `missing input ${input.symbol} (${input.quantity}, ${input.unit})` : undefined) })
    .transform(reading((v) => toInputNumber(v, input.symbol, domain)));
  return optional ? value.optional() : value;
}

/** The law's inputs as query parameters (`N=7e10&D=1.4e12`), each with an optional unit (`C.unit=PF-day`). */
export function lawInputsShape(law: Law, optional: boolean) {
  const shape: Record<string, z.ZodType<unknown, string | undefined>> = {};
  for (const input of law.inputs) {
    shape[input.symbol] = inputParam(input, optional);
    shape[`${input.symbol}${UNIT_SUFFIX}`] = z.string().optional();
  }
  return shape;
}

/** Refusing a parameter that names no input of the law, as lib/law does for a body. */
export function notAnInputMessage(law: Law) {
  const inputs = law.inputs.map((i) => i.symbol).join(", ");
  return (key: string) =>
    key.endsWith(UNIT_SUFFIX) ? `${key} names no input of ${law.id}; its inputs are ${inputs}` : `${key} is not an input of ${law.id}; its inputs are ${inputs}`;
}

/** How a law's inputs appear in the OpenAPI document: a pattern of names, not a fixed list. */
export const LAW_INPUTS_PATTERN = {
  key: new RegExp(`^${SYMBOL}(?:\\.unit)?$`),
  param: "inputs",
  shown: "<symbol>, <symbol>.unit",
  description: "Each input of the law by its symbol (N=7e10&D=1.4e12); any input may carry a unit as <symbol>.unit (C.unit=PF-day). The law's detail lists its inputs.",
};

/** A per-law schema, built once for each law object (stored laws are kept per database). */
export function perLaw<T>(build: (law: Law) => T): (law: Law) => T {
  const cache = new WeakMap<Law, T>();
  return (law) => {
    let hit = cache.get(law);
    if (hit === undefined) {
      hit = build(law);
      cache.set(law, hit);
    }
    return hit;
  };
}
