import { expect } from "vitest";
import { LawdexError } from "@/lib/errors";

/**
 * Asserts that two floats agree to a relative tolerance (absolute when the
 * expected value is 0); a failure reports both numbers and their distance.
 */
export function expectClose(actual: number, expected: number, rel = 1e-12, what = "value"): void {
  const diff = Math.abs(actual - expected);
  const bound = expected === 0 ? rel : rel * Math.abs(expected);
  expect(diff <= bound, `${what}: ${actual} vs expected ${expected} (|diff| ${diff.toExponential(3)} > ${bound.toExponential(3)})`).toBe(true);
}

/** The LawdexError that fn throws; fails the test if it throws nothing, and rethrows anything else. */
export function thrown(fn: () => unknown): LawdexError {
  try {
    fn();
  } catch (e) {
    if (e instanceof LawdexError) return e;
    throw e;
  }
  throw new Error("expected a LawdexError, but nothing was thrown");
}

/** The LawdexError that an async fn rejects with; fails the test if it resolves. */
export async function rejected(fn: () => Promise<unknown>): Promise<LawdexError> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof LawdexError) return e;
    throw e;
  }
  throw new Error("expected a LawdexError, but the promise resolved");
}
