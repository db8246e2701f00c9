import { describe, expect, it } from "vitest";
import { alignCoefficients, formKey, groupByPrediction } from "@/lib/align";
import { law, quantities, registry } from "../registry";

describe("align", () => {
  it("groups laws by what they predict, shared groups first", () => {
    const papers = ["hoffmann-2022-chinchilla", "besiroglu-2024-replication"];
    const laws = registry.laws.filter((l) => papers.includes(l.paper));
    const groups = groupByPrediction(papers, laws, quantities);
    expect(groups[0]?.label).toBe("Cross-entropy loss ← Parameters (total, including embeddings), Training tokens");
    expect(groups[0]?.byPaper.get("besiroglu-2024-replication")?.map((l) => l.id)).toEqual(["besiroglu-2024-replication/loss-nd", "besiroglu-2024-replication/loss-nd~replicate-exactly"]);
    expect(groups[0]?.byPaper.get("hoffmann-2022-chinchilla")?.map((l) => l.id)).toEqual(["hoffmann-2022-chinchilla/loss-nd", "hoffmann-2022-chinchilla/loss-nd~unrounded"]);
  });
  it("recognises the same form and aligns coefficients, flagging differences", () => {
    const a = law("hoffmann-2022-chinchilla/loss-nd");
    const b = law("besiroglu-2024-replication/loss-nd");
    expect(formKey(a)).toBe(formKey(b));
    const rows = alignCoefficients([a, b]);
    expect(rows.find((r) => r.symbol === "A")).toEqual({ symbol: "A", values: [406.4, 482.01], differs: true });
    const same = alignCoefficients([a, a]);
    expect(same.every((r) => !r.differs)).toBe(true);
  });
});
