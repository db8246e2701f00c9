import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { getLaw } from "@/db/queries";
import { evaluate } from "@/lib/law";
import { MAX_SETS, answerOf, coefficientSets } from "@/app/laws/[paper]/[law]/answer";

const law = (id: string) => {
  const found = getLaw(getDb(), id);
  if (!found) throw new Error(`no law ${id}`);
  return found;
};

describe("the coefficient sets a law page answers under", () => {
  const cases: { name: string; id: string; sets: [string, string][] }[] = [
    {
      name: "Hoffmann's loss: its printed and unrounded coefficients, then Besiroglu et al.'s two refits",
      id: "hoffmann-2022-chinchilla/loss-nd",
      sets: [
        ["hoffmann-2022-chinchilla/loss-nd", "Printed coefficients (Eq. 10, rounded)"],
        ["hoffmann-2022-chinchilla/loss-nd~unrounded", "Unrounded coefficients (TeX source, via Besiroglu et al. 2024)"],
        ["besiroglu-2024-replication/loss-nd", "Besiroglu et al. 2024 (refit): Table 1 (maximum-likelihood fit with bootstrap standard errors)"],
        [
          "besiroglu-2024-replication/loss-nd~replicate-exactly",
          `Besiroglu et al. 2024 (refit): Huber fit from Hoffmann et al.'s 4,500-start grid ("replicate exactly")`,
        ],
      ],
    },
    {
      name: "Besiroglu's refit: its own two fits, then the fit it refits, named as such",
      id: "besiroglu-2024-replication/loss-nd~replicate-exactly",
      sets: [
        ["besiroglu-2024-replication/loss-nd", "Table 1 (maximum-likelihood fit with bootstrap standard errors)"],
        ["besiroglu-2024-replication/loss-nd~replicate-exactly", `Huber fit from Hoffmann et al.'s 4,500-start grid ("replicate exactly")`],
        ["hoffmann-2022-chinchilla/loss-nd", "Hoffmann et al. 2022 (refitted here): Printed coefficients (Eq. 10, rounded)"],
        ["hoffmann-2022-chinchilla/loss-nd~unrounded", "Hoffmann et al. 2022 (refitted here): Unrounded coefficients (TeX source, via Besiroglu et al. 2024)"],
      ],
    },
    { name: "a law with one set has no table", id: "kaplan-2020-scaling/loss-n", sets: [] },
  ];
  it.each(cases)("$name", ({ id, sets }) => {
    const got = coefficientSets(getDb(), law(id));
    expect(got.sets.map((s) => [s.id, s.label])).toEqual(sets);
    expect(got.omitted).toBe(0);
    for (const s of got.sets) expect(s.href).toBe(`/laws/${s.id}`);
  });

  it("keeps at most eight, the page's own always among them, and counts the rest", () => {
    const isik = law("isik-2024-downstream/downstream-ce");
    const last = isik.variants.at(-1)?.id as string;
    const got = coefficientSets(getDb(), law(last));
    expect(got.sets).toHaveLength(MAX_SETS);
    expect(got.sets.map((s) => s.id)).toContain(last);
    expect(got.omitted).toBe(isik.variants.length - MAX_SETS);
  });

  it("answers with each set's own value at the reader's inputs", () => {
    const hoffmann = law("hoffmann-2022-chinchilla/loss-nd");
    const { sets } = coefficientSets(getDb(), hoffmann);
    const values = { N: "7e10", D: "1.4e12" };
    const answer = answerOf(getDb(), evaluate(hoffmann, values), sets, values);
    expect(answer.value).toBe(1.69 + 406.4 / 7e10 ** 0.34 + 410.7 / 1.4e12 ** 0.28);
    expect(answer.sets.map((s) => s.value)).toEqual(sets.map((s) => evaluate(law(s.id), values).value));
    expect(new Set(answer.sets.map((s) => s.value)).size).toBe(4);
  });

  it("says why a set gives no value instead of failing the page", () => {
    const hoffmann = law("hoffmann-2022-chinchilla/loss-nd");
    const answer = answerOf(getDb(), evaluate(hoffmann, { N: "7e10", D: "1.4e12" }), [{ id: "nobody-2031-x/y", label: "x", href: "/laws/nobody-2031-x/y" }], {
      N: "7e10",
      D: "1.4e12",
    });
    expect(answer.sets).toEqual([{ value: null, error: "no law nobody-2031-x/y" }]);
  });
});
