import { afterAll, describe, expect, it } from "vitest";
import { openDb } from "@/db/client";
import { decodeLaw, encodeLaw } from "@/db/law-doc";
import { type StoredLaw, getLaw, listLaws } from "@/db/queries";
import { registry } from "../registry";

// the database the test run built from content/ (tests/setup/build-db.ts)
const db = openDb(process.env.LAWDEX_DB ?? "");
afterAll(() => db.$client.close());

/** The law part of what the site serves, without what the build computed beside it. */
function lawOf({ latex: _latex, checkResults: _checks, refitResults: _refits, ...law }: StoredLaw) {
  return law;
}

describe("a law read back from the database is the law the build validated", () => {
  it.each(registry.laws.map((l) => [l.id, l] as const))("%s", (id, law) => {
    const served = getLaw(db, id);
    expect(served).not.toBeNull();
    if (!served) return;
    expect(lawOf(served)).toEqual(law);
    // each check's result sits beside the check it belongs to
    const results = registry.checks.get(id) ?? [];
    expect(served.checkResults.map(({ position: _p, depends: _d, actual, relError, passed, ...check }) => ({ check, actual, relError, passed }))).toEqual(
      results.map(({ check, actual, relError, passed }) => ({ check, actual, relError, passed })),
    );
    expect(served.refitResults.map((r) => r.spec)).toEqual(law.refits);
  });

  it("lists every law, in content order, equal to the one getLaw serves", () => {
    const listed = listLaws(db);
    expect(listed.map((l) => l.id).sort()).toEqual(registry.laws.map((l) => l.id).sort());
    for (const l of listed) expect(lawOf(l)).toEqual(lawOf(getLaw(db, l.id) ?? l));
    expect(listLaws(db, { paper: "kaplan-2020-scaling" }).map((l) => l.key)).toEqual(
      registry.laws.filter((l) => l.paper === "kaplan-2020-scaling").map((l) => l.key),
    );
  });
});

describe("the stored law document", () => {
  const law = registry.laws.find((l) => l.coefficients.length > 0 && l.checks.length > 0);
  if (!law) throw new Error("content has no law with coefficients and checks");

  it("keeps an infinite print sensitivity, which JSON cannot write", () => {
    const infinite = { ...law, sensitivity: { relative: Number.POSITIVE_INFINITY, at: {}, coefficient: "A", over: "fitted" as const } };
    expect(decodeLaw(encodeLaw(infinite), law.id).sensitivity?.relative).toBe(Number.POSITIVE_INFINITY);
  });

  it("is refused, naming the field, when it does not hold a resolved law", () => {
    const doc = JSON.parse(encodeLaw(law));
    doc.coefficients[0].value = "0.076";
    expect(() => decodeLaw(JSON.stringify(doc), law.id)).toThrow(`the stored document of law ${law.id} is not a resolved law: coefficients[0].value: Invalid input: expected number, received string`);
    expect(() => encodeLaw({ ...law, expr: "" })).toThrow(`law ${law.id} is not a resolved law: expr: Too small: expected string to have >=1 characters`);
  });

  it("refuses a key the resolved law does not have, so nothing unvalidated is stored", () => {
    expect(() => encodeLaw({ ...law, ...{ extra: 1 } })).toThrow(/is not a resolved law: .*Unrecognized key: "extra"/);
  });
});

describe("the other JSON columns", () => {
  it("are parsed on read, so a stored value that does not fit fails naming its column", async () => {
    const fs = await import("node:fs");
    const os = await import("node:os");
    const path = await import("node:path");
    const { default: Database } = await import("better-sqlite3");
    const { getPaper, listDatasets, listQuantities } = await import("@/db/queries");
    const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "lawdex-json-")), "lawdex.db");
    fs.copyFileSync(process.env.LAWDEX_DB ?? "", copy);
    const raw = new Database(copy);
    raw.prepare("UPDATE papers SET authors = ? WHERE slug = ?").run(JSON.stringify({ first: "Kaplan" }), "kaplan-2020-scaling");
    raw.prepare("UPDATE quantities SET units = ? WHERE rowid = (SELECT min(rowid) FROM quantities)").run(JSON.stringify({ tokens: -1 }));
    raw.prepare("UPDATE datasets SET spec = ? WHERE rowid = (SELECT min(rowid) FROM datasets)").run(JSON.stringify({ id: "x" }));
    raw.close();
    const bad = openDb(copy);
    try {
      expect(() => getPaper(bad, "kaplan-2020-scaling")).toThrow("stored column authors does not fit its schema: (the value): Invalid input: expected array, received object");
      expect(() => listQuantities(bad)).toThrow("stored column units does not fit its schema: tokens: must be positive");
      expect(() => listDatasets(bad)).toThrow(/^stored column spec does not fit its schema: /);
      // the untouched rows of the same database still read
      expect(getPaper(bad, "hoffmann-2022-chinchilla")?.authors.length).toBeGreaterThan(0);
    } finally {
      bad.$client.close();
    }
  });
});
