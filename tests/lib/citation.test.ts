import { describe, expect, it } from "vitest";
import { paperLabel } from "@/lib/citation";

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
