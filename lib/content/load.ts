/**
 * Reads content/ into a validated registry: papers, their laws (variants
 * flattened), domains and quantities. Every problem is collected with the
 * file and field it concerns, so one run of the build lists them all.
 */
import fs from "node:fs";
import path from "node:path";
import { type Document, isScalar, parseDocument } from "yaml";
import { printSensitivity, printedStep } from "../precision";
import type { z } from "zod";
import { type CheckResult, type Law, LawError, describeCheck, refitField, resolveLaw, runCheck } from "../law";
import { fieldPath } from "../errors";
import { compile, prepare, symbolsOf } from "../expr";
import {
  type CoefficientContent,
  type Dataset,
  type Domain,
  type Exclusion,
  type PaperFrontmatter,
  type Quantity,
  type Seed,
  type Statement,
  datasetSchema,
  domainsFileSchema,
  exclusionsFileSchema,
  paperSchema,
  quantitiesFileSchema,
  seedsFileSchema,
} from "./schema";

export interface Paper extends Omit<PaperFrontmatter, "laws" | "statements"> {
  slug: string;
  /** Path relative to the content root, for error messages and "edit this page". */
  file: string;
  /** MDX prose below the frontmatter. */
  body: string;
  /** Line of the file on which the prose starts, for error messages. */
  bodyLine: number;
}

export interface Registry {
  papers: Paper[];
  laws: Law[];
  statements: (Statement & { paper: string })[];
  seeds: Seed[];
  exclusions: Exclusion[];
  domains: Domain[];
  quantities: Quantity[];
  datasets: Dataset[];
  checks: Map<string, CheckResult[]>;
  /** File and field of each law's content, for problems found after loading (refits). */
  origin: Map<string, { file: string; field: string }>;
}

export class ContentError extends Error {
  readonly problems: { file: string; field: string; message: string }[];
  constructor(problems: { file: string; field: string; message: string }[]) {
    super(
      `content has ${problems.length} problem(s):\n` +
        problems.map((p) => `  ${p.file}: ${p.field ? `${p.field}: ` : ""}${p.message}`).join("\n"),
    );
    this.name = "ContentError";
    this.problems = problems;
  }
}


export type Problem = ContentError["problems"][number];

/** A law with the file and field of its content, for problems found after it is resolved. */
interface Placed {
  law: Law;
  file: string;
  field: string;
}

/** Aliases a YAML file may expand (each `*ref` counts); beyond it the file is refused, not expanded (billion laughs). */
export const MAX_YAML_ALIASES = 100;

function parseYaml(text: string, file: string, problems: Problem[], lineOffset = 0, keep?: (doc: Document) => void): unknown {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  keep?.(doc);
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const line = ` at line ${text.slice(0, e.pos[0]).split("\n").length + lineOffset}`;
      problems.push({ file, field: "", message: `YAML error${line}: ${e.message.split("\n")[0]}` });
    }
    return undefined;
  }
  try {
    return doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (e) {
    const reason = e instanceof Error ? e.message.split("\n")[0] : String(e);
    problems.push({ file, field: "", message: `YAML aliases expand too far (at most ${MAX_YAML_ALIASES} uses of an alias): ${reason}` });
    return undefined;
  }
}

/** Bounds on what one content file may hold. */
export const LIMITS = {
  /** Any content file, in bytes. */
  fileBytes: 512 * 1024,
  /** A paper's YAML frontmatter, in bytes. */
  frontmatterBytes: 256 * 1024,
  /** A paper's prose below the frontmatter, in bytes. */
  proseBytes: 128 * 1024,
} as const;

/**
 * Reads a content file, or records why not: only regular files inside the
 * content folder (a symlink may point within it, never out of it), at most
 * LIMITS.fileBytes. Devices, pipes and directories are refused before any
 * read, so a link to /dev/zero cannot hang the build.
 */
function readContentFile(root: string, rel: string, problems: Problem[]): string | undefined {
  const full = path.join(root, rel);
  let st: fs.Stats;
  try {
    const link = fs.lstatSync(full);
    if (link.isSymbolicLink()) {
      const target = fs.realpathSync(full);
      const inside = fs.realpathSync(root);
      if (target !== inside && !target.startsWith(inside + path.sep)) {
        problems.push({ file: rel, field: "", message: `is a link to ${target}, outside the content folder; content files are read only from inside it` });
        return undefined;
      }
    }
    st = fs.statSync(full);
  } catch (e) {
    const code = e !== null && typeof e === "object" && "code" in e ? String(e.code) : "";
    problems.push({ file: rel, field: "", message: code === "ENOENT" ? "is a link to nothing" : `cannot be read (${code || String(e)})` });
    return undefined;
  }
  if (!st.isFile()) {
    problems.push({ file: rel, field: "", message: `is not a regular file (${st.isDirectory() ? "a directory" : "a device, pipe or socket"}); content files must be plain text files` });
    return undefined;
  }
  if (st.size > LIMITS.fileBytes) {
    problems.push({ file: rel, field: "", message: `is ${st.size} bytes; a content file may be at most ${LIMITS.fileBytes} bytes` });
    return undefined;
  }
  return fs.readFileSync(full, "utf8");
}

function validated<T>(schema: z.ZodType<T>, data: unknown, file: string, problems: Problem[], prefix = ""): T | undefined {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  for (const issue of r.error.issues) {
    const field = fieldPath(issue.path);
    problems.push({ file, field: prefix + field, message: issue.message });
  }
  return undefined;
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

/** Parses one paper file's text; pure, so tests can feed it strings. */
export function parsePaper(
  file: string,
  text: string,
  problems: Problem[],
): { paper: Paper; laws: PaperFrontmatter["laws"]; statements: Statement[]; step: (c: CoefficientContent) => number | undefined } | undefined {
  const slug = path.basename(file).replace(/\.mdx$/, "");
  const m = FRONTMATTER.exec(text);
  if (!m) {
    problems.push({ file, field: "", message: "must start with YAML frontmatter between --- lines" });
    return undefined;
  }
  // both groups always match (possibly empty) when the pattern does
  const [, frontmatter = "", prose = ""] = m;
  const frontmatterBytes = Buffer.byteLength(frontmatter);
  if (frontmatterBytes > LIMITS.frontmatterBytes) {
    problems.push({ file, field: "", message: `frontmatter is ${frontmatterBytes} bytes; it may be at most ${LIMITS.frontmatterBytes}` });
    return undefined;
  }
  const proseBytes = Buffer.byteLength(prose);
  if (proseBytes > LIMITS.proseBytes) {
    problems.push({ file, field: "body", message: `the prose is ${proseBytes} bytes; it may be at most ${LIMITS.proseBytes}` });
    return undefined;
  }
  let doc: Document | undefined;
  const data = parseYaml(frontmatter, file, problems, 1, (d) => {
    doc = d;
  });
  if (data === undefined) return undefined;
  const fm = validated(paperSchema, data, file, problems);
  if (!fm) return undefined;
  const steps = doc ? printedSteps(fm.laws, doc) : new Map<CoefficientContent, number>();
  const slugOk = /^[a-z]+(?:-[a-z]+)*-(\d{4})-[a-z0-9]+(?:-[a-z0-9]+)*$/.exec(slug);
  if (!slugOk) {
    problems.push({ file, field: "", message: `file name "${slug}" must be <first-author-surname>-<year>-<word>.mdx` });
    return undefined;
  }
  if (Number(slugOk[1]) !== fm.year) {
    problems.push({ file, field: "year", message: `is ${fm.year} but the file name says ${slugOk[1]}` });
  }
  const { laws, statements, ...meta } = fm;
  const bodyLine = text.slice(0, text.length - prose.length).split("\n").length;
  return { paper: { ...meta, slug, file, body: prose, bodyLine }, laws, statements, step: (c) => steps.get(c) };
}

/**
 * Each coefficient's value as written in the file ("9.91e6", "0.20") says how
 * many digits were printed; YAML parsing keeps only the number, so the step of
 * the last digit is read from the source text here (see lib/precision.ts).
 */
function printedSteps(laws: PaperFrontmatter["laws"], doc: Document): Map<CoefficientContent, number> {
  const steps = new Map<CoefficientContent, number>();
  laws.forEach((law, li) => {
    const sets: [readonly (string | number)[], CoefficientContent[]][] = [];
    if (law.coefficients) sets.push([["laws", li, "coefficients"], law.coefficients]);
    law.variants?.forEach((v, vi) => sets.push([["laws", li, "variants", vi, "coefficients"], v.coefficients]));
    for (const [at, coefficients] of sets) {
      coefficients.forEach((c, ci) => {
        if (c.value === undefined) return;
        const node = doc.getIn([...at, ci, "value"], true);
        const source = isScalar(node) ? node.source : undefined;
        const step = typeof source === "string" ? printedStep(source) : undefined;
        if (step !== undefined) steps.set(c, step);
      });
    }
  });
  return steps;
}

function isLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

export function loadRegistry(root: string): Registry {
  const problems: Problem[] = [];
  const readYaml = (name: string) => {
    const file = path.join(root, name);
    if (!fs.existsSync(file) && !isLink(file)) {
      problems.push({ file: name, field: "", message: "file is missing" });
      return undefined;
    }
    const text = readContentFile(root, name, problems);
    return text === undefined ? undefined : parseYaml(text, name, problems);
  };
  const domains = validated(domainsFileSchema, readYaml("domains.yaml"), "domains.yaml", problems) ?? [];
  const quantities = validated(quantitiesFileSchema, readYaml("quantities.yaml"), "quantities.yaml", problems) ?? [];
  const seeds = validated(seedsFileSchema, readYaml("seeds.yaml"), "seeds.yaml", problems) ?? [];
  const exclusions = validated(exclusionsFileSchema, readYaml("exclusions.yaml"), "exclusions.yaml", problems) ?? [];

  const domainIds = new Set<string>();
  domains.forEach((d, i) => {
    if (domainIds.has(d.id)) problems.push({ file: "domains.yaml", field: `[${i}].id`, message: `duplicate domain ${d.id}` });
    domainIds.add(d.id);
  });
  domains.forEach((d, i) => {
    if (d.parent && !domainIds.has(d.parent)) {
      problems.push({ file: "domains.yaml", field: `[${i}].parent`, message: `unknown domain ${d.parent}` });
    }
  });
  const quantityById = new Map<string, Quantity>();
  quantities.forEach((q, i) => {
    if (quantityById.has(q.id)) problems.push({ file: "quantities.yaml", field: `[${i}].id`, message: `duplicate quantity ${q.id}` });
    quantityById.set(q.id, q);
  });

  const papersDir = path.join(root, "papers");
  const files = fs.existsSync(papersDir) ? fs.readdirSync(papersDir).filter((f) => f.endsWith(".mdx")).sort() : [];
  const papers: Paper[] = [];
  const laws: Law[] = [];
  const statements: Registry["statements"] = [];
  /** Each law with the file and field of its content, by id. */
  const placed = new Map<string, Placed>();

  for (const name of files) {
    const file = `papers/${name}`;
    const text = readContentFile(root, file, problems);
    if (text === undefined) continue;
    const parsed = parsePaper(file, text, problems);
    if (!parsed) continue;
    const { paper } = parsed;
    paper.domains.forEach((d, i) => {
      if (!domainIds.has(d)) problems.push({ file, field: `domains[${i}]`, message: `unknown domain ${d} (see domains.yaml)` });
    });
    papers.push(paper);
    const statementIds = new Set<string>();
    parsed.statements.forEach((st, i) => {
      if (statementIds.has(st.id) || parsed.laws.some((l) => l.id === st.id)) {
        problems.push({ file, field: `statements[${i}].id`, message: `duplicate id ${st.id} in this paper` });
      }
      statementIds.add(st.id);
      statements.push({ ...st, paper: paper.slug });
    });
    if (parsed.laws.length === 0 && parsed.statements.length === 0) {
      problems.push({ file, field: "laws", message: "a paper page states at least one law or statement; papers without one belong in exclusions.yaml" });
    }
    parsed.laws.forEach((content, li) => {
      const field = `laws[${li}]`;
      const unit = (q: string, u: string, at: string) => {
        const quantity = quantityById.get(q);
        if (!quantity) problems.push({ file, field: `${at}.quantity`, message: `unknown quantity ${q} (see quantities.yaml)` });
        else if (!Object.hasOwn(quantity.units, u)) {
          problems.push({ file, field: `${at}.unit`, message: `unknown unit ${u} for ${q}; known: ${Object.keys(quantity.units).join(", ")}` });
        }
      };
      unit(content.output.quantity, content.output.unit, `${field}.output`);
      content.inputs.forEach((inp, i) => unit(inp.quantity, inp.unit, `${field}.inputs[${i}]`));
      try {
        for (const law of resolveLaw(paper.slug, content, field, parsed.step)) {
          const other = placed.get(law.id);
          if (other) {
            problems.push({ file, field: `${field}.id`, message: `duplicate law id ${law.id} (also in ${other.file})` });
            continue;
          }
          placed.set(law.id, { law, file, field });
          laws.push(law);
        }
      } catch (e) {
        if (e instanceof LawError) problems.push({ file, field: e.field, message: e.message.slice(e.field.length + 2) });
        else throw e;
      }
    });
  }

  const slugs = new Set<string>();
  for (const p of papers) {
    if (slugs.has(p.slug)) problems.push({ file: p.file, field: "", message: `duplicate paper ${p.slug}` });
    slugs.add(p.slug);
  }
  const lawIds = new Set(laws.map((l) => l.id));
  bindOtherFits([...placed.values()], problems);
  const checks = new Map<string, CheckResult[]>();
  for (const { law, file, field } of placed.values()) {
    law.links.forEach((link, i) => {
      if (!lawIds.has(link.target)) problems.push({ file, field: `${field}.links[${i}].target`, message: `unknown law ${link.target}` });
    });
    const results: CheckResult[] = [];
    law.checks.forEach((check, i) => {
      let r: CheckResult;
      try {
        r = runCheck(law, check);
      } catch (e) {
        problems.push({ file, field: `${field}.checks[${i}].of`, message: e instanceof Error ? e.message : String(e) });
        return;
      }
      results.push(r);
      if (!r.passed) {
        problems.push({
          file,
          field: `${field}.checks[${i}]`,
          message: `check failed: ${describeCheck(law, r)}${r.check.kind === "discrepancy" ? " (the documented discrepancy no longer holds)" : ""}`,
        });
      }
    });
    checks.set(law.id, results);
  }

  deriveRanges([...placed.values()], quantityById, problems);
  for (const law of laws) law.sensitivity = printSensitivity(law);
  const datasets = loadDatasets(root, problems, slugs, quantityById);
  checkRefitReferences([...placed.values()], datasets, problems);
  checkSeeds(seeds, exclusions, papers, problems);
  if (problems.length > 0) throw new ContentError(problems);
  const origin = new Map([...placed.values()].map((p) => [p.law.id, { file: p.file, field: p.field }]));
  return { papers, laws, statements, seeds, exclusions, domains, quantities, datasets, checks, origin };
}

/**
 * A check's `with:` names coefficients of other fits of the same paper (another
 * variant of the law, or another law): find each and attach its value, or say
 * which reference is wrong. A check may not name its own coefficient set.
 */
function bindOtherFits(placed: Placed[], problems: Problem[]): void {
  const laws = placed.map((p) => p.law);
  const sets = new Map<string, Law>();
  for (const law of laws) {
    sets.set(`${law.paper}/${law.key}~${law.variant?.id ?? ""}`, law);
    if (!law.variant || law.variants[0]?.id === law.id) sets.set(`${law.paper}/${law.key}~`, law);
  }
  for (const { law, file, field: lawAt } of placed) {
    law.checks.forEach((check, i) => {
      if (!check.with) return;
      const field = `${lawAt}${law.variant ? `.variants[${law.variants.findIndex((v) => v.id === law.id)}]` : ""}.checks[${i}].with`;
      const bound: NonNullable<typeof check.bound> = {};
      for (const [name, ref] of Object.entries(check.with)) {
        const key = ref.law ?? law.key;
        const target = sets.get(`${law.paper}/${key}~${ref.variant ?? ""}`);
        const at = `${field}.${name}`;
        if (!target) {
          const hasLaw = laws.some((l) => l.paper === law.paper && l.key === key);
          problems.push({
            file: file,
            field: at,
            message: hasLaw ? `${key} has no variant ${ref.variant}` : `${law.paper} has no law ${key}`,
          });
          continue;
        }
        if (target.id === law.id) {
          problems.push({ file: file, field: at, message: `names this coefficient set itself; use ${ref.symbol} directly` });
          continue;
        }
        const c = target.coefficients.find((x) => x.symbol === ref.symbol);
        if (!c) {
          problems.push({
            file: file,
            field: at,
            message: `${ref.symbol} is not a coefficient of ${target.id} (${target.coefficients.map((x) => x.symbol).join(", ") || "a form-only law has none"})`,
          });
          continue;
        }
        bound[name] = { law: target.id, symbol: c.symbol, value: c.value };
      }
      check.bound = bound;
    });
  }
}

/**
 * Fitted ranges of derived laws (`range_from`): the extremes of an expression
 * of a parent law's inputs over the parent's fitted ranges (monotone
 * expressions such as C = 6ND take them at the corners), converted to this
 * input's unit. A prediction outside is then marked as extrapolated, by how far.
 */
function deriveRanges(placed: Placed[], quantities: Map<string, Quantity>, problems: Problem[]): void {
  const laws = placed.map((p) => p.law);
  const byId = new Map(laws.map((l) => [l.id, l]));
  for (const { law, file, field: lawAt } of placed) {
    law.inputs.forEach((input, i) => {
      const from = input.range_from;
      if (!from) return;
      const field = `${lawAt}.inputs[${i}].range_from`;
      const parent = byId.get(from.law);
      if (!parent) {
        problems.push({ file, field: `${field}.law`, message: `unknown law ${from.law}` });
        return;
      }
      const symbols = parent.inputs.map((p) => p.symbol);
      let fn: (x: number[]) => number;
      let used: string[];
      try {
        const tree = prepare(from.expr, { symbols: new Set(symbols) });
        used = symbolsOf(tree);
        const c = compile(tree, { inputs: symbols, constants: new Map() });
        fn = (x) => c(x);
      } catch (e) {
        problems.push({ file, field: `${field}.expr`, message: e instanceof Error ? e.message : String(e) });
        return;
      }
      const spans = parent.inputs.map((p) => p.range);
      const missing = parent.inputs.filter((p, j) => used.includes(p.symbol) && !spans[j]).map((p) => p.symbol);
      if (missing.length) {
        problems.push({ file, field, message: `${from.law} prints no fitted range for ${missing.join(", ")}` });
        return;
      }
      const q = quantities.get(input.quantity);
      // own keys only: a unit named like an Object.prototype member is no unit
      const unitFactor = (u: string) => (q && Object.hasOwn(q.units, u) ? q.units[u] : undefined);
      const toBase = unitFactor(from.unit);
      const fromBase = unitFactor(input.unit);
      if (toBase === undefined || fromBase === undefined) {
        problems.push({ file, field: `${field}.unit`, message: `${from.unit} is not a unit of ${input.quantity}` });
        return;
      }
      const factor = toBase / fromBase;
      let lo = Number.POSITIVE_INFINITY;
      let hi = Number.NEGATIVE_INFINITY;
      for (let corner = 0; corner < 2 ** parent.inputs.length; corner++) {
        const v = fn(parent.inputs.map((p, j) => (p.range ? p.range[(corner >> j) & 1 ? 1 : 0] : 1))) * factor;
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      if (!(lo > 0 && hi > lo && Number.isFinite(hi))) {
        problems.push({ file, field: `${field}.expr`, message: `${from.expr} gives no positive span over ${from.law}'s fitted ranges` });
        return;
      }
      input.range = [Number(lo.toPrecision(3)), Number(hi.toPrecision(3))];
      const sources = parent.inputs.filter((p) => used.includes(p.symbol)).map((p) => `${p.symbol}: ${p.range_source}`);
      input.range_source = `derived: ${from.expr} over the fitted ranges of ${from.law} (${sources.join("; ")}), computed in ${from.unit}${from.unit !== input.unit ? ` and converted to ${input.unit}` : ""}`;
    });
  }
}

/** content/datasets/*.yaml: one released dataset per file, named by its id. */
function loadDatasets(root: string, problems: Problem[], papers: Set<string>, quantities: Map<string, Quantity>): Dataset[] {
  const dir = path.join(root, "datasets");
  if (!fs.existsSync(dir)) return [];
  const out: Dataset[] = [];
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort()) {
    const file = `datasets/${name}`;
    const text = readContentFile(root, file, problems);
    if (text === undefined) continue;
    const data = parseYaml(text, file, problems);
    if (data === undefined) continue;
    const ds = validated(datasetSchema, data, file, problems);
    if (!ds) continue;
    if (`${ds.id}.yaml` !== name) problems.push({ file, field: "id", message: `is ${ds.id} but the file is named ${name}` });
    if (!papers.has(ds.paper)) problems.push({ file, field: "paper", message: `unknown paper ${ds.paper}` });
    if (ds.runs_of && !papers.has(ds.runs_of)) problems.push({ file, field: "runs_of", message: `unknown paper ${ds.runs_of}` });
    const names = ds.columns.map((c) => c.name);
    ds.columns.forEach((c, i) => {
      if (names.indexOf(c.name) !== i) problems.push({ file, field: `columns[${i}].name`, message: `column ${c.name} is declared twice` });
      if (c.quantity) {
        const q = quantities.get(c.quantity);
        if (!q) problems.push({ file, field: `columns[${i}].quantity`, message: `unknown quantity ${c.quantity} (see quantities.yaml)` });
        else if (c.unit && !Object.hasOwn(q.units, c.unit)) problems.push({ file, field: `columns[${i}].unit`, message: `unknown unit ${c.unit} for ${c.quantity}` });
      }
    });
    if (ds.label && !names.includes(ds.label)) problems.push({ file, field: "label", message: `${ds.label} is not a declared column` });
    if (ds.fetch && ds.fetch.columns.map((c) => c.name).join(",") !== names.join(",")) {
      problems.push({ file, field: "fetch.columns", message: `must build exactly the declared columns, in order (${names.join(", ")})` });
    }
    ds.subsets.forEach((sub, i) => {
      for (const col of Object.keys(sub.where)) {
        if (!names.includes(col)) problems.push({ file, field: `subsets[${i}].where.${col}`, message: `${col} is not a declared column` });
      }
      if (ds.subsets.findIndex((x) => x.id === sub.id) !== i) problems.push({ file, field: `subsets[${i}].id`, message: `subset ${sub.id} is declared twice` });
    });
    out.push(ds);
  }
  return out;
}

/** A refit names a declared dataset, subset and columns whose quantities and units are the law's. */
function checkRefitReferences(placed: Placed[], datasets: Dataset[], problems: Problem[]): void {
  const laws = placed.map((p) => p.law);
  const byId = new Map(datasets.map((d) => [d.id, d]));
  for (const { law, file, field: lawAt } of placed) {
    law.refits.forEach((refit) => {
      const field = refitField.get(refit) ?? `${lawAt}.checks`;
      const ds = byId.get(refit.dataset);
      if (!ds) {
        problems.push({ file, field: `${field}.dataset`, message: `unknown dataset ${refit.dataset} (see content/datasets/)` });
        return;
      }
      if (refit.subset && !ds.subsets.some((s) => s.id === refit.subset)) {
        problems.push({ file, field: `${field}.subset`, message: `dataset ${ds.id} has no subset ${refit.subset}` });
      }
      for (const [symbol, column] of Object.entries(refit.columns)) {
        const col = ds.columns.find((c) => c.name === column);
        const io = symbol === law.output.symbol ? law.output : law.inputs.find((x) => x.symbol === symbol);
        if (!col) problems.push({ file, field: `${field}.columns.${symbol}`, message: `dataset ${ds.id} has no column ${column}` });
        else if (io && (col.quantity !== io.quantity || col.unit !== io.unit)) {
          problems.push({ file, field: `${field}.columns.${symbol}`, message: `column ${column} is ${col.quantity ?? "no quantity"} in ${col.unit ?? "no unit"}, but ${symbol} is ${io.quantity} in ${io.unit}` });
        }
      }
      for (const p of refit.expect.predictions ?? []) {
        if (!ds.label) problems.push({ file, field: `${field}.expect.predictions`, message: `dataset ${ds.id} declares no label column to find row ${p.row} by` });
        for (const via of Object.values(p.via ?? {})) {
          const other = laws.find((l) => l.paper === law.paper && l.key === via && l.refits.some((r) => r.dataset === refit.dataset));
          if (!other) problems.push({ file, field: `${field}.expect.predictions`, message: `via: ${via} is not a law of this paper with a refit on ${refit.dataset}` });
        }
      }
    });
  }
}

/**
 * Each seed is covered at most once: by one paper (seed: n) or by one
 * exclusion, never both. Seeds covered by neither are reported by the
 * coverage route rather than failing the build.
 */
function checkSeeds(seeds: Seed[], exclusions: Exclusion[], papers: Paper[], problems: Problem[]): void {
  const known = new Set<number>();
  seeds.forEach((s, i) => {
    if (known.has(s.n)) problems.push({ file: "seeds.yaml", field: `[${i}].n`, message: `duplicate seed ${s.n}` });
    known.add(s.n);
  });
  const byPaper = new Map<number, string>();
  for (const p of papers) {
    if (p.seed === undefined) continue;
    if (!known.has(p.seed)) problems.push({ file: p.file, field: "seed", message: `no seed ${p.seed} in seeds.yaml` });
    const other = byPaper.get(p.seed);
    if (other) problems.push({ file: p.file, field: "seed", message: `seed ${p.seed} is already ${other}` });
    byPaper.set(p.seed, p.slug);
  }
  const excluded = new Set<number>();
  exclusions.forEach((e, i) => {
    const field = `[${i}].seed`;
    if (!known.has(e.seed)) problems.push({ file: "exclusions.yaml", field, message: `no seed ${e.seed} in seeds.yaml` });
    if (excluded.has(e.seed)) problems.push({ file: "exclusions.yaml", field, message: `seed ${e.seed} is excluded twice` });
    const paper = byPaper.get(e.seed);
    if (paper) problems.push({ file: "exclusions.yaml", field, message: `seed ${e.seed} is excluded but is also the paper ${paper}` });
    excluded.add(e.seed);
  });
}
