/**
 * Limited-memory BFGS (Nocedal & Wright, Alg. 7.4/7.5) with a strong-Wolfe
 * line search (Alg. 3.5/3.6, cubic interpolation), and a projected variant
 * for box bounds. The stopping rules default to scipy's L-BFGS-B defaults
 * (factr 1e7 → ftol ≈ 2.2e-9 relative to max(|f|, 1), pgtol 1e-5, m = 10),
 * so that a grid of starts behaves as the papers' notebooks did; `fscale:
 * "relative"` drops the floor of 1 for a tight final polish.
 *
 * Written here rather than taken from a package: the npm L-BFGS packages are
 * unmaintained or lack bounds, and the optimiser must run unchanged in Node,
 * worker threads and the browser.
 */
export type Objective = (x: Float64Array, g: Float64Array) => number;

export interface MinimizeOptions {
  /** History length. */
  m?: number;
  /** Stop when max |projected gradient| ≤ gtol. */
  gtol?: number;
  /** Stop when (f_k − f_{k+1}) ≤ ftol · max(|f_k|, |f_{k+1}|, floor). */
  ftol?: number;
  /** "unit": floor 1 (scipy); "relative": floor 1e-300. */
  fscale?: "unit" | "relative";
  maxIter?: number;
  maxEval?: number;
  lower?: Float64Array | null;
  upper?: Float64Array | null;
}

export interface MinimizeResult {
  x: Float64Array;
  f: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
  reason: "gradient" | "objective" | "max-iterations" | "max-evaluations" | "line-search" | "non-finite-start";
}

const EPS = 2.220446049250313e-16;

// Vector kernels. Every vector of one minimisation has the same length n (the
// start's), so an index below a.length is below every other's: the casts in
// these loops narrow such reads, and there is one per kernel, not per use.

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number); // cast: i < a.length = b.length
  return s;
}

/** out = a + t·b (out may be a). */
function addScaled(out: Float64Array, a: Float64Array, t: number, b: Float64Array): void {
  for (let i = 0; i < out.length; i++) out[i] = (a[i] as number) + t * (b[i] as number); // cast: i < out.length = a.length = b.length
}

/** v = t·v. */
function scale(v: Float64Array, t: number): void {
  for (let i = 0; i < v.length; i++) v[i] = (v[i] as number) * t; // cast: i < v.length
}

/** out = a − b. */
function difference(out: Float64Array, a: Float64Array, b: Float64Array): void {
  for (let i = 0; i < out.length; i++) out[i] = (a[i] as number) - (b[i] as number); // cast: i < out.length = a.length = b.length
}

/** d = −g on the free variables, 0 on the others (steepest descent). */
function steepest(d: Float64Array, g: Float64Array, free: Uint8Array): void {
  for (let i = 0; i < d.length; i++) d[i] = free[i] ? -(g[i] as number) : 0; // cast: i < d.length = g.length
}

/** One pair of the L-BFGS memory: s = Δx, y = Δg, ρ = 1 / yᵀs, and α of the current two-loop pass. */
interface Pair {
  s: Float64Array;
  y: Float64Array;
  rho: number;
  alpha: number;
}

const newPair = (n: number): Pair => ({ s: new Float64Array(n), y: new Float64Array(n), rho: 0, alpha: 0 });

function cubicMin(a: number, fa: number, ga: number, b: number, fb: number, gb: number): number {
  // minimiser of the cubic interpolating f and f' at a and b (N&W eq. 3.59), NaN when it has none
  const d1 = ga + gb - 3 * ((fa - fb) / (a - b));
  const disc = d1 * d1 - ga * gb;
  if (!(disc >= 0)) return Number.NaN;
  const d2 = Math.sign(b - a) * Math.sqrt(disc);
  return b - (b - a) * ((gb + d2 - d1) / (gb - ga + 2 * d2));
}

export function minimize(fg: Objective, x0: Float64Array, opts: MinimizeOptions = {}): MinimizeResult {
  const n = x0.length;
  const m = opts.m ?? 10;
  const gtol = opts.gtol ?? 1e-5;
  const ftol = opts.ftol ?? 1e7 * EPS;
  const floor = (opts.fscale ?? "unit") === "unit" ? 1 : 1e-300;
  const maxIter = opts.maxIter ?? 15000;
  const maxEval = opts.maxEval ?? 15000;
  const lower = opts.lower ?? null;
  const upper = opts.upper ?? null;
  const bounded = lower !== null || upper !== null;

  const clamp = (v: number, i: number) => {
    const lo = lower?.[i];
    if (lo !== undefined && v < lo) return lo;
    const hi = upper?.[i];
    if (hi !== undefined && v > hi) return hi;
    return v;
  };

  let x = Float64Array.from(x0, (v, i) => clamp(v, i));
  let g = new Float64Array(n);
  let evaluations = 1;
  let f = fg(x, g);
  if (!Number.isFinite(f) || !g.every(Number.isFinite)) {
    return { x, f: Number.POSITIVE_INFINITY, iterations: 0, evaluations, converged: false, reason: "non-finite-start" };
  }

  // the memory, oldest first, in preallocated pairs (ring) that it takes in turn
  const ring = Array.from({ length: m }, () => newPair(n));
  const memory: Pair[] = [];
  const d = new Float64Array(n);
  let xt = new Float64Array(n);
  let gt = new Float64Array(n);
  const free = new Uint8Array(n).fill(1);

  const projGradNorm = (xv: Float64Array, gv: Float64Array): number => {
    let mx = 0;
    for (let i = 0; i < n; i++) {
      const gi = gv[i] as number; // cast: i < n
      const xi = xv[i] as number; // cast: i < n
      const v = bounded ? Math.abs(clamp(xi - gi, i) - xi) : Math.abs(gi);
      if (v > mx) mx = v;
    }
    return mx;
  };

  if (projGradNorm(x, g) <= gtol) return { x, f, iterations: 0, evaluations, converged: true, reason: "gradient" };

  let iterations = 0;
  while (iterations < maxIter) {
    iterations++;
    // active set: a variable at a bound whose gradient pushes it outward stays put
    if (bounded) {
      for (let i = 0; i < n; i++) {
        const xi = x[i] as number; // cast: i < n
        const gi = g[i] as number; // cast: i < n
        const lo = lower?.[i];
        const hi = upper?.[i];
        free[i] = (lo !== undefined && xi <= lo && gi > 0) || (hi !== undefined && xi >= hi && gi < 0) ? 0 : 1;
      }
    }
    // two-loop recursion on the free variables
    steepest(d, g, free);
    for (let j = memory.length - 1; j >= 0; j--) {
      const p = memory[j] as Pair; // cast: 0 ≤ j < memory.length
      p.alpha = p.rho * dot(p.s, d);
      addScaled(d, d, -p.alpha, p.y);
    }
    const newest = memory.at(-1);
    if (newest) scale(d, 1 / newest.rho / dot(newest.y, newest.y));
    for (const p of memory) addScaled(d, d, p.alpha - p.rho * dot(p.y, d), p.s);
    if (bounded) for (let i = 0; i < n; i++) if (!free[i]) d[i] = 0;
    let dg = dot(d, g);
    if (!(dg < 0)) {
      // not a descent direction (curvature information gone stale): restart from steepest descent
      memory.length = 0;
      steepest(d, g, free);
      dg = dot(d, g);
      if (!(dg < 0)) return { x, f, iterations, evaluations, converged: true, reason: "gradient" };
    }
    const t0 = memory.length === 0 ? Math.min(1, 1 / Math.sqrt(dot(d, d))) : 1;

    let accepted = false;
    let fNew = f;
    if (!bounded) {
      // strong Wolfe line search
      const c1 = 1e-4;
      const c2 = 0.9;
      let slope = 0;
      const phi = (t: number): number => {
        addScaled(xt, x, t, d);
        evaluations++;
        const v = fg(xt, gt);
        slope = dot(gt, d);
        return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
      };
      let tPrev = 0;
      let fPrev = f;
      let gPrev = dg;
      let t = t0;
      let lo = 0;
      let hi = 0;
      let flo = f;
      let glo = dg;
      let fhi = 0;
      let ghi = 0;
      let zoom = false;
      /** The minimum lies between lo (the better end, where the curvature test is tried) and hi. */
      const bracket = (a: number, fa: number, ga: number, b: number, fb: number, gb: number) => {
        lo = a;
        flo = fa;
        glo = ga;
        hi = b;
        fhi = fb;
        ghi = gb;
        zoom = true;
      };
      for (let ls = 0; ls < 30 && evaluations < maxEval; ls++) {
        const ft = phi(t);
        const gtd = slope;
        if (!Number.isFinite(ft) || !Number.isFinite(gtd)) {
          // beyond where the objective is defined: treat as too long a step
          bracket(tPrev, fPrev, gPrev, t, Number.POSITIVE_INFINITY, Number.NaN);
          break;
        }
        if (ft > f + c1 * t * dg || (ls > 0 && ft >= fPrev)) {
          bracket(tPrev, fPrev, gPrev, t, ft, gtd);
          break;
        }
        if (Math.abs(gtd) <= -c2 * dg) {
          accepted = true;
          fNew = ft;
          break;
        }
        if (gtd >= 0) {
          bracket(t, ft, gtd, tPrev, fPrev, gPrev);
          break;
        }
        tPrev = t;
        fPrev = ft;
        gPrev = gtd;
        t = Math.min(t * 4, t0 * 1e10);
      }
      if (zoom) {
        for (let z = 0; z < 40 && evaluations < maxEval; z++) {
          let tj = Number.isFinite(fhi) && Number.isFinite(ghi) ? cubicMin(lo, flo, glo, hi, fhi, ghi) : Number.NaN;
          const left = Math.min(lo, hi);
          const right = Math.max(lo, hi);
          const margin = 0.1 * (right - left);
          if (!Number.isFinite(tj) || tj < left + margin || tj > right - margin) tj = 0.5 * (lo + hi);
          if (right - left < 1e-16 * Math.max(1, right)) break;
          const ft = phi(tj);
          const gtd = slope;
          if (!Number.isFinite(ft) || ft > f + c1 * tj * dg || ft >= flo) {
            hi = tj;
            fhi = ft;
            ghi = gtd;
          } else {
            if (Math.abs(gtd) <= -c2 * dg) {
              accepted = true;
              fNew = ft;
              break;
            }
            if (gtd * (hi - lo) >= 0) {
              hi = lo;
              fhi = flo;
              ghi = glo;
            }
            lo = tj;
            flo = ft;
            glo = gtd;
          }
        }
        if (!accepted && lo > 0 && flo < f) {
          // the best sufficient-decrease point found, even if its curvature test failed
          phi(lo);
          fNew = flo;
          accepted = true;
        }
      }
    } else {
      // projected backtracking (Armijo along the projected path)
      let t = t0;
      for (let ls = 0; ls < 40 && evaluations < maxEval; ls++) {
        let decrease = 0;
        for (let i = 0; i < n; i++) {
          const xi = x[i] as number; // cast: i < n
          const v = clamp(xi + t * (d[i] as number), i); // cast: i < n
          xt[i] = v;
          decrease += (g[i] as number) * (v - xi); // cast: i < n
        }
        evaluations++;
        const ft = fg(xt, gt);
        if (Number.isFinite(ft) && ft <= f + 1e-4 * decrease) {
          accepted = true;
          fNew = ft;
          break;
        }
        t *= 0.5;
      }
    }

    if (!accepted || !gt.every(Number.isFinite)) {
      if (memory.length > 0) {
        memory.length = 0;
        iterations--;
        if (evaluations >= maxEval) return { x, f, iterations, evaluations, converged: false, reason: "max-evaluations" };
        continue;
      }
      return { x, f, iterations, evaluations, converged: false, reason: "line-search" };
    }

    let sy = 0;
    let yy = 0;
    for (let i = 0; i < n; i++) {
      const si = (xt[i] as number) - (x[i] as number); // cast: i < n
      const yi = (gt[i] as number) - (g[i] as number); // cast: i < n
      sy += si * yi;
      yy += yi * yi;
    }
    if (sy > EPS * yy) {
      // a full memory gives up its oldest pair; otherwise the ring's pairs from memory.length on
      // hold no live pair (after a reset, none do). The fallback allocation never runs.
      const p = (memory.length === m ? memory.shift() : ring[memory.length]) ?? newPair(n);
      difference(p.s, xt, x);
      difference(p.y, gt, g);
      p.rho = 1 / sy;
      memory.push(p);
    }
    const fOld = f;
    [x, xt] = [xt, x];
    [g, gt] = [gt, g];
    f = fNew;
    if (fOld - f <= ftol * Math.max(Math.abs(fOld), Math.abs(f), floor)) {
      return { x, f, iterations, evaluations, converged: true, reason: "objective" };
    }
    if (projGradNorm(x, g) <= gtol) return { x, f, iterations, evaluations, converged: true, reason: "gradient" };
    if (evaluations >= maxEval) return { x, f, iterations, evaluations, converged: false, reason: "max-evaluations" };
  }
  return { x, f, iterations, evaluations, converged: false, reason: "max-iterations" };
}
