import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GET as compareGET } from "@/app/api/v1/compare/route";
import { GET as svgGET } from "@/app/compare/chart.svg/route";
import { GET as pickerGET } from "@/app/compare/picker/route";
import { findLaw, getQuantities } from "@/app/_lib/lookup";
import { wrap } from "@/app/compare/_figure";
import { compare, compareQuery } from "@/lib/compare";

const BASE = "http://lawdex.test";
type Series = { law: string; label: string; citation: string | null; points: [number, number | null][]; band: ([number, number] | null)[] | null };
type Body = Record<string, unknown> & { error?: { code: string; message: string; field: string | null } };
async function call(res: Promise<Response> | Response) {
  const r = await res;
  return { status: r.status, body: (await r.json()) as Body };
}
const THREE = "laws=hoffmann-2022-chinchilla/loss-nd,hoffmann-2022-chinchilla/loss-nd~unrounded,besiroglu-2024-replication/loss-nd&x=compute";

describe("GET /api/v1/compare?at=", () => {
  it("returns the table at exactly those x, the values compare() gives there", async () => {
    const { status, body } = await call(compareGET(new Request(`${BASE}/api/v1/compare?${THREE}&at=1e20,5.76e23`)));
    expect(status).toBe(200);
    const table = body.table as { at: number[]; series: Series[] };
    expect(table.at).toEqual([1e20, 5.76e23]);
    const q = getQuantities();
    const req = compareQuery(
      { laws: "hoffmann-2022-chinchilla/loss-nd,hoffmann-2022-chinchilla/loss-nd~unrounded,besiroglu-2024-replication/loss-nd", x: "compute" },
      (id, field) => findLaw(id, field),
      q,
    );
    const direct = compare({ ...req, xs: [1e20, 5.76e23] }, q);
    expect(table.series.map((s) => s.points)).toEqual(direct.series.map((s) => s.points));
    expect(table.series.map((s) => s.band)).toEqual(direct.series.map((s) => s.band));
    // the chart's own series is still the grid
    expect((body.series as Series[])[0]?.points).toHaveLength(60);
  });

  it("names paper and law in each series' label", async () => {
    const { body } = await call(compareGET(new Request(`${BASE}/api/v1/compare?${THREE}&points=2`)));
    const series = body.series as Series[];
    expect(series.map((s) => s.citation)).toEqual(["Hoffmann et al. 2022", "Hoffmann et al. 2022", "Besiroglu et al. 2024"]);
    expect(series[0]?.label).toBe("Hoffmann et al. 2022 — Parametric loss, L(N, D) (approach 3) — Printed coefficients (Eq. 10, rounded)");
    expect(body.table).toBeUndefined();
  });

  it.each([
    { at: "1e20,-1", field: "at[1]" },
    { at: "1e20,abc", field: "at[1]" },
    { at: Array.from({ length: 13 }, (_, i) => `1e${18 + (i % 8)}`).join(","), field: "at" },
  ])("refuses at=$at naming $field", async ({ at, field }) => {
    const { status, body } = await call(compareGET(new Request(`${BASE}/api/v1/compare?${THREE}&at=${at}`)));
    expect(status).toBe(400);
    expect(body.error?.field).toBe(field);
  });
});

describe("GET /compare/picker", () => {
  const get = (q: string) => call(pickerGET(new Request(`${BASE}/compare/picker?${q}`)));
  type Hit = { id: string; citation: string; problem: string | null };

  it("offers Hoffmann et al.'s laws for 'Chinchilla'", async () => {
    const { status, body } = await get("q=Chinchilla");
    expect(status).toBe(200);
    const hits = body.hits as Hit[];
    expect(hits[0]).toMatchObject({ id: "hoffmann-2022-chinchilla/loss-nd", citation: "Hoffmann et al. 2022", problem: null });
  });

  it("leaves out the laws chosen and says which others cannot join them", async () => {
    const { body } = await get("q=chinchilla&laws=hoffmann-2022-chinchilla/loss-nd");
    const hits = body.hits as Hit[];
    expect(hits.map((h) => h.id)).not.toContain("hoffmann-2022-chinchilla/loss-nd");
    expect(hits.find((h) => h.id === "hoffmann-2022-chinchilla/loss-nd~unrounded")?.problem).toBeNull();
    expect(hits.find((h) => h.id === "hoffmann-2022-chinchilla/n-opt")?.problem).toBe("predicts Parameters (total, including embeddings); the chart shows Cross-entropy loss");
  });

  it.each([
    { q: "q=x&colour=red", status: 400, field: "colour" },
    { q: `q=${"a".repeat(201)}`, status: 400, field: "q" },
    { q: `q=a&laws=${Array.from({ length: 9 }, () => "kaplan-2020-scaling/loss-n").join(",")}`, status: 400, field: "laws" },
    { q: "q=a&laws=kaplan-2020-scaling/nope", status: 404, field: "laws[0]" },
    { q: "q=a&q=b", status: 400, field: "q" },
  ])("answers $q with $status naming $field", async ({ q, status, field }) => {
    const r = await get(q);
    expect(r.status).toBe(status);
    expect(r.body.error?.field).toBe(field);
  });
});

describe("GET /compare/picker under generated queries", () => {
  it("never answers 5xx, and every error names a field in the documented shape", async () => {
    const word = fc.oneof(fc.constantFrom("q", "laws", "__proto__", "constructor", "find", "at"), fc.string({ maxLength: 8 }));
    const value = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom("Chinchilla", "kaplan-2020-scaling/loss-n", "hoffmann-2022-chinchilla/loss-nd,x/y", "a".repeat(300), "%", ",,,"),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(word, value), { maxLength: 4 }), async (pairs) => {
        const qs = new URLSearchParams(pairs).toString();
        const r = await pickerGET(new Request(`${BASE}/compare/picker?${qs}`));
        expect(r.status).toBeLessThan(500);
        const body = (await r.json()) as Body & { hits?: unknown[] };
        if (r.status >= 400) expect(typeof body.error?.field).toBe("string");
        else expect(Array.isArray(body.hits)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe("the figure's text", () => {
  it("wraps into lines that fit and read as the text again (property)", () => {
    const words = fc.array(fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom("http://x.test/compare?laws=a/b,c/d&x=compute&at=1e20,1e22")), { maxLength: 30 });
    fc.assert(
      fc.property(words, fc.integer({ min: 10, max: 120 }), (ws, chars) => {
        const text = ws.map((w) => w.replace(/\s+/g, "_")).join(" ");
        const lines = wrap(text, chars);
        expect(lines.join("")).toBe(text.split(" ").filter(Boolean).join(" "));
        for (const line of lines) expect(line.trimEnd().length).toBeLessThanOrEqual(chars);
      }),
      { numRuns: 500 },
    );
  });
});

describe("GET /compare/chart.svg", () => {
  const texts = (svg: string, cls: string) =>
    [...svg.matchAll(new RegExp(`<text class="${cls}"[^>]*>(.*?)</text>`, "g"))].map((m) => (m[1] as string).replace(/<[^>]+>/g, "").replace(/&amp;/g, "&"));

  it("stands alone: title, legend naming paper and law, source with the comparison's address and the papers", async () => {
    const res = await svgGET(new Request(`${BASE}/compare/chart.svg?${THREE}&at=1e20,1e22`));
    expect(res.status).toBe(200);
    const svg = await res.text();
    expect(texts(svg, "title")).toEqual(["Cross-entropy loss (nat/token) against training compute (FLOP)"]);
    expect(texts(svg, "label")).toEqual([
      "Hoffmann et al. 2022 — Parametric loss, L(N, D) (approach 3) — Printed coefficients (Eq. 10, rounded)",
      "Hoffmann et al. 2022 — Parametric loss, L(N, D) (approach 3) — Unrounded coefficients (TeX source, via Besiroglu et al. 2024)",
      "Besiroglu et al. 2024 — Refitted parametric loss, L(N, D) — Table 1 (maximum-likelihood fit with bootstrap standard errors)",
    ]);
    const [source] = texts(svg, "source");
    expect(source).toContain(`Source: Lawdex, ${BASE}/compare?${THREE}&at=1e20,1e22`);
    expect(source).toContain("Hoffmann et al. 2022, “Training Compute-Optimal Large Language Models”, arXiv:2203.15556");
    expect(source).toContain("Besiroglu et al. 2024, “Chinchilla Scaling: A replication attempt”, arXiv:2404.10102");
    // the table's values are marked: three laws at two x
    expect(svg.match(/class="recharts-layer recharts-reference-dot table-mark"/g)).toHaveLength(6);
  });

  it("prints the host the reader asked, and nothing that is not a host name", async () => {
    const get = (host: string) => svgGET(new Request(`${BASE}/compare/chart.svg?laws=kaplan-2020-scaling/loss-n`, { headers: { host } }));
    const asked = await get("lawdex.example:8080");
    expect(asked.headers.get("vary")).toBe("Host");
    expect(texts(await asked.text(), "source")[0]).toContain("Source: Lawdex, http://lawdex.example:8080/compare?laws=kaplan-2020-scaling/loss-n");
    const hostile = await get('x"><script>alert(1)</script>');
    const svg = await hostile.text();
    expect(svg).not.toContain("<script>");
    expect(texts(svg, "source")[0]).toContain(`Source: Lawdex, ${BASE}/compare?`);
  });
});
