import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_QUERY, boundedDistance, didYouMean, nearestIds } from "@/lib/suggest";

/** Full Levenshtein distance, the reference. */
function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min((prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1), (prev[j] as number) + 1, (row[j - 1] as number) + 1);
    }
    prev = row;
  }
  return prev[b.length] as number;
}

describe("boundedDistance", () => {
  it.each([
    { a: "loss-nd", b: "loss-nd", cap: 3, expected: 0 },
    { a: "loss-nd", b: "loss-n", cap: 3, expected: 1 },
    { a: "hoffmann-2021-chinchilla", b: "hoffmann-2022-chinchilla", cap: 3, expected: 1 },
    { a: "kitten", b: "sitting", cap: 5, expected: 3 },
    { a: "kitten", b: "sitting", cap: 2, expected: 3 },
    { a: "a", b: "abcdefgh", cap: 3, expected: 4 },
  ])("$a ~ $b within $cap: $expected", ({ a, b, cap, expected }) => {
    expect(boundedDistance(a, b, cap)).toBe(expected);
  });
  it("equals Levenshtein within the cap and says cap + 1 beyond it (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 14, unit: fc.constantFrom("a", "b", "c", "-") }), fc.string({ maxLength: 14, unit: fc.constantFrom("a", "b", "c", "-") }), fc.integer({ min: 0, max: 8 }), (a, b, cap) => {
        const d = levenshtein(a, b);
        expect(boundedDistance(a, b, cap)).toBe(d <= cap ? d : cap + 1);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("nearestIds", () => {
  const laws = [
    { id: "hoffmann-2022-chinchilla/loss-nd", name: "Parametric loss, L(N, D) (approach 3)" },
    { id: "hoffmann-2022-chinchilla/loss-nd~unrounded", name: "Parametric loss, L(N, D) (approach 3)" },
    { id: "hoffmann-2022-chinchilla/n-opt", name: "Compute-optimal model size, N_opt(C)" },
    { id: "kaplan-2020-scaling/loss-n", name: "Loss vs model size, L(N)" },
    { id: "kaplan-2020-scaling/loss-d", name: "Loss vs data size, L(D)" },
    { id: "kaplan-2020-scaling/b-crit", name: "Critical batch size, B_crit(L)" },
  ];
  it.each([
    { asked: "hoffmann-2021-chinchilla/loss-nd", first: "hoffmann-2022-chinchilla/loss-nd", why: "a wrong year" },
    { asked: "hoffmann-2022-chinchilla/loss-nd~unrouned", first: "hoffmann-2022-chinchilla/loss-nd~unrounded", why: "a misspelt variant" },
    { asked: "kaplan-2020-scaling/critical-batch", first: "kaplan-2020-scaling/b-crit", why: "words of the name" },
    { asked: "chinchilla/parametric-loss", first: "hoffmann-2022-chinchilla/loss-nd", why: "words of the id and the name" },
  ])("$why: $asked -> $first", ({ asked, first }) => {
    expect(nearestIds(asked, laws)[0]).toBe(first);
  });
  it("puts equally near ids in id order", () => {
    expect(nearestIds("kaplan-2020-scaling/loss-x", laws).slice(0, 2)).toEqual(["kaplan-2020-scaling/loss-d", "kaplan-2020-scaling/loss-n"]);
  });
  it("suggests nothing when nothing is near, and at most five", () => {
    expect(nearestIds("zzzz/qqqq", laws)).toEqual([]);
    expect(nearestIds("x", Array.from({ length: 50 }, (_, i) => ({ id: `x${i}` })))).toHaveLength(5);
  });
  it("does bounded work on a long id: it reads only the first MAX_QUERY characters, and the band stops at the cap", () => {
    const many = Array.from({ length: 1_000 }, (_, i) => ({ id: `paper-${i}-x/law-${i}`, name: "Loss vs model size" }));
    const long = `${"paper-7-x/law-7".repeat(400)}/loss`;
    expect(nearestIds(long, many)).toEqual(nearestIds(long.slice(0, MAX_QUERY), many));
    // a distance beyond the cap is reported as cap + 1 however long the strings
    expect(boundedDistance("a".repeat(5_000), "b".repeat(5_000), 3)).toBe(4);
    expect(boundedDistance("kaplan", "kaplna", 3)).toBe(2);
  });
  it("words the suggestion for a message", () => {
    expect(didYouMean([])).toBe("");
    expect(didYouMean(["a"])).toBe("; did you mean a?");
    expect(didYouMean(["a", "b", "c"])).toBe("; did you mean a, b or c?");
  });
});
