/**
 * Seeded pseudo-random numbers for reproducible bootstraps: resample b draws
 * from its own stream, derived from (seed, b), so the same seed gives the
 * same resamples however the work is split over workers.
 */
function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** sfc32 seeded through splitmix32 from (seed, stream); returns floats in [0, 1). */
export function stream(seed: number, index: number): () => number {
  const mix = splitmix32((Math.imul(seed >>> 0, 0x2545f491) ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) next();
  return () => next() / 4294967296;
}

/** How often each of n points is drawn in one bootstrap resample of size n. */
export function resampleCounts(n: number, seed: number, index: number): Float64Array {
  const rand = stream(seed, index);
  const counts = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const j = Math.floor(rand() * n);
    counts[j] = (counts[j] as number) + 1; // cast: 0 ≤ j < n, since 0 ≤ rand() < 1
  }
  return counts;
}
