import { describe, expect, it } from "vitest";
import { findLaws, pickerEntry } from "@/lib/picker";
import { quantities, registry } from "../registry";

const papers = new Map(registry.papers.map((p) => [p.slug, p]));
const entries = registry.laws.filter((l) => !l.free).map((l) => pickerEntry(l, papers.get(l.paper) as NonNullable<ReturnType<typeof papers.get>>, quantities));

describe("findLaws", () => {
  it("finds Hoffmann et al.'s laws for 'Chinchilla', and only theirs first", () => {
    const { hits, total } = findLaws(entries, "Chinchilla");
    expect(total).toBeGreaterThanOrEqual(6);
    expect(hits[0]?.citation).toBe("Hoffmann et al. 2022");
    expect(hits.slice(0, 6).every((h) => h.paper === "hoffmann-2022-chinchilla")).toBe(true);
    expect(hits[0]?.id).toBe("hoffmann-2022-chinchilla/loss-nd");
  });

  it.each([
    { name: "author and what the law predicts", q: "kaplan batch size", first: "kaplan-2020-scaling/b-crit" },
    { name: "the law's name as printed", q: "L(C_min)", first: "kaplan-2020-scaling/loss-cmin" },
    { name: "case does not matter", q: "BESIROGLU", paper: "besiroglu-2024-replication" },
  ])("$name: $q", ({ q, first, paper }) => {
    const { hits } = findLaws(entries, q);
    if (first) expect(hits[0]?.id).toBe(first);
    if (paper) expect(hits[0]?.paper).toBe(paper);
  });

  it("ignores accents, in the query and in names", () => {
    const accented = pickerEntry(registry.laws.find((l) => l.id === "kaplan-2020-scaling/loss-n") as (typeof registry.laws)[number], { title: "T", authors: ["Alexander Hägele", "Elie Bakouch", "Atli Kosson"], year: 2024 }, quantities);
    expect(findLaws([accented], "hagele").hits).toHaveLength(1);
    expect(findLaws([accented], "Hägele").hits).toHaveLength(1);
    expect(accented.citation).toBe("Hägele et al. 2024");
  });

  it("needs every word to match somewhere, and answers nothing to no words", () => {
    expect(findLaws(entries, "chinchilla kaplan").total).toBe(0);
    expect(findLaws(entries, "   ").total).toBe(0);
  });

  it("ranks a match in the law's name above one only in a description", () => {
    const { hits } = findLaws(entries, "loss");
    const score = (i: number) => (hits[i]?.name.toLowerCase().includes("loss") || hits[i]?.predicts.toLowerCase().includes("loss") ? 1 : 0);
    expect(score(0)).toBe(1);
  });

  it("lists at most the limit and says how many matched", () => {
    const { hits, total } = findLaws(entries, "loss", 5);
    expect(hits).toHaveLength(5);
    expect(total).toBeGreaterThan(5);
  });
});
