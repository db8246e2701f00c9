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

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}

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
    if (lower && v < (lower[i] as number)) return lower[i] as number;
    if (upper && v > (upper[i] as number)) return upper[i] as number;
    return v;
  };

  let x = Float64Array.from(x0, (v, i) => clamp(v, i));
  let g = new Float64Array(n);
  let evaluations = 1;
  let f = fg(x, g);
  if (!Number.isFinite(f) || !g.every(Number.isFinite)) {
    return { x, f: Number.POSITIVE_INFINITY, iterations: 0, evaluations, converged: false, reason: "non-finite-start" };
  }

  // history as a ring of preallocated vectors: S[j], Y[j], RHO[j] for j < k, oldest first
  const ringS = Array.from({ length: m }, () => new Float64Array(n));
  const ringY = Array.from({ length: m }, () => new Float64Array(n));
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const RHO: number[] = [];
  const alpha = new Float64Array(m);
  const d = new Float64Array(n);
  let xt = new Float64Array(n);
  let gt = new Float64Array(n);
  const free = new Uint8Array(n).fill(1);

  const projGradNorm = (xv: Float64Array, gv: Float64Array): number => {
    let mx = 0;
    for (let i = 0; i < n; i++) {
      const gi = gv[i] as number;
      const v = bounded ? Math.abs(clamp((xv[i] as number) - gi, i) - (xv[i] as number)) : Math.abs(gi);
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
        const xi = x[i] as number;
        const gi = g[i] as number;
        free[i] = (lower && xi <= (lower[i] as number) && gi > 0) || (upper && xi >= (upper[i] as number) && gi < 0) ? 0 : 1;
      }
    }
    // two-loop recursion on the free variables
    for (let i = 0; i < n; i++) d[i] = free[i] ? -(g[i] as number) : 0;
    const k = S.length;
    for (let j = k - 1; j >= 0; j--) {
      const a = (RHO[j] as number) * dot(S[j] as Float64Array, d);
      alpha[j] = a;
      const y = Y[j] as Float64Array;
      for (let i = 0; i < n; i++) d[i] = (d[i] as number) - a * (y[i] as number);
    }
    if (k > 0) {
      const ys = 1 / (RHO[k - 1] as number);
      const yy = dot(Y[k - 1] as Float64Array, Y[k - 1] as Float64Array);
      const gamma = ys / yy;
      for (let i = 0; i < n; i++) d[i] = (d[i] as number) * gamma;
    }
    for (let j = 0; j < k; j++) {
      const b = (RHO[j] as number) * dot(Y[j] as Float64Array, d);
      const s = S[j] as Float64Array;
      const a = alpha[j] as number;
      for (let i = 0; i < n; i++) d[i] = (d[i] as number) + (a - b) * (s[i] as number);
    }
    if (bounded) for (let i = 0; i < n; i++) if (!free[i]) d[i] = 0;
    let dg = dot(d, g);
    if (!(dg < 0)) {
      // not a descent direction (curvature information gone stale): restart from steepest descent
      S.length = 0;
      Y.length = 0;
      RHO.length = 0;
      for (let i = 0; i < n; i++) d[i] = free[i] ? -(g[i] as number) : 0;
      dg = dot(d, g);
      if (!(dg < 0)) return { x, f, iterations, evaluations, converged: true, reason: "gradient" };
    }
    const t0 = S.length === 0 ? Math.min(1, 1 / Math.sqrt(dot(d, d))) : 1;

    let accepted = false;
    let fNew = f;
    if (!bounded) {
      // strong Wolfe line search
      const c1 = 1e-4;
      const c2 = 0.9;
      let slope = 0;
      const phi = (t: number): number => {
        for (let i = 0; i < n; i++) xt[i] = (x[i] as number) + t * (d[i] as number);
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
          const v = clamp((x[i] as number) + t * (d[i] as number), i);
          xt[i] = v;
          decrease += (g[i] as number) * (v - (x[i] as number));
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
      if (S.length > 0) {
        S.length = 0;
        Y.length = 0;
        RHO.length = 0;
        iterations--;
        if (evaluations >= maxEval) return { x, f, iterations, evaluations, converged: false, reason: "max-evaluations" };
        continue;
      }
      return { x, f, iterations, evaluations, converged: false, reason: "line-search" };
    }

    let sy = 0;
    let yy = 0;
    for (let i = 0; i < n; i++) {
      const si = (xt[i] as number) - (x[i] as number);
      const yi = (gt[i] as number) - (g[i] as number);
      sy += si * yi;
      yy += yi * yi;
    }
    if (sy > EPS * yy) {
      let s: Float64Array;
      let y: Float64Array;
      if (S.length === m) {
        s = S.shift() as Float64Array;
        y = Y.shift() as Float64Array;
        RHO.shift();
      } else {
        // S is not full, so ring slots from S.length on hold no live vector (after a reset, none do)
        s = ringS[S.length] as Float64Array;
        y = ringY[Y.length] as Float64Array;
      }
      for (let i = 0; i < n; i++) {
        s[i] = (xt[i] as number) - (x[i] as number);
        y[i] = (gt[i] as number) - (g[i] as number);
      }
      S.push(s);
      Y.push(y);
      RHO.push(1 / sy);
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
