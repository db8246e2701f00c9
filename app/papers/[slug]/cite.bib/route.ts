import { findPaper } from "@/app/_lib/lookup";
import { handle } from "@/app/_lib/respond";
import { bibtex } from "@/lib/bibtex";

type Ctx = { params: Promise<{ slug: string }> };

/** /papers/{slug}/cite.bib: the paper's BibTeX entry (an unknown slug: 404 in the API's error shape, with the nearest slugs). */
export async function GET(_req: Request, ctx: Ctx) {
  return handle(async () => {
    const { slug } = await ctx.params;
    return new Response(bibtex(findPaper(slug)), {
      headers: { "Content-Type": "application/x-bibtex; charset=utf-8", "Cache-Control": "public, max-age=3600" },
    });
  });
}
