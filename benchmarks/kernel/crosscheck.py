#!/usr/bin/env python3
"""Checks that mesa_kernel.py and numpy_kernel.py compute the same model (SPEC.md section 5).

1. Exact check: the Mesa model is given the NumPy kernel's conformance traits and draws
   (SPEC.md section 6), the two are stepped in lockstep, and every firm's cost, output and
   adoption are compared after every step (relative tolerance 1e-9, adoption identical).
2. Statistical check at N firms with independent seeds and each implementation's own RNG:
   T = 100, one seed (SPEC.md tolerances), and T = 25 averaged over several seeds, where
   adoption is mid-way and sensitive to any difference in the adoption rule.

    python crosscheck.py [--firms 10000] [--exact-firms 2000] [--seeds 10]

Exits non-zero if any check fails.
"""

from __future__ import annotations

import argparse
import sys
from collections import deque

import numpy as np

from mesa_kernel import KernelModel
from numpy_kernel import Kernel

EXACT_RTOL = 1e-9
TOL_COST = 0.03        # relative, T = 100 and T = 25 means
TOL_ADOPTION = 0.03    # absolute share
TOL_OUTPUT = 0.06      # relative


class QueueRandom:
    """Stands in for model.random: hands out given U(0,1) values in order."""

    def __init__(self) -> None:
        self.queue: deque[float] = deque()

    def random(self) -> float:
        return self.queue.popleft()


def mesa_arrays(model: KernelModel) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    firms = sorted(model.agents, key=lambda a: a.index)
    return (np.array([a.cost for a in firms]), np.array([a.output for a in firms]),
            np.array([a.adopted for a in firms]))


def exact_check(firms: int, steps: int) -> bool:
    kernel = Kernel(firms, 0, conformance=True)
    model = KernelModel(firms, seed=0)
    by_index = sorted(model.agents, key=lambda a: a.index)
    for firm in by_index:
        firm.base_cost = float(kernel.base_cost[firm.index])
        firm.quality = float(kernel.quality[firm.index])
        firm.cost = firm.base_cost
    fake = QueueRandom()
    model.random = fake
    worst = 0.0
    for t in range(1, steps + 1):
        # Mesa's do() visits firms in creation (= index) order and only non-adopters draw.
        u = kernel.uniforms_at(t)
        fake.queue.extend(float(u[f.index]) for f in by_index if not f.adopted)
        model.step()
        kernel.step()
        if fake.queue:
            print(f"exact: step {t}: {len(fake.queue)} draws unused", file=sys.stderr)
            return False
        cost, output, adopted = mesa_arrays(model)
        rel_c = np.max(np.abs(cost - kernel.cost) / kernel.cost)
        rel_y = np.max(np.abs(output - kernel.output) / kernel.output)
        worst = max(worst, rel_c, rel_y)
        if rel_c > EXACT_RTOL or rel_y > EXACT_RTOL or not np.array_equal(adopted, kernel.adopted):
            print(f"exact: step {t}: cost rel {rel_c:.2e}, output rel {rel_y:.2e}, "
                  f"adoption differs for {(adopted != kernel.adopted).sum()} firms")
            return False
    r_np, r_mesa = kernel.report(), model.report()
    print(f"exact ({firms} firms, {steps} steps, conformance draws): identical adoption at every "
          f"step; worst per-firm relative difference in cost/output {worst:.1e}")
    print(f"  numpy {r_np}\n  mesa  {{'mean_cost': {r_mesa['mean_cost']}, 'adoption': "
          f"{r_mesa['adoption']}, 'output': {r_mesa['output']}}}")
    return True


def run_numpy(firms: int, steps: int, seed: int) -> dict:
    k = Kernel(firms, seed)
    for _ in range(steps):
        k.step()
    return k.report()


def run_mesa(firms: int, steps: int, seed: int) -> dict:
    m = KernelModel(firms, seed=seed)
    for _ in range(steps):
        m.step()
    return m.report()


def compare(label: str, a: dict, b: dict) -> bool:
    d_cost = abs(a["mean_cost"] - b["mean_cost"]) / a["mean_cost"]
    d_adopt = abs(a["adoption"] - b["adoption"])
    d_out = abs(a["output"] - b["output"]) / a["output"]
    ok = d_cost <= TOL_COST and d_adopt <= TOL_ADOPTION and d_out <= TOL_OUTPUT
    print(f"{label}\n  numpy mean_cost {a['mean_cost']:.4f} adoption {a['adoption']:.4f} "
          f"output {a['output']:.1f}\n  mesa  mean_cost {b['mean_cost']:.4f} adoption "
          f"{b['adoption']:.4f} output {b['output']:.1f}\n  |diff| cost {100 * d_cost:.2f}% "
          f"(tol {100 * TOL_COST:.0f}%), adoption {d_adopt:.4f} (tol {TOL_ADOPTION}), "
          f"output {100 * d_out:.2f}% (tol {100 * TOL_OUTPUT:.0f}%): {'ok' if ok else 'FAIL'}")
    return ok


def mean_report(reports: list[dict]) -> dict:
    return {k: float(np.mean([r[k] for r in reports])) for k in reports[0]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--firms", type=int, default=10_000)
    ap.add_argument("--exact-firms", type=int, default=2_000)
    ap.add_argument("--exact-steps", type=int, default=100)
    ap.add_argument("--seeds", type=int, default=10)
    args = ap.parse_args()

    ok = exact_check(args.exact_firms, args.exact_steps)
    n = args.firms
    # numpy seed s vs mesa seed s: the streams are unrelated, so these are independent runs
    ok &= compare(f"statistical, {n} firms, T=100, seed 1 each",
                  run_numpy(n, 100, 1), run_mesa(n, 100, 1))
    seeds = range(1, args.seeds + 1)
    ok &= compare(f"statistical, {n} firms, T=25, mean of seeds 1..{args.seeds}",
                  mean_report([run_numpy(n, 25, s) for s in seeds]),
                  mean_report([run_mesa(n, 25, s) for s in seeds]))
    print("ALL CHECKS PASSED" if ok else "CHECK FAILED")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
