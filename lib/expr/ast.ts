import { FUNCTIONS } from "./functions";
/**
 * The expression tree shared by the validator, the compiler and the LaTeX
 * printer. Every node remembers where it started in the source (1-based
 * character index) so that any later error can point at it.
 */
export type BinaryOp = "+" | "-" | "*" | "/" | "^";

export type Node =
  | { kind: "num"; value: number; raw: string; pos: number }
  | { kind: "sym"; name: string; pos: number }
  | { kind: "neg"; arg: Node; pos: number }
  | { kind: "bin"; op: BinaryOp; left: Node; right: Node; pos: number }
  | { kind: "call"; name: string; args: Node[]; pos: number };

export class ExprError extends Error {
  /** 1-based character index in the expression, or null for whole-input problems. */
  readonly pos: number | null;
  readonly reason: string;
  constructor(reason: string, pos: number | null) {
    super(pos === null ? reason : `${reason} (char ${pos})`);
    this.name = "ExprError";
    this.reason = reason;
    this.pos = pos;
  }
}

/** Functions an expression may call, with their arity (lib/expr/functions.ts). Nothing else is callable. */
export const BUILTIN_FUNCTIONS: ReadonlyMap<string, { min: number; max: number }> = new Map(Object.entries(FUNCTIONS).map(([name, f]) => [name, f.arity]));

/** Names of every symbol referenced by a tree, in first-use order. */
export function symbolsOf(node: Node): string[] {
  const seen = new Set<string>();
  const walk = (n: Node): void => {
    switch (n.kind) {
      case "num":
        return;
      case "sym":
        seen.add(n.name);
        return;
      case "neg":
        return walk(n.arg);
      case "bin":
        walk(n.left);
        walk(n.right);
        return;
      case "call":
        n.args.forEach(walk);
        return;
    }
  };
  walk(node);
  return [...seen];
}
