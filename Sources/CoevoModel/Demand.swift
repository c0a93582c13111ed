// Demand (MODEL.md §3(5); paper §1.1, §2.1.1(1)): buyers in each industry × market choose among
// firms and an outside good by logit on V = θ_Q·x − θ_P·ln p + ln(visibility). Offline a firm is seen
// at home and, fading with distance and marked up by distance cost, elsewhere; exporters also in the
// world market. Online it is seen in every region (by consumers fading with distance, a quarter of
// the offline distance effect, `demand.online_distance`, ODD §8.10) with the matching efficiency μ of its platform
// times its channel fit (RETAIL and LIVE to consumers, LIVE with a trust bonus ∝ tacitness; B2B to the
// wholesale segment; XBORDER to consumers in the world market; MAKE adds a C2M customization bonus;
// LIVE and XBORDER rank sellers by last quarter's sales, docs/ODD.md §7.12). Attraction
// a_i = e^(θ_Q(x_i + b_brand·[brand])) p_i^(−θ_P) (a brand's reputation `demand.brand_equity` counts
// like quality but is neither copied nor measured as quality; not in MODEL.md, ODD §8.9) separates from the (region, channel, market) part, so each firm
// costs O(1) and each market O(regions): never firms × firms. Referred orders stop from quarter 0
// when the network level is switched off (`external.network`, ExternalLevels.swift). With
// `demand.shoppers_path` only a share π(t) of consumers at home shops online; the others choose
// among offline offers only (docs/ODD.md §7.12; not in MODEL.md, which has every consumer online).
// With `platform.congestion` (κ_s = 1 by default; not in MODEL.md) a platform's sellers share its
// traffic (PlatformMarket.swift).

extension Model {
    /// Offline visibility weights for this period (G_bar lowers the distance markup of its region's
    /// sellers), and online consumer visibility u = v^δ_on: a share `demand.online_distance` of the
    /// offline distance effect (docs/ODD.md §8.10).
    mutating func updateVisibility() {
        let p = parameters, R = world.regions, M = markets
        if offlineVisibility.count != R * M { offlineVisibility = [Double](repeating: 0, count: R * M) }
        if onlineVisibility.count != R * M { onlineVisibility = [Double](repeating: 0, count: R * M) }
        for r in 0..<R {
            let barrier = 1 - 0.5 * regions[r].policy[Lever.bar.rawValue]
            for m in 0..<R {
                let d = world.distance[r * R + m]
                let logOffline = -p.visibilityDecay * d - p.thetaP * log(1 + p.distanceMarkup * barrier * d)
                offlineVisibility[r * M + m] = exp(logOffline)
                onlineVisibility[r * M + m] = exp(p.onlineDistanceShare * logOffline)
            }
            offlineVisibility[r * M + R] = 0   // the world market is open to exporters only
            onlineVisibility[r * M + R] = 1    // (read by no one: XBORDER has its own sums)
        }
    }

    /// e^(θ_Q(x − frontier)) p^(−θ_P)·(1 + r_ref·partners): quality counts relative to the world
    /// frontier (Innovation.swift); each collaboration partner refers orders (MODEL.md §3(9)).
    /// `referral` is r_ref, or 0 while the network level is switched off (`referralRate`).
    @inline(__always) func attraction(slot s: Int, frontier: Double, referral: Double) -> Double {
        exp(parameters.thetaQ * (firms.quality[s] - frontier + (firms.role[s] == .brand ? parameters.brandEquity : 0)) - parameters.thetaP * log(firms.price[s]))
            * (1 + referral * Double(firms.degree[s]))
    }

    /// r_ref, or 0 while the network level is switched off.
    var referralRate: Double { externalLevels.network ? parameters.referral : 0 }

    /// Online visibility to consumers (RETAIL, LIVE), to wholesale buyers (B2B) and to world
    /// consumers (XBORDER): the platform's matching μ × the firm's channel fit × (LIVE) the trust
    /// bonus e^(live_bonus·τ_j) in `liveTrust` × online buyers' extra weight on quality ×
    /// (MAKE users, to consumers) the C2M customization bonus e^(make_bonus·μ_MAKE) × (LIVE and
    /// XBORDER) the sales ranking max(1, S/S̄)^ζ.
    @inline(__always) func onlineWeights(slot s: Int, liveTrust: [Double], frontier: Double) -> (retail: Double, live: Double, b2b: Double, xborder: Double) {
        guard firms.channels[s] & Channel.sellingBits != 0 else { return (0, 0, 0, 0) }
        // Online buyers weigh quality more (reviews, ratings, precise matching).
        let quality = exp(parameters.thetaQ * parameters.onlineQuality * (firms.quality[s] - frontier))
        // Where the platform allocates traffic (the LIVE feed, the cross-border marketplace's ranking)
        // it favours sellers whose recent sales are above the market's: visibility × max(1, S/S̄)^ζ,
        // S the seller's online revenue last quarter (read before this quarter's sales overwrite it)
        // and S̄ the buyer-facing online sellers' mean. Sellers at or below the mean, newcomers
        // included, are not marked down; the head's gain comes out of everyone's share through the
        // logit denominators (the "head effect" of live commerce).
        var ranking = 1.0
        if parameters.onlineRanking > 0 && rankingMean > 0 && firms.revenueOnline[s] > rankingMean {
            ranking = pow(firms.revenueOnline[s] / rankingMean, parameters.onlineRanking)
        }
        var custom = 1.0
        let pm = firms.platform(s, .make)
        if pm >= 0 { custom = exp(parameters.makeBonus * platforms[Int(pm)].matching) }
        var retail = 0.0, live = 0.0, b2b = 0.0, xborder = 0.0
        let pr = firms.platform(s, .retail), pl = firms.platform(s, .live), pb = firms.platform(s, .b2b), px = firms.platform(s, .xborder)
        if pr >= 0 { retail = traffic(Int(pr)) * firms.fit(s, .retail) * custom }
        if pl >= 0 { live = traffic(Int(pl)) * firms.fit(s, .live) * liveTrust[Int(firms.industry[s])] * custom }
        if pb >= 0 { b2b = traffic(Int(pb)) * firms.fit(s, .b2b) }
        if px >= 0 { xborder = traffic(Int(px)) * firms.fit(s, .xborder) * custom }
        return (retail * quality, live * quality * ranking, b2b * quality, xborder * quality * ranking)
    }

    /// A seller's traffic on selling platform `q`: its matching μ, less the congestion among its
    /// sellers when `platform.congestion` is on (PlatformMarket.swift). Demand and platform choice
    /// both read it.
    @inline(__always) func traffic(_ q: Int) -> Double {
        let m = platforms[q].matching
        // (A platform that entered this quarter has no sellers yet: no congestion.)
        return parameters.sellerCongestion > 0 && q < platformCongestion.count ? m * platformCongestion[q] : m
    }

    /// Σ attraction × visibility per industry × market, for the retail and wholesale segments.
    /// `retail` counts every offer a consumer who shops online sees, `offlineRetail` the offers the
    /// others see (no online sellers; in the world market the two are the same).
    mutating func attractionSums() -> (retail: [Double], wholesale: [Double], offlineRetail: [Double]) {
        updateVisibility()
        let J = world.industries, R = world.regions, M = markets
        let offline = Column<Double>(repeating: 0, count: J * R)
        let exporters = Column<Double>(repeating: 0, count: J)
        // Online consumer offers by industry × seller region (their visibility fades with distance);
        // wholesale (B2B) and world (XBORDER) offers by industry.
        let onRetail = Column<Double>(repeating: 0, count: J * R), onWholesale = Column<Double>(repeating: 0, count: J)
        let onWorld = Column<Double>(repeating: 0, count: J)
        // Attraction per slot, then 4 online weights per slot (read only for online sellers). A
        // pass of its own counts the buyer-facing online sellers and sums their last-quarter online
        // revenue for the ranking reference S̄.
        var onlineSellers = 0, recentSales = 0.0
        do {
            let role = firms.role.base, channels = firms.channels.base, sales = firms.revenueOnline.base
            for s in 0..<firms.count where role[s] != .supplier && channels[s] & Channel.sellingBits != 0 {
                onlineSellers &+= 1; recentSales += sales[s]
            }
        }
        let needed = 5 * firms.count
        if attraction.count < needed { attraction = [Double](repeating: 0, count: needed + needed / 8) }
        rankingMean = onlineSellers > 0 ? recentSales / Double(onlineSellers) : 0
        // The per-firm passes are non-mutating and write a buffer taken from the model, so they
        // never copy the model nor check the array's uniqueness.
        var att = attraction
        attraction = []
        att.withUnsafeMutableBufferPointer { buf in
            attractionPass(into: buf)
            sumAttractions(buf, offline: offline, exporters: exporters, onRetail: onRetail, onWholesale: onWholesale, onWorld: onWorld)
        }
        attraction = att
        var retail = [Double](repeating: 0, count: J * M), wholesale = retail, offlineRetail = retail
        for j in 0..<J {
            for m in 0..<R {
                var off = 0.0, on = 0.0
                for r in 0..<R {
                    off += offline[j * R + r] * offlineVisibility[r * M + m]
                    on += onRetail[j * R + r] * onlineVisibility[r * M + m]
                }
                retail[j * M + m] = off + on
                offlineRetail[j * M + m] = off
                wholesale[j * M + m] = off + onWholesale[j]
            }
            // The world market: offline exporters, and cross-border online sellers (consumers only).
            retail[j * M + R] = exporters[j] + onWorld[j]
            offlineRetail[j * M + R] = retail[j * M + R]
            wholesale[j * M + R] = exporters[j]
        }
        return (retail, wholesale, offlineRetail)
    }

    /// Share of consumers at home who shop online: 1, or π(t) with `demand.shoppers_path` (its
    /// `demand.shoppers_*` keys); the rest see offline offers only. Online shopping spread with the
    /// internet, from 8% of China's population in 2009 to half in 2019 (CNNIC): the demand side's
    /// condition, not a mechanism of the clusters.
    var onlineShoppers: Double {
        let p = parameters
        guard p.onlineShoppersPath else { return 1 }
        return p.shoppersMax / (1 + exp(-(Double(period) - p.shoppersMid) / p.shoppersScale))
    }

    /// Each buyer-facing firm's attraction (into `att[s]`) and, for online sellers, its retail,
    /// live, B2B and XBORDER weights (into `att[n + 4s ..< n + 4s + 4]`, n the firm count:
    /// `buyerSales` reads them back rather than computing them again). A map over the firms, run
    /// in chunks on several threads (FirmChunks.swift).
    func attractionPass(into att: UnsafeMutableBufferPointer<Double>) {
        let liveTrust = world.tacitness.map { exp(parameters.liveBonus * $0) }
        let frontierNow = frontier, referral = referralRate, n = firms.count
        let role = firms.role.base, channels = firms.channels.base
        forEachFirmChunk(n) { slots in
            for s in slots where role[s] != .supplier {
                att[s] = attraction(slot: s, frontier: frontierNow, referral: referral)
                if channels[s] & Channel.sellingBits != 0 {
                    let w = onlineWeights(slot: s, liveTrust: liveTrust, frontier: frontierNow)
                    att[n + 4 * s] = w.retail; att[n + 4 * s + 1] = w.live; att[n + 4 * s + 2] = w.b2b; att[n + 4 * s + 3] = w.xborder
                }
            }
        }
    }

    /// The attractions' sums by industry (× region) and segment, in slot order (one thread, so the
    /// sums are the same bits whatever the thread count).
    func sumAttractions(_ att: UnsafeMutableBufferPointer<Double>, offline: Column<Double>, exporters: Column<Double>,
                        onRetail: Column<Double>, onWholesale: Column<Double>, onWorld: Column<Double>) {
        let R = world.regions, n = firms.count
        let role = firms.role.base, channels = firms.channels.base, industry = firms.industry.base
        let region = firms.region.base, exporter = firms.exporter.base
        for s in 0..<n where role[s] != .supplier {
            let a = att[s]
            let j = Int(industry[s])
            offline[j * R + Int(region[s])] += a
            if exporter[s] { exporters[j] += a }
            var w = (retail: 0.0, live: 0.0, b2b: 0.0, xborder: 0.0)
            if channels[s] & Channel.sellingBits != 0 { w = (att[n + 4 * s], att[n + 4 * s + 1], att[n + 4 * s + 2], att[n + 4 * s + 3]) }
            onRetail[j * R + Int(region[s])] += a * (w.retail + w.live)
            onWholesale[j] += a * w.b2b
            onWorld[j] += a * w.xborder
        }
    }

    /// Revenue by channel for every firm this period; output q = R/p, capped by working-capital credit.
    mutating func realizeDemand(creditLimits: Bool) {
        let p = parameters
        let J = world.industries, R = world.regions, M = markets
        let (retailSums, wholesaleSums, offlineRetailSums) = attractionSums()
        let growth = pow(1 + p.marketGrowth, Double(period))
        let shoppers = onlineShoppers
        // Market multipliers: spending per unit of attraction-weighted visibility.
        var offMult = [Double](repeating: 0, count: J * R), worldMult = [Double](repeating: 0, count: J), worldRetailMult = worldMult
        // retailMult by industry × seller region (online consumer visibility fades with distance).
        var retailMult = [Double](repeating: 0, count: J * R), wholesaleMult = [Double](repeating: 0, count: J)
        var surplus = 0.0
        for j in 0..<J {
            for m in 0..<M {
                let x = marketBase[j * M + m] * growth
                let xr = (1 - p.wholesaleShare) * x, xw = p.wholesaleShare * x
                let dr = outsideRetail[j * M + m] + retailSums[j * M + m]
                let dw = outsideWholesale[j * M + m] + wholesaleSums[j * M + m]
                if m == R {
                    surplus += (xr * log(dr / outsideRetail[j * M + m]) + xw * log(dw / outsideWholesale[j * M + m])) / p.thetaP
                    worldMult[j] = xr / dr + xw / dw; worldRetailMult[j] = xr / dr; continue
                }
                // Consumers at home: a share π shops online too (denominator dr), the rest offline
                // only (denominator dOff).
                let xOn = shoppers * xr, xOff = xr - xOn
                let dOff = outsideRetail[j * M + m] + offlineRetailSums[j * M + m]
                surplus += (xOn * log(dr / outsideRetail[j * M + m]) + xOff * log(dOff / outsideRetail[j * M + m])
                            + xw * log(dw / outsideWholesale[j * M + m])) / p.thetaP
                wholesaleMult[j] += xw / dw
                for r in 0..<R {
                    offMult[j * R + r] += (xOn / dr + xOff / dOff + xw / dw) * offlineVisibility[r * M + m]
                    retailMult[j * R + r] += xOn / dr * onlineVisibility[r * M + m]
                }
            }
        }
        consumerSurplus = surplus
        // Per-firm passes are non-mutating and read/write buffers taken from the model (given back
        // at the end), so they never copy the model.
        var fundsLocal = funds
        funds = []
        // Credit lines are set on last quarter's revenue, before this quarter's sales are known.
        if creditLimits {
            if fundsLocal.count < firms.count { fundsLocal = [Double](repeating: 0, count: firms.count + firms.count / 8) }
            fundsLocal.withUnsafeMutableBufferPointer { creditFunds(into: $0) }
        }
        let att = attraction
        attraction = []
        // Exporters' sales abroad, per slot, in scratch lent by the model.
        offlineExports = withScratch(words: firms.count) { model, raw in
            att.withUnsafeBufferPointer { a in
                fundsLocal.withUnsafeBufferPointer { f in
                    model.buyerSales(attraction: a, funds: f, creditLimits: creditLimits, offMult: offMult, worldMult: worldMult,
                                     worldRetailMult: worldRetailMult, retailMult: retailMult, wholesaleMult: wholesaleMult,
                                     abroadSales: raw.bindMemory(to: Double.self, capacity: model.firms.count))
                }
            }
        }
        attraction = att
        distributeInputSpending()
        fundsLocal.withUnsafeBufferPointer { supplierOutput(funds: $0, creditLimits: creditLimits) }
        funds = fundsLocal
    }

    /// Working-capital funds of every firm.
    func creditFunds(into funds: UnsafeMutableBufferPointer<Double>) {
        forEachFirmChunk(firms.count) { slots in
            for s in slots { funds[s] = workingCapitalFunds(slot: s, information: firms.creditInfo[s]) }
        }
    }

    /// Revenue by channel, output and input spending of manufacturers and brands; returns exporters'
    /// offline sales in the world market.
    func buyerSales(attraction att: UnsafeBufferPointer<Double>, funds: UnsafeBufferPointer<Double>, creditLimits: Bool,
                    offMult: [Double], worldMult: [Double], worldRetailMult: [Double], retailMult: [Double], wholesaleMult: [Double],
                    abroadSales: UnsafeMutablePointer<Double>) -> Double {
        let p = parameters, R = world.regions, n = firms.count
        // Columns through their base pointers, taken once (through `firms.x[s]` every access
        // reloads the column and its base after each store).
        let role = firms.role.base, industry = firms.industry.base, channels = firms.channels.base, region = firms.region.base
        let exporter = firms.exporter.base, price = firms.price.base, constrained = firms.constrained.base
        let costProduction = firms.costProduction.base, revenue = firms.revenue.base, output = firms.output.base
        let revenueRetail = firms.revenueRetail.base, revenueLive = firms.revenueLive.base, revenueB2B = firms.revenueB2B.base
        let revenueXborder = firms.revenueXborder.base, revenueOnline = firms.revenueOnline.base, inputSpending = firms.inputSpending.base
        let orders = firms.orders.base, orderCredit = p.orderCredit
        // Exporters' sales abroad go to `abroadSales` per slot and are summed in slot order after
        // the (chunked) map.
        forEachFirmChunk(n) { slots in for s in slots where role[s] != .supplier {
            let a = att[s], j = Int(industry[s])
            // attractionPass's weights ((0, 0, 0, 0) offline, as `onlineWeights` gives).
            var w = (retail: 0.0, live: 0.0, b2b: 0.0, xborder: 0.0)
            if channels[s] & Channel.sellingBits != 0 { w = (att[n + 4 * s], att[n + 4 * s + 1], att[n + 4 * s + 2], att[n + 4 * s + 3]) }
            let jr = j * R + Int(region[s])
            var off = a * offMult[jr]
            var abroad = exporter[s] ? a * worldMult[j] : 0
            off += abroad
            var retail = a * w.retail * retailMult[jr], live = a * w.live * retailMult[jr], b2b = a * w.b2b * wholesaleMult[j]
            var xborder = a * w.xborder * worldRetailMult[j]
            var total = off + retail + live + b2b + xborder
            var q = total / price[s]
            constrained[s] = false
            if orderCredit { orders[s] = total }
            if creditLimits {
                let need = p.workingCapital * costProduction[s] * q
                if need > funds[s] {
                    // With `exit.solvent` a firm whose financed plan would leave it insolvent closes
                    // instead of producing a sliver (Demography.swift: it exits at the quarter's end).
                    let cut = closes(slot: s, revenue: total * funds[s] / need) ? 0 : funds[s] / need
                    q *= cut; total *= cut; off *= cut; retail *= cut; live *= cut; b2b *= cut; xborder *= cut; abroad *= cut
                    constrained[s] = true
                }
            }
            abroadSales[s] = abroad
            revenue[s] = total; output[s] = q
            revenueRetail[s] = retail; revenueLive[s] = live; revenueB2B[s] = b2b; revenueXborder[s] = xborder
            revenueOnline[s] = retail + live + b2b + xborder
            inputSpending[s] = p.inputShare * costProduction[s] * q
        } }
        var exports = 0.0
        for s in 0..<n where role[s] != .supplier { exports += abroadSales[s] }
        return exports
    }

    /// With `exit.solvent`: whether a credit-constrained firm closes rather than produce what its
    /// funds finance, because that plan's gross margin less its fixed cost would leave its net
    /// worth negative (W + (1 − c_var/p)·R_financed − F < 0). A closing firm produces nothing,
    /// pays its fixed cost and exits at the quarter's end (its net worth is then negative).
    @inline(__always) func closes(slot s: Int, revenue financed: Double) -> Bool {
        guard parameters.exitSolvent else { return false }
        let margin = firms.price[s] > 0 ? 1 - firms.variableCost(s) / firms.price[s] : 0
        return firms.netWorth[s] + margin * financed - firms.fixedCost[s] < 0
    }

    /// Suppliers' output from the revenue the input market gave them, capped by working-capital credit.
    func supplierOutput(funds: UnsafeBufferPointer<Double>, creditLimits: Bool) {
        let p = parameters
        forEachFirmChunk(firms.count) { slots in for s in slots where firms.role[s] == .supplier {
            var q = firms.revenue[s] / firms.price[s]
            firms.constrained[s] = false
            if p.orderCredit { firms.orders[s] = firms.revenue[s] }
            if creditLimits {
                let need = p.workingCapital * firms.costProduction[s] * q
                if need > funds[s] {
                    let cut = closes(slot: s, revenue: firms.revenue[s] * funds[s] / need) ? 0 : funds[s] / need
                    q *= cut; firms.revenue[s] *= cut; firms.revenueB2B[s] *= cut; firms.revenueOnline[s] *= cut
                    firms.constrained[s] = true
                }
            }
            firms.output[s] = q
            firms.inputSpending[s] = 0
        } }
    }
}

import Foundation
