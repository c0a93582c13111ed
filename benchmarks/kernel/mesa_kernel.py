#!/usr/bin/env python3
"""Shared kernel model (benchmarks/kernel/SPEC.md), idiomatic Mesa 3.x implementation.

Each firm is a mesa.Agent with its own attributes and methods; the model computes the group
sums (cluster output, village adoption shares, the demand denominator) in step() with the
AgentSet API and then lets every agent act through AgentSet.do, the way a Mesa user writes it.

    python mesa_kernel.py --firms 10000 --steps 100 --seed 1

Prints one JSON line. Only the stepping loop is timed (setup excluded).
"""

from __future__ import annotations

import argparse
import json
import math
import time

import mesa

# Parameters (SPEC.md section 2).
CLUSTERS = 20
VILLAGE_SIZE = 50
COST_SIGMA = 0.3
QUALITY_SCALE = 0.2
ELASTICITY = 0.15
ADOPTION_DISCOUNT = 0.1
MARKUP = 1.25
QUALITY_WEIGHT = 2.0
PRICE_WEIGHT = 3.0
ADOPTION_APPEAL = 0.5
PEER_INTERCEPT = -5.0
PEER_SLOPE = 6.0
SEED_EVERY = 100


class Firm(mesa.Agent):
    """A firm in a village of a cluster."""

    def __init__(self, model: "KernelModel", index: int) -> None:
        super().__init__(model)
        self.index = index
        self.village = index // VILLAGE_SIZE
        self.cluster = self.village % CLUSTERS
        # fixed traits, drawn once
        self.base_cost = math.exp(COST_SIGMA * self.random.gauss(0.0, 1.0))
        self.quality = QUALITY_SCALE * self.random.gauss(0.0, 1.0)
        # state
        self.adopted = index % SEED_EVERY == 0
        self.output = 1.0
        self.cost = self.base_cost
        self.price = MARKUP * self.cost
        self.attraction = 0.0

    def set_price(self) -> None:
        """(b) Marshallian unit cost from the cluster's output, then price and attraction."""
        cluster_output = self.model.cluster_output[self.cluster]
        self.cost = (self.base_cost
                     * (cluster_output / self.model.cluster_scale) ** (-ELASTICITY)
                     * (1.0 - ADOPTION_DISCOUNT * self.adopted))
        self.price = MARKUP * self.cost
        self.attraction = math.exp(QUALITY_WEIGHT * self.quality
                                   - PRICE_WEIGHT * math.log(self.price)
                                   + ADOPTION_APPEAL * self.adopted)

    def produce(self) -> None:
        """(c) logit demand share of the market's spending, in units."""
        m = self.model
        self.output = m.spending * self.attraction / m.demand_denominator / self.price

    def consider_adoption(self) -> None:
        """(d) adopt with a probability rising in the village's adoption share."""
        if self.adopted:
            return
        share = self.model.village_share[self.village]
        prob = 1.0 / (1.0 + math.exp(-(PEER_INTERCEPT + PEER_SLOPE * share)))
        if self.random.random() < prob:
            self.adopted = True


class KernelModel(mesa.Model):
    def __init__(self, firms: int = 10_000, seed: int | None = None) -> None:
        super().__init__(seed=seed)
        if firms <= 0 or firms % VILLAGE_SIZE:
            raise ValueError(f"--firms must be a positive multiple of {VILLAGE_SIZE}")
        self.num_firms = firms
        self.cluster_scale = firms / CLUSTERS
        self.spending = float(firms)
        self.outside_attraction = float(firms)
        for i in range(firms):
            Firm(self, i)
        # group membership is fixed, so group once and aggregate each step
        self.clusters = self.agents.groupby("cluster", result_type="list")
        self.villages = self.agents.groupby("village", result_type="list")
        self.cluster_output: dict[int, float] = {}
        self.village_share: dict[int, float] = {}
        self.demand_denominator = self.outside_attraction

    def step(self) -> None:
        # (a) cluster output from last step's outputs
        self.cluster_output = self.clusters.agg("output", sum)
        # (b) unit cost, price, attraction
        self.agents.do("set_price")
        # (c) logit demand
        self.demand_denominator = self.outside_attraction + self.agents.agg("attraction", sum)
        self.agents.do("produce")
        # (d) village shares first (state before any update), then each non-adopter decides.
        # The shares are fixed before anyone acts, so activation order cannot matter: plain do.
        self.village_share = self.villages.agg("adopted", lambda xs: sum(xs) / len(xs))
        self.agents.do("consider_adoption")

    def report(self) -> dict:
        n = self.num_firms
        return {
            "mean_cost": self.agents.agg("cost", sum) / n,
            "adoption": self.agents.agg("adopted", sum) / n,
            "output": self.agents.agg("output", sum),
        }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--firms", type=int, default=10_000)
    ap.add_argument("--steps", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--report-steps", type=int, default=None,
                    help="steps the run stands for when --steps was cut short (JSON field "
                         "'extrapolated_seconds' = seconds * report_steps / steps)")
    args = ap.parse_args()

    model = KernelModel(args.firms, seed=args.seed)
    start = time.perf_counter()
    for _ in range(args.steps):
        model.step()
    seconds = time.perf_counter() - start

    line = {
        "impl": f"mesa-{mesa.__version__}",
        "firms": args.firms,
        "steps": args.steps,
        "seconds": seconds,
        "ns_per_firm_step": seconds * 1e9 / (args.firms * args.steps) if args.steps else None,
        **model.report(),
    }
    if args.report_steps and args.report_steps != args.steps and args.steps:
        line["extrapolated_to_steps"] = args.report_steps
        line["extrapolated_seconds"] = seconds * args.report_steps / args.steps
        line["note"] = (f"ran {args.steps} of {args.report_steps} steps; figures are after "
                        f"{args.steps} steps, ns_per_firm_step measured on them")
    print(json.dumps(line))


if __name__ == "__main__":
    main()
