// Inventory (MODEL.md §3(6); paper §2.1.1(4)): make-to-stock carries h·(forecast error), the error
// ∝ 1 − (revenue-weighted matching efficiency of the firm's channels); offline sales match nothing.

extension Model {
    @inline(__always)
    func inventoryShare(slot s: Int) -> Double {
        let p = parameters
        let r = max(firms.revenue[s], 1e-12)
        var matched = 0.0
        if firms.platformRetail[s] >= 0 { matched += firms.revenueRetail[s] / r * platforms[Int(firms.platformRetail[s])].matching }
        if firms.platformB2B[s] >= 0 { matched += firms.revenueB2B[s] / r * platforms[Int(firms.platformB2B[s])].matching }
        if firms.platformLive[s] >= 0 { matched += firms.revenueLive[s] / r * platforms[Int(firms.platformLive[s])].matching }
        return p.inventoryCost * p.forecastError * (1 - min(1, matched))
    }
}
