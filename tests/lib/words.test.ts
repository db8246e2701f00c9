import { describe, expect, it } from "vitest";
import { authorsShort, shortCitation, surname } from "@/lib/citation";
import { plural } from "@/lib/words";

describe("words", () => {
  it("pluralises with the count", () => {
    expect(plural(1, "law")).toBe("1 law");
    expect(plural(0, "law")).toBe("0 laws");
    expect(plural(2, "paper")).toBe("2 papers");
    expect(plural(1200, "run")).toBe("1,200 runs");
    expect(plural(3, "child", "children")).toBe("3 children");
  });

  it("names papers by family names, one rule for one, two and many authors", () => {
    expect(surname("Alexander G. Huth")).toBe("Huth");
    expect(surname("Harm de Vries")).toBe("de Vries");
    expect(surname("Zeyuan Allen-Zhu")).toBe("Allen-Zhu");
    expect(authorsShort(["Zeyuan Allen-Zhu", "Yuanzhi Li"])).toBe("Allen-Zhu and Li");
    expect(authorsShort(["Jordan Hoffmann", "Sebastian Borgeaud", "Arthur Mensch"])).toBe("Hoffmann et al.");
    expect(authorsShort(["Ada Lovelace"])).toBe("Lovelace");
    expect(shortCitation(["Jared Kaplan", "Sam McCandlish", "Tom Henighan"], 2020)).toBe("Kaplan et al. 2020");
    expect(shortCitation([], 2020)).toBe("2020");
    expect(shortCitation(["Tamay Besiroglu", "Ege Erdil"], 2024)).toBe("Besiroglu and Erdil 2024");
  });
});
