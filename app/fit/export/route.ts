/** GET /fit/export?result=<id>&format=json|csv|mdx: the exports of a fit made by the form without JavaScript. */
import { getDb } from "@/db/client";
import { getLaw } from "@/db/queries";
import { invalid, notFound } from "@/lib/errors";
import { type ExportContext, lawEntryMdx, predictionsCsv } from "@/lib/fit/export";
import { handle, queryRecord } from "@/app/_lib/respond";
import { getFit } from "../_store";

export const dynamic = "force-dynamic";

export function GET(req: Request) {
  return handle(() => {
    const q = queryRecord(new URL(req.url), ["result", "format"]);
    const fit = getFit(q.result);
    if (!fit?.response || !fit.data) throw notFound("result", "no such fit (fits made without JavaScript are kept for an hour)");
    const r = fit.response;
    const law = r.law ? getLaw(getDb(), r.law) : null;
    const ctx: ExportContext = {
      inputs: r.inputs.map((s) => law?.inputs.find((i) => i.symbol === s) ?? { symbol: s, quantity: "dimensionless", unit: "1" }),
      output: law ? law.output : { symbol: r.output, quantity: "dimensionless", unit: "1" },
      law: r.law,
      data: fit.data,
    };
    const headers = (type: string, name: string) => ({ "Content-Type": type, "Content-Disposition": `attachment; filename="${name}"`, "Cache-Control": "no-store" });
    switch (q.format) {
      case "json":
        return new Response(JSON.stringify(r, null, 2), { headers: headers("application/json", "fit.json") });
      case "csv":
        return new Response(predictionsCsv(r, ctx), { headers: headers("text/csv; charset=utf-8", "fit-predictions.csv") });
      case "mdx": {
        const { file, text } = lawEntryMdx(r, ctx);
        return new Response(text, { headers: headers("text/markdown; charset=utf-8", file) });
      }
      default:
        throw invalid("format", "format must be json, csv or mdx");
    }
  });
}
