import { describe, expect, it } from "vitest";
import { GET as csvGET } from "@/app/api/v1/export/laws.csv/route";
import { GET as jsonGET } from "@/app/api/v1/export/registry.json/route";
import { GET as lawsGET } from "@/app/api/v1/laws/route";
import { GET as bibGET } from "@/app/papers/[slug]/cite.bib/route";
import { expectClose } from "../helpers";

const req = (p: string) => new Request(`http://lawdex.test${p}`);

describe("exports", () => {
  it("laws.csv has one row per law, quoted where needed", async () => {
    const res = await csvGET(req("/api/v1/export/laws.csv"));
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const lines = (await res.text()).trim().split("\n");
    const count = ((await (await lawsGET(req("/api/v1/laws"))).json()) as { count: number }).count;
    expect(lines[0]).toBe("id,paper,name,kind,expr,output,inputs,coefficients,verification,source");
    expect(lines).toHaveLength(count + 1);
    expect(lines.find((l) => l.startsWith("hoffmann-2022-chinchilla/loss-nd,"))).toContain("E = 1.69; A = 406.4; B = 410.7; alpha = 0.34; beta = 0.28");
  });
  it("coefficients.csv has one row per coefficient in the registry, tidy, with errors and sources", async () => {
    const { GET: coefGET } = await import("@/app/api/v1/export/coefficients.csv/route");
    const { parseCsv } = await import("@/lib/csv");
    const { getDb } = await import("@/db/client");
    const res = await coefGET(req("/api/v1/export/coefficients.csv"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const text = await res.text();
    const { header, rows } = parseCsv(text);
    expect(header).toEqual(["law", "variant", "law_id", "symbol", "value", "stderr", "printed", "source"]);
    // counted in the database's own stored documents, not from the laws the export walks
    const stored = getDb().$client.prepare("SELECT sum(json_array_length(doc, '$.coefficients')) FROM laws").pluck().get() as number;
    expect(rows).toHaveLength(stored);
    expect(stored).toBeGreaterThan(500);
    const lines = text.split("\n");
    // Hoffmann et al.'s printed A, and the unrounded one the registry computes from the printed log
    expect(lines).toContain("hoffmann-2022-chinchilla/loss-nd,printed,hoffmann-2022-chinchilla/loss-nd,A,406.4,,,Eq. 10");
    const unrounded = rows.find((r) => r[2] === "hoffmann-2022-chinchilla/loss-nd~unrounded" && r[3] === "A");
    expect(unrounded?.slice(0, 2)).toEqual(["hoffmann-2022-chinchilla/loss-nd", "unrounded"]);
    expectClose(Number(unrounded?.[4]), Math.exp(6.0073404), 1e-15);
    expect(unrounded?.[6]).toBe("exp(6.0073404)");
    // a standard error where the paper gives one, none where it does not; a law with one coefficient set is the default set
    expect(lines).toContain("besiroglu-2024-replication/loss-nd,table-1,besiroglu-2024-replication/loss-nd,A,482.01,124.58,,Table 1");
    expect(lines).toContain("besiroglu-2024-replication/loss-nd,replicate-exactly,besiroglu-2024-replication/loss-nd~replicate-exactly,A,477.84171252965143,,,Notebook cell 18 output (A=477.84171252965143)");
    expect(rows.filter((r) => r[0] === "kaplan-2020-scaling/loss-n").map((r) => [r[1], r[3], r[4]])).toEqual([
      ["default", "alpha_N", "0.076"],
      ["default", "N_c", "88000000000000"],
    ]);
  });
  it("registry.json is versioned and complete", async () => {
    const body = (await (await jsonGET(req("/api/v1/export/registry.json"))).json()) as Record<string, unknown[]> & { version: number; format: string };
    expect(body.format).toBe("lawdex-registry");
    expect(body.version).toBe(1);
    for (const key of ["papers", "laws", "statements", "exclusions", "domains", "quantities"]) expect(Array.isArray(body[key])).toBe(true);
    expect((body.exclusions as unknown[]).length).toBeGreaterThanOrEqual(14);
  });
  it("serves a paper's BibTeX, and 404s an unknown paper in the error shape", async () => {
    const ok = await bibGET(req("/papers/kaplan-2020-scaling/cite.bib"), { params: Promise.resolve({ slug: "kaplan-2020-scaling" }) });
    expect(ok.headers.get("content-type")).toBe("application/x-bibtex; charset=utf-8");
    expect(await ok.text()).toMatch(/^@article\{kaplan2020scaling,\n  title = \{\{Scaling Laws for Neural Language Models\}\},/);
    const missing = await bibGET(req("/papers/x/cite.bib"), { params: Promise.resolve({ slug: "nobody-2031-x" }) });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: "not_found", message: "no paper nobody-2031-x", field: "slug", suggestions: [] } });
    const near = await bibGET(req("/papers/x/cite.bib"), { params: Promise.resolve({ slug: "hoffmann-2022-chinchila" }) });
    expect(near.status).toBe(404);
    expect(((await near.json()) as { error: { suggestions: string[] } }).error.suggestions[0]).toBe("hoffmann-2022-chinchilla");
  });
});

describe("BibTeX of every paper", () => {
  it("keeps the P² title as LaTeX through the route", async () => {
    const res = await bibGET(req("/papers/chen-2024-pruning/cite.bib"), { params: Promise.resolve({ slug: "chen-2024-pruning" }) });
    const text = await res.text();
    expect(text).toMatch(/^@inproceedings\{chen2024pruning,\n  title = \{\{P\$\^2\$ Law: Scaling Law for Post-Training After Model Pruning\}\},\n/);
    expect(text).toContain("  year = {2025},\n  booktitle = {ACL 2025},\n");
    expect(text).not.toContain("textasciicircum");
  });
  it("is consistent for every paper: a known venue kind, the year of the version cited, the arXiv id as eprint", async () => {
    const { getDb } = await import("@/db/client");
    const { listPapers } = await import("@/db/queries");
    const { bibtex, parseVenue } = await import("@/lib/bibtex");
    for (const p of listPapers(getDb())) {
      const { venue } = parseVenue(p.venue);
      expect([p.slug, venue.kind]).not.toEqual([p.slug, "other"]);
      const entry = bibtex(p);
      const field = (name: string) => new RegExp(`\\n  ${name} = \\{(.*)\\},?\\n`).exec(entry)?.[1];
      const year = Number(field("year"));
      if (venue.kind === "proceedings") {
        expect(entry.startsWith("@inproceedings{")).toBe(true);
        expect(field("booktitle")).toMatch(new RegExp(`${year}$`));
      } else {
        expect(entry.startsWith("@article{")).toBe(true);
        if (venue.kind === "preprint") expect(year).toBe(p.year);
      }
      // a venue's year is never before the preprint's
      expect(year).toBeGreaterThanOrEqual(p.year);
      if (p.arxiv) expect(field("eprint")).toBe(p.arxiv);
    }
  });
});

describe("law chart exports", () => {
  const ctx = (paper: string, law: string) => ({ params: Promise.resolve({ paper, law }) });
  it("serves the law's chart as SVG and its series as CSV", async () => {
    const { GET: svgGET } = await import("@/app/laws/[paper]/[law]/chart.svg/route");
    const { GET: csvGET2 } = await import("@/app/laws/[paper]/[law]/chart.csv/route");
    const svg = await (await svgGET(req("/x"), ctx("kaplan-2020-scaling", "loss-n"))).text();
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toMatch(/class="recharts-curve recharts-line-curve"[^>]*d="M/);
    const csv = (await (await csvGET2(req("/x"), ctx("kaplan-2020-scaling", "loss-n"))).text()).trim().split("\n");
    expect(csv[0]).toBe("N (param),L (nat/token) L,extrapolated L");
    // one row per drawn x: increasing, positive, the law's value in the fitted or the extrapolated column (both where they meet)
    const rows = csv.slice(1).map((line) => line.split(","));
    expect(rows.length).toBeGreaterThanOrEqual(50);
    const xs = rows.map((r) => Number(r[0]));
    for (let i = 0; i < rows.length; i++) {
      expect(rows[i], csv[i + 1]).toHaveLength(3);
      expect(xs[i], csv[i + 1]).toBeGreaterThan(i === 0 ? 0 : (xs[i - 1] as number));
      expect(rows[i]?.slice(1).filter((v) => v !== "" && Number.isFinite(Number(v))).length, csv[i + 1]).toBeGreaterThanOrEqual(1);
    }
  });
  it("answers 422 for a form-only law and 404 for an unknown one", async () => {
    const { GET: svgGET } = await import("@/app/laws/[paper]/[law]/chart.svg/route");
    expect((await svgGET(req("/x"), ctx("gao-2022-overoptimization", "gold-reward-bon"))).status).toBe(422);
    expect((await svgGET(req("/x"), ctx("kaplan-2020-scaling", "nope"))).status).toBe(404);
  });
});
