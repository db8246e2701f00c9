/**
 * A law's expression tree turned into a fitting program: a shared DAG of
 * operations (hash-consed, so N^alpha is computed once however often it
 * appears), classified by what each node depends on (the data, the fitted
 * parameters, both or neither), and compiled to plain JavaScript that computes
 * the objective and its exact gradient in one pass over the points.
 *
 * The gradient is the analytic derivative of the validated tree: the
 * generated code runs the tree forward, then applies each operation's
 * derivative rule in reverse order (reverse-mode differentiation, i.e.
 * symbolic differentiation with every shared sub-expression computed once).
 * Nothing is approximated by finite differences.
 *
 * Work is placed where it is cheapest: nodes that depend only on the data
 * (log N) are computed once per fit as extra columns; nodes that depend only
 * on parameters (exp(a), G = (αA/βB)^(1/(α+β))) once per evaluation; only the
 * rest runs per point. As in lib/expr/compile.ts, the generated source holds
 * numeric literals, operators, Math.* and generated variable names only: no
 * caller's text reaches it.
 */
import { ExprError, type Node } from "../expr";
import type { FunctionName } from "../expr/functions";
import { zip } from "../arrays";

export type Op =
  | "const"
  | "input"
  | "param"
  | "add"
  | "sub"
  | "mul"
  | "div"
  | "pow"
  | "neg"
  | "exp"
  | "log"
  | "sqrt"
  | "abs"
  | "min"
  | "max"
  | "lse";

const DATA = 1;
const PARAM = 2;

export interface PNode {
  op: Op;
  args: number[];
  /** const: the value; input/param: the index. */
  value: number;
  /** Bit set: 1 = depends on the data, 2 = depends on a fitted parameter. */
  dep: number;
}

export interface ProgramSpec {
  /** Input symbols in column order. */
  inputs: readonly string[];
  /** Fitted parameters in order; `log` means the optimiser moves log(θ), so θ = exp(p). */
  params: readonly { symbol: string; log: boolean }[];
  /** Every other symbol of the expression, held at a value. */
  constants: ReadonlyMap<string, number>;
  /** Evaluate a sum of positive terms as log-sum-exp of the terms' logs (for log-space objectives). */
  lse: boolean;
  /** What the objective compares with the data: log f (log-space objectives) or f itself. */
  target: "log" | "raw";
}

export interface Program {
  nodes: PNode[];
  target: number;
  inputs: number;
  params: number;
  /** Operations run per point (the program's size, used for work budgets). */
  perPoint: number;
}

/** Node `id` of a program; ids come from the builder, so a missing one is a bug here. */
function nodeAt(nodes: readonly PNode[], id: number): PNode {
  const n = nodes[id];
  if (n === undefined) throw new Error(`the fit program has no node ${id}`);
  return n;
}

const LN10 = Math.LN10;
const LN2 = Math.LN2;

function evalOp(op: Op, a: number[]): number {
  const [x = Number.NaN, y = Number.NaN] = a;
  switch (op) {
    case "add":
      return x + y;
    case "sub":
      return x - y;
    case "mul":
      return x * y;
    case "div":
      return x / y;
    case "pow":
      return Math.pow(x, y);
    case "neg":
      return -x;
    case "exp":
      return Math.exp(x);
    case "log":
      return Math.log(x);
    case "sqrt":
      return Math.sqrt(x);
    case "abs":
      return Math.abs(x);
    case "min":
      return Math.min(x, y);
    case "max":
      return Math.max(x, y);
    case "lse": {
      const m = Math.max(...a);
      if (!Number.isFinite(m)) return m;
      let s = 0;
      for (const v of a) s += Math.exp(v - m);
      return m + Math.log(s);
    }
    default:
      return Number.NaN;
  }
}

class Builder {
  readonly nodes: PNode[] = [];
  private readonly memo = new Map<string, number>();

  private push(op: Op, args: number[], value: number, dep: number): number {
    const key = `${op}|${args.join(",")}|${op === "const" ? value : op === "input" || op === "param" ? value : ""}`;
    const hit = this.memo.get(key);
    if (hit !== undefined) return hit;
    this.nodes.push({ op, args, value, dep });
    const id = this.nodes.length - 1;
    this.memo.set(key, id);
    return id;
  }

  node(id: number): PNode {
    return nodeAt(this.nodes, id);
  }

  isConst(id: number, v?: number): boolean {
    const n = this.node(id);
    return n.op === "const" && (v === undefined || Object.is(n.value, v) || n.value === v);
  }

  constant(v: number): number {
    return this.push("const", [], v, 0);
  }

  input(j: number): number {
    return this.push("input", [], j, DATA);
  }

  param(k: number): number {
    return this.push("param", [], k, PARAM);
  }

  op(op: Op, args: number[]): number {
    if (args.every((a) => this.isConst(a))) {
      return this.constant(evalOp(op, args.map((a) => this.node(a).value)));
    }
    const [a = -1, b = -1] = args;
    // algebraic identities that keep the program small; each is exact in IEEE arithmetic
    switch (op) {
      case "add":
        if (this.isConst(a, 0)) return b;
        if (this.isConst(b, 0)) return a;
        break;
      case "sub":
        if (this.isConst(b, 0)) return a;
        break;
      case "mul":
        if (this.isConst(a, 1)) return b;
        if (this.isConst(b, 1)) return a;
        break;
      case "div":
        if (this.isConst(b, 1)) return a;
        break;
      case "pow":
        if (this.isConst(b, 1)) return a;
        break;
      case "neg": {
        const [inner] = this.node(a).args;
        if (this.node(a).op === "neg" && inner !== undefined) return inner;
        break;
      }
      case "log": {
        const [inner] = this.node(a).args;
        if (this.node(a).op === "exp" && inner !== undefined) return inner;
        break;
      }
      default:
        break;
    }
    let dep = 0;
    for (const x of args) dep |= this.node(x).dep;
    return this.push(op, args, 0, dep);
  }
}

/**
 * Builds the program of a validated expression tree. Symbols resolve through
 * the spec's lists only (a Map/array lookup, never an object property).
 */
export function buildProgram(tree: Node, spec: ProgramSpec): Program {
  const b = new Builder();
  const inputIndex = new Map(spec.inputs.map((s, j) => [s, j] as const));
  const paramIndex = new Map(spec.params.map((p, k) => [p.symbol, k] as const));
  const symbolNode = new Map<string, number>();
  for (const [k, p] of spec.params.entries()) {
    const raw = b.param(k);
    symbolNode.set(p.symbol, p.log ? b.op("exp", [raw]) : raw);
  }
  const resolve = (name: string, pos: number): number => {
    const hit = symbolNode.get(name);
    if (hit !== undefined) return hit;
    const j = inputIndex.get(name);
    if (j !== undefined) {
      const id = b.input(j);
      symbolNode.set(name, id);
      return id;
    }
    const c = spec.constants.get(name);
    if (c !== undefined) return b.constant(c);
    throw new ExprError(`Unknown name "${name}"`, pos);
  };

  /** x^y, as exp(y·log x) when x is a positive datum or constant and y is fitted (log x is then precomputed). */
  const power = (x: number, y: number): number => {
    const xn = b.node(x);
    const positiveBase = xn.op === "input" || (xn.op === "const" && xn.value > 0);
    if (positiveBase && b.node(y).dep & PARAM) return b.op("exp", [b.op("mul", [y, b.op("log", [x])])]);
    return b.op("pow", [x, y]);
  };

  const fold = (op: Op, args: number[]): number => {
    const [first, ...rest] = args;
    if (first === undefined) throw new ExprError(`${op}() takes at least one argument`, null);
    return rest.reduce((acc, x) => b.op(op, [acc, x]), first);
  };

  const emit = (n: Node): number => {
    switch (n.kind) {
      case "num":
        return b.constant(n.value);
      case "sym":
        return resolve(n.name, n.pos);
      case "neg":
        return b.op("neg", [emit(n.arg)]);
      case "bin": {
        const l = emit(n.left);
        const r = emit(n.right);
        switch (n.op) {
          case "+":
            return b.op("add", [l, r]);
          case "-":
            return b.op("sub", [l, r]);
          case "*":
            return b.op("mul", [l, r]);
          case "/":
            return b.op("div", [l, r]);
          case "^":
            return power(l, r);
        }
        break;
      }
      case "call": {
        const args = n.args.map(emit);
        const [x = -1, y = -1] = args;
        // every built-in function (lib/expr/functions.ts) must lower: the mapped type makes a missing one a type error
        const lower: { readonly [K in FunctionName]: () => number } = {
          exp: () => b.op("exp", [x]),
          log: () => b.op("log", [x]),
          ln: () => b.op("log", [x]),
          log10: () => b.op("mul", [b.op("log", [x]), b.constant(1 / LN10)]),
          log2: () => b.op("mul", [b.op("log", [x]), b.constant(1 / LN2)]),
          sqrt: () => b.op("sqrt", [x]),
          abs: () => b.op("abs", [x]),
          pow: () => power(x, y),
          min: () => fold("min", args),
          max: () => fold("max", args),
        };
        if (Object.hasOwn(lower, n.name)) return lower[n.name as FunctionName](); // cast: narrowed by hasOwn
        throw new ExprError(`Unknown function "${n.name}"`, n.pos);
      }
    }
    throw new ExprError("Unsupported expression", null);
  };

  /** log of a node, simplified through products, quotients, powers and sums of positive terms. */
  const logOf = (id: number): number => {
    const n = b.node(id);
    const [x = -1, y = -1] = n.args;
    switch (n.op) {
      case "const":
        return b.constant(Math.log(n.value));
      case "exp":
        return x;
      case "mul":
        return b.op("add", [logOf(x), logOf(y)]);
      case "div":
        return b.op("sub", [logOf(x), logOf(y)]);
      case "pow":
        return b.op("mul", [y, logOf(x)]);
      case "sqrt":
        return b.op("mul", [b.constant(0.5), logOf(x)]);
      case "add": {
        const terms: number[] = [];
        const flatten = (t: number) => (b.node(t).op === "add" ? b.node(t).args.forEach(flatten) : terms.push(t));
        flatten(id);
        return b.op("lse", terms.map(logOf));
      }
      default:
        return b.op("log", [id]);
    }
  };

  let root = emit(tree);
  for (const p of spec.params) {
    if (!paramIndex.has(p.symbol)) throw new ExprError(`Unknown parameter ${p.symbol}`, null);
  }
  if (spec.target === "log") root = spec.lse ? logOf(root) : b.op("log", [root]);

  // per-point size: operations that depend on both data and parameters, reachable from the target
  const reach = reachable(b.nodes, root);
  let perPoint = 0;
  for (const id of reach) if ((b.node(id).dep & (DATA | PARAM)) === (DATA | PARAM)) perPoint++;
  return { nodes: b.nodes, target: root, inputs: spec.inputs.length, params: spec.params.length, perPoint: Math.max(perPoint, 1) };
}

/** Ids of the nodes the target depends on, in topological (creation) order. */
function reachable(nodes: readonly PNode[], target: number): number[] {
  const seen = new Uint8Array(nodes.length);
  const stack = [target];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (seen[id]) continue;
    seen[id] = 1;
    for (const a of nodeAt(nodes, id).args) stack.push(a);
  }
  const out: number[] = [];
  for (let i = 0; i < nodes.length; i++) if (seen[i]) out.push(i);
  return out;
}

// ---------------------------------------------------------------------------
// Code generation

function literal(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (v === Number.POSITIVE_INFINITY) return "Infinity";
  if (v === Number.NEGATIVE_INFINITY) return "(-Infinity)";
  return v < 0 || Object.is(v, -0) ? `(${String(v)})` : String(v);
}

/** The forward expression of node `n` given the names of its arguments. */
function forward(n: PNode, a: string[], v: string, hoistedExp: ReadonlySet<number> = new Set()): string[] {
  const [x = "NaN", y = "NaN"] = a;
  switch (n.op) {
    case "add":
      return [`const ${v} = ${x} + ${y};`];
    case "sub":
      return [`const ${v} = ${x} - ${y};`];
    case "mul":
      return [`const ${v} = ${x} * ${y};`];
    case "div":
      return [`const ${v} = ${x} / ${y};`];
    case "pow":
      return [`const ${v} = Math.pow(${x}, ${y});`];
    case "neg":
      return [`const ${v} = -${x};`];
    case "exp":
      return [`const ${v} = Math.exp(${x});`];
    case "log":
      return [`const ${v} = Math.log(${x});`];
    case "sqrt":
      return [`const ${v} = Math.sqrt(${x});`];
    case "abs":
      return [`const ${v} = Math.abs(${x});`];
    case "min":
      return [`const ${v} = ${x} <= ${y} ? ${x} : ${y};`];
    case "max":
      return [`const ${v} = ${x} >= ${y} ? ${x} : ${y};`];
    case "lse": {
      // Σ exp(x_i) directly when it is representable (the common case, one exp per term),
      // else with the largest term factored out; the weights exp(x_i - v) serve the gradient.
      const es = a.map((_, i) => `${v}_e${i}`);
      return [
        ...a.map((arg, i) => `let ${es[i]} = ${hoistedExp.has(i) ? `${v}_h${i}` : `Math.exp(${arg})`};`),
        `let ${v}_s = ${es.join(" + ")};`,
        `let ${v};`,
        `if (${v}_s > 1e-300 && ${v}_s < 1e300) { ${v} = Math.log(${v}_s); } else {`,
        `  const ${v}_m = Math.max(${a.join(", ")});`,
        ...a.map((arg, i) => `  ${es[i]} = Math.exp(${arg} - ${v}_m);`),
        `  ${v}_s = ${es.join(" + ")}; ${v} = ${v}_m + Math.log(${v}_s);`,
        `}`,
        `const ${v}_r = 1 / ${v}_s;`,
      ];
    }
    default:
      throw new Error(`no forward rule for ${n.op}`);
  }
}

/** The contribution `adj(v) · ∂v/∂arg_i` for each argument of node n. */
function partials(n: PNode, a: string[], v: string, adj: string, argNodes: PNode[]): string[] {
  const [x = "NaN", y = "NaN"] = a;
  switch (n.op) {
    case "add":
      return [adj, adj];
    case "sub":
      return [adj, `-${adj}`];
    case "neg":
      return [`-${adj}`];
    case "mul":
      return [`${adj} * ${y}`, `${adj} * ${x}`];
    // a zero adjoint contributes nothing, even where the local derivative is infinite (log 0, x/0):
    // 0 · ∞ would otherwise turn a term that vanished from a log-sum-exp into NaN
    case "div":
      return [`(${adj} === 0 ? 0 : ${adj} / ${y})`, `(${adj} === 0 ? 0 : -${adj} * ${v} / ${y})`];
    case "pow": {
      const yn = argNodes[1];
      const dx = yn?.op === "const" ? (yn.value === 2 ? `${adj} * 2 * ${x}` : `${adj} * ${literal(yn.value)} * Math.pow(${x}, ${literal(yn.value - 1)})`) : `${adj} * ${y} * Math.pow(${x}, ${y} - 1)`;
      return [`(${adj} === 0 ? 0 : ${dx})`, `(${adj} === 0 || ${v} === 0 ? 0 : ${adj} * ${v} * Math.log(${x}))`];
    }
    case "exp":
      return [`${adj} * ${v}`];
    case "log":
      return [`(${adj} === 0 ? 0 : ${adj} / ${x})`];
    case "sqrt":
      return [`(${adj} === 0 ? 0 : ${adj} * 0.5 / ${v})`];
    case "abs":
      return [`${adj} * (${x} > 0 ? 1 : ${x} < 0 ? -1 : 0)`];
    case "min":
      return [`(${x} <= ${y} ? ${adj} : 0)`, `(${x} <= ${y} ? 0 : ${adj})`];
    case "max":
      return [`(${x} >= ${y} ? ${adj} : 0)`, `(${x} >= ${y} ? 0 : ${adj})`];
    case "lse":
      return a.map((_, i) => `(${v}_e${i} === 0 ? 0 : ${adj} * ${v}_e${i} * ${v}_r)`);
    default:
      throw new Error(`no derivative rule for ${n.op}`);
  }
}

export type ObjectiveKind = "huber" | "sse" | "mean-sse";

export interface ObjectiveCode {
  kind: ObjectiveKind;
  delta: number;
}

/**
 * The compiled objective: F(p) = Σ_i w_i ρ(y_i - t_i(p)) with its gradient
 * written into g. X holds the input columns then the precomputed data-only
 * columns (see `precompute`), Y the target column (log y for log objectives),
 * W per-point weights (bootstrap counts) or null for all ones.
 */
export type ObjectiveFn = (p: Float64Array, X: readonly Float64Array[], Y: Float64Array, W: Float64Array | null, n: number, g: Float64Array) => number;

export interface CompiledObjective {
  fn: ObjectiveFn;
  /** Data-only nodes materialised as columns, in X order after the inputs. */
  dataColumns: number[];
  source: string;
}

export function compileObjective(prog: Program, obj: ObjectiveCode): CompiledObjective {
  const { nodes, target } = prog;
  const order = reachable(nodes, target);
  const N = (id: number) => nodeAt(nodes, id);
  const kindOf = (id: number) => N(id).dep;
  const mixed = order.filter((id) => kindOf(id) === (DATA | PARAM));
  const hoisted = order.filter((id) => kindOf(id) === PARAM);
  // data-only nodes feeding per-point work become columns
  const dataColumns: number[] = [];
  const colOf = new Map<number, number>();
  for (const id of mixed) {
    for (const a of N(id).args) {
      if (kindOf(a) === DATA && N(a).op !== "input" && !colOf.has(a)) {
        colOf.set(a, prog.inputs + dataColumns.length);
        dataColumns.push(a);
      }
    }
  }
  if (kindOf(target) !== (DATA | PARAM)) {
    throw new ExprError("the expression does not depend on both the data and the fitted coefficients", null);
  }

  const name = (id: number): string => {
    const n = N(id);
    if (n.op === "const") return literal(n.value);
    if (n.op === "input") return `x${n.value}`;
    if (n.op === "param") return `p${n.value}`;
    if (n.dep === DATA) return `x${colOf.get(id)}`;
    return `v${id}`;
  };
  const adjName = (id: number) => (N(id).dep === PARAM ? `A${id}` : `a${id}`);
  const lines: string[] = [];
  lines.push('"use strict";');
  for (let k = 0; k < prog.params; k++) lines.push(`const p${k} = p[${k}];`);
  const columns = prog.inputs + dataColumns.length;
  for (let j = 0; j < columns; j++) lines.push(`const c${j} = X[${j}];`);
  for (const id of hoisted) {
    if (N(id).op === "param") continue;
    lines.push(...forward(N(id), N(id).args.map(name), name(id)));
  }
  const paramAdj = hoisted.filter((id) => true && N(id).dep === PARAM);
  for (const id of paramAdj) lines.push(`let A${id} = 0;`);
  lines.push("let F = 0;");
  lines.push("let S = 0;");
  // exp of a parameter-only term of a per-point log-sum-exp is the same at every point
  const hoistedExp = new Map<number, Set<number>>();
  for (const id of mixed) {
    const node = N(id);
    if (node.op !== "lse") continue;
    const set = new Set<number>();
    node.args.forEach((arg, i) => {
      if (N(arg).dep === PARAM || N(arg).op === "const") {
        set.add(i);
        lines.push(`const v${id}_h${i} = Math.exp(${name(arg)});`);
      }
    });
    hoistedExp.set(id, set);
  }
  lines.push("for (let i = 0; i < n; i++) {");
  lines.push("  const w = W === null ? 1 : W[i];");
  lines.push("  if (w === 0) continue;");
  lines.push("  S += w;");
  const usedCols = new Set<number>();
  for (const id of mixed) {
    for (const a of N(id).args) {
      // every data-only argument of a per-point node is an input or one of the columns made above
      const col = N(a).op === "input" ? N(a).value : colOf.get(a);
      if (N(a).dep === DATA && col !== undefined) usedCols.add(col);
    }
  }
  for (const j of [...usedCols].sort((x, y) => x - y)) lines.push(`  const x${j} = c${j}[i];`);
  for (const id of mixed) lines.push(...forward(N(id), N(id).args.map(name), name(id), hoistedExp.get(id)).map((l) => `  ${l}`));
  const t = name(target);
  lines.push(`  const r = Y[i] - ${t};`);
  switch (obj.kind) {
    case "huber": {
      const d = literal(obj.delta);
      // ρ(r) = m(|r| − m/2) with m = min(|r|, δ), ψ(r) = clamp(r, −δ, δ): the two Huber branches without a branch
      lines.push("  const ar = Math.abs(r);");
      lines.push(`  const hm = Math.min(ar, ${d});`);
      lines.push("  F += w * hm * (ar - 0.5 * hm);");
      lines.push(`  const a${target} = -w * Math.max(-${d}, Math.min(${d}, r));`);
      break;
    }
    case "sse":
    case "mean-sse":
      lines.push("  F += w * r * r;");
      lines.push(`  const a${target} = -2 * w * r;`);
      break;
  }
  // reverse pass over the per-point nodes
  for (const id of mixed) if (id !== target) lines.push(`  let a${id} = 0;`);
  for (const id of [...mixed].reverse()) {
    const n = N(id);
    const argNodes = n.args.map(N);
    const contribs = partials(n, n.args.map(name), name(id), `a${id}`, argNodes);
    n.args.forEach((arg, i) => {
      if (!(N(arg).dep & PARAM)) return;
      lines.push(`  ${adjName(arg)} += ${contribs[i]};`);
    });
  }
  lines.push("}");
  // reverse pass over the per-evaluation nodes, down to the parameters
  for (const id of [...hoisted].reverse()) {
    const n = N(id);
    if (n.op === "param") continue;
    const argNodes = n.args.map(N);
    const contribs = partials(n, n.args.map(name), name(id), `A${id}`, argNodes);
    n.args.forEach((arg, i) => {
      if (!(N(arg).dep & PARAM)) return;
      lines.push(`${adjName(arg)} += ${contribs[i]};`);
    });
  }
  const scale = obj.kind === "mean-sse" ? " / S" : "";
  for (let k = 0; k < prog.params; k++) {
    const leaf = order.find((id) => N(id).op === "param" && N(id).value === k);
    lines.push(`g[${k}] = ${leaf === undefined ? "0" : `A${leaf}${scale}`};`);
  }
  lines.push(`return F${scale};`);
  const source = lines.join("\n");
  // The source is built only from the pieces listed in the header comment.
  const fn = new Function("p", "X", "Y", "W", "n", "g", source) as ObjectiveFn; // cast: the source takes these six parameters, writes g and returns F, a number
  return { fn, dataColumns, source };
}

/**
 * The data-only columns an objective needs, computed once from the input
 * columns (e.g. log N for N^alpha written as exp(alpha · log N)).
 */
export function precompute(prog: Program, dataColumns: readonly number[], inputs: readonly Float64Array[]): Float64Array[] {
  if (dataColumns.length === 0) return [];
  const n = inputs[0]?.length ?? 0;
  const out = dataColumns.map(() => new Float64Array(n));
  const need = new Set<number>();
  const stack = [...dataColumns];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (need.has(id)) continue;
    need.add(id);
    stack.push(...nodeAt(prog.nodes, id).args);
  }
  // each needed node once, with its input column resolved, in creation (topological) order
  const steps = [...need]
    .sort((a, b) => a - b)
    .map((id) => {
      const node = nodeAt(prog.nodes, id);
      const column = node.op === "input" ? inputs[node.value] : undefined;
      if (node.op === "input" && column === undefined) throw new Error(`the fit program reads input ${node.value}, but there are ${inputs.length} columns`);
      return { id, node, column };
    });
  const targets = zip(dataColumns, out);
  const vals = new Float64Array(prog.nodes.length);
  for (let i = 0; i < n; i++) {
    for (const { id, node, column } of steps) {
      if (node.op === "const") vals[id] = node.value;
      else if (column) vals[id] = column[i] as number; // cast: i < n, the length of every input column
      else vals[id] = evalOp(node.op, node.args.map((a) => vals[a] as number)); // cast: node ids are below nodes.length, the length of vals
    }
    for (const [id, col] of targets) col[i] = vals[id] as number; // cast: id < nodes.length
  }
  return out;
}

/**
 * A single-point kernel: f(θ, x) and ∂f/∂θ_k written into g, in whatever
 * parametrisation the program was built with. Used for predictions with
 * intervals (delta method) and for Jacobians (identifiability, diagnostics).
 */
export type KernelFn = (p: Float64Array, x: ArrayLike<number>, g: Float64Array) => number;

export function compileKernel(prog: Program): KernelFn {
  const { nodes, target } = prog;
  const order = reachable(nodes, target);
  const N = (id: number) => nodeAt(nodes, id);
  const name = (id: number): string => {
    const n = N(id);
    if (n.op === "const") return literal(n.value);
    if (n.op === "input") return `x[${n.value}]`;
    if (n.op === "param") return `p[${n.value}]`;
    return `v${id}`;
  };
  const lines: string[] = ['"use strict";'];
  for (const id of order) {
    const n = N(id);
    if (n.op === "const" || n.op === "input" || n.op === "param") continue;
    lines.push(...forward(n, n.args.map(name), name(id)));
  }
  const withParams = order.filter((id) => N(id).dep & PARAM);
  for (const id of withParams) lines.push(`let a${id} = ${id === target ? 1 : 0};`);
  for (const id of [...order].reverse()) {
    const n = N(id);
    if (!(n.dep & PARAM) || n.op === "param") continue;
    const contribs = partials(n, n.args.map(name), name(id), `a${id}`, n.args.map(N));
    n.args.forEach((arg, i) => {
      if (N(arg).dep & PARAM) lines.push(`a${arg} += ${contribs[i]};`);
    });
  }
  for (let k = 0; k < prog.params; k++) {
    const leaf = order.find((id) => N(id).op === "param" && N(id).value === k);
    lines.push(`g[${k}] = ${leaf === undefined ? "0" : `a${leaf}`};`);
  }
  lines.push(`return ${name(target)};`);
  return new Function("p", "x", "g", lines.join("\n")) as KernelFn; // cast: the source takes p, x and g, writes g and returns f, a number
}
