import { describe, expect, it } from "vitest";
import { groups } from "../../lib/regex";

describe("groups", () => {
  const cases = [
    { name: "two groups", re: /^(\w+)=(\w+)$/, input: "N=params", n: 2, expected: ["N", "params"] },
    { name: "fewer than the pattern has", re: /^(\w+)=(\w+)$/, input: "N=params", n: 1, expected: ["N"] },
    { name: "an empty group is text", re: /^(a*)b$/, input: "b", n: 1, expected: [""] },
    { name: "no match", re: /^x$/, input: "y", n: 1, expected: null },
  ];
  for (const c of cases) it(c.name, () => expect(groups(c.re.exec(c.input), c.n)).toEqual(c.expected));

  it("throws on a group that took no part in the match", () => {
    expect(() => groups(/^(a)|(b)$/.exec("a"), 2)).toThrow("group 2 of a did not take part in the match");
  });
});
