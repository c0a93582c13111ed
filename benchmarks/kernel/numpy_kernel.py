#!/usr/bin/env python3
"""Shared kernel model (benchmarks/kernel/SPEC.md), vectorised NumPy implementation.

Every quantity is an array over firms; group sums use np.bincount. There is no Python loop
over firms: the only Python loop is over the T steps.

    python numpy_kernel.py --firms 10000 --steps 100 --seed 1
    python numpy_kernel.py --firms 10000 --steps 100 --conformance   # SPEC.md section 6

Prints one JSON line. Only the stepping loop is timed (setup excluded).
"""

from __future__ import annotations

import argparse
import json
import math
import time

import numpy as np

# Parameters (SPEC.md section 2).
CLUSTERS = 20
VILLAGE_SIZE = 50
COST_SIGMA = 0.3          # c0 = exp(0.3 z)
QUALITY_SCALE = 0.2       # q = 0.2 z'
ELASTICITY = 0.15         # Marshallian external-economy elasticity
ADOPTION_DISCOUNT = 0.1   # adopters' unit cost is (1 - 0.1) of non-adopters'
MARKUP = 1.25             # p = 1.25 c
QUALITY_WEIGHT = 2.0      # attraction exponent on q
PRICE_WEIGHT = 3.0        # attraction exponent on -ln p
ADOPTION_APPEAL = 0.5     # attraction bonus for adopters
PEER_INTERCEPT = -5.0     # adoption logit: -5 + 6 f
PEER_SLOPE = 6.0
SEED_EVERY = 100          # firms with i % 100 == 0 start adopted

# Conformance-mode constants (SPEC.md section 6).
ALPHA_Z = 0.7548776662466927
ALPHA_Q = 0.5698402909980532
ALPHA_U = 0.6180339887498949
BETA_U = 0.41421356237309515
SQRT3 = math.sqrt(3.0)


def frac(x: np.ndarray) -> np.ndarray:
    return x - np.floor(x)


class Kernel:
    """State and step of the shared kernel model for n firms."""

    def __init__(self, firms: int, seed: int, conformance: bool = False) -> None:
        if firms <= 0 or firms % VILLAGE_SIZE:
            raise ValueError(f"--firms must be a positive multiple of {VILLAGE_SIZE}")
        self.n = firms
        self.conformance = conformance
        self.rng = np.random.default_rng(seed)
        idx = np.arange(firms)
        self.village = idx // VILLAGE_SIZE
        self.cluster = self.village % CLUSTERS
        self.villages = firms // VILLAGE_SIZE
        self.village_size = np.bincount(self.village, minlength=self.villages).astype(float)
        self.cluster_scale = firms / CLUSTERS
        self.spending = float(firms)
        self.outside = float(firms)
        if conformance:
            i1 = (idx + 1).astype(float)
            z = SQRT3 * (2.0 * frac(i1 * ALPHA_Z) - 1.0)
            zq = SQRT3 * (2.0 * frac(i1 * ALPHA_Q) - 1.0)
            self._i1_alpha_u = i1 * ALPHA_U
        else:
            z = self.rng.standard_normal(firms)
            zq = self.rng.standard_normal(firms)
        self.base_cost = np.exp(COST_SIGMA * z)
        self.quality = QUALITY_SCALE * zq
        self.adopted = (idx % SEED_EVERY) == 0
        self.output = np.ones(firms)
        self.cost = self.base_cost.copy()
        self.t = 0

    def uniforms_at(self, t: int) -> np.ndarray:
        """Conformance draws u_{t,i} = frac((i+1)*ALPHA_U + t*BETA_U) for step t (1-based)."""
        return frac(self._i1_alpha_u + t * BETA_U)

    def uniforms(self) -> np.ndarray:
        """One U(0,1) per firm for this step; only non-adopters' values are used."""
        if self.conformance:
            return self.uniforms_at(self.t)
        return self.rng.random(self.n)

    def step(self) -> None:
        self.t += 1
        adopted = self.adopted.astype(float)
        # (a) cluster output from the previous step's outputs
        cluster_output = np.bincount(self.cluster, weights=self.output, minlength=CLUSTERS)
        # (b) Marshallian unit cost
        self.cost = (self.base_cost
                     * (cluster_output[self.cluster] / self.cluster_scale) ** (-ELASTICITY)
                     * (1.0 - ADOPTION_DISCOUNT * adopted))
        # (c) logit demand over all firms
        price = MARKUP * self.cost
        attraction = np.exp(QUALITY_WEIGHT * self.quality - PRICE_WEIGHT * np.log(price)
                            + ADOPTION_APPEAL * adopted)
        self.output = self.spending * attraction / (self.outside + attraction.sum()) / price
        # (d) village peer adoption, shares from the state before this step's update
        share = np.bincount(self.village, weights=adopted, minlength=self.villages) / self.village_size
        prob = 1.0 / (1.0 + np.exp(-(PEER_INTERCEPT + PEER_SLOPE * share)))
        self.adopted = self.adopted | (self.uniforms() < prob[self.village])

    def report(self) -> dict:
        return {
            "mean_cost": float(self.cost.mean()),
            "adoption": float(self.adopted.mean()),
            "output": float(self.output.sum()),
        }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--firms", type=int, default=10_000)
    ap.add_argument("--steps", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--conformance", action="store_true",
                    help="deterministic draws of SPEC.md section 6 instead of the RNG")
    args = ap.parse_args()

    kernel = Kernel(args.firms, args.seed, conformance=args.conformance)
    start = time.perf_counter()
    for _ in range(args.steps):
        kernel.step()
    seconds = time.perf_counter() - start

    line = {
        "impl": "numpy-conformance" if args.conformance else "numpy",
        "firms": args.firms,
        "steps": args.steps,
        "seconds": seconds,
        "ns_per_firm_step": seconds * 1e9 / (args.firms * args.steps) if args.steps else None,
        **kernel.report(),
    }
    print(json.dumps(line))


if __name__ == "__main__":
    main()
