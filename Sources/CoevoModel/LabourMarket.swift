// Regional labour markets (MODEL.md §2): the wage w_r = w̄_r·(L_r/L̄_r)^ε_w rises with local
// employment L_r (labour units q/A used last period), the congestion cost of agglomeration.

extension Model {
    mutating func updateWages() {
        let p = parameters
        for r in regions.indices {
            if regions[r].labourRef <= 0 { regions[r].labourRef = regions[r].labour }
            let ratio = regions[r].labourRef > 0 ? regions[r].labour / regions[r].labourRef : 1
            regions[r].wage = ratio > 0 ? pow(ratio, p.wageElasticity) : 1
        }
    }
}

import Foundation
