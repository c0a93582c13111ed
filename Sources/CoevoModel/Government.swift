// Government public goods (MODEL.md §3(1), §6; paper §3(5)): each region that runs the policy
// levies a value-added tax at rate b and spends it on five levers (reg, pub, tal, inf, bar) by
// its weights (the global `gov.<lever>`, or its own `gov.region<r>.<lever>`); capital stocks depreciate; each index G = 1 − exp(−(K/VA)/scale) is measured relative to
// current value added, so it does not saturate merely because the economy grows.

extension Model {
    /// Whether region `r` runs the policy: the first `gov.regions` regions, or all when it is 0.
    public static func runsPolicy(region r: Int, _ p: Parameters) -> Bool {
        p.govRegions == 0 || r < p.govRegions
    }

    /// Phase 1 of the schedule. For each region r and lever g with weight w_g:
    /// spending_g = w_g·b·VA_r when r runs the policy and `period ≥ gov.start`, else 0;
    /// K_g ← (1 − δ)·K_g + spending_g; G_g = 1 − exp(−(K_g/VA_r)/scale), VA floored at 10⁻¹².
    /// `RegionState.budget` is the tax actually levied, b·VA_r·Σw_g (no tax is raised for an
    /// unspent remainder, so `no-government`, all weights 0, reports zero tax cost).
    /// `regions[r].valueAdded` still holds last quarter's value added when this phase runs.
    mutating func governPolicy() {
        let p = parameters
        let started = period >= p.govStart
        for r in 0..<regions.count {
            let weights = Lever.allCases.map { p.policyWeight(region: r, $0) }
            let spent = weights.reduce(0, +)
            let va = max(regions[r].valueAdded, 1e-12)
            let budget = started && Model.runsPolicy(region: r, p) ? p.govBudget * va : 0
            regions[r].budget = budget * spent
            for g in 0..<5 {
                regions[r].capital[g] = (1 - p.govDepreciation) * regions[r].capital[g] + budget * weights[g]
                regions[r].policy[g] = 1 - exp(-(regions[r].capital[g] / va) / p.govScale)
            }
        }
    }

    /// The index G of `lever` in region `r`, in [0, 1).
    @inline(__always) func policy(_ lever: Lever, region r: Int32) -> Double { regions[Int(r)].policy[lever.rawValue] }
}

import Foundation
