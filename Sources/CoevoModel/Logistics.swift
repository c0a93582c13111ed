// Logistics (MODEL.md §3(2); paper §2.1.1(2)): an experience curve in economy-wide online volume,
// ℓ_r = [ℓ_min + (ℓ_0 − ℓ_min)(1 + V/V_0)^(−λ)]·(1 + c·(V_r/Cap_r)^κ), with regional capacity
// Cap_r raised by G_inf; congestion when regional volume outruns capacity.

extension Model {
    /// Experience-curve part of the logistics cost for economy-wide online volume V (rev/quarter).
    public static func experienceCurve(volume v: Double, initialSales: Double, _ p: Parameters) -> Double {
        p.logisticsMin + (p.logisticsInitial - p.logisticsMin) * pow(1 + v / (p.logisticsV0 * initialSales), -p.logisticsLambda)
    }

    mutating func updateLogistics() {
        let p = parameters
        let base = Model.experienceCurve(volume: onlineVolume, initialSales: initialSales, p)
        for r in 0..<regions.count {
            let capacity = p.capacityShare * regions[r].salesRef * (1 + p.capacityInfrastructure * regions[r].policy[Lever.inf.rawValue])
            let load = regions[r].onlineVolume / max(capacity, 1e-12)
            regions[r].logistics = base * (1 + p.congestionWeight * pow(load, p.congestionExponent))
        }
    }
}

import Foundation
