// Government public goods (MODEL.md §3(1), §6; paper §3(5)): a budget from value-added tax split
// over five levers (reg, pub, tal, inf, bar); capital stocks depreciate; each index
// G = 1 − exp(−(K/VA)/scale) is measured relative to current value added.

extension Model {
    mutating func governPolicy() {
        let p = parameters
        let weights = [p.govReg, p.govPub, p.govTal, p.govInf, p.govBar]
        let spending = period >= p.govStart
        for r in 0..<regions.count {
            let va = max(regions[r].valueAdded, 1e-12)
            let budget = spending ? p.govBudget * va : 0
            regions[r].budget = budget
            for g in 0..<5 {
                regions[r].capital[g] = (1 - p.govDepreciation) * regions[r].capital[g] + budget * weights[g]
                regions[r].policy[g] = 1 - exp(-(regions[r].capital[g] / va) / p.govScale)
            }
        }
    }

    @inline(__always) func policy(_ lever: Lever, region r: Int32) -> Double { regions[Int(r)].policy[lever.rawValue] }
}

import Foundation
