/**
 * POST /fit/run: the /fit form without JavaScript. Fits on the server within
 * the API's budget (in the worker pool), keeps the answer and redirects to
 * /fit?result=<id>; errors come back the same way, with the form as it was.
 */
import { getDb } from "@/db/client";
import { getLaw } from "@/db/queries";
import { LawdexError } from "@/lib/errors";
import { FORM_FIELDS, type FitForm, requestFromForm } from "@/lib/fit/form";
import { LIMITS, parseFitRequest } from "@/lib/fit/request";
import { runFit } from "@/app/_lib/fit";
import { handle, readText } from "@/app/_lib/respond";
import { keepFit } from "../_store";
import { unitTable } from "../_catalogue";

export const dynamic = "force-dynamic";

export function POST(req: Request) {
  return handle(async () => {
    const type = (req.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
    if (type !== "application/x-www-form-urlencoded") {
      return Response.json({ error: { code: "unsupported_media_type", message: "send the /fit form (application/x-www-form-urlencoded), or use POST /api/v1/fit", field: "body" } }, { status: 415 });
    }
    const params = new URLSearchParams(await readText(req, LIMITS.bodyBytes, "the form"));
    const form: FitForm = {};
    for (const k of FORM_FIELDS) {
      const v = params.get(k);
      if (v !== null) form[k] = v;
    }
    let id: string;
    try {
      const law = form.law ? getLaw(getDb(), form.law) : null;
      if (form.law && !law) throw new LawdexError(404, "not_found", "law", `no law ${form.law.slice(0, 80)}`);
      const { request } = requestFromForm(form, law, unitTable());
      const parsed = parseFitRequest(request);
      const response = await runFit(parsed);
      id = keepFit({
        form,
        response,
        error: null,
        data: { inputs: Object.fromEntries(response.inputs.map((s) => [s, parsed.data[s] ?? []])), y: parsed.data[response.output] ?? [] },
        // the form converted the columns into the law's units
        units: {
          inputs: Object.fromEntries(response.inputs.map((s) => [s, law?.inputs.find((i) => i.symbol === s)?.unit ?? ""])),
          output: law?.output.unit ?? "",
        },
      });
    } catch (e) {
      if (!(e instanceof LawdexError)) throw e;
      id = keepFit({ form, response: null, error: { field: e.field, message: e.message }, data: null, units: null });
    }
    return new Response(null, { status: 303, headers: { Location: `/fit?result=${id}#result`, "Cache-Control": "no-store" } });
  });
}
