import { describe, expect, it } from "vitest";
import { own } from "../../lib/records";

describe("own", () => {
  const units: Record<string, number> = { FLOP: 1, PFLOP_day: 8.64e19 };
  const cases = [
    { name: "an own key", key: "PFLOP_day", expected: 8.64e19 },
    { name: "an absent key", key: "GFLOP", expected: undefined },
    { name: "a key of Object.prototype", key: "constructor", expected: undefined },
    { name: "__proto__", key: "__proto__", expected: undefined },
  ];
  for (const c of cases) it(c.name, () => expect(own(units, c.key)).toBe(c.expected));
});
