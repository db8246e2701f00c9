/**
 * Pairs of a's and b's elements in order, as long as the shorter: typed
 * without an index (a[i] may be undefined to the compiler, a pair never is).
 */
export function zip<A, B>(a: Iterable<A>, b: Iterable<B>): [A, B][] {
  const out: [A, B][] = [];
  const rest = b[Symbol.iterator]();
  for (const x of a) {
    const y = rest.next();
    if (y.done) break;
    out.push([x, y.value]);
  }
  return out;
}
