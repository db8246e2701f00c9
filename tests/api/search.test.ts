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
  const refs = (q: string) => searchRegistry(getDb(), q).map((h) => h.ref);
  const paperOf = (ref: string) => ref.split(/[/#]/)[0];
  it('ranks what a researcher means first: "chinchilla" is Hoffmann et al., then their laws, then other papers\' laws', () => {
    const hits = refs("chinchilla");
    expect(hits[0]).toBe("hoffmann-2022-chinchilla");
    const hoffmannLaws = hits.filter((r) => r.startsWith("hoffmann-2022-chinchilla/"));
    expect(hoffmannLaws).toContain("hoffmann-2022-chinchilla/loss-nd");
    const lastHoffmann = hits.lastIndexOf(hoffmannLaws[hoffmannLaws.length - 1] as string);
    const firstOther = hits.findIndex((r) => paperOf(r) !== "hoffmann-2022-chinchilla");
    // the replication (title "Chinchilla Scaling: ...") and McKenna et al.'s "Chinchilla form" law come, but after
    expect(hits).toContain("besiroglu-2024-replication");
    expect(hits).toContain("mckenna-2025-dp/parametric-dp-loss");
    expect(firstOther).toBeGreaterThan(lastHoffmann);
    // a paper's laws in the order the paper gives them: the parametric loss first
    expect(hits[1]).toBe("hoffmann-2022-chinchilla/loss-nd");
  });
  it('"kaplan" is Kaplan et al. 2020, then its laws before another paper\'s "(Kaplan form)" laws', () => {
    const hits = refs("kaplan");
    expect(hits[0]).toBe("kaplan-2020-scaling");
    const firstSu = hits.indexOf("su-2024-unraveling/b-crit");
    expect(firstSu).toBeGreaterThan(hits.lastIndexOf("kaplan-2020-scaling/loss-c-naive"));
    expect(refs("Kaplan et al. 2020")[0]).toBe("kaplan-2020-scaling");
    expect(refs("hoffmann")[0]).toBe("hoffmann-2022-chinchilla");
  });
  it('"critical batch size" puts the laws so named first, Kaplan\'s shortest-named one ahead', () => {
    const hits = refs("critical batch size");
    expect(hits.slice(0, 3).sort()).toEqual(["bergsma-2025-power/b-crit", "kaplan-2020-scaling/b-crit", "su-2024-unraveling/b-crit"]);
    expect(hits[0]).toBe("kaplan-2020-scaling/b-crit");
    // naming the author moves the author's own law before another paper's law "(Kaplan form)"
    const named = refs("kaplan critical batch size");
    expect(named[0]).toBe("kaplan-2020-scaling/b-crit");
    expect(named.indexOf("su-2024-unraveling/b-crit")).toBeGreaterThan(0);
  });
  it("finds a law by its alias first (IsoFLOP profiles, Hoffmann et al.'s approach 2)", () => {
    expect(refs("isoflop").slice(0, 2).sort()).toEqual(["hoffmann-2022-chinchilla/d-opt-a2", "hoffmann-2022-chinchilla/n-opt-a2"]);
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
