#!/usr/bin/env python3
"""β of the external-economies regression by stage and by equal windows, from a `--panel` export.

An independent re-estimate (NumPy only) of summary.json's β_s, and a diagnostic: the same
regression with the stage label replaced by consecutive windows of equal length, so that how β
moves over the run can be read apart from how long each stage lasts.

    ln AVC_it = Σ_w β_w·1[window(t) = w]·ln Y_it + γ·ln q_it + α_i + δ_(industry,t) + ε_it

Firm and industry × period effects are removed by alternating projections (stopped when a sweep
moves every column by less than 1e-12 of its norm: a looser criterion than Coevo's estimate of
the distance to the limit, so agreement is to about 5 digits, not to the last), singletons
dropped first (reghdfe's rule), then OLS on the demeaned columns (Frisch–Waugh–Lovell); a stage
whose demeaned regressor keeps less than 1e-8 of its norm is left out, as in Coevo.

    coevo run --firms 20000 --panel --out run1 --no-report
    python3 scripts/crosscheck/beta_windows.py run1/run.sqlite [--window 9] [--regressor reachable_output]
"""
import argparse
import json
import os
import sqlite3

import numpy as np


def load(path, regressor):
    con = sqlite3.connect(path)
    rows = con.execute(f"SELECT id, period, industry, stage, average_cost - cost_fixed, {regressor}, output "
                       "FROM panel WHERE run_id = (SELECT max(id) FROM runs) ORDER BY rowid").fetchall()
    a = np.array(rows, dtype=float)
    keep = (a[:, 4] > 0) & (a[:, 5] > 0) & (a[:, 6] > 0)
    a = a[keep]
    return (a[:, 0].astype(np.int64), a[:, 1].astype(np.int64), a[:, 2].astype(np.int64), a[:, 3].astype(np.int64),
            np.log(a[:, 4]), np.log(a[:, 5]), np.log(a[:, 6]))


def drop_singletons(f, c):
    keep = np.ones(len(f), bool)
    while True:
        _, fi, fn = np.unique(f[keep], return_inverse=True, return_counts=True)
        _, ci, cn = np.unique(c[keep], return_inverse=True, return_counts=True)
        bad = (fn[fi] == 1) | (cn[ci] == 1)
        if not bad.any():
            return keep
        idx = np.flatnonzero(keep)
        keep[idx[bad]] = False


def demean(x, f, c, tol=1e-12, max_iter=20000):
    _, fi = np.unique(f, return_inverse=True)
    _, ci = np.unique(c, return_inverse=True)
    nf, nc = np.bincount(fi), np.bincount(ci)
    x = x.copy()
    norm = np.linalg.norm(x, axis=0)
    norm[norm == 0] = 1
    for _ in range(max_iter):
        prev = x.copy()
        for j in range(x.shape[1]):
            x[:, j] -= (np.bincount(fi, x[:, j], len(nf)) / nf)[fi]
            x[:, j] -= (np.bincount(ci, x[:, j], len(nc)) / nc)[ci]
        if (np.linalg.norm(x - prev, axis=0) / norm).max() < tol:
            return x
    raise RuntimeError("no convergence")


def estimate(label, lnavc, lnreach, lnq, f, cell):
    levels = np.unique(label)
    X = np.column_stack([np.where(label == s, lnreach, 0.0) for s in levels] + [lnq])
    raw = np.linalg.norm(X, axis=0)
    Z = demean(np.column_stack([lnavc, X]), f, cell)
    y, X = Z[:, 0], Z[:, 1:]
    kept = [j for j in range(len(levels)) if np.linalg.norm(X[:, j]) > 1e-8 * raw[j]]
    cols = kept + [X.shape[1] - 1]
    beta = np.linalg.lstsq(X[:, cols], y, rcond=None)[0]
    return {int(levels[j]): float(beta[i]) for i, j in enumerate(kept)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("database")
    ap.add_argument("--window", type=int, default=9, help="quarters per window")
    ap.add_argument("--regressor", default="reachable_output", choices=["reachable_output", "cluster_output"])
    args = ap.parse_args()
    firm, period, industry, stage, lnavc, lnreach, lnq = load(args.database, args.regressor)
    cell = industry * 10_000 + period
    keep = drop_singletons(firm, cell)
    firm, period, stage, cell = firm[keep], period[keep], stage[keep], cell[keep]
    lnavc, lnreach, lnq = lnavc[keep], lnreach[keep], lnq[keep]
    by_stage = estimate(stage, lnavc, lnreach, lnq, firm, cell)
    summary = os.path.join(os.path.dirname(args.database), "summary.json")
    key = "elasticity_by_stage" if args.regressor == "reachable_output" else "elasticity_cluster_by_stage"
    stored = json.load(open(summary))[key] if os.path.exists(summary) else {}
    print(f"rows {len(firm)}, firms {len(np.unique(firm))}")
    print("stage  quarters  beta (NumPy)  beta (summary.json)")
    for s, b in sorted(by_stage.items()):
        q = np.unique(period[stage == s])
        st = (stored.get(str(s)) or {}).get("estimate")
        print(f"{s:5d}  {q.min():3d}-{q.max():3d}   {b:+.5f}      {st:+.5f}" if st is not None else f"{s:5d}  {b:+.5f}")
    window = period // args.window
    by_window = estimate(window, lnavc, lnreach, lnq, firm, cell)
    print(f"\nwindows of {args.window} quarters: quarters, stages present, beta")
    for w, b in sorted(by_window.items()):
        stages = sorted(set(stage[window == w].tolist()))
        print(f"  {w * args.window:3d}-{w * args.window + args.window - 1:3d}  stages {stages}  {b:+.4f}")


if __name__ == "__main__":
    main()
