// Logistics (MODEL.md §3(2); paper §2.1.1(2)): an experience curve in economy-wide online volume,
// ℓ_r = [ℓ_min + (ℓ_0 − ℓ_min)(1 + V/V_0)^(−λ)]·(1 + c·(V_r/Cap_r)^κ), with regional capacity
// Cap_r = K_r·(1 + c_inf·G_inf): the carriers' network K_r, its throughput raised by public
// infrastructure; congestion when regional volume outruns capacity.
// Carriers build out (the paper's "positive feedback between e-commerce and logistics", §2.1.1(2);
// not in MODEL.md, where capacity stays at its initial size and a boom congests forever, docs/ODD.md
// §7.3, §8.6): when the load V_r/Cap_r exceeds the load L̄ they plan for, K_r grows by the share
// φ·G_inf·(load − L̄) a quarter. Carriers extend their network only where public infrastructure
// (county and village stations, roads, land: the paper's §3(5) "政企协同完善…物流、仓储等基础设施")
// makes the last mile pay, so without G_inf the network stays at its initial size. In a boom
// growing at g a quarter the load settles near L̄ + g/(φ·G_inf); once volume stops growing it
// returns to L̄.

extension Model {
    /// Experience-curve part of the logistics cost for economy-wide online volume V (rev/quarter).
    public static func experienceCurve(volume v: Double, initialSales: Double, _ p: Parameters) -> Double {
        p.logisticsMin + (p.logisticsInitial - p.logisticsMin) * pow(1 + v / (p.logisticsV0 * initialSales), -p.logisticsLambda)
    }

    mutating func updateLogistics() {
        let p = parameters
        let base = Model.experienceCurve(volume: onlineVolume, initialSales: initialSales, p)
        for r in 0..<regions.count {
            let gInf = regions[r].policy[Lever.inf.rawValue]
            let capacity = regions[r].carrierCapacity * (1 + p.capacityInfrastructure * gInf)
            let load = regions[r].onlineVolume / max(capacity, 1e-12)
            regions[r].logistics = base * (1 + p.congestionWeight * pow(load, p.congestionExponent))
            regions[r].carrierCapacity *= 1 + p.carrierSpeed * gInf * max(0, load - p.carrierLoad)
        }
    }
}

import Foundation
