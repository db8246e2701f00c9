import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectClose, thrown } from "../helpers";
import { quantities } from "../registry";

describe("units", () => {
  it("converts PF-days to FLOP with 1 PF-day = 8.64e19 FLOP", () => {
    expect(quantities.convert(3.1e8, "compute", "PF-day", "FLOP")).toBe(3.1e8 * 8.64e19);
  });
  it("converts bits to nats per token with 1 bit = ln 2 nat", () => {
    expectClose(quantities.convert(1, "loss", "bit/token", "nat/token"), Math.LN2);
  });
  it("names the field for an unknown unit or quantity", () => {
    const err = thrown(() => quantities.convert(1, "compute", "GPU-hour", "FLOP", "C.unit"));
    expect(err.field).toBe("C.unit");
    expect(err.message).toBe("unknown unit GPU-hour for compute; known: FLOP, PF-day, GFLOP, TFLOP, PFLOP, EFLOP, ZFLOP");
  });
  it("relates total and non-embedding parameters but not parameters and tokens", () => {
    expect(quantities.relation("params", "params")).toBe("same");
    expect(quantities.relation("params", "params-nonembedding")).toBe("related");
    expect(quantities.relation("params", "tokens")).toBe("unrelated");
    expect(quantities.relation("loss", "bits-per-byte")).toBe("unrelated");
  });
  it("round-trips every conversion (property)", () => {
    const pairs = quantities.all().flatMap((q) => Object.keys(q.units).flatMap((a) => Object.keys(q.units).map((b) => [q.id, a, b] as const)));
    fc.assert(
      fc.property(fc.constantFrom(...pairs), fc.double({ min: 1e-30, max: 1e30, noNaN: true }), ([q, a, b], v) => {
        const back = quantities.convert(quantities.convert(v, q, a, b), q, b, a);
        expectClose(back, v, 1e-12);
      }),
      { numRuns: 2000 },
    );
  });
});
