/**
 * The functions an expression may call: one table, from which the parser's
 * arity check (ast.ts BUILTIN_FUNCTIONS), the compiler (compile.ts), the
 * Python and JavaScript snippets (codegen.ts) and the LaTeX (latex.ts) are
 * derived, so that adding a function is one row and no table can disagree.
 */

export interface BuiltinFunction {
  /** Arguments it takes, at least and at most. */
  readonly arity: { readonly min: number; readonly max: number };
  /** The JavaScript callee (the compiler and the JavaScript snippet). */
  readonly javascript: string;
  /** The Python callee (`math` is imported by the snippet). */
  readonly python: string;
  /**
   * How LaTeX writes it: an operator name applied to the bracketed arguments,
   * a template where `#1`, `#2` stand for the arguments (`\sqrt{#1}`), or a
   * power (the base bracketed when it is compound, which a template cannot know).
   */
  readonly latex: { readonly operator: string } | { readonly template: string } | { readonly power: true };
}

const one = { min: 1, max: 1 } as const;

export const FUNCTIONS = {
  exp: { arity: one, javascript: "Math.exp", python: "math.exp", latex: { operator: "\\exp" } },
  log: { arity: one, javascript: "Math.log", python: "math.log", latex: { operator: "\\ln" } },
  ln: { arity: one, javascript: "Math.log", python: "math.log", latex: { operator: "\\ln" } },
  log10: { arity: one, javascript: "Math.log10", python: "math.log10", latex: { operator: "\\log_{10}" } },
  log2: { arity: one, javascript: "Math.log2", python: "math.log2", latex: { operator: "\\log_{2}" } },
  sqrt: { arity: one, javascript: "Math.sqrt", python: "math.sqrt", latex: { template: "\\sqrt{#1}" } },
  abs: { arity: one, javascript: "Math.abs", python: "abs", latex: { template: "\\left|#1\\right|" } },
  pow: { arity: { min: 2, max: 2 }, javascript: "Math.pow", python: "math.pow", latex: { power: true } },
  min: { arity: { min: 2, max: 16 }, javascript: "Math.min", python: "min", latex: { operator: "\\min" } },
  max: { arity: { min: 2, max: 16 }, javascript: "Math.max", python: "max", latex: { operator: "\\max" } },
} as const satisfies Record<string, BuiltinFunction>;

export type FunctionName = keyof typeof FUNCTIONS;

/** The built-in function of this name, or undefined (an own property only: "constructor" is not a function here). */
export function builtin(name: string): BuiltinFunction | undefined {
  return Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name as FunctionName] : undefined; // cast: narrowed by hasOwn
}
