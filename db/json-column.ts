/**
 * A JSON column read back through a zod schema: what the build stored is
 * parsed, not asserted, on every read (drizzle's `text({ mode: "json" })
 * .$type<T>()` would only tell the compiler to trust it). A stored value that
 * no longer fits the schema fails naming the column and the field.
 */
import { customType } from "drizzle-orm/sqlite-core";
import type { z } from "zod";
import { fieldPath } from "../lib/errors";

export function jsonColumn<S extends z.ZodType>(name: string, schema: S) {
  return customType<{ data: z.output<S>; driverData: string }>({
    dataType: () => "text",
    toDriver: (value) => JSON.stringify(value),
    fromDriver: (stored) => {
      const r = schema.safeParse(JSON.parse(stored));
      if (r.success) return r.data;
      const issue = r.error.issues[0];
      throw new Error(`stored column ${name} does not fit its schema: ${issue ? `${fieldPath(issue.path) || "(the value)"}: ${issue.message}` : r.error.message}`);
    },
  })(name);
}
