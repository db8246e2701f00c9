/**
 * The shared axes: quantities, their units, conversion, and whether two
 * quantities can share an axis. Pure: the definitions come from
 * content/quantities.yaml through whoever calls.
 */
import type { Quantity } from "./content/schema";
import { invalid } from "./errors";
import { own } from "./records";

export type { Quantity };

export type Relation = "same" | "related" | "unrelated";

export class Quantities {
  private readonly byId: Map<string, Quantity>;

  constructor(defs: readonly Quantity[]) {
    this.byId = new Map(defs.map((q) => [q.id, q]));
  }

  get(id: string): Quantity | undefined {
    return this.byId.get(id);
  }

  all(): Quantity[] {
    return [...this.byId.values()];
  }

  /** The quantity's first unit, in which its factors are expressed. */
  baseUnit(id: string): string {
    const q = this.require(id, "quantity");
    const [base] = Object.keys(q.units);
    if (base === undefined) throw new Error(`quantity ${id} lists no units, so it has no base unit`);
    return base;
  }

  require(id: string, field: string): Quantity {
    const q = this.byId.get(id);
    if (!q) throw invalid(field, `unknown quantity ${id}; known: ${[...this.byId.keys()].join(", ")}`);
    return q;
  }

  factor(quantity: string, unit: string, field = "unit"): number {
    const q = this.require(quantity, field);
    const f = own(q.units, unit);
    if (f === undefined) throw invalid(field, `unknown unit ${unit} for ${quantity}; known: ${Object.keys(q.units).join(", ")}`);
    return f;
  }

  /** Converts a value between two units of one quantity. */
  convert(value: number, quantity: string, from: string, to: string, field = "unit"): number {
    if (from === to) return value;
    return (value * this.factor(quantity, from, field)) / this.factor(quantity, to, field);
  }

  /** same: one axis; related: same family, drawn together only with a warning; unrelated: never. */
  relation(a: string, b: string): Relation {
    if (a === b) return "same";
    const qa = this.byId.get(a);
    const qb = this.byId.get(b);
    return qa?.family && qa.family === qb?.family ? "related" : "unrelated";
  }

  name(id: string): string {
    return this.byId.get(id)?.name ?? id;
  }
}
