// Inventory and order fulfilment (MODEL.md §3(6); paper §2.1.1(4)): make-to-stock carries
// h·(forecast error), the error ∝ 1 − (revenue-weighted matching efficiency of the firm's selling
// channels); offline sales match nothing. MAKE users produce to order (the C2B reversal): only
// `sharing.make_forecast` of the error remains, and they pay the unit-cost premium of shared
// capacity instead (booked here, as the cost of fulfilling orders; their fixed cost is lower,
// Accounts.swift).

extension Model {
    /// Inventory and fulfilment cost as a share of production cost.
    @inline(__always)
    func inventoryShare(slot s: Int) -> Double {
        let stock = makeToStockShare(slot: s)
        guard firms.channels[s] & Channel.make.bit != 0 else { return stock }
        return stock * parameters.makeForecast + parameters.makeUnitCost
    }

    /// What carrying make-to-stock inventory would cost (share of production cost).
    @inline(__always)
    func makeToStockShare(slot s: Int) -> Double {
        let p = parameters
        let r = max(firms.revenue[s], 1e-12)
        var matched = 0.0
        if firms.channels[s] & Channel.sellingBits != 0 {
            let pr = firms.platform(s, .retail), pb = firms.platform(s, .b2b), pl = firms.platform(s, .live), px = firms.platform(s, .xborder)
            if pr >= 0 { matched += firms.revenueRetail[s] / r * platforms[Int(pr)].matching }
            if pb >= 0 { matched += firms.revenueB2B[s] / r * platforms[Int(pb)].matching }
            if pl >= 0 { matched += firms.revenueLive[s] / r * platforms[Int(pl)].matching }
            if px >= 0 { matched += firms.revenueXborder[s] / r * platforms[Int(px)].matching }
        }
        return p.inventoryCost * p.forecastError * (1 - min(1, matched))
    }
}
