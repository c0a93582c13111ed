// The input market (MODEL.md §3(6); paper §2.2, Marshall's input sharing after Ethier 1982):
// manufacturers and brands buy a CES bundle (elasticity σ_in) from the suppliers they reach — their
// cluster's, other clusters' of the same industry through B2B (weight ω; across regions less, as the
// regional administrative barrier adds to the freight, `updateB2BRegionWeights`), and their collaboration
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
        // Each supplier's CES weight p^(1−σ_in): a map on every thread; the sums then in slot order
        // on one thread.
        let count = firms.count
        let role = firms.role.base, price = firms.price.base, weight = firms.supplierWeight.base
        let cluster = firms.cluster.base, channels = firms.channels.base, ecosystem = firms.ecosystem.base
        let industry = firms.industry.base
        forEachFirmChunk(count) { slots in
            for s in slots where role[s] == .supplier { weight[s] = pow(price[s], 1 - sigma) }
        }
        let b2b = Channel.b2b.bit
        for s in 0..<count where role[s] == .supplier {
            let w = weight[s]
            let k = Int(cluster[s])
            clusters[k].supplierIndex += w
            if channels[s] & b2b != 0 { clusters[k].supplierIndexB2B += w }
            let e = Int(ecosystem[s])
            if e > 0 && e <= families {
                ecosystemSupplierIndex[(e - 1) * J + Int(industry[s])] += w
                ecosystemSupplierIndexByCluster[(e - 1) * K + k] += w
            }
        }
        let R = world.regions
        industryB2BIndex = [Double](repeating: 0, count: J * R)
        for k in clusters.indices { industryB2BIndex[world.clusterIndustry[k] * R + world.clusterRegion[k]] += clusters[k].supplierIndexB2B }
        updateB2BRegionWeights()
        if supplierIndexRef <= 0 {
            supplierIndexRef = clusters.reduce(0) { $0 + $1.supplierIndex } / Double(max(clusters.count, 1))
        }
    }

    /// The weight W(r, r') of a B2B supplier in region r' to a buyer in region r (docs/ODD.md §8.10).
    /// In the Ethier CES a variety bought at (1 + t) times its price counts (1 + t)^(1−σ_in); within a
    /// region t is the freight, ω = (1 + t)^(1−σ_in) (`inputs.b2b_weight`). Across regions the
    /// administrative barrier multiplies the freight as it multiplies a cross-region link's cost,
    /// t·`crossRegionBarrier` = t·(1 + b_R·(1 − Ḡ_bar)²), Ḡ_bar the two regions' mean.
    mutating func updateB2BRegionWeights() {
        let p = parameters, R = world.regions
        if b2bRegionWeight.count != R * R { b2bRegionWeight = [Double](repeating: 0, count: R * R) }
        let omega = p.b2bSupplierWeight
        let freight = omega > 0 ? pow(omega, 1 / (1 - p.sigmaIn)) - 1 : 0
        for r in 0..<R {
            for q in 0..<R {
                if r == q || omega <= 0 { b2bRegionWeight[r * R + q] = omega; continue }
                b2bRegionWeight[r * R + q] = pow(1 + freight * crossRegionBarrier(r, q), 1 - p.sigmaIn)
            }
        }
    }

    /// Input spending flows to suppliers: each supplier s in cluster k of industry j gets
    /// p_s^(1−σ)·(L_k + [B2B]·(Σ_r W(r, r_s)·E_{j,r} − W(r_s, r_s)·E_k)), E_{j,r} the B2B buyers'
    /// input spending per unit of their pool (E_i/I_i summed over industry j's buyers in region r)
    /// and E_k that of the supplier's own cluster.
    /// The per-firm passes are non-mutating (firm columns are reference storage; sums go to local
    /// `Column`s copied back at the end), so they never copy the model.
    mutating func distributeInputSpending() {
        let families = max(parameters.retailPlatforms, 1), J = world.industries, K = clusters.count
        let localDemand = Column<Double>(repeating: 0, count: K), b2bDemand = Column<Double>(repeating: 0, count: K)
        let remote = Column<Double>(repeating: 0, count: J * world.regions)
        let ecoDemand = Column<Double>(repeating: 0, count: families * J)
        let ecoDemandByCluster = Column<Double>(repeating: 0, count: families * K)
        // Purchases from partner suppliers, accumulated in a local buffer (taken from the model and
        // given back).
        var purchases = partnerPurchases
        partnerPurchases = []
        if purchases.count < firms.count { purchases = [Double](repeating: 0, count: firms.count + firms.count / 8) }
        purchases.withUnsafeMutableBufferPointer { buf in
            for s in 0..<firms.count { buf[s] = 0 }
            buyerSpending(localDemand: localDemand, b2bDemand: b2bDemand, remote: remote,
                          ecoDemand: ecoDemand, ecoDemandByCluster: ecoDemandByCluster)
            partnerSpending(into: buf)
        }
        for k in clusters.indices { clusters[k].localDemand = localDemand[k]; clusters[k].b2bDemand = b2bDemand[k] }
        ecosystemDemand = Array(ecoDemand)
        ecosystemDemandByCluster = Array(ecoDemandByCluster)
        purchases.withUnsafeBufferPointer { buf in
            supplierSales(purchases: buf, localDemand: localDemand, b2bDemand: b2bDemand, remote: remote,
                          ecoDemand: ecoDemand, ecoDemandByCluster: ecoDemandByCluster)
        }
        partnerPurchases = purchases
    }

    /// Buyers' spending on their cluster's suppliers, B2B, and ecosystems' suppliers, summed by
    /// cluster, industry and ecosystem (in firm order).
    func buyerSpending(localDemand: Column<Double>, b2bDemand: Column<Double>, remote: Column<Double>,
                       ecoDemand: Column<Double>, ecoDemandByCluster: Column<Double>) {
        let p = parameters
        let J = world.industries, K = clusters.count
        let role = firms.role.base, inputSpending = firms.inputSpending.base, cluster = firms.cluster.base
        let poolLocal = firms.poolLocal.base, poolB2B = firms.poolB2B.base, poolNetwork = firms.poolNetwork.base, poolEcosystem = firms.poolEcosystem.base
        let industry = firms.industry.base, ecosystem = firms.ecosystem.base, region = firms.region.base
        let R = world.regions
        let ownRegionWeight = (0..<R).map { b2bRegionWeight[$0 * R + $0] }
        for s in 0..<firms.count where role[s] != .supplier {
            let e = inputSpending[s]
            guard e > 0 else { continue }
            let local = poolLocal[s], b2b = poolB2B[s], net = poolNetwork[s], eco = poolEcosystem[s]
            let total = local + b2b + net + eco
            let k = Int(cluster[s])
            localDemand[k] += e / total
            if b2b > 0 {
                // Per unit of weight: each B2B supplier's share is W(r_buyer, r_s)·p_s^(1−σ) times this.
                let g = e / total
                b2bDemand[k] += ownRegionWeight[Int(region[s])] * g   // the buyer's own cluster (W(r, r)), not bought via B2B
                remote[Int(industry[s]) * R + Int(region[s])] += g
            }
            if eco > 0 {
                // Spending on the ecosystem's suppliers of this industry outside the buyer's cluster.
                let f = Int(ecosystem[s]) - 1
                let g = p.ecoSupplierWeight * e / total
                ecoDemand[f * J + Int(industry[s])] += g
                ecoDemandByCluster[f * K + k] += g
            }
        }
    }

    /// Purchases from partner suppliers, in a pass of its own (buyers in firm order, as before).
    func partnerSpending(into purchases: UnsafeMutableBufferPointer<Double>) {
        let weight = parameters.partnerSupplierWeight
        let dMax = FirmStore.maxDegree
        let role = firms.role.base, inputSpending = firms.inputSpending.base, links = firms.links.base, supplierWeight = firms.supplierWeight.base
        let poolLocal = firms.poolLocal.base, poolB2B = firms.poolB2B.base, poolNetwork = firms.poolNetwork.base, poolEcosystem = firms.poolEcosystem.base
        let clusterOf = firms.cluster.base, localSuppliers = parameters.localPartnerSuppliers
        for s in 0..<firms.count where role[s] != .supplier {
            let e = inputSpending[s]
            guard e > 0 else { continue }
            let local = poolLocal[s], b2b = poolB2B[s], net = poolNetwork[s], eco = poolEcosystem[s]
            guard net > 0 else { continue }
            let total = local + b2b + net + eco
            let w = weight * e / total
            for m in 0..<dMax {
                let other = links[s * dMax + m]
                guard other != FirmStore.noLink else { continue }
                let o = Int(other)
                if role[o] == .supplier { purchases[o] += w * supplierWeight[o] * (clusterOf[o] == clusterOf[s] ? localSuppliers : 1) }
            }
        }
    }

    /// Suppliers' revenue from the sums above.
    func supplierSales(purchases: UnsafeBufferPointer<Double>, localDemand: Column<Double>, b2bDemand: Column<Double>,
                       remote: Column<Double>, ecoDemand: Column<Double>, ecoDemandByCluster: Column<Double>) {
        let families = max(parameters.retailPlatforms, 1), J = world.industries, K = clusters.count
        let role = firms.role.base, cluster = firms.cluster.base, supplierWeight = firms.supplierWeight.base
        let channels = firms.channels.base, industry = firms.industry.base, ecosystem = firms.ecosystem.base
        let revenue = firms.revenue.base, revenueB2B = firms.revenueB2B.base, revenueRetail = firms.revenueRetail.base
        let revenueLive = firms.revenueLive.base, revenueXborder = firms.revenueXborder.base, revenueOnline = firms.revenueOnline.base
        // B2B buyers' spending per unit of a supplier's weight, by industry and the supplier's region:
        // Σ_r W(r, r')·G_{j,r}.
        let R = world.regions
        var reach = [Double](repeating: 0, count: J * R)
        for j in 0..<J {
            for q in 0..<R {
                var g = 0.0
                for r in 0..<R { g += b2bRegionWeight[r * R + q] * remote[j * R + r] }
                reach[j * R + q] = g
            }
        }
        let region = firms.region.base
        for s in 0..<firms.count where role[s] == .supplier {
            let k = Int(cluster[s])
            let w = supplierWeight[s]
            let local = w * localDemand[k]
            var far = channels[s] & Channel.b2b.bit != 0 ? w * (reach[Int(industry[s]) * R + Int(region[s])] - b2bDemand[k]) : 0
            let f = Int(ecosystem[s]) - 1
            // Sales to the ecosystem's buyers elsewhere go through its platforms, like B2B sales.
            if f >= 0 && f < families { far += w * (ecoDemand[f * J + Int(industry[s])] - ecoDemandByCluster[f * K + k]) }
            revenue[s] = local + far + purchases[s]
            revenueB2B[s] = far
            revenueRetail[s] = 0; revenueLive[s] = 0; revenueXborder[s] = 0
            revenueOnline[s] = far
        }
    }
}

import Foundation
