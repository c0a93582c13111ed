// Demand (MODEL.md §3(5); paper §1.1, §2.1.1(1)): buyers in each industry × market choose among
// firms and an outside good by logit on V = θ_Q·x − θ_P·ln p + ln(visibility). Offline a firm is seen
// at home and, fading with distance and marked up by distance cost, elsewhere; exporters also in the
// world market. Online it is seen in every region with the matching efficiency μ of its platform
// times its channel fit (RETAIL and LIVE to consumers, LIVE with a trust bonus ∝ tacitness; B2B to the
// wholesale segment). Attraction a_i = e^(θ_Q x_i) p_i^(−θ_P) separates from the (region, channel,
// market) part, so each firm costs O(1) and each market O(regions): never firms × firms.

extension Model {
    /// Offline visibility weights for this period; G_bar lowers the distance markup of its region's sellers.
    mutating func updateVisibility() {
        let p = parameters, R = world.regions, M = markets
        if offlineVisibility.count != R * M { offlineVisibility = [Double](repeating: 0, count: R * M) }
        for r in 0..<R {
            let barrier = 1 - 0.5 * regions[r].policy[Lever.bar.rawValue]
            for m in 0..<R {
                let d = world.distance[r * R + m]
                offlineVisibility[r * M + m] = exp(-p.visibilityDecay * d) * pow(1 + p.distanceMarkup * barrier * d, -p.thetaP)
            }
            offlineVisibility[r * M + R] = 0   // the world market is open to exporters only
        }
    }

    /// e^(θ_Q(x − frontier)) p^(−θ_P): quality counts relative to the world frontier (Innovation.swift).
    @inline(__always) func attraction(slot s: Int, frontier: Double) -> Double {
        exp(parameters.thetaQ * (firms.quality[s] - frontier) - parameters.thetaP * log(firms.price[s]))
    }

    /// Online visibility to consumers (RETAIL, LIVE) and to wholesale buyers (B2B); `liveTrust` is
    /// e^(live_bonus·τ_j) per industry.
    @inline(__always) func onlineWeights(slot s: Int, liveTrust: [Double], frontier: Double) -> (retail: Double, live: Double, b2b: Double) {
        guard firms.channels[s] & (Channel.retail.bit | Channel.live.bit | Channel.b2b.bit) != 0 else { return (0, 0, 0) }
        // Online buyers weigh quality more (reviews, ratings, precise matching).
        let quality = exp(parameters.thetaQ * parameters.onlineQuality * (firms.quality[s] - frontier))
        var retail = 0.0, live = 0.0, b2b = 0.0
        if firms.platformRetail[s] >= 0 { retail = platforms[Int(firms.platformRetail[s])].matching * firms.fitRetail[s] }
        if firms.platformLive[s] >= 0 {
            live = platforms[Int(firms.platformLive[s])].matching * firms.fitLive[s] * liveTrust[Int(firms.industry[s])]
        }
        if firms.platformB2B[s] >= 0 { b2b = platforms[Int(firms.platformB2B[s])].matching * firms.fitB2B[s] }
        return (retail * quality, live * quality, b2b * quality)
    }

    /// Σ attraction × visibility per industry × market, for the retail and wholesale segments.
    mutating func attractionSums() -> (retail: [Double], wholesale: [Double]) {
        updateVisibility()
        let J = world.industries, R = world.regions, M = markets
        var offline = [Double](repeating: 0, count: J * R)
        var exporters = [Double](repeating: 0, count: J)
        var onRetail = [Double](repeating: 0, count: J), onWholesale = [Double](repeating: 0, count: J)
        if attraction.count < firms.count { attraction = [Double](repeating: 0, count: firms.count * 2) }
        let liveTrust = world.tacitness.map { exp(parameters.liveBonus * $0) }
        let frontierNow = frontier
        for s in 0..<firms.count where firms.role[s] != .supplier {
            let a = attraction(slot: s, frontier: frontierNow)
            attraction[s] = a
            let j = Int(firms.industry[s])
            offline[j * R + Int(firms.region[s])] += a
            if firms.exporter[s] { exporters[j] += a }
            let w = onlineWeights(slot: s, liveTrust: liveTrust, frontier: frontierNow)
            onRetail[j] += a * (w.retail + w.live)
            onWholesale[j] += a * w.b2b
        }
        var retail = [Double](repeating: 0, count: J * M), wholesale = retail
        for j in 0..<J {
            for m in 0..<R {
                var off = 0.0
                for r in 0..<R { off += offline[j * R + r] * offlineVisibility[r * M + m] }
                retail[j * M + m] = off + onRetail[j]
                wholesale[j * M + m] = off + onWholesale[j]
            }
            retail[j * M + R] = exporters[j]
            wholesale[j * M + R] = exporters[j]
        }
        return (retail, wholesale)
    }

    /// Revenue by channel for every firm this period; output q = R/p, capped by working-capital credit.
    mutating func realizeDemand(creditLimits: Bool) {
        let p = parameters
        let J = world.industries, R = world.regions, M = markets
        let (retailSums, wholesaleSums) = attractionSums()
        let growth = pow(1 + p.marketGrowth, Double(period))
        // Market multipliers: spending per unit of attraction-weighted visibility.
        var offMult = [Double](repeating: 0, count: J * R), worldMult = [Double](repeating: 0, count: J)
        var retailMult = [Double](repeating: 0, count: J), wholesaleMult = [Double](repeating: 0, count: J)
        var surplus = 0.0
        for j in 0..<J {
            for m in 0..<M {
                let x = marketBase[j * M + m] * growth
                let xr = (1 - p.wholesaleShare) * x, xw = p.wholesaleShare * x
                let dr = outsideRetail[j * M + m] + retailSums[j * M + m]
                let dw = outsideWholesale[j * M + m] + wholesaleSums[j * M + m]
                surplus += (xr * log(dr / outsideRetail[j * M + m]) + xw * log(dw / outsideWholesale[j * M + m])) / p.thetaP
                if m == R { worldMult[j] = xr / dr + xw / dw; continue }
                retailMult[j] += xr / dr
                wholesaleMult[j] += xw / dw
                for r in 0..<R { offMult[j * R + r] += (xr / dr + xw / dw) * offlineVisibility[r * M + m] }
            }
        }
        consumerSurplus = surplus
        let liveTrust = world.tacitness.map { exp(p.liveBonus * $0) }
        let frontierNow = frontier
        // Credit lines are set on last quarter's revenue, before this quarter's sales are known.
        if creditLimits {
            if funds.count < firms.count { funds = [Double](repeating: 0, count: firms.count * 2) }
            for s in 0..<firms.count { funds[s] = workingCapitalFunds(slot: s, information: firms.creditInfo[s]) }
        }
        for s in 0..<firms.count where firms.role[s] != .supplier {
            let a = attraction[s], j = Int(firms.industry[s])
            let w = onlineWeights(slot: s, liveTrust: liveTrust, frontier: frontierNow)
            var off = a * offMult[j * R + Int(firms.region[s])]
            if firms.exporter[s] { off += a * worldMult[j] }
            var retail = a * w.retail * retailMult[j], live = a * w.live * retailMult[j], b2b = a * w.b2b * wholesaleMult[j]
            var total = off + retail + live + b2b
            var q = total / firms.price[s]
            firms.constrained[s] = false
            if creditLimits {
                let need = p.workingCapital * firms.costProduction[s] * q
                if need > funds[s] {
                    let cut = funds[s] / need
                    q *= cut; total *= cut; off *= cut; retail *= cut; live *= cut; b2b *= cut
                    firms.constrained[s] = true
                }
            }
            firms.revenue[s] = total; firms.output[s] = q
            firms.revenueRetail[s] = retail; firms.revenueLive[s] = live; firms.revenueB2B[s] = b2b
            firms.revenueOnline[s] = retail + live + b2b
            firms.inputSpending[s] = p.inputShare * firms.costProduction[s] * q
        }
        distributeInputSpending()
        for s in 0..<firms.count where firms.role[s] == .supplier {
            var q = firms.revenue[s] / firms.price[s]
            firms.constrained[s] = false
            if creditLimits {
                let need = p.workingCapital * firms.costProduction[s] * q
                if need > funds[s] {
                    let cut = funds[s] / need
                    q *= cut; firms.revenue[s] *= cut; firms.revenueB2B[s] *= cut; firms.revenueOnline[s] *= cut
                    firms.constrained[s] = true
                }
            }
            firms.output[s] = q
            firms.inputSpending[s] = 0
        }
    }
}

import Foundation
