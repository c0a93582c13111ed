// The input market (MODEL.md §3(6); paper §2.2, Marshall's input sharing after Ethier 1982):
// manufacturers and brands buy a CES bundle (elasticity σ_in) from the suppliers they reach — their
// cluster's, other clusters' of the same industry through B2B (weight ω), and their collaboration
// partners that are suppliers (weight ω_net, CollaborationNetwork.swift), and, for a buyer embedded in
// an ecosystem, that ecosystem's suppliers of its industry in other clusters (weight ω_eco) — so the input price
// index Ψ_i = (I_eff,i/I_ref)^(α_in/(1−σ_in)), I_eff = Σ_reachable ω·p_s^(1−σ_in), falls as reachable
// suppliers multiply. Suppliers live on the input demand they face and enter and exit on profit
// (Demography.swift), so how strongly Ψ falls with cluster output emerges from free entry.

extension Model {
    /// Rebuilds the supplier indices I_k (all suppliers of cluster k) and I^B2B_k (those on B2B).
    mutating func computeSupplierPools() {
        let sigma = parameters.sigmaIn
        for k in clusters.indices { clusters[k].supplierIndex = 0; clusters[k].supplierIndexB2B = 0 }
        let families = max(parameters.retailPlatforms, 1), J = world.industries, K = clusters.count
        if ecosystemSupplierIndex.count != families * J {
            ecosystemSupplierIndex = [Double](repeating: 0, count: families * J)
            ecosystemSupplierIndexByCluster = [Double](repeating: 0, count: families * K)
        } else {
            for i in ecosystemSupplierIndex.indices { ecosystemSupplierIndex[i] = 0 }
            for i in ecosystemSupplierIndexByCluster.indices { ecosystemSupplierIndexByCluster[i] = 0 }
        }
        for s in 0..<firms.count where firms.role[s] == .supplier {
            let w = pow(firms.price[s], 1 - sigma)
            firms.supplierWeight[s] = w
            let k = Int(firms.cluster[s])
            clusters[k].supplierIndex += w
            if firms.has(s, .b2b) { clusters[k].supplierIndexB2B += w }
            let e = Int(firms.ecosystem[s])
            if e > 0 && e <= families {
                ecosystemSupplierIndex[(e - 1) * J + Int(firms.industry[s])] += w
                ecosystemSupplierIndexByCluster[(e - 1) * K + k] += w
            }
        }
        industryB2BIndex = [Double](repeating: 0, count: world.industries)
        for k in clusters.indices { industryB2BIndex[world.clusterIndustry[k]] += clusters[k].supplierIndexB2B }
        if supplierIndexRef <= 0 {
            supplierIndexRef = clusters.reduce(0) { $0 + $1.supplierIndex } / Double(max(clusters.count, 1))
        }
    }

    /// Input spending flows to suppliers: each supplier gets p_s^(1−σ)·(L_k + [B2B]·(G_j − G_k)).
    mutating func distributeInputSpending() {
        let p = parameters, sigma = p.sigmaIn
        var remote = [Double](repeating: 0, count: world.industries)
        for k in clusters.indices { clusters[k].localDemand = 0; clusters[k].b2bDemand = 0 }
        let families = max(p.retailPlatforms, 1), J = world.industries, K = clusters.count
        ecosystemDemand = [Double](repeating: 0, count: families * J)
        ecosystemDemandByCluster = [Double](repeating: 0, count: families * K)
        // Purchases from partner suppliers, accumulated in a local buffer (taken from the model and
        // given back, so writes inside the partner loop never copy it).
        var purchases = partnerPurchases
        partnerPurchases = []
        if purchases.count < firms.count { purchases = [Double](repeating: 0, count: firms.count * 2) }
        for s in 0..<firms.count { purchases[s] = 0 }
        let dMax = FirmStore.maxDegree
        for s in 0..<firms.count where firms.role[s] != .supplier {
            let e = firms.inputSpending[s]
            guard e > 0 else { continue }
            let local = firms.poolLocal[s], b2b = firms.poolB2B[s], net = firms.poolNetwork[s], eco = firms.poolEcosystem[s]
            let total = local + b2b + net + eco
            let k = Int(firms.cluster[s])
            clusters[k].localDemand += e / total
            if b2b > 0 {
                let g = p.b2bSupplierWeight * e / total
                clusters[k].b2bDemand += g
                remote[Int(firms.industry[s])] += g
            }
            if net > 0 {
                let w = p.partnerSupplierWeight * e / total
                for m in 0..<dMax {
                    let other = firms.links[s * dMax + m]
                    guard other != FirmStore.noLink else { continue }
                    let o = Int(other)
                    if o >= 0 && firms.role[o] == .supplier { purchases[o] += w * firms.supplierWeight[o] }
                }
            }
            if eco > 0 {
                // Spending on the ecosystem's suppliers of this industry outside the buyer's cluster.
                let f = Int(firms.ecosystem[s]) - 1
                let g = p.ecoSupplierWeight * e / total
                ecosystemDemand[f * J + Int(firms.industry[s])] += g
                ecosystemDemandByCluster[f * K + k] += g
            }
        }
        for s in 0..<firms.count where firms.role[s] == .supplier {
            let k = Int(firms.cluster[s])
            let w = firms.supplierWeight[s]
            let local = w * clusters[k].localDemand
            var far = firms.has(s, .b2b) ? w * (remote[Int(firms.industry[s])] - clusters[k].b2bDemand) : 0
            let f = Int(firms.ecosystem[s]) - 1
            // Sales to the ecosystem's buyers elsewhere go through its platforms, like B2B sales.
            if f >= 0 && f < families { far += w * (ecosystemDemand[f * J + Int(firms.industry[s])] - ecosystemDemandByCluster[f * K + k]) }
            firms.revenue[s] = local + far + purchases[s]
            firms.revenueB2B[s] = far
            firms.revenueRetail[s] = 0; firms.revenueLive[s] = 0; firms.revenueXborder[s] = 0
            firms.revenueOnline[s] = far
        }
        partnerPurchases = purchases
    }
}

import Foundation
