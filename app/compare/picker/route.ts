import { z } from "zod";
import { findLaw, getQuantities } from "@/app/_lib/lookup";
import { handle, ok, queryRecord } from "@/app/_lib/respond";
import { requestIssue } from "@/lib/errors";
import { MAX_COMPARE_LAWS } from "@/lib/compare";
import { MAX_PICKER_QUERY } from "@/lib/picker";
import { pickerHits } from "@/app/_lib/compare-catalog";

const querySchema = z.strictObject({
  q: z.string().max(MAX_PICKER_QUERY, `at most ${MAX_PICKER_QUERY} characters`).default(""),
  laws: z
    .string()
    .default("")
    .transform((s) => s.split(",").map((id) => id.trim()).filter(Boolean))
    .pipe(z.array(z.string()).max(MAX_COMPARE_LAWS, `at most ${MAX_COMPARE_LAWS} laws`)),
});

/**
 * GET /compare/picker?q=<words>&laws=<ids chosen>: the laws the compare
 * view's picker offers as the reader types (the page answers the same search
 * without JavaScript), each with why it cannot join the chosen laws, if so.
 */
export function GET(req: Request) {
  return handle(() => {
    const parsed = querySchema.safeParse(queryRecord(new URL(req.url)));
    if (!parsed.success) throw requestIssue(parsed.error.issues);
    const chosen = parsed.data.laws.map((id, i) => findLaw(id, `laws[${i}]`));
    return ok(pickerHits(parsed.data.q, chosen, getQuantities()), "public, max-age=300");
  });
}
