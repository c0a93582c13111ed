// Unit cost and pricing (MODEL.md §3(6)): production cost (w_r/A_i)·Ψ_i, plus transaction, finance
// and inventory costs as shares of it; online sales also cost the seller the fee and logistics as
// shares of price. Price is the profit-maximising markup over marginal cost net of those ad valorem
// charges: p = m·c/(1 − Σ_c ρ_c(f_c + ℓ_r)), ρ_c the channel's revenue share last quarter. With
// revenue (spending) shares ∝ p^(−θ_P), quantity falls with elasticity 1 + θ_P, so m = (1 + θ_P)/θ_P
// (MODEL.md writes θ_P/(θ_P − 1), the markup of a quantity logit; see docs/ODD.md); suppliers'
// CES markup is σ_in/(σ_in − 1). A level of external economies switched off (`external.*`,
// ExternalLevels.swift) leaves the input pool it supplies: the cluster's pool stays at its
// quarter-0 size, the partner, ecosystem and economy-wide (B2B) pools are empty.

extension Model {
    mutating func updateCostsAndPrices() {
        updateWages()
        let logWage = regions.map { log($0.wage) }
        // Suppliers first: their prices make the supplier pools buyers draw on.
        priceSuppliers(logWage: logWage)
        computeSupplierPools()
        // Ψ depends only on the cluster and on whether the buyer reaches other clusters via B2B.
        let levels = externalLevels
        if !levels.cluster && frozenLocalPool.count != clusters.count {
            frozenLocalPool = clusters.map { max($0.supplierIndex, 0.01 * supplierIndexRef) }
        }
        priceBuyers(logWage: logWage)
    }

    /// Suppliers' costs and prices. The per-firm passes here and in `priceBuyers` are non-mutating
    /// (they write firm columns, reference storage), so they read the model in place: from a
    /// mutating method every `setCostAndPrice` call copied the model.
    private func priceSuppliers(logWage: [Double]) {
        let role = firms.role.base, regionOf = firms.region.base
        forEachFirmChunk(firms.count) { slots in
            for s in slots where role[s] == .supplier {
                setCostAndPrice(slot: s, logWage: logWage[Int(regionOf[s])], logPsi: 0, local: 0, b2b: 0)
            }
        }
    }

    /// Manufacturers' and brands' input price index Ψ from their supplier pools, then their costs and prices.
    private func priceBuyers(logWage: [Double]) {
        let exponent = parameters.inputShare / (1 - parameters.sigmaIn)
        var psiLocal = [Double](repeating: 0, count: clusters.count), psiB2B = psiLocal
        var poolLocal = psiLocal, poolFar = psiLocal
        let levels = externalLevels
        for k in clusters.indices {
            poolLocal[k] = levels.cluster ? max(clusters[k].supplierIndex, 0.01 * supplierIndexRef) : frozenLocalPool[k]   // an outside supplier of last resort
            if levels.economy {
                // Other clusters' B2B suppliers, weighted by region (W(r_k, r'), InputMarket.swift).
                let j = world.clusterIndustry[k], r = world.clusterRegion[k], R = world.regions
                var far = -b2bRegionWeight[r * R + r] * clusters[k].supplierIndexB2B
                for q in 0..<R { far += b2bRegionWeight[r * R + q] * industryB2BIndex[j * R + q] }
                poolFar[k] = far
            } else {
                poolFar[k] = 0
            }
            psiLocal[k] = exponent * log(poolLocal[k] / supplierIndexRef)
            psiB2B[k] = exponent * log((poolLocal[k] + poolFar[k]) / supplierIndexRef)
        }
        let partnerWeight = levels.network ? parameters.partnerSupplierWeight : 0, dMax = FirmStore.maxDegree
        // Partner suppliers join the pool with weight ω_net (a network-level input externality).
        // Summed in a pass of their own: it is short per firm, so the partners' cache misses
        // overlap (in the pricing loop below, with its exp and log, they did not).
        // A supplier partner in the buyer's own cluster counts × ω_local (`network.local_suppliers`):
        // it is in the cluster's pool already.
        let role = firms.role.base, regionOf = firms.region.base, degree = firms.degree.base, links = firms.links.base
        let supplierWeight = firms.supplierWeight.base, poolNetwork = firms.poolNetwork.base
        let clusterOf = firms.cluster.base, localSuppliers = parameters.localPartnerSuppliers
        forEachFirmChunk(firms.count) { slots in for s in slots where role[s] != .supplier {
            var partners = 0.0
            if degree[s] > 0 {
                for m in 0..<dMax {
                    let other = links[s * dMax + m]
                    guard other != FirmStore.noLink else { continue }
                    let o = Int(other)
                    if role[o] == .supplier { partners += clusterOf[o] == clusterOf[s] ? localSuppliers * supplierWeight[o] : supplierWeight[o] }
                }
                partners *= partnerWeight
            }
            poolNetwork[s] = partners
        } }
        // Ecosystem suppliers (weight ω_eco): those of the buyer's industry embedded in its ecosystem,
        // outside its own cluster (whose suppliers it reaches anyway).
        let families = max(parameters.retailPlatforms, 1), J = world.industries, K = clusters.count
        let ecosystem = firms.ecosystem.base, poolEcosystem = firms.poolEcosystem.base
        let industry = firms.industry.base, cluster = firms.cluster.base, channels = firms.channels.base
        forEachFirmChunk(firms.count) { slots in
            for s in slots where role[s] != .supplier {
                let f = Int(ecosystem[s]) - 1
                guard f >= 0 && f < families && !ecosystemSupplierIndex.isEmpty && levels.ecosystem else { poolEcosystem[s] = 0; continue }
                poolEcosystem[s] = parameters.ecoSupplierWeight
                    * max(0, ecosystemSupplierIndex[f * J + Int(industry[s])] - ecosystemSupplierIndexByCluster[f * K + Int(cluster[s])])
            }
            for s in slots where role[s] != .supplier {
                let k = Int(cluster[s])
                let b2b = channels[s] & Channel.b2b.bit != 0
                let partners = poolNetwork[s] + poolEcosystem[s]
                let far = b2b ? poolFar[k] : 0
                let logPsi = partners > 0 ? exponent * log((poolLocal[k] + far + partners) / supplierIndexRef) : (b2b ? psiB2B[k] : psiLocal[k])
                setCostAndPrice(slot: s, logWage: logWage[Int(regionOf[s])], logPsi: logPsi, local: poolLocal[k], b2b: far)
            }
        }
    }

    /// Writes one firm's cost components and price (its own slots only: the per-firm passes above
    /// run in chunks on several threads).
    @inline(__always)
    func setCostAndPrice(slot s: Int, logWage logW: Double, logPsi: Double, local: Double, b2b: Double) {
        let p = parameters
        let r = Int(firms.region[s])
        let production = exp(logW - firms.logA[s] + logPsi)
        let gReg = regions[r].policy[Lever.reg.rawValue]
        let tau = transactionShare(slot: s, onlineShare: onlineShare, gReg: gReg)
        let info = creditInformation(slot: s)
        let rate = loanRate(information: info)
        let inventory = inventoryShare(slot: s)
        firms.logWage[s] = logW; firms.logPsi[s] = logPsi; firms.poolLocal[s] = local; firms.poolB2B[s] = b2b
        firms.loanRate[s] = rate
        firms.creditInfo[s] = info
        firms.costProduction[s] = production
        firms.costTransaction[s] = tau * production
        firms.costFinance[s] = rate * p.workingCapital * production
        firms.costInventory[s] = inventory * production
        let marginal = production * (1 + tau + rate * p.workingCapital + inventory)
        let markup = firms.role[s] == .supplier ? p.sigmaIn / (p.sigmaIn - 1) : (1 + p.thetaP) / p.thetaP
        let adValorem = onlineCharges(slot: s)
        firms.price[s] = markup * marginal / max(0.05, 1 - adValorem)
    }

    /// Σ_c ρ_c(f_c + ℓ_c) over the selling channels, from last quarter's channel revenue shares.
    @inline(__always)
    func onlineCharges(slot s: Int) -> Double {
        let rev = firms.revenue[s]
        guard rev > 0, firms.channels[s] & Channel.sellingBits != 0 else { return 0 }
        var t = 0.0
        let pr = firms.platform(s, .retail), pb = firms.platform(s, .b2b), pl = firms.platform(s, .live), px = firms.platform(s, .xborder)
        if pr >= 0 { t += firms.revenueRetail[s] / rev * (platforms[Int(pr)].fee + logisticsShare(slot: s, platform: pr)) }
        if pb >= 0 { t += firms.revenueB2B[s] / rev * (platforms[Int(pb)].fee + logisticsShare(slot: s, platform: pb)) }
        if pl >= 0 { t += firms.revenueLive[s] / rev * (platforms[Int(pl)].fee + logisticsShare(slot: s, platform: pl)) }
        if px >= 0 { t += firms.revenueXborder[s] / rev * (platforms[Int(px)].fee + logisticsShare(slot: s, platform: px)) }
        return t
    }

    /// Logistics cost per unit value shipped through platform `q` (ad valorem): the region's ℓ_r,
    /// × `sharing.xborder_logistics` across borders, less the smart-logistics discount — half of it
    /// when the platform has integrated logistics, the other half when the firm is embedded in an
    /// ecosystem (MODEL.md §3(2)).
    @inline(__always)
    func logisticsShare(slot s: Int, platform q: Int16) -> Double {
        let q = Int(q)
        var l = regions[Int(firms.region[s])].logistics
        if platforms[q].channel == .xborder { l *= parameters.xborderLogistics }
        var discount = 0.0
        if platforms[q].services & PlatformService.logistics.bit != 0 { discount += 0.5 }
        if firms.ecosystem[s] != 0 { discount += 0.5 }
        return l * (1 - parameters.ecoLogisticsDiscount * discount)
    }
}

import Foundation
