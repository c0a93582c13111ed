#!/usr/bin/env python3
"""Independent reference values for the CoevoMeasure tests, computed with numpy/scipy.

Writes Tests/CoevoMeasureTests/CrossCheckReference.swift (run from the repository root:
`python3 scripts/crosscheck/measure_reference.py`). The formulas here are written from the
literature directly (not translated from the Swift code):
  entropy weights: p = x'/sum x', e = -sum p ln p / ln m, w = (1-e)/sum(1-e)
  coupling: standard n*gmean/sum; Wang et al. 2021 sqrt((1 - sum|Ui-Uj|/(n(n-1)/2)) * prod(U/max)^(1/(n-1)));
            Fan: 1 - 2*sqrt((n*sum U^2 - (sum U)^2)/n^2)
  Lotka-Volterra: scipy.optimize.least_squares(method='lm') on the discretised system
  Haken: numpy.linalg.lstsq with classical standard errors
  Meng & Han synergy.
"""
import numpy as np
from scipy.optimize import least_squares
from scipy.stats import gmean
import os, sys

out = []
def arr(name, a):
    a = np.asarray(a, dtype=float)
    if a.ndim == 1:
        out.append(f"    static let {name}: [Double] = [{', '.join(repr(float(v)) for v in a)}]")
    else:
        rows = ",\n        ".join("[" + ", ".join(repr(float(v)) for v in r) + "]" for r in a)
        out.append(f"    static let {name}: [[Double]] = [\n        {rows}]")
def num(name, v):
    out.append(f"    static let {name}: Double = {float(v)!r}")

# ---- entropy weights -------------------------------------------------------------------
raw = np.array([[12.0, 3.1, 0.20], [15.0, 2.9, 0.35], [19.0, 2.4, 0.31],
                [26.0, 2.2, 0.52], [31.0, 1.8, 0.60], [40.0, 1.7, 0.58],
                [44.0, 1.9, 0.75], [52.0, 1.5, 0.81]])
directions = [1, -1, 1]
arr("rawMatrix", raw)
lo, hi = raw.min(axis=0), raw.max(axis=0)
norm = np.where(np.array(directions) > 0, (raw - lo) / (hi - lo), (hi - raw) / (hi - lo))
arr("normalizedMatrix", norm)

def entropy(x):
    m = x.shape[0]
    p = x / x.sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        plogp = np.where(p > 0, p * np.log(p), 0.0)
    e = -plogp.sum(axis=0) / np.log(m)
    d = 1 - e
    return d / d.sum()

shifts = {
    "None": norm,
    "Add00001": norm + 0.0001,
    "Add0001": norm + 0.001,
    "Rescale0002": 0.002 + (1 - 2 * 0.002) * norm,
    "MinShift001": norm + np.abs(norm.min(axis=0)) + 0.01,
}
for k, x in shifts.items():
    arr(f"entropyWeights{k}", entropy(x))
xs = shifts["Add00001"]
w = entropy(xs)
arr("scoresAdd00001", np.minimum(1, xs).dot(w))

# ---- coupling ----------------------------------------------------------------------------
def c_standard(u):
    u = np.asarray(u); return len(u) * gmean(u) / u.sum()
def c_wang(u):
    u = np.asarray(u); n = len(u)
    s = sum(abs(u[i] - u[j]) for i in range(n) for j in range(i))
    return np.sqrt((1 - s / (n * (n - 1) / 2)) * np.prod(u / u.max()) ** (1 / (n - 1)))
def c_fan(u):
    u = np.asarray(u); n = len(u)
    return 1 - 2 * np.sqrt((n * (u ** 2).sum() - u.sum() ** 2) / n ** 2)
cases = [[0.3, 0.7], [0.2, 0.5, 0.9], [0.61, 0.58, 0.44, 0.9], [0.05, 0.95]]
for i, u in enumerate(cases):
    arr(f"couplingCase{i}", u)
    num(f"couplingStandard{i}", c_standard(u))
    num(f"couplingWang{i}", c_wang(u))
    num(f"couplingFan{i}", c_fan(u))
    t = np.mean(u)
    num(f"coordinationD{i}", np.sqrt(c_standard(u) * t))
wt = np.array([0.4, 0.6])
num("weightedT0", wt.dot(cases[0]))
num("weightedD0Wang", np.sqrt(c_wang(cases[0]) * wt.dot(cases[0])))

# ---- synergy (Meng & Han) ----------------------------------------------------------------
sysA = np.array([[10.0, 5.0], [12.0, 4.6], [15.0, 4.1], [14.0, 3.9]])   # positive, negative
sysB = np.array([[0.30], [0.36], [0.41], [0.47]])                          # positive
arr("synergyA", sysA); arr("synergyB", sysB)
def orders(x, dirs):
    lo, hi = x.min(axis=0), x.max(axis=0)
    a, b = lo - 0.1 * np.abs(lo), hi + 0.1 * np.abs(hi)
    o = np.where(np.array(dirs) > 0, (x - a) / (b - a), (b - x) / (b - a))
    return gmean(o, axis=1)
uA, uB = orders(sysA, [1, -1]), orders(sysB, [1])
def syn(u0, u1):
    d = np.asarray(u1) - np.asarray(u0)
    th = 1.0 if (d >= 0).all() else -1.0
    return th * np.prod(np.abs(d)) ** (1 / len(d))
arr("synergyOrderA", uA); arr("synergyOrderB", uB)
arr("synergyConsecutive", [syn([uA[t-1], uB[t-1]], [uA[t], uB[t]]) for t in range(1, 4)])
arr("synergyBase0", [syn([uA[0], uB[0]], [uA[t], uB[t]]) for t in range(1, 4)])

# ---- Lotka-Volterra --------------------------------------------------------------------------
rng = np.random.default_rng(20240601)
true = dict(r1=0.35, K1=1.0, t12=0.4, r2=0.25, K2=0.8, t21=0.2)
T = 30
x = np.empty(T); y = np.empty(T); x[0], y[0] = 0.08, 0.12
for t in range(T - 1):
    x[t+1] = x[t] + true["r1"] * x[t] * (1 - x[t] / true["K1"] + true["t12"] * y[t] / true["K2"]) + rng.normal(0, 0.004)
    y[t+1] = y[t] + true["r2"] * y[t] * (1 - y[t] / true["K2"] + true["t21"] * x[t] / true["K1"]) + rng.normal(0, 0.004)
arr("lvX", x); arr("lvY", y)
def res(p):
    r1, k1, t12, r2, k2, t21 = p
    rx = x[1:] - x[:-1] - r1 * x[:-1] * (1 - x[:-1] / k1 + t12 * y[:-1] / k2)
    ry = y[1:] - y[:-1] - r2 * y[:-1] * (1 - y[:-1] / k2 + t21 * x[:-1] / k1)
    return np.column_stack([rx, ry]).ravel()
sol = least_squares(res, x0=[0.3, 1.2, 0.0, 0.3, 1.0, 0.0], method="lm", xtol=1e-15, ftol=1e-15, gtol=1e-15)
arr("lvScipyEstimate", sol.x)
num("lvScipySSE", 2 * sol.cost)

# ---- Haken ---------------------------------------------------------------------------------
q1 = np.array([0.10, 0.13, 0.17, 0.22, 0.26, 0.33, 0.38, 0.45, 0.50, 0.58, 0.63, 0.70])
q2 = np.array([0.20, 0.19, 0.19, 0.20, 0.22, 0.24, 0.27, 0.30, 0.34, 0.39, 0.43, 0.49])
arr("hakenQ1", q1); arr("hakenQ2", q2)
def ols(X, yv):
    beta, *_ = np.linalg.lstsq(X, yv, rcond=None)
    e = yv - X @ beta
    s2 = e @ e / (len(yv) - X.shape[1])
    se = np.sqrt(np.diag(s2 * np.linalg.inv(X.T @ X)))
    return beta, se
b1, se1 = ols(np.column_stack([q1[:-1], q1[:-1] * q2[:-1]]), q1[1:])
b2, se2 = ols(np.column_stack([q2[:-1], q1[:-1] ** 2]), q2[1:])
arr("hakenReference", [1 - b1[0], 1 - b2[0], -b1[1], b2[1]])   # gamma1, gamma2, a, b
arr("hakenReferenceT", [(1 - b1[0]) / se1[0], (1 - b2[0]) / se2[0], -b1[1] / se1[1], b2[1] / se2[1]])

# ---- quantile (numpy linear) ---------------------------------------------------------------
qd = np.array([3.0, 1.0, 4.0, 1.5, 9.0, 2.6, 5.0])
arr("quantileData", qd)
arr("quantileReference", [np.quantile(qd, 0.025), np.quantile(qd, 0.5), np.quantile(qd, 0.975)])

# ---- end-to-end panel (coevo measure): 3 units x 4 years, pooled bounds, +0.0001, standard C -------
panel_csv = """unit,time,a1,a2,b1,b2
east,2016,10,5.0,100,0.30
east,2017,14,4.6,120,0.34
east,2018,19,4.1,150,0.37
east,2019,25,3.9,160,0.45
west,2016,4,6.5,60,0.20
west,2017,6,6.1,70,0.22
west,2018,9,5.8,85,0.27
west,2019,12,5.2,95,0.30
north,2016,7,5.5,80,0.25
north,2017,8,5.4,90,0.26
north,2018,12,4.9,110,0.33
north,2019,15,4.4,130,0.38
"""
out.append('    static let panelCSV = """\n' + panel_csv + '"""')
import io
P = np.genfromtxt(io.StringIO(panel_csv), delimiter=",", names=True, dtype=None, encoding=None)
def sysU(cols, dirs):
    X = np.column_stack([P[c].astype(float) for c in cols])
    lo, hi = X.min(axis=0), X.max(axis=0)
    Z = np.where(np.array(dirs) > 0, (X - lo) / (hi - lo), (hi - X) / (hi - lo)) + 0.0001
    w = entropy(Z)
    return w, np.minimum(1, Z).dot(w)
wa, ua = sysU(["a1", "a2"], [1, -1])
wb, ub = sysU(["b1", "b2"], [1, 1])
arr("panelWeights", np.concatenate([wa, wb]))
arr("panelD", np.sqrt(np.array([c_standard([x, y]) for x, y in zip(ua, ub)]) * (ua + ub) / 2))

# ---- SplitMix64 (Steele, Lea & Flood 2014; Vigna's reference C code) -------------------------
M = (1 << 64) - 1
def splitmix(seed, n):
    s, o = seed, []
    for _ in range(n):
        s = (s + 0x9E3779B97F4A7C15) & M
        z = s
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
        o.append(z ^ (z >> 31))
    return o
out.append("    static let splitMix1234567: [UInt64] = [" + ", ".join(str(v) for v in splitmix(1234567, 5)) + "]")

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
path = os.path.join(root, "Tests", "CoevoMeasureTests", "CrossCheckReference.swift")
with open(path, "w") as f:
    f.write("// GENERATED by scripts/crosscheck/measure_reference.py (numpy " + np.__version__ +
            ", scipy " + __import__("scipy").__version__ + "). Do not edit; rerun the script.\n")
    f.write("enum Ref {\n" + "\n".join(out) + "\n}\n")
print("wrote", os.path.normpath(path))
