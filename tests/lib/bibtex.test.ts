import { describe, expect, it } from "vitest";
import { bibtex, parseVenue, texEscape, texTitle } from "@/lib/bibtex";

describe("bibtex", () => {
  it("writes an inproceedings entry for a venue, in the venue's year, with the arXiv id", () => {
    expect(
      bibtex({ slug: "hoffmann-2022-chinchilla", title: "Training Compute-Optimal Large Language Models", authors: ["Jordan Hoffmann", "Sebastian Borgeaud"], year: 2022, arxiv: "2203.15556", venue: "NeurIPS 2022" }),
    ).toBe(
      "@inproceedings{hoffmann2022chinchilla,\n  title = {{Training Compute-Optimal Large Language Models}},\n  author = {Jordan Hoffmann and Sebastian Borgeaud},\n  year = {2022},\n  booktitle = {NeurIPS 2022},\n  eprint = {2203.15556},\n  archivePrefix = {arXiv},\n  url = {https://arxiv.org/abs/2203.15556}\n}\n",
    );
  });
  it("keeps math in a title as LaTeX, and cites a paper published a year after its preprint in the venue's year", () => {
    expect(
      bibtex({ slug: "chen-2024-pruning", title: "P$^2$ Law: Scaling Law for Post-Training After Model Pruning", authors: ["Xiaodong Chen", "Yuxuan Hu"], year: 2024, arxiv: "2411.10272", venue: "ACL 2025" }),
    ).toBe(
      "@inproceedings{chen2024pruning,\n  title = {{P$^2$ Law: Scaling Law for Post-Training After Model Pruning}},\n  author = {Xiaodong Chen and Yuxuan Hu},\n  year = {2025},\n  booktitle = {ACL 2025},\n  eprint = {2411.10272},\n  archivePrefix = {arXiv},\n  url = {https://arxiv.org/abs/2411.10272}\n}\n",
    );
  });
  it("writes an arXiv preprint as an article in 'arXiv preprint', in the paper's year, with the eprint", () => {
    expect(bibtex({ slug: "kaplan-2020-scaling", title: "Scaling Laws for Neural Language Models", authors: ["Jared Kaplan", "Sam McCandlish"], year: 2020, arxiv: "2001.08361", venue: "arXiv preprint" })).toBe(
      "@article{kaplan2020scaling,\n  title = {{Scaling Laws for Neural Language Models}},\n  author = {Jared Kaplan and Sam McCandlish},\n  year = {2020},\n  journal = {arXiv preprint arXiv:2001.08361},\n  eprint = {2001.08361},\n  archivePrefix = {arXiv},\n  url = {https://arxiv.org/abs/2001.08361}\n}\n",
    );
  });
  it("writes a journal paper with journal, volume and article number", () => {
    expect(bibtex({ slug: "he-2024-next-token", title: "A Law of Next-Token Prediction in Large Language Models", authors: ["Hangfeng He", "Weijie J. Su"], year: 2024, arxiv: "2408.13442", venue: "Physical Review E 112, 035317 (2025)" })).toBe(
      "@article{he2024nexttoken,\n  title = {{A Law of Next-Token Prediction in Large Language Models}},\n  author = {Hangfeng He and Weijie J. Su},\n  year = {2025},\n  journal = {Physical Review E},\n  volume = {112},\n  pages = {035317},\n  eprint = {2408.13442},\n  archivePrefix = {arXiv},\n  url = {https://arxiv.org/abs/2408.13442}\n}\n",
    );
  });
  it("uses the title a venue published the paper under", () => {
    const entry = bibtex({ slug: "fort-2023-adversarial", title: "Scaling Laws for Adversarial Attacks on Language Model Activations", authors: ["Stanislav Fort"], year: 2023, arxiv: "2312.02780", venue: "ICLR 2025 (as: Scaling Laws for Adversarial Attacks on Language Model Activations and Tokens)" });
    expect(entry).toContain("  title = {{Scaling Laws for Adversarial Attacks on Language Model Activations and Tokens}},\n");
    expect(entry).toContain("  year = {2025},\n  booktitle = {ICLR 2025},\n");
  });
  it.each([
    { venue: "arXiv preprint", expected: { kind: "preprint" } },
    { venue: null, expected: { kind: "preprint" } },
    { venue: "Findings of EMNLP 2023", expected: { kind: "proceedings", booktitle: "Findings of EMNLP 2023", year: 2023 } },
    { venue: "EVIA 2023", expected: { kind: "proceedings", booktitle: "EVIA 2023", year: 2023 } },
    { venue: "Physical Review E 112, 035317 (2025)", expected: { kind: "journal", journal: "Physical Review E", volume: "112", number: "035317", year: 2025 } },
    { venue: "A workshop", expected: { kind: "other", howpublished: "A workshop" } },
  ])("reads the venue $venue", ({ venue, expected }) => {
    expect(parseVenue(venue).venue).toEqual(expected);
  });
  it("escapes TeX specials in text so that no title can break the entry", () => {
    expect(texEscape("P$^2$ Law: 50% & more {x}_y")).toBe("P\\$\\textasciicircum{}2\\$ Law: 50\\% \\& more \\{x\\}\\_y");
  });
  it.each([
    { title: "P$^2$ Law: 50% & more", expected: "P$^2$ Law: 50\\% \\& more" },
    { title: "Loss $\\propto N^{-\\alpha}$ in {x}", expected: "Loss $\\propto N^{-\\alpha}$ in \\{x\\}" },
    { title: "Costs $5 a run", expected: "Costs \\$5 a run" },
    { title: "Bad $x}$ math", expected: "Bad \\$x\\}\\$ math" },
    { title: "Empty $$ math", expected: "Empty \\$\\$ math" },
  ])("title $title -> $expected", ({ title, expected }) => {
    expect(texTitle(title)).toBe(expected);
  });
});
