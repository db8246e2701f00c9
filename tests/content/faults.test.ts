import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildDatabase } from "@/db/build";
import { ContentError } from "@/lib/content/load";

let dir: string;
let content: string;
let out: string;
const KAPLAN = "papers/kaplan-2020-scaling.mdx";
// the file line of the prose's first sentence, where the prose faults are planted
const PROSE_LINE = fs.readFileSync(path.resolve("content", KAPLAN), "utf8").split("\n").findIndex((l) => l.startsWith("Kaplan et al. measure")) + 1;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "lawdex-faults-"));
  content = path.join(dir, "content");
  fs.cpSync(path.resolve("content"), content, { recursive: true });
  out = path.join(dir, "data", "lawdex.db");
  await buildDatabase({ contentDir: content, outFile: out });
  // a whole build from content: on a machine shared with other work it can take longer than the default 10 s hook limit
}, 60_000);
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function edit(file: string, from: string | RegExp, to: string) {
  const p = path.join(content, file);
  const text = fs.readFileSync(p, "utf8");
  const next = text.replace(from, to);
  if (next === text) throw new Error(`edit did not apply to ${file}: ${String(from)}`);
  fs.writeFileSync(p, next);
}

async function problems(): Promise<string[]> {
  try {
    await buildDatabase({ contentDir: content, outFile: out });
  } catch (e) {
    if (e instanceof ContentError) return e.problems.map((p) => `${p.file}: ${p.field}: ${p.message}`);
    throw e;
  }
  throw new Error("expected the build to fail");
}

describe("db:build on broken content", () => {
  const cases: { name: string; apply: () => void; expected: RegExp }[] = [
    {
      name: "broken YAML",
      apply: () => edit(KAPLAN, "domains: [llm-pretraining]", "domains: [llm-pretraining"),
      expected: /^papers\/kaplan-2020-scaling\.mdx: : YAML error at line \d+/,
    },
    {
      name: "a derived check that depends on one fitted coefficient",
      apply: () => edit(KAPLAN, "      - of: alpha_N / alpha_D\n        kind: derived", "      - of: alpha_N / 0.103\n        kind: derived"),
      expected: /^papers\/kaplan-2020-scaling\.mdx: laws\[2\]\.checks\[0\]\.kind: kaplan-2020-scaling\/loss-nd: a derived check must depend on two or more fitted coefficients, but alpha_N \/ 0\.103 depends on alpha_N; make it a cross-check/,
    },
    {
      name: "a prediction without inputs",
      apply: () => edit(KAPLAN, "      - of: 8^(alpha_N / alpha_D)\n        kind: derived", "      - of: 8^(alpha_N / alpha_D)\n        kind: prediction\n        measured: the loss of a run"),
      expected: /^papers\/kaplan-2020-scaling\.mdx: laws\[2\]\.checks\[1\]\.inputs: a prediction evaluates the law at inputs/,
    },
    {
      name: "a prediction that does not name its measurement",
      apply: () => edit(KAPLAN, "      - inputs: { C_min: 1.0e4 }\n        kind: derived\n        expect: 1.7", "      - inputs: { C_min: 1.0e4 }\n        kind: prediction\n        expect: 1.7"),
      expected: /^papers\/kaplan-2020-scaling\.mdx: laws\[3\]\.checks\[0\]\.measured: a prediction names what the paper measured/,
    },
    {
      name: "a check without a kind",
      apply: () => edit(KAPLAN, "      - of: alpha_N / alpha_D\n        kind: derived\n", "      - of: alpha_N / alpha_D\n"),
      expected: /^papers\/kaplan-2020-scaling\.mdx: laws\[2\]\.checks\[0\]\.kind: Invalid option: expected one of "prediction"\|"derived"\|"cross-check"\|"discrepancy"/,
    },
    {
      name: "a check naming another fit's coefficient in a variant that does not exist",
      apply: () => edit("papers/fort-2023-adversarial.mdx", "          - of: kappa / kappa_act\n            with: { kappa_act: { variant: pythia-70m, symbol: kappa } }", "          - of: kappa / kappa_act\n            with: { kappa_act: { variant: pythia-7m, symbol: kappa } }"),
      expected: /^papers\/fort-2023-adversarial\.mdx: laws\[0\]\.variants\[\d+\]\.checks\[\d+\]\.with\.kappa_act: t-max-linear has no variant pythia-7m/,
    },
    {
      name: "a check naming a coefficient the other fit does not have",
      apply: () => edit("papers/fort-2023-adversarial.mdx", "          - of: kappa / kappa_act\n            with: { kappa_act: { variant: pythia-70m, symbol: kappa } }", "          - of: kappa / kappa_act\n            with: { kappa_act: { variant: pythia-70m, symbol: chi } }"),
      expected: /with\.kappa_act: chi is not a coefficient of fort-2023-adversarial\/t-max-linear \(kappa\)/,
    },
    {
      name: "a derived check across two fits that uses only one of them",
      apply: () => edit("papers/fort-2023-adversarial.mdx", "          - of: kappa / kappa_act\n", "          - of: kappa / 24.2\n"),
      expected: /checks\[\d+\]\.kind: fort-2023-adversarial\/t-max-linear~token-pythia-70m: a derived check must depend on two or more fitted coefficients, but kappa \/ 24\.2 depends on kappa/,
    },
    {
      name: "another fit's coefficient under a name the law already uses",
      apply: () => edit("papers/fort-2023-adversarial.mdx", "          - of: kappa / kappa_act\n            with: { kappa_act: { variant: pythia-70m, symbol: kappa } }", "          - of: kappa / a\n            with: { a: { variant: pythia-70m, symbol: kappa } }"),
      expected: /checks\[\d+\]\.with\.a: a is already a symbol of this law/,
    },
    {
      name: "a derived range from a parent input without a fitted range",
      apply: () => edit(KAPLAN, "      - symbol: C\n        quantity: compute\n        unit: PF-day\n        description: Compute used at a fixed batch size, in PF-days\n        convention: C ≈ 6NBS with N the non-embedding parameters (Section 2.1)\n        range_from: { law: kaplan-2020-scaling/loss-nd, expr: 6 * N * D, unit: FLOP }", "      - symbol: C\n        quantity: compute\n        unit: PF-day\n        description: Compute used at a fixed batch size, in PF-days\n        convention: C ≈ 6NBS with N the non-embedding parameters (Section 2.1)\n        range_from: { law: kaplan-2020-scaling/b-crit, expr: L, unit: PF-day }"),
      expected: /laws\[13\]\.inputs\[0\]\.range_from: kaplan-2020-scaling\/b-crit prints no fitted range for L/,
    },
    {
      name: "a refit on an undeclared dataset",
      apply: () => edit("papers/gadre-2024-overtraining.mdx", "dataset: gadre-2024-overtraining\n        subset: rpj-loss-fit", "dataset: nowhere-2024-data\n        subset: rpj-loss-fit"),
      expected: /^papers\/gadre-2024-overtraining\.mdx: laws\[0\]\.checks\[0\]\.dataset: unknown dataset nowhere-2024-data/,
    },
    {
      name: "a refit mapping a column of another quantity",
      apply: () => edit("papers/gadre-2024-overtraining.mdx", "columns: { N: params, M: tokens_per_param, L: loss_c4_val }", "columns: { N: params, M: tokens_per_param, L: params }"),
      expected: /laws\[0\]\.checks\[0\]\.columns\.L: column params is params in param, but L is loss in nat\/token/,
    },
    {
      name: "a refit with a column for a name the law does not have",
      apply: () => edit("papers/gadre-2024-overtraining.mdx", "columns: { N: params, M: tokens_per_param, L: loss_c4_val }", "columns: { N: params, M: tokens_per_param, L: loss_c4_val, Q: params }"),
      expected: /laws\[0\]\.checks\[0\]\.columns\.Q: Q is not an input or the output of this law/,
    },
    {
      name: "a dataset subset filtering on an undeclared column",
      apply: () => edit("datasets/besiroglu-2024-chinchilla.yaml", "where: { excluded_by_besiroglu2024: 0 }", "where: { excluded: 0 }"),
      expected: /^datasets\/besiroglu-2024-chinchilla\.yaml: subsets\[0\]\.where\.excluded: excluded is not a declared column/,
    },
    {
      name: "unknown quantity",
      apply: () => edit(KAPLAN, "quantity: params-nonembedding", "quantity: flux-capacitance"),
      expected: /^papers\/kaplan-2020-scaling\.mdx: laws\[0\]\.inputs\[0\]\.quantity: unknown quantity flux-capacitance/,
    },
    {
      name: "unknown unit",
      apply: () => edit(KAPLAN, "unit: PF-day", "unit: GPU-year"),
      expected: /laws\[3\]\.inputs\[0\]\.unit: unknown unit GPU-year for compute; known: FLOP, PF-day/,
    },
    {
      name: "failing check",
      apply: () => edit(KAPLAN, "{ symbol: alpha_N, value: 0.076, source: \"Eq. 1.1", "{ symbol: alpha_N, value: 0.2, source: \"Eq. 1.1"),
      expected: /laws\[0\]\.checks\[0\]: check failed: kaplan-2020-scaling\/loss-n check \(Section 1\.2.*expected 0\.95 ±0\.005, got 0\.87/,
    },
    {
      name: "duplicate law id",
      apply: () => edit(KAPLAN, "  - id: loss-d\n", "  - id: loss-n\n"),
      expected: /laws\[1\]\.id: duplicate law id kaplan-2020-scaling\/loss-n/,
    },
    {
      name: "an alias given twice",
      apply: () => edit("papers/hoffmann-2022-chinchilla.mdx", "aliases: [Chinchilla]", "aliases: [Chinchilla, chinchilla]"),
      expected: /^papers\/hoffmann-2022-chinchilla\.mdx: aliases: must not repeat a name/,
    },
    {
      name: "unknown name in an expression",
      apply: () => edit(KAPLAN, "expr: (N_c / N)^alpha_N", "expr: (N_c / N)^alpha_X"),
      expected: /laws\[0\]\.expr: Unknown name "alpha_X" \(char 11\)/,
    },
    {
      name: "hostile expression",
      apply: () => edit(KAPLAN, "expr: (N_c / N)^alpha_N", "expr: process.exit(1)"),
      expected: /laws\[0\]\.expr: Unexpected character "\." \(char 8\)/,
    },
    {
      name: "coefficient that is not a number",
      apply: () => edit(KAPLAN, "value: 0.076, source: \"Eq. 1.1", "value: \"0.076\", source: \"Eq. 1.1"),
      expected: /laws\[0\]\.coefficients\[0\]\.value: /,
    },
    {
      name: "a coefficient without a source",
      apply: () => edit(KAPLAN, 'value: 0.076, source: "Eq. 1.1 (α_N ∼ 0.076); Table 5"', 'value: 0.076, source: "  "'),
      expected: /laws\[0\]\.coefficients\[0\]\.source: /,
    },
    {
      name: "a verification level that is not one of paper, code, secondary",
      apply: () => edit(KAPLAN, "    verification:\n      level: paper\n", "    verification:\n      level: hearsay\n"),
      expected: /laws\[0\]\.verification\.level: /,
    },
    {
      name: "misspelt key",
      apply: () => edit(KAPLAN, "range_source: Section 3 (models", "range_sauce: Section 3 (models"),
      expected: /laws\[0\]\.inputs\[0\]: Unrecognized key: "range_sauce"/,
    },
    {
      name: "JavaScript in the prose",
      apply: () => edit(KAPLAN, "Kaplan et al. measure", "{process.exit(1)} Kaplan et al. measure"),
      expected: new RegExp(String.raw`papers/kaplan-2020-scaling\.mdx: body: JavaScript expressions \(\{\.\.\.\}\) are not allowed in paper prose \(line ${PROSE_LINE}, column 1\)`),
    },
    {
      name: "unclosed JSX in the prose",
      apply: () => edit(KAPLAN, "Kaplan et al. measure", "<div Kaplan et al. measure"),
      expected: new RegExp(String.raw`papers/kaplan-2020-scaling\.mdx: body: .*\(line ${PROSE_LINE}\b`),
    },
    {
      name: "link to a law that does not exist",
      apply: () => edit("papers/besiroglu-2024-replication.mdx", "target: hoffmann-2022-chinchilla/loss-nd", "target: hoffmann-2022-chinchilla/loss-xx"),
      expected: /besiroglu-2024-replication\.mdx: laws\[0\]\.links\[0\]\.target: unknown law hoffmann-2022-chinchilla\/loss-xx/,
    },
    {
      name: "an exclusion that is also a paper",
      apply: () => fs.appendFileSync(path.join(content, "exclusions.yaml"), '- { seed: 18, title: "Scaling Laws for Neural Language Models", reason: "x" }\n'),
      expected: /^exclusions\.yaml: \[\d+\]\.seed: seed 18 is excluded but is also the paper kaplan-2020-scaling/,
    },
    {
      name: "a seed claimed by two papers",
      apply: () => edit("papers/hoffmann-2022-chinchilla.mdx", "year: 2022\n", "year: 2022\nseed: 18\n"),
      // files load in name order, so the second of the two is the one reported
      expected: /papers\/kaplan-2020-scaling\.mdx: seed: seed 18 is already hoffmann-2022-chinchilla/,
    },
    {
      name: "a form-only law that also gives coefficients",
      apply: () => edit(KAPLAN, "    expr: (N_c / N)^alpha_N\n", "    expr: (N_c / N)^alpha_N\n    free: [{ symbol: N_c }]\n"),
      expected: /laws\[0\]\.coefficients: a form-only law \(free:\) has no coefficients, variants or checks/,
    },
    {
      name: "file name that is not <surname>-<year>-<word>",
      apply: () => fs.renameSync(path.join(content, KAPLAN), path.join(content, "papers/Kaplan2020.mdx")),
      expected: /papers\/Kaplan2020\.mdx: : file name "Kaplan2020" must be <first-author-surname>-<year>-<word>\.mdx/,
    },
    {
      name: "a paper that is a link out of the content folder",
      apply: () => fs.symlinkSync("/etc/hostname", path.join(content, "papers/evil-2024-link.mdx")),
      expected: /^papers\/evil-2024-link\.mdx: : is a link to \/etc\/hostname, outside the content folder; content files are read only from inside it$/,
    },
    {
      name: "a paper that is a link to /dev/zero (refused before any read)",
      apply: () => fs.symlinkSync("/dev/zero", path.join(content, "papers/zero-2024-device.mdx")),
      expected: /^papers\/zero-2024-device\.mdx: : is a link to \/dev\/zero, outside the content folder/,
    },
    {
      name: "a paper that is a link to a directory inside content",
      apply: () => fs.symlinkSync(path.join(content, "datasets"), path.join(content, "papers/dir-2024-link.mdx")),
      expected: /^papers\/dir-2024-link\.mdx: : is not a regular file \(a directory\); content files must be plain text files$/,
    },
    {
      name: "a paper that is a link to nothing",
      apply: () => fs.symlinkSync(path.join(content, "papers/missing.mdx"), path.join(content, "papers/gone-2024-link.mdx")),
      expected: /^papers\/gone-2024-link\.mdx: : is a link to nothing$/,
    },
    {
      name: "an oversized content file",
      apply: () => edit(KAPLAN, /\n---\n/, `\n---\n${"Padding prose. ".repeat(40_000)}\n`),
      expected: /^papers\/kaplan-2020-scaling\.mdx: : is \d+ bytes; a content file may be at most 524288 bytes$/,
    },
    {
      name: "prose over its limit",
      apply: () => edit(KAPLAN, /\n---\n/, `\n---\n${"Padding prose. ".repeat(10_000)}\n`),
      expected: /^papers\/kaplan-2020-scaling\.mdx: body: the prose is \d+ bytes; it may be at most 131072$/,
    },
    {
      name: "YAML aliases that expand exponentially (billion laughs)",
      apply: () =>
        edit(
          KAPLAN,
          "domains: [llm-pretraining]",
          `domains: [llm-pretraining]\nx0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n${Array.from({ length: 8 }, (_, i) => `x${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(", ")}]`).join("\n")}`,
        ),
      expected: /^papers\/kaplan-2020-scaling\.mdx: : YAML aliases expand too far \(at most 100 uses of an alias\)/,
    },
    {
      name: "math KaTeX cannot render (an unknown macro)",
      apply: () => edit(KAPLAN, /\nKaplan et al\. measure/, "\nA bad macro $\\notamacro{N}$ here.\n\nKaplan et al. measure"),
      expected: new RegExp(`^papers/kaplan-2020-scaling\\.mdx: body: KaTeX cannot render this math: KaTeX parse error: Undefined control sequence: \\\\notamacro .*\\(line ${PROSE_LINE}\\)$`),
    },
    {
      name: "unbalanced display math",
      // "$$$$" in a replacement string writes "$$"
      apply: () => edit(KAPLAN, /\nKaplan et al\. measure/, "\n$$$$\nL = 1\n\nKaplan et al. measure"),
      expected: /^papers\/kaplan-2020-scaling\.mdx: body: unbalanced \$\$: an odd number of \$\$ fences, so the last one \(line \d+\) is never closed$/,
    },
    {
      name: "a javascript: link in prose",
      apply: () => edit(KAPLAN, /\nKaplan et al\. measure/, "\nSee [this](javascript:alert(1)).\n\nKaplan et al. measure"),
      expected: /^papers\/kaplan-2020-scaling\.mdx: body: link target "javascript:alert\(1\)" is not allowed in paper prose: use an http\(s\) address, a relative path or a #anchor \(line \d+, column 5\)$/,
    },
    {
      name: "a data: link in prose",
      apply: () => edit(KAPLAN, /\nKaplan et al\. measure/, "\nSee [this](data:text/html,hi).\n\nKaplan et al. measure"),
      expected: /body: link target "data:text\/html,hi" is not allowed in paper prose/,
    },
    {
      name: "a check at an input outside the law's domain",
      apply: () => edit(KAPLAN, "      - inputs: { C_min: 1.0e4 }\n        kind: derived", "      - inputs: { C_min: -1.0e4 }\n        kind: derived"),
      expected: /\.checks\[\d+\]\.inputs\.C_min: C_min = -10000 is outside the input's domain \(greater than 0\); the law is never evaluated there$/,
    },
  ];

  it.each(cases)("$name: fails naming file and field, and keeps the previous database", async ({ apply, expected }) => {
    const before = fs.readFileSync(out);
    apply();
    const found = await problems();
    expect(found.some((p) => expected.test(p)), found.join("\n")).toBe(true);
    expect(fs.readFileSync(out).equals(before)).toBe(true);
    expect(fs.readdirSync(path.dirname(out))).toEqual(["lawdex.db"]);
  });

  it("stores a form-only law that can be read but never evaluated", async () => {
    const formFile = [
        "---",
        "title: A form",
        "authors: [Jane Doe]",
        "year: 2024",
        "domains: [llm-pretraining]",
        "summary: A paper with a form only.",
        "laws:",
        "  - id: loss",
        "    name: Loss",
        "    expr: E + A / N^alpha",
        "    output: { symbol: L, quantity: loss, unit: nat/token }",
        "    inputs: [{ symbol: N, quantity: params, unit: param }]",
        "    source: Eq. 1",
        "    free: [{ symbol: E }, { symbol: A }, { symbol: alpha, description: exponent }]",
        "    verification: { level: paper, source: Eq. 1 }",
        "statements:",
        "  - { id: rule, name: A rule, statement: Bigger is better., source: Section 2, verification: { level: paper, source: Section 2 } }",
        "---",
        "",
        "Prose with $x^2$.",
        "",
      ].join("\n");
    fs.writeFileSync(path.join(content, "papers", "doe-2024-form.mdx"), formFile);
    const before = (await buildDatabase({ contentDir: content, outFile: out })).papers;
    fs.rmSync(path.join(content, "papers", "doe-2024-form.mdx"));
    expect(before - (await buildDatabase({ contentDir: content, outFile: out })).papers).toBe(1);
    fs.writeFileSync(path.join(content, "papers", "doe-2024-form.mdx"), formFile);
    await buildDatabase({ contentDir: content, outFile: out });
    const { openDb } = await import("@/db/client");
    const { getLaw, listStatements } = await import("@/db/queries");
    const db = openDb(out);
    const law = getLaw(db, "doe-2024-form/loss");
    expect(law?.free?.map((f) => f.symbol)).toEqual(["E", "A", "alpha"]);
    expect(law?.latex).toBe("L = E + \\frac{A}{N^{\\alpha}}");
    expect(listStatements(db, "doe-2024-form").map((st) => st.name)).toEqual(["A rule"]);
    const { evaluate } = await import("@/lib/law");
    expect(() => evaluate(law as NonNullable<typeof law>, { N: 1e9 })).toThrow(
      "doe-2024-form/loss is a functional form without published coefficients (E, A, alpha are free); it is not offered for prediction",
    );
    db.$client.close();
  });

  it("replaces the database atomically when the content is fine", async () => {
    const inode = fs.statSync(out).ino;
    const r = await buildDatabase({ contentDir: content, outFile: out });
    expect(r.laws).toBeGreaterThan(10);
    expect(fs.statSync(out).ino).not.toBe(inode);
  });
});
