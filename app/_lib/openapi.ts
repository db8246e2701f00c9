/**
 * The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json and
 * validated in the tests. It is generated from the route table
 * (app/_lib/api/routes.ts), whose schemas the routes validate with and type
 * their answers by, so the document and the routes cannot drift. OpenAPI 3.1's
 * Schema Object is JSON Schema 2020-12, zod's default target.
 */
import { z } from "zod";
import { type RouteContract, routes } from "./api/routes";
import type { QuerySpec } from "./api/request";
import * as out from "./api/schemas";

type JsonSchema = Record<string, unknown>;
const REF = (id: string) => `#/components/schemas/${id}`;

/** Parts of answers that several answers share, named in components. */
const shared: [z.ZodType, string][] = [
  [out.intervalSchema, "Interval"],
  [out.inputReportSchema, "InputReport"],
  [out.lawSummarySchema, "LawSummary"],
  [out.lawDetailSchema, "LawDetail"],
  [out.paperSummarySchema, "PaperSummary"],
  [out.datasetEntrySchema, "Dataset"],
  [out.errorSchema, "Error"],
];

type Method = "get" | "post";
const table: Record<string, Partial<Record<Method, RouteContract>>> = routes;
const operations: [string, Method, RouteContract][] = Object.entries(table).flatMap(([path, methods]) =>
  (["get", "post"] as const).flatMap((m): [string, Method, RouteContract][] => {
    const op = methods[m];
    return op ? [[path, m, op]] : [];
  }),
);

/** Each schema of a registry as a component, refs between them by name; answers as they are sent, requests as they may be sent. */
function generate(entries: [z.ZodType, string][], io: "input" | "output"): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [schema, id] of entries) if (!registry.has(schema)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { io, uri: REF });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, s]) => {
      const { $schema: _schema, $id: _id, ...rest } = s;
      return [id, rest];
    }),
  );
}

function queryParameters(spec: QuerySpec | undefined) {
  if (!spec) return [];
  const { properties = {}, required = [] } = z.toJSONSchema(spec.schema, { io: "input" });
  const named = Object.entries(properties).map(([name, schema]) => {
    const { description, examples, ...rest } = typeof schema === "object" ? schema : {};
    return {
      name,
      in: "query",
      required: required.includes(name),
      schema: rest,
      ...(description !== undefined ? { description } : {}),
      ...(Array.isArray(examples) && examples.length > 0 ? { example: examples[0] } : {}),
    };
  });
  const pattern = spec.pattern;
  return pattern
    ? [
        ...named,
        {
          name: pattern.param,
          in: "query",
          required: false,
          style: "form",
          explode: true,
          schema: { type: "object", propertyNames: { pattern: pattern.key.source }, additionalProperties: { type: "string" } },
          description: `${pattern.description.replace(/\.?$/, ".")} Parameters named ${pattern.shown}.`,
        },
      ]
    : named;
}

const error = { description: "Bad input, unknown id, too large, or not possible here", content: { "application/json": { schema: { $ref: REF("Error") } } } };

function operation(op: RouteContract) {
  const path = Object.entries(op.path ?? {}).map(([name, p]) => ({
    name,
    in: "path",
    required: true,
    description: p.description,
    schema: { type: "string", ...(p.pattern ? { pattern: p.pattern } : {}) },
    ...(p.example ? { example: p.example } : {}),
  }));
  const parameters = [...path, ...queryParameters(op.query)];
  const ok =
    "json" in op.response
      ? { description: "OK", content: { "application/json": { schema: { $ref: REF(op.response.name) } } } }
      : { description: op.response.description, content: { [op.response.media]: { schema: { type: "string" } } } };
  // a route that reads nothing from the caller (health, this document) has no errors to describe
  const statuses = op.query || op.path || op.body ? [400, 404, ...(op.errors ?? [])] : [];
  return {
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(op.body
      ? {
          requestBody: {
            required: true,
            content: {
              "application/json": { schema: { $ref: REF(op.body.name) } },
              ...(op.body.csv ? { "text/csv": { schema: { type: "string", description: op.body.csv } } } : {}),
            },
          },
        }
      : {}),
    responses: { "200": ok, ...Object.fromEntries(statuses.map((s) => [String(s), error])) },
  };
}

function document() {
  const answers: [z.ZodType, string][] = [...shared];
  const requests: [z.ZodType, string][] = [];
  for (const [, , op] of operations) {
    if ("json" in op.response) answers.push([op.response.json, op.response.name]);
    if (op.body) requests.push([op.body.json, op.body.name]);
  }
  const paths: Record<string, Partial<Record<Method, ReturnType<typeof operation>>>> = {};
  for (const [path, method, op] of operations) (paths[path] ??= {})[method] = operation(op);
  return {
    openapi: "3.1.0",
    info: {
      title: "Lawdex API",
      version: "1.0.0",
      description:
        "Executable empirical laws from the research literature. Every error is { error: { code, message, field } } with status 400, 404, 413, 415, 422 or 503; the message is a sentence naming the field and what it expected. Every GET refuses a query parameter it does not read (400 naming it).",
    },
    servers: [{ url: "/" }],
    paths,
    components: { schemas: { ...generate(answers, "output"), ...generate(requests, "input") } },
  };
}

export const openapi = document();
