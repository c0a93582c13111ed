// Platform competition (MODEL.md §3(2)–(3)): fees fall with the seller share
// (f = f_min + f_0(n_0/(n_0+n))^ψ), matching efficiency rises with data
// (μ = μ_min + (μ_max−μ_min)(1 − e^(−Data/D_μ))), LIVE platforms enter when the fee revenue they
// could capture covers their fixed cost, and firms choose a platform by logit.

extension Model {
    mutating func updatePlatforms() {
        let p = parameters
        for q in platforms.indices {
            platforms[q].data = (1 - p.dataDepreciation) * platforms[q].data + platforms[q].gmv
            platforms[q].matching = p.muMin + (p.muMax - p.muMin) * (1 - exp(-platforms[q].data / (p.dataScale * initialSales)))
            platforms[q].fee = p.feeMin + p.fee0 * pow(p.feeN0 / (p.feeN0 + platforms[q].sellerShare), p.feePsi)
        }
    }

    /// Entry of LIVE platforms: the expected fee revenue f·GMV of a newcomer, drawn from the retail
    /// market in proportion to how much live video helps tacit products, must cover its fixed cost.
    mutating func platformEntry() {
        let p = parameters
        guard digitalActive else { return }
        let lives = platforms.filter { $0.channel == .live }.count
        guard lives < p.livePlatformsMax else { return }
        var retailGMV = 0.0
        for q in platforms where q.channel == .retail || q.channel == .live { retailGMV += q.gmv }
        var appeal = 0.0
        for j in 0..<world.industries { appeal += 1 - exp(-p.liveBonus * world.tacitness[j]) }
        appeal /= Double(world.industries)
        let expectedRevenue = (p.feeMin + p.fee0) * retailGMV * appeal / Double(lives + 1)
        if expectedRevenue >= p.liveFixedCost * initialSales {
            platforms.append(newPlatform(.live, index: lives))
            events.append((period, "platform_entry", "LIVE platform \(platforms.count - 1) enters: expected fee revenue \(fmt(expectedRevenue)) ≥ fixed cost \(fmt(p.liveFixedCost * initialSales))"))
        }
    }

    /// Picks a platform of channel `c` for a firm by logit on matching, fee and ln seller share.
    func choosePlatform(_ c: Channel, id: UInt32, draw: UInt32) -> Int16 {
        let p = parameters
        var total = 0.0
        var weights: (Double, Double, Double, Double, Double) = (0, 0, 0, 0, 0)
        var idx: (Int, Int, Int, Int, Int) = (-1, -1, -1, -1, -1)
        var n = 0
        for q in platforms.indices where platforms[q].channel == c && n < 5 {
            let pl = platforms[q]
            let w = exp(p.choiceMu * pl.matching - p.choiceFee * pl.fee + p.choiceSellers * log(pl.sellerShare + 0.001))
            total += w
            withUnsafeMutableBytes(of: &weights) { $0.storeBytes(of: w, toByteOffset: n * 8, as: Double.self) }
            withUnsafeMutableBytes(of: &idx) { $0.storeBytes(of: q, toByteOffset: n * 8, as: Int.self) }
            n += 1
        }
        guard n > 0 else { return -1 }
        let u = random.uniform(.platformChoice, period: period, id: id, draw: draw) * total
        var acc = 0.0
        for m in 0..<n {
            let w = withUnsafeBytes(of: weights) { $0.load(fromByteOffset: m * 8, as: Double.self) }
            acc += w
            if u < acc || m == n - 1 { return Int16(withUnsafeBytes(of: idx) { $0.load(fromByteOffset: m * 8, as: Int.self) }) }
        }
        return -1
    }

    func fmt(_ x: Double) -> String { String(format: "%.4g", x) }
}

import Foundation
