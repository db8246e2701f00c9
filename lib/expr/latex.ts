import { ExprError, type Node } from "./ast";
import { builtin } from "./functions";
import { groups } from "../regex";

/**
 * LaTeX from the same tree that is compiled, so the formula a reader sees is
 * the formula that computes. Parentheses appear only where precedence needs
 * them; Greek names become Greek letters; `a_b` becomes a subscript.
 */
const GREEK = new Set([
  "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda",
  "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega",
  "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega",
]);

function part(name: string): string {
  if (GREEK.has(name)) return `\\${name}`;
  return name.length === 1 ? name : `\\mathrm{${name}}`;
}

/** Default LaTeX for a symbol name: `alpha_N` -> `\alpha_{N}`, `C_min` -> `C_{\mathrm{min}}`. */
export function symbolLatex(name: string): string {
  const [base = name, ...subs] = name.split("_").filter((s) => s !== "");
  if (subs.length === 0) return part(base);
  return `${part(base)}_{${subs.map(part).join(",")}}`;
}

export function numberLatex(value: number, raw?: string): string {
  const text = raw ?? String(value);
  const m = groups(/^(\d*\.?\d*)[eE]([+-]?\d+)$/.exec(text), 2);
  if (!m) return text;
  const [mantissa, e] = m;
  const exponent = String(Number(e));
  return Number(mantissa) === 1 ? `10^{${exponent}}` : `${mantissa} \\times 10^{${exponent}}`;
}


// Binding strength of each node's top operator; atoms bind tightest.
function precedence(n: Node): number {
  switch (n.kind) {
    case "bin":
      return n.op === "+" || n.op === "-" ? 1 : n.op === "^" ? 4 : 2;
    case "neg":
      return 3;
    case "num":
      return /e/i.test(n.raw) ? 2 : 5;
    default:
      return 5;
  }
}

const paren = (s: string) => `\\left(${s}\\right)`;

export function toLatex(node: Node, names: ReadonlyMap<string, string> = new Map()): string {
  const emit = (n: Node): string => {
    switch (n.kind) {
      case "num":
        return numberLatex(n.value, n.raw);
      case "sym":
        return names.get(n.name) ?? symbolLatex(n.name);
      case "neg": {
        const inner = emit(n.arg);
        return `-${precedence(n.arg) <= 3 ? paren(inner) : inner}`;
      }
      case "call": {
        const latex = builtin(n.name)?.latex;
        if (latex && "power" in latex) {
          const [base, exponent] = n.args;
          // validate() has checked the arity; an unvalidated tree fails here as it would there
          if (base === undefined || exponent === undefined) throw new ExprError(`${n.name}() takes 2 arguments, got ${n.args.length}`, n.pos);
          const b = emit(base);
          return `${precedence(base) < 5 || base.kind === "call" ? paren(b) : b}^{${emit(exponent)}}`;
        }
        const args = n.args.map(emit);
        if (latex && "template" in latex) return latex.template.replace(/#(\d)/g, (_m, i: string) => args[Number(i) - 1] ?? "");
        const fn = latex ? latex.operator : `\\operatorname{${n.name}}`;
        return `${fn}${paren(args.join(", "))}`;
      }
      case "bin": {
        const l = emit(n.left);
        const r = emit(n.right);
        switch (n.op) {
          case "/":
            return `\\frac{${l}}{${r}}`;
          case "^": {
            // a call or a compound base needs brackets: (N_c/N)^a, (exp x)^2
            const wrap = precedence(n.left) < 5 || n.left.kind === "call" || n.left.kind === "bin";
            return `${wrap ? paren(l) : l}^{${r}}`;
          }
          case "*": {
            const left = precedence(n.left) < 2 ? paren(l) : l;
            const right = precedence(n.right) <= 3 ? paren(r) : r;
            return `${left} \\cdot ${right}`;
          }
          case "+":
          case "-": {
            // a - (b + c) and a + (-b) keep their brackets
            const right =
              (n.op === "-" && precedence(n.right) === 1) || n.right.kind === "neg" ? paren(r) : r;
            return `${l} ${n.op} ${right}`;
          }
        }
      }
    }
  };
  return emit(node);
}
