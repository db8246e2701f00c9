"""Baseline for bench/fit.ts: Besiroglu et al.'s "replicate exactly" fit as the
published notebooks run it, with scipy's L-BFGS-B on the same 4,500 starts and
the same objective (sum of Huber(1e-3) of log L - LSE(a - alpha log N,
b - beta log D, e)), two ways: finite-difference gradients (scipy's default, as
the notebooks run it) and an analytic gradient written with numpy (the best a
careful Python user gets without JAX). A baseline only: never a dependency of
the site. Reads the data from LAWDEX_DATA_DIR; prints one JSON line.
"""
import csv, itertools, json, os, sys, time
import numpy as np
from scipy.optimize import minimize
from scipy.special import huber

data_dir = os.environ.get("LAWDEX_DATA_DIR", os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data"))
rows = [r for r in csv.DictReader(open(os.path.join(data_dir, "besiroglu2024_chinchilla_svg_extracted.csv"))) if r["excluded_by_besiroglu2024"] == "0"]
lN = np.log(np.array([float(r["params"]) for r in rows]))
lD = np.log(np.array([float(r["tokens_derived_flops_over_6params"]) for r in rows]))
lL = np.log(np.array([float(r["loss_nats"]) for r in rows]))
DELTA = 1e-3


def objective(p):
    a, b, e, al, be = p
    pred = np.logaddexp(np.logaddexp(a - al * lN, b - be * lD), e)
    return np.sum(huber(DELTA, lL - pred))


def objective_and_gradient(p):
    a, b, e, al, be = p
    t1 = a - al * lN
    t2 = b - be * lD
    m = np.maximum(np.maximum(t1, t2), e)
    w1, w2, w3 = np.exp(t1 - m), np.exp(t2 - m), np.exp(e - m)
    s = w1 + w2 + w3
    r = lL - (m + np.log(s))
    psi = np.clip(r, -DELTA, DELTA)
    c = -psi / s
    g = np.array([np.sum(c * w1), np.sum(c * w2), np.sum(c * w3), -np.sum(c * w1 * lN), -np.sum(c * w2 * lD)])
    return np.sum(huber(DELTA, r)), g


grid = list(itertools.product(np.arange(0, 30, 5), np.arange(0, 30, 5), np.arange(-1, 1.5, 0.5), np.arange(0, 2.5, 0.5), np.arange(0, 2.5, 0.5)))
which = sys.argv[1:] or ["fd", "analytic"]
out = {"points": len(lL), "starts": len(grid)}
for name in which:
    fun, jac = (objective, None) if name == "fd" else (objective_and_gradient, True)
    t0 = time.perf_counter()
    best, evals = np.inf, 0
    for start in grid:
        r = minimize(fun, start, jac=jac, method="L-BFGS-B")
        evals += r.nfev
        if r.success and r.fun < best:
            best = float(r.fun)
    out[name] = {"seconds": time.perf_counter() - t0, "best": best, "evaluations": evals}
print(json.dumps(out))
