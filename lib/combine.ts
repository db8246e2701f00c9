/**
 * Combines laws from different papers in one expression, e.g.
 * `h(N, 20*N) - k(N)` with h and k aliases of laws. The expression goes
 * through the same whitelist engine: aliases become callable names with the
 * law's arity, free names are the variables the caller gives values for, and
 * nothing else is reachable. Before compiling, a pass over the tree checks
 * that compositions line up: a law's output fed to another law's input must be
 * the same quantity in the same unit, and sums and differences must add like
 * to like. Mismatches are errors with the position of the offending call.
 */
import { BUILTIN_FUNCTIONS, type CompiledWith, ExprError, type Node, compileWith, prepare, symbolsOf } from "./expr";
import { invalid, tooLarge } from "./errors";
import { type Law, executable, toPositiveNumber } from "./law";
import type { Quantities } from "./quantities";

export const MAX_COMBINE_LAWS = 8;
export const MAX_COMBINE_POINTS = 10_000;
const ALIAS = /^[A-Za-z][A-Za-z0-9_]{0,31}$/;

/** What a subexpression is: a quantity in a unit, a plain number, or unknown (derived). */
type Kind =
  | { t: "quantity"; quantity: string; unit: string; dataset?: string; from: string }
  | { t: "number" }
  | { t: "unknown" };

export interface Combination {
  variables: string[];
  output: { quantity: string; unit: string } | null;
  warnings: string[];
  fn: CompiledWith;
  calls: ((...args: number[]) => number)[];
}

function describe(k: Kind, quantities: Quantities): string {
  return k.t === "quantity" ? `${quantities.name(k.quantity)} (${k.unit}) from ${k.from}` : k.t === "number" ? "a plain number" : "a derived value";
}

/**
 * `given` are the names the caller sent values for; every one must be a
 * variable of the expression (an unused name is a mistake, and accepting
 * thousands of them would cost work for nothing). `field` is where the caller
 * sent them (`at` or `points[0]`), for messages.
 */
export function prepareCombination(laws: Record<string, Law>, expr: string, given: readonly string[], quantities: Quantities, field = "at"): Combination {
  const entries = Object.entries(laws);
  const aliases = entries.map(([a]) => a);
  if (aliases.length === 0) throw invalid("laws", "give at least one law alias");
  if (aliases.length > MAX_COMBINE_LAWS) throw invalid("laws", `at most ${MAX_COMBINE_LAWS} laws in one combination`);
  for (const a of aliases) {
    if (!ALIAS.test(a)) throw invalid(`laws.${a.slice(0, 40)}`, `alias "${a.slice(0, 40)}" must be a name (letters, digits, _; starting with a letter)`);
    if (BUILTIN_FUNCTIONS.has(a)) throw invalid(`laws.${a}`, `alias "${a}" is a built-in function name`);
    if (a in Object.prototype || a.startsWith("__")) throw invalid(`laws.${a}`, `"${a}" cannot be an alias`);
  }
  for (const v of given) {
    // harmless in compiled code (variables become slots), but never a sensible name
    if (v in Object.prototype || v.startsWith("__")) throw invalid(`${field}.${v.slice(0, 40)}`, `"${v.slice(0, 40)}" cannot be a variable name`);
    if (!ALIAS.test(v)) throw invalid(`${field}.${v.slice(0, 40)}`, `variable "${v.slice(0, 40)}" must be a name`);
    if (Object.hasOwn(laws, v)) throw invalid(`${field}.${v}`, `variable "${v}" is also a law alias`);
  }
  const functions = new Map(entries.map(([a, law]) => [a, { min: law.inputs.length, max: law.inputs.length }] as const));
  let tree: Node;
  try {
    tree = prepare(expr, { symbols: new Set(given), functions });
  } catch (e) {
    if (e instanceof ExprError) throw invalid("expr", e.message);
    throw e;
  }
  const used = new Set(symbolsOf(tree));
  const unused = given.find((v) => !used.has(v));
  if (unused !== undefined) {
    throw invalid(`${field}.${unused}`, `${unused} is not a variable of the expression (it uses ${[...used].join(", ") || "none"})`);
  }
  const variables = [...given];
  const warnings: string[] = [];
  const kind = (n: Node): Kind => {
    switch (n.kind) {
      case "num":
        return { t: "number" };
      case "sym":
        return { t: "unknown" };
      case "neg":
        return kind(n.arg);
      case "call": {
        const law = Object.hasOwn(laws, n.name) ? laws[n.name] : undefined;
        const args = n.args.map(kind);
        if (!law) return args.every((a) => a.t === "number") ? { t: "number" } : { t: "unknown" };
        n.args.forEach((arg, i) => {
          const a = args[i];
          // prepare() has checked that the call gives one argument per input of the law
          const input = law.inputs[i];
          if (a?.t !== "quantity" || input === undefined) return;
          if (a.quantity !== input.quantity || a.unit !== input.unit) {
            throw invalid(
              "expr",
              `${n.name}() argument ${i + 1} is ${describe(a, quantities)}, but ${law.id} takes ${input.symbol} as ${quantities.name(input.quantity)} (${input.unit}) (char ${arg.pos})`,
            );
          }
        });
        return { t: "quantity", quantity: law.output.quantity, unit: law.output.unit, dataset: law.output.dataset, from: `${n.name}() = ${law.id}` };
      }
      case "bin": {
        const l = kind(n.left);
        const r = kind(n.right);
        if (n.op === "+" || n.op === "-") {
          if (l.t === "quantity" && r.t === "quantity") {
            if (l.quantity !== r.quantity || l.unit !== r.unit) {
              throw invalid("expr", `cannot ${n.op === "+" ? "add" : "subtract"} ${describe(r, quantities)} ${n.op === "+" ? "to" : "from"} ${describe(l, quantities)} (char ${n.pos})`);
            }
            if (l.dataset && r.dataset && l.dataset !== r.dataset) {
              warnings.push(`${l.from} and ${r.from} are measured on different data (${l.dataset} vs ${r.dataset}); their ${n.op === "+" ? "sum" : "difference"} mixes them`);
            }
            return l;
          }
          return l.t === "quantity" ? l : r.t === "quantity" ? r : l.t === "number" && r.t === "number" ? l : { t: "unknown" };
        }
        if ((n.op === "*" || n.op === "/") && (l.t === "number" || r.t === "number")) {
          if (l.t === "number" && r.t === "number") return l;
          if (n.op === "*" || r.t === "number") return l.t === "number" ? r : l;
        }
        return l.t === "number" && r.t === "number" ? l : { t: "unknown" };
      }
    }
  };
  const top = kind(tree);
  const calls = entries.map(([, law]) => {
    const fn = executable(law).fn;
    const x = new Float64Array(law.inputs.length);
    return (...args: number[]) => {
      // one argument per input (the arity prepare() checked)
      x.set(args);
      return fn(x);
    };
  });
  return {
    variables: [...variables],
    output: top.t === "quantity" ? { quantity: top.quantity, unit: top.unit } : null,
    warnings,
    fn: compileWith(tree, { inputs: variables, constants: new Map(), functions: aliases }),
    calls,
  };
}

export interface CombineRequest {
  laws: Record<string, Law>;
  expr: string;
  points: Record<string, unknown>[];
  /** Where the caller sent the points: `at` (one point) or `points` (a batch), for messages. */
  field?: "at" | "points";
}

export function combine(req: CombineRequest, quantities: Quantities) {
  if (req.points.length === 0) throw invalid("points", "points is empty");
  if (req.points.length > MAX_COMBINE_POINTS) throw tooLarge("points", `at most ${MAX_COMBINE_POINTS} points per request, got ${req.points.length}`);
  const at = (i: number) => (req.field === "at" ? "at" : `points[${i}]`);
  const c = prepareCombination(req.laws, req.expr, Object.keys(req.points[0] ?? {}), quantities, at(0));
  const { variables } = c;
  const slot = new Map(variables.map((v, j) => [v, j]));
  const x = new Float64Array(variables.length);
  const values = req.points.map((pt, i) => {
    // linear: each key is looked up once, and any key beyond the variables is an error
    let count = 0;
    for (const k in pt) {
      if (!Object.hasOwn(pt, k)) continue;
      if (!slot.has(k)) throw invalid(`${at(i)}.${k.slice(0, 40)}`, `${k.slice(0, 40)} is not a variable of the expression (it uses ${variables.join(", ") || "none"})`);
      count++;
    }
    // every key is a variable, so fewer keys than variables means one is missing
    const missing = count === variables.length ? undefined : variables.find((v) => !Object.hasOwn(pt, v));
    if (missing !== undefined) throw invalid(`${at(i)}.${missing}`, `${at(i)} must give ${missing} (every point gives ${variables.join(", ")})`);
    variables.forEach((v, j) => {
      x[j] = toPositiveNumber(pt[v], `${at(i)}.${v}`);
    });
    const y = c.fn(x, c.calls);
    return Number.isFinite(y) ? y : null;
  });
  const gaps = values.filter((v) => v === null).length;
  const warnings = [...c.warnings];
  if (gaps) warnings.push(`${gaps} of ${values.length} points give no finite value (NaN or overflow); they are null`);
  return { variables, output: c.output, values, warnings };
}
