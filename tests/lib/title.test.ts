import { describe, expect, it } from "vitest";
import { plainTitle, titleSegments } from "@/lib/title";

describe("titles with inline math", () => {
  it("splits at $…$ pairs and keeps escaped or unpaired dollars as text", () => {
    expect(titleSegments("P$^2$ Law: Scaling")).toEqual([
      { kind: "text", value: "P" },
      { kind: "math", value: "^2" },
      { kind: "text", value: " Law: Scaling" },
    ]);
    expect(titleSegments("Costs \\$5 and $ alone")).toEqual([{ kind: "text", value: "Costs $5 and $ alone" }]);
  });

  it("turns math into plain Unicode for places that take only text", () => {
    expect(plainTitle("P$^2$ Law: Scaling Law for Post-Training After Model Pruning")).toBe("P² Law: Scaling Law for Post-Training After Model Pruning");
    expect(plainTitle("$\\alpha$-scaling of $N_{opt}$ and $x^{-1}$")).toBe("α-scaling of N_(opt) and x⁻¹");
    expect(plainTitle("No math here")).toBe("No math here");
  });
});
