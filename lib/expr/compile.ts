import { ExprError, type Node } from "./ast";
import { builtin } from "./functions";

/**
 * Compiles a validated tree into a plain JavaScript function. The generated
 * source contains only numeric literals, operators, parentheses, `Math.*`
 * names and numeric slot indices (`x[0]`): a caller's identifiers never reach
 * it, so nothing but arithmetic can run. Coefficients are inlined as literals
 * so the function does no lookups on the hot path.
 */
export interface Slots {
  /** Input names in slot order: the compiled function reads input i from x[i]. */
  readonly inputs: readonly string[];
  /** Values inlined as constants (coefficients). */
  readonly constants: ReadonlyMap<string, number>;
  /** Callables beyond Math (e.g. law aliases in a combination): call i becomes f[i](...). */
  readonly functions?: readonly string[];
}

export type Compiled = (x: ArrayLike<number>) => number;
export type CompiledWith = (x: ArrayLike<number>, f: readonly ((...args: number[]) => number)[]) => number;


function literal(v: number): string {
  if (!Number.isFinite(v)) throw new ExprError(`Constant ${v} is not a finite number`, null);
  // Parenthesised so that "-3" can never fuse with a neighbouring operator.
  return v < 0 || Object.is(v, -0) ? `(${String(v)})` : String(v);
}

export function toSource(node: Node, slots: Slots): string {
  const index = new Map(slots.inputs.map((name, i) => [name, i] as const));
  const fnIndex = new Map((slots.functions ?? []).map((name, i) => [name, i] as const));
  const emit = (n: Node): string => {
    switch (n.kind) {
      case "num":
        return literal(n.value);
      case "sym": {
        const i = index.get(n.name);
        if (i !== undefined) return `x[${i}]`;
        const c = slots.constants.get(n.name);
        if (c !== undefined) return literal(c);
        throw new ExprError(`Unknown name "${n.name}"`, n.pos);
      }
      case "neg":
        return `(-${emit(n.arg)})`;
      case "bin":
        return n.op === "^"
          ? `Math.pow(${emit(n.left)}, ${emit(n.right)})`
          : `(${emit(n.left)} ${n.op} ${emit(n.right)})`;
      case "call": {
        const slot = fnIndex.get(n.name);
        if (slot !== undefined) return `f[${slot}](${n.args.map(emit).join(", ")})`;
        const fn = builtin(n.name)?.javascript;
        if (!fn) throw new ExprError(`Unknown function "${n.name}"`, n.pos);
        return `${fn}(${n.args.map(emit).join(", ")})`;
      }
    }
  };
  return emit(node);
}

export function compile(node: Node, slots: Slots): Compiled {
  const body = toSource(node, slots);
  // The body is built only from the pieces listed above; see toSource.
  return new Function("x", `"use strict"; return ${body};`) as Compiled; // cast: the body reads x[i] only and is one arithmetic expression, so a number
}

/** As compile, for trees that call functions passed at run time in f. */
export function compileWith(node: Node, slots: Slots): CompiledWith {
  const body = toSource(node, slots);
  return new Function("x", "f", `"use strict"; return ${body};`) as CompiledWith; // cast: as compile, with f[i](...) calls of functions that return numbers
}
