import { type BinaryOp, ExprError, type Node } from "./ast";

/**
 * Recursive-descent parser for law expressions: numbers, names, + - * / ^,
 * unary minus, parentheses and calls `f(a, b)`. One function per precedence
 * level. `^` is right-associative and its exponent is a unary expression, so
 * `N^-alpha` parses and `-x^2` means `-(x^2)`. There is no syntax for
 * strings, property access, assignment, indexing or anything else: such input
 * fails here with the position of the offending character.
 */
export const MAX_EXPRESSION_LENGTH = 2000;
export const MAX_NESTING_DEPTH = 64;

const OPERATORS = ["+", "-", "*", "/", "^", "(", ")", ","] as const;
type Operator = (typeof OPERATORS)[number];
const OPERATOR_SET: ReadonlySet<string> = new Set(OPERATORS);
const isOperator = (ch: string): ch is Operator => OPERATOR_SET.has(ch);

type Token =
  | { t: "num"; text: string; value: number; pos: number }
  | { t: "name"; text: string; pos: number }
  | { t: "op"; text: Operator; pos: number }
  | { t: "end"; text: ""; pos: number };

const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

function describe(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  return cp < 0x20 || cp === 0x7f ? `U+${cp.toString(16).toUpperCase().padStart(4, "0")}` : ch;
}

/** The tokens of src, then the end token (kept apart so that reading past the last token reads it). */
function tokenize(src: string): { tokens: Token[]; end: Token } {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src.charAt(i);
    if (ch === " " || ch === "\t" || ch === "\n" || ch === "\r") {
      i++;
      continue;
    }
    const rest = src.slice(i);
    const num = NUMBER.exec(rest);
    if (num) {
      const text = num[0];
      const value = Number(text);
      if (!Number.isFinite(value)) throw new ExprError(`Number ${text} is too large`, i + 1);
      // "2e" or "1.5x" must not silently become a number followed by a name
      const next = src[i + text.length];
      if (next !== undefined && /[A-Za-z_.]/.test(next)) {
        throw new ExprError(`Malformed number "${text}${next}"`, i + 1);
      }
      tokens.push({ t: "num", text, value, pos: i + 1 });
      i += text.length;
      continue;
    }
    const name = NAME.exec(rest);
    if (name) {
      tokens.push({ t: "name", text: name[0], pos: i + 1 });
      i += name[0].length;
      continue;
    }
    if (isOperator(ch)) {
      tokens.push({ t: "op", text: ch, pos: i + 1 });
      i++;
      continue;
    }
    const cp = src.codePointAt(i) ?? 0;
    throw new ExprError(`Unexpected character "${describe(String.fromCodePoint(cp))}"`, i + 1);
  }
  const end: Token = { t: "end", text: "", pos: src.length + 1 };
  tokens.push(end);
  return { tokens, end };
}

export function parse(src: string): Node {
  if (typeof src !== "string") throw new ExprError("Expression must be a string", null);
  if (src.length > MAX_EXPRESSION_LENGTH) {
    throw new ExprError(`Expression is longer than ${MAX_EXPRESSION_LENGTH} characters`, null);
  }
  if (src.trim() === "") throw new ExprError("Expression is empty", null);
  const { tokens, end } = tokenize(src);
  let k = 0;
  let depth = 0;
  const peek = (): Token => tokens[k] ?? end;
  const next = (): Token => tokens[k++] ?? end;
  const isOp = (tok: Token, ...ops: string[]): boolean => tok.t === "op" && ops.includes(tok.text);
  /** Which of the binary operators ops the token is, if any. */
  const binary = <O extends BinaryOp>(tok: Token, ...ops: O[]): O | undefined => ops.find((o) => tok.t === "op" && tok.text === o);
  const shown = (tok: Token): string => (tok.t === "end" ? "end of expression" : `"${tok.text}"`);

  const enter = (pos: number): void => {
    if (++depth > MAX_NESTING_DEPTH) {
      throw new ExprError(`Expression nests deeper than ${MAX_NESTING_DEPTH} levels`, pos);
    }
  };

  function additive(): Node {
    let left = multiplicative();
    for (;;) {
      const tok = peek();
      const op = binary(tok, "+", "-");
      if (op === undefined) return left;
      next();
      const right = multiplicative();
      left = { kind: "bin", op, left, right, pos: tok.pos };
    }
  }

  function multiplicative(): Node {
    let left = unary();
    for (;;) {
      const tok = peek();
      const op = binary(tok, "*", "/");
      if (op === undefined) return left;
      next();
      const right = unary();
      left = { kind: "bin", op, left, right, pos: tok.pos };
    }
  }

  function unary(): Node {
    const tok = peek();
    if (isOp(tok, "-", "+")) {
      next();
      enter(tok.pos);
      const arg = unary();
      depth--;
      return tok.text === "-" ? { kind: "neg", arg, pos: tok.pos } : arg;
    }
    return power();
  }

  function power(): Node {
    const base = primary();
    const tok = peek();
    if (isOp(tok, "^")) {
      next();
      enter(tok.pos);
      const exponent = unary();
      depth--;
      return { kind: "bin", op: "^", left: base, right: exponent, pos: tok.pos };
    }
    return base;
  }

  function primary(): Node {
    const tok = next();
    if (tok.t === "num") return { kind: "num", value: tok.value, raw: tok.text, pos: tok.pos };
    if (tok.t === "name") {
      if (!isOp(peek(), "(")) return { kind: "sym", name: tok.text, pos: tok.pos };
      const open = next();
      enter(open.pos);
      const args: Node[] = [];
      if (!isOp(peek(), ")")) {
        args.push(additive());
        while (isOp(peek(), ",")) {
          next();
          args.push(additive());
        }
      }
      const close = next();
      if (!isOp(close, ")")) throw new ExprError(`Expected "," or ")" but found ${shown(close)}`, close.pos);
      depth--;
      return { kind: "call", name: tok.text, args, pos: tok.pos };
    }
    if (isOp(tok, "(")) {
      enter(tok.pos);
      const inner = additive();
      const close = next();
      if (!isOp(close, ")")) throw new ExprError(`Expected ")" but found ${shown(close)}`, close.pos);
      depth--;
      return inner;
    }
    throw new ExprError(`Expected a number, a name or "(" but found ${shown(tok)}`, tok.pos);
  }

  const tree = additive();
  const rest = peek();
  if (rest.t !== "end") {
    throw new ExprError(
      rest.t === "name" || rest.t === "num" || isOp(rest, "(")
        ? `Expected an operator before ${shown(rest)}`
        : `Unexpected ${shown(rest)}`,
      rest.pos,
    );
  }
  return tree;
}
