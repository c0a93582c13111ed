#!/usr/bin/env python3
"""Reference values for CoevoMeasure's externality estimator (ExternalityEstimator.swift).

Writes Tests/CoevoMeasureTests/ExternalityFixtureTests.swift: a small unbalanced firm x period panel as
Swift array literals, plus the values an independent implementation computes from it:

* point estimates and CR1 standard errors from statsmodels OLS with explicit firm and industry x period
  dummies (a full-rank dummy set, so statsmodels' K is the true number of parameters), after the same
  iterative singleton dropping (reghdfe's rule); cross-checked against linearmodels' PanelOLS;
* the CR1 variant with firm effects nested within clusters (not counted in K), by rescaling;
* the restricted wild cluster bootstrap (WCR, Webb weights, SplitMix64 draws) computed by brute force:
  for every hypothesised value b the restricted model is refitted and every bootstrap sample is
  re-estimated with explicit residuals, no algebraic shortcut; the p-value at 0 and the confidence
  interval found by the same bracketing + bisection as the Swift code.

Two clusterings of the same panel are used: "nested" (every firm stays in one cluster) and "crossed"
(a few firms move between clusters, so no fixed effect is nested within clusters).

Run: python3 scripts/crosscheck/econometrics_fe.py   (needs numpy, pandas, statsmodels, linearmodels)
"""
import os
import numpy as np
import pandas as pd
import statsmodels.api as sm

MASK = (1 << 64) - 1
WEBB = [-np.sqrt(1.5), -1.0, -np.sqrt(0.5), np.sqrt(0.5), 1.0, np.sqrt(1.5)]
SEED = 20240601
DRAWS = 199
LEVEL = 0.95


def splitmix_draws(seed, count):
    """Webb weight indices from SplitMix64: index = floor(u * 6 / 2^64)."""
    state = seed
    out = np.empty(count, dtype=np.int64)
    for i in range(count):
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        z = z ^ (z >> 31)
        out[i] = (z * 6) >> 64
    return out


def make_panel(rng):
    periods = 10
    stage_of_period = [1, 1, 1, 2, 2, 2, 3, 3, 3, 3]  # stage 4 never occurs
    rows = []
    firm_id = 100
    for cluster in range(6):
        industry = cluster % 3
        for _ in range(6):
            start = int(rng.integers(0, 5))
            length = int(rng.integers(2, periods - start + 1))
            a_i = rng.normal()
            for t in range(start, start + length):
                rows.append((firm_id, industry, t, cluster, a_i))
            firm_id += 7
    # A singleton firm (observed once) and a firm that is alone in an industry (industry 9).
    rows.append((5000, 0, 4, 2, 0.3))
    rows.append((5001, 9, 3, 4, -0.2))
    rows.append((5001, 0, 5, 4, -0.2))
    df = pd.DataFrame(rows, columns=["firm", "group", "period", "cluster", "alpha"])
    n = len(df)
    stage = np.array([stage_of_period[t] for t in df.period])
    delta = {(j, t): rng.normal() for j in range(10) for t in range(periods)}
    d = np.array([delta[(j, t)] for j, t in zip(df.group, df.period)])
    clus_shock = {(c, t): rng.normal() * 0.3 for c in range(6) for t in range(periods)}
    u = np.array([clus_shock[(c, t)] for c, t in zip(df.cluster, df.period)])
    log_reach = 2 + 0.5 * df.alpha.values + 0.4 * d + rng.normal(size=n)
    log_output = 1 - 0.3 * df.alpha.values + rng.normal(size=n)
    beta = {1: -0.10, 2: -0.20, 3: -0.35}
    y = (np.array([beta[s] for s in stage]) * log_reach - 0.05 * log_output + df.alpha.values + d + u
         + 0.2 * rng.normal(size=n))
    df["logAVC"] = np.round(y, 6)
    df["logReach"] = np.round(log_reach, 6)
    df["logOutput"] = np.round(log_output, 6)
    df["stage"] = stage
    # Crossed clustering: three firms change cluster half-way.
    crossed = df.cluster.values.copy()
    movers = sorted(df.firm.unique())[:: 11][:3]
    for f in movers:
        idx = np.where(df.firm.values == f)[0]
        crossed[idx[len(idx) // 2:]] = (crossed[idx[0]] + 1) % 6
    df["clusterCrossed"] = crossed
    return df, stage_of_period


def drop_singletons(df):
    df = df.copy()
    df["cell"] = df.group * 1000 + df.period
    while True:
        fc = df.groupby("firm").firm.transform("size")
        cc = df.groupby("cell").cell.transform("size")
        keep = (fc > 1) & (cc > 1)
        if keep.all():
            return df
        df = df[keep]


def full_rank_dummies(df):
    """Firm dummies plus cell dummies, greedily dropping cell dummies that add no rank."""
    firms = sorted(df.firm.unique())
    cells = sorted(df.cell.unique())
    F = np.array([(df.firm.values == f).astype(float) for f in firms]).T
    cols = [F]
    current = F
    rank = np.linalg.matrix_rank(current)
    for c in cells:
        col = (df.cell.values == c).astype(float)[:, None]
        cand = np.hstack([current, col])
        r = np.linalg.matrix_rank(cand)
        if r > rank:
            current, rank = cand, r
    return current, len(firms), len(cells), rank


def regressors(df, stages):
    cols = [np.where(df.stage.values == s, df.logReach.values, 0.0) for s in stages]
    cols.append(df.logOutput.values)
    return np.column_stack(cols)


def wcr(Xt, yt, cl_codes, G, scale, beta, se, draws, seed, level):
    """Brute-force restricted wild cluster bootstrap on demeaned data; returns (lo, hi, p0) per coef."""
    n, k = Xt.shape
    H = np.zeros((G, n))
    H[cl_codes, np.arange(n)] = 1
    idx = splitmix_draws(seed, draws * G).reshape(draws, G)
    V = np.array(WEBB)[idx]          # draws x G
    Vrows = V[:, cl_codes].T          # n x draws
    A = np.linalg.inv(Xt.T @ Xt)
    alpha = 1 - level
    out = []
    for j in range(k):
        others = [p for p in range(k) if p != j]
        aj = A[j]
        xa = Xt @ aj

        def pvalue(b):
            target = yt - b * Xt[:, j]
            if others:
                Xo = Xt[:, others]
                coef = np.linalg.lstsq(Xo, target, rcond=None)[0]
                ur = target - Xo @ coef
            else:
                ur = target
            fitted = yt - ur
            Ystar = fitted[:, None] + ur[:, None] * Vrows
            Bstar = A @ (Xt.T @ Ystar)
            Estar = Ystar - Xt @ Bstar
            scores = H @ (xa[:, None] * Estar)        # G x draws: a_j' X_g' e*_g
            sestar = np.sqrt(scale * (scores ** 2).sum(axis=0))
            tstar = (Bstar[j] - b) / sestar
            t = (beta[j] - b) / se[j]
            return np.mean(np.abs(tstar) >= abs(t))

        def endpoint(direction):
            inside, step = beta[j], se[j]
            outside = beta[j] + direction * step
            doublings = 0
            while pvalue(outside) > alpha and doublings < 64:
                inside = outside
                step *= 2
                outside = beta[j] + direction * step
                doublings += 1
            for _ in range(60):
                mid = 0.5 * (inside + outside)
                if pvalue(mid) > alpha:
                    inside = mid
                else:
                    outside = mid
            return 0.5 * (inside + outside)

        out.append((endpoint(-1.0), endpoint(1.0), pvalue(0.0)))
    return out


def reference(df, cluster_col, stages):
    y = df.logAVC.values
    X = regressors(df, stages)
    D, F, C, rank_fe = full_rank_dummies(df)
    n, k = X.shape
    cl_ids = sorted(df[cluster_col].unique())
    cl_codes = np.searchsorted(cl_ids, df[cluster_col].values)
    G = len(cl_ids)
    res = sm.OLS(y, np.hstack([X, D])).fit(cov_type="cluster", cov_kwds={"groups": cl_codes})
    beta = res.params[:k]
    assert res.model.exog.shape[1] == k + rank_fe
    k_full = k + rank_fe
    # Nesting (reghdfe): effects nested within clusters are not counted in K.
    firm_nested = (df.groupby("firm")[cluster_col].nunique() == 1).all()
    cell_nested = (df.groupby("cell")[cluster_col].nunique() == 1).all()
    components = F + C - rank_fe
    absorbed = max(0, (0 if firm_nested else F) + (0 if cell_nested else C) - components)
    k_used = k + absorbed
    cov = res.cov_params()[:k, :k] * (n - k_full) / (n - k_used)
    se = np.sqrt(np.diag(cov))
    # Within R^2 from the exact projection on the dummies.
    P = D @ np.linalg.lstsq(D, np.column_stack([y, X]), rcond=None)[0]
    W = np.column_stack([y, X]) - P
    yt, Xt = W[:, 0], W[:, 1:]
    bt = np.linalg.lstsq(Xt, yt, rcond=None)[0]
    assert np.allclose(bt, beta, atol=1e-9), (bt, beta)
    r2 = 1 - ((yt - Xt @ bt) ** 2).sum() / (yt ** 2).sum()
    scale = G / (G - 1) * (n - 1) / (n - k_used)
    boot = wcr(Xt, yt, cl_codes, G, scale, beta, se, DRAWS, SEED, LEVEL)
    return dict(beta=beta, se=se, se_statsmodels=np.sqrt(np.diag(res.cov_params()[:k, :k])), n=n, G=G,
                absorbed=absorbed, firms=F, r2=r2, boot=boot, firm_nested=firm_nested)


def linearmodels_check(df, stages, beta):
    try:
        from linearmodels.panel import PanelOLS
    except ImportError:
        print("linearmodels not installed; skipped")
        return
    d = df.copy()
    X = regressors(d, stages)
    names = [f"x{i}" for i in range(X.shape[1])]
    for i, nm in enumerate(names):
        d[nm] = X[:, i]
    d = d.set_index(["firm", "period"])
    mod = PanelOLS(d.logAVC, d[names], entity_effects=True, other_effects=d[["cell"]], drop_absorbed=False)
    fit = mod.fit()
    diff = np.max(np.abs(fit.params.values - beta))
    print(f"linearmodels PanelOLS max |diff| vs statsmodels dummies: {diff:.2e}")
    assert diff < 1e-8


def swift_array(name, values, kind):
    if kind == "Double":
        body = ", ".join(repr(float(v)) for v in values)
    else:
        body = ", ".join(str(int(v)) for v in values)
    return f"    static let {name}: [{kind}] = [{body}]\n"


def main():
    rng = np.random.default_rng(7)
    df, stage_of_period = make_panel(rng)
    kept = drop_singletons(df)
    stages = sorted(kept.stage.unique())
    refs = {name: reference(kept, col, stages) for name, col in [("nested", "cluster"), ("crossed", "clusterCrossed")]}
    linearmodels_check(kept, stages, refs["nested"]["beta"])
    assert refs["nested"]["firm_nested"] and not refs["crossed"]["firm_nested"]
    root = os.path.join(os.path.dirname(__file__), "..", "..")
    path = os.path.join(root, "Tests", "CoevoMeasureTests", "ExternalityFixtureTests.swift")
    with open(path, "w") as f:
        f.write("// GENERATED by scripts/crosscheck/econometrics_fe.py — do not edit by hand.\n")
        f.write("// A small unbalanced panel and reference values from statsmodels (OLS with explicit firm and\n")
        f.write("// industry×period dummies, CR1 cluster covariance), linearmodels (PanelOLS, point estimates)\n")
        f.write("// and a brute-force numpy restricted wild cluster bootstrap with the same SplitMix64 draws.\n\n")
        f.write("enum ExternalityFixture {\n")
        f.write(swift_array("logAVC", df.logAVC, "Double"))
        f.write(swift_array("logReach", df.logReach, "Double"))
        f.write(swift_array("logOutput", df.logOutput, "Double"))
        f.write(swift_array("firm", df.firm, "Int32"))
        f.write(swift_array("group", df.group, "Int32"))
        f.write(swift_array("period", df.period, "Int32"))
        f.write(swift_array("clusterNested", df.cluster, "Int32"))
        f.write(swift_array("clusterCrossed", df.clusterCrossed, "Int32"))
        f.write(swift_array("stageOfPeriod", stage_of_period, "Int"))
        f.write(f"    static let rows = {len(df)}\n")
        f.write(f"    static let seed: UInt64 = {SEED}\n")
        f.write(f"    static let draws = {DRAWS}\n")
        f.write(f"    /// Coefficient order: {', '.join(f'stage {s}' for s in stages)}, own output.\n")
        f.write(swift_array("stages", stages, "Int"))
        f.write("\n    struct Reference {\n        let observations: Int\n        let clusters: Int\n")
        f.write("        let firms: Int\n        let absorbed: Int\n        let withinR2: Double\n")
        f.write("        let estimate: [Double]\n        let standardError: [Double]\n")
        f.write("        let standardErrorAllEffectsCounted: [Double]\n")
        f.write("        let ciLow: [Double]\n        let ciHigh: [Double]\n        let pValue: [Double]\n    }\n")
        for name, r in refs.items():
            def arr(v):
                return "[" + ", ".join(repr(float(x)) for x in v) + "]"
            f.write(f"\n    static let {name} = Reference(\n")
            f.write(f"        observations: {r['n']}, clusters: {r['G']}, firms: {r['firms']}, absorbed: {r['absorbed']},\n")
            f.write(f"        withinR2: {float(r['r2'])!r},\n")
            f.write(f"        estimate: {arr(r['beta'])},\n")
            f.write(f"        standardError: {arr(r['se'])},\n")
            f.write(f"        standardErrorAllEffectsCounted: {arr(r['se_statsmodels'])},\n")
            f.write(f"        ciLow: {arr([b[0] for b in r['boot']])},\n")
            f.write(f"        ciHigh: {arr([b[1] for b in r['boot']])},\n")
            f.write(f"        pValue: {arr([b[2] for b in r['boot']])})\n")
        f.write("}\n")
    for name, r in refs.items():
        print(name, "N", r["n"], "G", r["G"], "absorbed", r["absorbed"], "beta", r["beta"], "se", r["se"])
        print("  boot", r["boot"])
    print("wrote", os.path.normpath(path))


if __name__ == "__main__":
    main()
