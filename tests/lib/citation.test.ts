import { describe, expect, it } from "vitest";
import { lawLabel, paperLabel } from "@/lib/citation";

describe("paperLabel", () => {
  it.each([
    { name: "one author", authors: ["Stanislav Fort"], year: 2023, expected: "Fort 2023" },
    { name: "two authors", authors: ["Zeyuan Allen-Zhu", "Yuanzhi Li"], year: 2024, expected: "Allen-Zhu and Li 2024" },
    { name: "three or more", authors: ["Jordan Hoffmann", "Sebastian Borgeaud", "Arthur Mensch"], year: 2022, expected: "Hoffmann et al. 2022" },
    { name: "a middle name", authors: ["Samir Yitzhak Gadre", "Georgios Smyrnis", "Vaishaal Shankar"], year: 2024, expected: "Gadre et al. 2024" },
    { name: "no authors", authors: [], year: 2020, expected: "2020" },
  ])("$name", ({ authors, year, expected }) => {
    expect(paperLabel({ authors, year })).toBe(expected);
  });
});

describe("lawLabel", () => {
  const law = { name: "Parametric loss, L(N, D) (approach 3)", variant: { label: "Unrounded coefficients" } };
  it.each([
    { name: "paper, law and coefficient set", law, citation: "Hoffmann et al. 2022", expected: "Hoffmann et al. 2022 — Parametric loss, L(N, D) (approach 3) — Unrounded coefficients" },
    { name: "a law of one coefficient set", law: { ...law, variant: null }, citation: "Hoffmann et al. 2022", expected: "Hoffmann et al. 2022 — Parametric loss, L(N, D) (approach 3)" },
    { name: "no citation", law: { ...law, variant: null }, citation: null, expected: "Parametric loss, L(N, D) (approach 3)" },
  ])("$name", ({ law: l, citation, expected }) => {
    expect(lawLabel(l, citation)).toBe(expected);
  });
});
