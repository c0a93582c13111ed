// Regional labour markets (MODEL.md §2): the wage w_r = w̄_r·(L_r/L̄_r)^ε_w rises with local
// employment L_r (labour units q/A used last period), the congestion cost of agglomeration; w̄_r =
// e^(T_r) offsets the region's technology level (Initialization.swift; 1 in MODEL.md). Wages
// are sticky: each quarter they close `cost.wage_adjustment` of the (log) gap to that level, which
// keeps the wage–output loop (labour demand elasticity ≈ θ_P > 1/ε_w) from oscillating.

extension Model {
    mutating func updateWages() {
        let p = parameters
        for r in regions.indices {
            if regions[r].labourRef <= 0 { regions[r].labourRef = regions[r].labour }
            let ratio = regions[r].labourRef > 0 ? regions[r].labour / regions[r].labourRef : 1
            let target = regions[r].baseWage * (ratio > 0 ? pow(ratio, p.wageElasticity) : 1)
            regions[r].wage = pow(regions[r].wage, 1 - p.wageAdjustment) * pow(target, p.wageAdjustment)
        }
    }
}

import Foundation
