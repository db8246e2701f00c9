import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { MARK_END, MARK_START, ftsQuery, searchRegistry } from "@/db/queries";

describe("search", () => {
  it("finds a paper by title words and highlights them", () => {
    const hits = searchRegistry(getDb(), "compute optimal");
    const h = hits.find((x) => x.ref === "hoffmann-2022-chinchilla");
    expect(h?.kind).toBe("paper");
    expect(h?.title).toContain(`${MARK_START}Compute${MARK_END}`);
  });
  it("finds laws by name and by symbol, with a prefix match on the last word", () => {
    expect(searchRegistry(getDb(), "parametric los").some((h) => h.ref === "hoffmann-2022-chinchilla/loss-nd")).toBe(true);
    expect(searchRegistry(getDb(), "alpha_N").some((h) => h.ref.startsWith("kaplan-2020-scaling/"))).toBe(true);
  });
  it("finds Kaplan's critical batch size and L(N, S_min) by what a researcher types", () => {
    const batch = searchRegistry(getDb(), "critical batch size").map((h) => h.ref);
    expect(batch).toContain("kaplan-2020-scaling/b-crit");
    const ns = searchRegistry(getDb(), "L(N, S)").map((h) => h.ref);
    expect(ns).toContain("kaplan-2020-scaling/loss-n-smin");
  });
  const hostile = ['"', '"unbalanced', "a*", "*", "NEAR(a b)", "(((", ")", "AND OR NOT", "a:b", "^x", "'; DROP TABLE papers; --", "😀", "\u0000", "chinchilla\" OR \"x", "-", "col:chinchilla"];
  it.each(hostile)("never errors on hostile FTS syntax: %j", (q) => {
    expect(() => searchRegistry(getDb(), q)).not.toThrow();
  });
  it("never errors on any string (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (q) => {
        expect(Array.isArray(searchRegistry(getDb(), q))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
  it("builds queries from quoted word tokens only", () => {
    expect(ftsQuery('chinchilla" OR NEAR(x')).toBe('"chinchilla" "OR" "NEAR" "x"*');
    expect(ftsQuery("*** ()")).toBeNull();
  });
});
