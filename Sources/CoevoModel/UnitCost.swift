// Unit cost and pricing (MODEL.md §3(6)): production cost (w_r/A_i)·Ψ_i, plus transaction, finance
// and inventory costs as shares of it; online sales also cost the seller the fee and logistics as
// shares of price. Price is the logit markup over marginal cost net of those ad valorem charges:
// p = m·c/(1 − Σ_c ρ_c(f_c + ℓ_r)), m = θ_P/(θ_P − 1) (σ_in/(σ_in − 1) for suppliers), ρ_c the
// channel's revenue share last quarter.

extension Model {
    mutating func updateCostsAndPrices() {
        updateWages()
        // Suppliers first: their prices make the supplier pools buyers draw on.
        for s in 0..<firms.count where firms.role[s] == .supplier { setCostAndPrice(slot: s, logPsi: 0, local: 0, b2b: 0) }
        computeSupplierPools()
        let exponent = parameters.inputShare / (1 - parameters.sigmaIn)
        for s in 0..<firms.count where firms.role[s] != .supplier {
            let pool = supplierPool(slot: s)
            let logPsi = exponent * log((pool.local + pool.b2b) / supplierIndexRef)
            setCostAndPrice(slot: s, logPsi: logPsi, local: pool.local, b2b: pool.b2b)
        }
    }

    @inline(__always)
    mutating func setCostAndPrice(slot s: Int, logPsi: Double, local: Double, b2b: Double) {
        let p = parameters
        let r = Int(firms.region[s])
        let logW = log(regions[r].wage)
        let production = exp(logW - firms.logA[s] + logPsi)
        let gReg = regions[r].policy[Lever.reg.rawValue]
        let tau = transactionShare(slot: s, onlineShare: onlineShare, gReg: gReg)
        let rate = loanRate(information: creditInformation(slot: s))
        let inventory = inventoryShare(slot: s)
        firms.logWage[s] = logW; firms.logPsi[s] = logPsi; firms.poolLocal[s] = local; firms.poolB2B[s] = b2b
        firms.loanRate[s] = rate
        firms.costProduction[s] = production
        firms.costTransaction[s] = tau * production
        firms.costFinance[s] = rate * p.workingCapital * production
        firms.costInventory[s] = inventory * production
        let marginal = production * (1 + tau + rate * p.workingCapital + inventory)
        let markup = firms.role[s] == .supplier ? p.sigmaIn / (p.sigmaIn - 1) : p.thetaP / (p.thetaP - 1)
        let adValorem = onlineCharges(slot: s)
        firms.price[s] = markup * marginal / max(0.05, 1 - adValorem)
    }

    /// Σ_c ρ_c(f_c + ℓ_r) from last quarter's channel revenue shares.
    @inline(__always)
    func onlineCharges(slot s: Int) -> Double {
        let rev = firms.revenue[s]
        guard rev > 0 else { return 0 }
        let l = regions[Int(firms.region[s])].logistics
        var t = 0.0
        if firms.platformRetail[s] >= 0 { t += firms.revenueRetail[s] / rev * (platforms[Int(firms.platformRetail[s])].fee + l) }
        if firms.platformB2B[s] >= 0 { t += firms.revenueB2B[s] / rev * (platforms[Int(firms.platformB2B[s])].fee + l) }
        if firms.platformLive[s] >= 0 { t += firms.revenueLive[s] / rev * (platforms[Int(firms.platformLive[s])].fee + l) }
        return t
    }
}

import Foundation
