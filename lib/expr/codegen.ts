/**
 * Python and JavaScript source for a law, generated from the same tree that
 * is evaluated, for readers to paste into a notebook or a script. Output is
 * for people: minimal parentheses, but evaluation order is kept exactly
 * (a - (b - c), a / (b * c)), so the pasted function computes the same
 * numbers as the site.
 */
import type { Node } from "./ast";
import { builtin } from "./functions";

type Lang = "python" | "javascript";

const PY_KEYWORDS = new Set(["False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield", "math"]);
const JS_RESERVED = new Set(["break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum", "export", "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "new", "null", "return", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "yield", "let", "static", "implements", "interface", "package", "private", "protected", "public", "await", "arguments", "eval", "Math"]);

export function safeName(name: string, lang: Lang): string {
  return (lang === "python" ? PY_KEYWORDS : JS_RESERVED).has(name) ? `${name}_` : name;
}


function prec(n: Node): number {
  if (n.kind === "bin") return n.op === "+" || n.op === "-" ? 1 : n.op === "^" ? 4 : 2;
  if (n.kind === "neg") return 3;
  return 5;
}

export function toCode(node: Node, lang: Lang): string {
  const wrap = (s: string) => `(${s})`;
  const emit = (n: Node): string => {
    switch (n.kind) {
      case "num":
        return n.raw;
      case "sym":
        return safeName(n.name, lang);
      case "call":
        return `${builtin(n.name)?.[lang] ?? n.name}(${n.args.map(emit).join(", ")})`;
      case "neg": {
        const a = emit(n.arg);
        // JS forbids -x ** 2; and "--x" would be a decrement
        const needs = prec(n.arg) < 3 || n.arg.kind === "neg" || (lang === "javascript" && n.arg.kind === "bin" && n.arg.op === "^");
        return `-${needs ? wrap(a) : a}`;
      }
      case "bin": {
        const p = prec(n);
        const l = emit(n.left);
        const r = emit(n.right);
        if (n.op === "^") {
          const base = prec(n.left) <= 4 ? wrap(l) : l;
          // the exponent may be a unary minus or a power (right-assoc); anything looser needs brackets
          const exp = prec(n.right) < 3 || (lang === "javascript" && n.right.kind === "neg") ? wrap(r) : r;
          return `${base} ** ${exp}`;
        }
        const left = prec(n.left) < p ? wrap(l) : l;
        const right = prec(n.right) <= p ? wrap(r) : r;
        return `${left} ${n.op} ${right}`;
      }
    }
  };
  return emit(node);
}
