// Initialization (MODEL.md §3(11)): firms in villages and clusters with heterogeneous productivity
// (around their region's technology level, which its wage offsets; not in MODEL.md), quality,
// capability, net worth, fixed cost and channel fit; platforms of the first types; market
// sizes and outside goods calibrated so the inside share at home is `demand.inside_share` and the
// mean firm revenue is 1 rev. The incumbents are the survivors of the traditional economy's past:
// a draw that cannot cover its fixed cost at the calibrated prices is replaced by a fresh one
// (Hopenhayn 1992's stationary incumbents; without this, 18% of the initial firms made losses from
// the first quarter and left in the burn-in). A burn-in without platforms follows (Simulation.swift).

extension Model {
    mutating func initialize() {
        let p = parameters
        firms.reserve(p.firms * 2)
        // Firms: villages filled in turn, one firm each round while it has room, so village v starts
        // with `world.villageFirms[v]` firms (about `village.firms` × its relative size).
        // (The villages with room left are kept in a list that shrinks each round: O(N) whatever
        // the spread of sizes.)
        let first = firms.appendBlank(p.firms)
        var n = 0, round = 0
        var open = (0..<world.villages).filter { world.villageFirms[$0] > 0 }
        while !open.isEmpty {
            for v in open {
                initializeFirm(slot: first + n, village: v, role: initialRole(id: nextID), online: false, entrant: false)
                n += 1
            }
            round += 1
            open.removeAll { world.villageFirms[$0] <= round }
        }
        let exportCutoff = normalQuantile(1 - p.exporterShare) * p.productivitySpread
        for s in 0..<firms.count { markExporter(slot: s, cutoff: exportCutoff) }
        if p.platforms {
            for k in 0..<p.retailPlatforms { platforms.append(newPlatform(.retail, index: k)) }
            for k in 0..<p.b2bPlatforms { platforms.append(newPlatform(.b2b, index: k)) }
        }
        calibrateMarkets()
        selectIncumbents(exportCutoff: exportCutoff)
    }

    /// Region r's technology level T_r = σ_R·z_r (ln A around which its incumbents draw), z_r a
    /// standard normal keyed by the seed and the region (`productivity.region_spread` σ_R, 0.3 by
    /// default). `Model.init` draws it once into `RegionState.technology` and sets the region's wage
    /// to e^(T_r), so a region behind in technology is behind in wages too and its unit labour cost
    /// starts level; what it lacks it learns only from its own clusters' best practice, unless links
    /// to firms elsewhere bring it (Productivity.swift).
    func drawRegionTechnology(_ r: Int) -> Double {
        parameters.regionTechnologySpread * random.normal(.initialization, period: -1, id: UInt32(r))
    }

    /// Exporters: the most productive `exporterShare` of final-goods firms (ln A above `cutoff`
    /// relative to their region's technology level: with wages offsetting it, what counts is the
    /// firm's lead in its region).
    mutating func markExporter(slot s: Int, cutoff: Double) {
        let relative = firms.logA[s] - regions[Int(firms.region[s])].technology
        firms.exporter[s] = firms.role[s] != .supplier && parameters.exporterShare > 0 && relative > cutoff
    }

    /// Pre-history selection: an incumbent whose operating profit at the calibrated prices does not
    /// cover its fixed cost (and an exporter's) would have left long ago; its slot gets a fresh draw
    /// (same village and role, a new firm id), and markets are recalibrated, until none loses or
    /// after `maxSelectionRounds` rounds. Each round leaves about half as many losers as the last
    /// (recalibration moves prices, so a few marginal firms flip): about 1 firm in 2,000 still
    /// loses after the last (docs/ODD.md §5 step 4b).
    mutating func selectIncumbents(exportCutoff: Double) {
        let maxSelectionRounds = 12
        for _ in 0..<maxSelectionRounds {
            var losers: [Int] = []
            for s in 0..<firms.count where staticProfit(slot: s) < 0 { losers.append(s) }
            guard !losers.isEmpty else { return }
            for s in losers {
                initializeFirm(slot: s, village: Int(firms.village[s]), role: firms.role[s], online: false, entrant: false)
                markExporter(slot: s, cutoff: exportCutoff)
            }
            calibrateMarkets()
        }
    }

    /// A firm's profit before any platform: revenue less variable cost, fixed cost and the fixed
    /// cost of exporting.
    func staticProfit(slot s: Int) -> Double {
        return firms.revenue[s] - firms.output[s] * firms.variableCost(s) - firms.fixedCost[s]
            - (firms.exporter[s] ? parameters.exportFixedCost : 0)
    }

    func newPlatform(_ c: Channel, index: Int) -> Platform {
        let p = parameters
        return Platform(channel: c, fee: p.feeMin + p.fee0, matching: p.muMin, entered: period, family: index % max(p.retailPlatforms, 1))
    }

    func initialRole(id: UInt32) -> ChainRole {
        let u = random.uniform(.initialization, period: 0, id: id, draw: 0)
        if u < parameters.supplierShare { return .supplier }
        if u < parameters.supplierShare + parameters.brandShare { return .brand }
        return .manufacturer
    }

    /// Gives a blank slot a new firm with drawn characteristics (entrants near their cluster's
    /// practice, online if `online`).
    mutating func initializeFirm(slot s: Int, village v: Int, role: ChainRole, online: Bool, entrant: Bool) {
        let p = parameters
        let id = nextID; nextID &+= 1
        let k = world.villageCluster[v]
        firms.setIdentity(s, id: id, cluster: k, village: v, region: world.clusterRegion[k], industry: world.clusterIndustry[k], role: role)
        let r = random
        func n(_ d: UInt32) -> Double { r.normal(.initialization, period: 0, id: id, draw: d) }
        // Entrants draw productivity around their cluster's mean, incumbents around their region's
        // technology level.
        let meanA = entrant ? clusters[k].bestLogA - 1.28 * p.productivitySpread * 0.5 : regions[world.clusterRegion[k]].technology
        firms.logA[s] = meanA + p.productivitySpread * n(1)
        // Incumbents, brands and manufacturers alike, `innovation.initial_gap` below the world
        // frontier (0: at it); entrants around their cluster's sellers' mean.
        let baseQuality = entrant ? clusters[k].meanQuality : -p.initialQualityGap
        firms.quality[s] = baseQuality + 0.2 * n(2)
        firms.capability[s] = min(0.98, max(0.02, p.capabilityInitial + 0.12 * n(3)))
        firms.netWorth[s] = entrant ? p.netWorthInitial * 0.5 : p.netWorthInitial * exp(0.5 * n(4) - 0.125)
        firms.fixedCost[s] = p.fixedCost * (role == .brand ? 1.5 : 1) * exp(p.fixedCostSpread * n(5) - p.fixedCostSpread * p.fixedCostSpread / 2)
        // Channel fit: a lognormal draw per channel with mean 1 (suppliers sell through B2B only, and
        // may use IINET).
        let sd = p.fitSpread
        for c in Channel.allCases {
            let usable = role != .supplier || c == .b2b || c == .iinet
            firms.setFit(s, c, usable ? exp(sd * n(6 + UInt32(c.rawValue)) - sd * sd / 2) : 0)
        }
        firms.logWage[s] = log(regions[world.clusterRegion[k]].wage)
        if online {
            // An e-commerce entrant opens an online shop on the channel that fits it.
            if role == .supplier { adopt(slot: s, .b2b, cost: 0) } else { adopt(slot: s, .retail, cost: 0) }
        }
    }

    /// Sets market sizes and outside goods (see file header).
    mutating func calibrateMarkets() {
        let p = parameters, J = world.industries, M = markets
        var finals = [Double](repeating: 0, count: J)
        for s in 0..<firms.count where firms.role[s] != .supplier { finals[Int(firms.industry[s])] += 1 }
        marketBase = [Double](repeating: 0, count: J * M)
        for j in 0..<J {
            for r in 0..<world.regions { marketBase[j * M + r] = finals[j] / Double(world.regions) }
            marketBase[j * M + world.regions] = p.worldMarket * finals[j] / Double(world.regions)
        }
        outsideRetail = [Double](repeating: 1, count: J * M)
        outsideWholesale = [Double](repeating: 1, count: J * M)
        updateCostsAndPrices()
        // Outside goods: inside share s_in in every regional market, 5% in the world market.
        let (retailSums, wholesaleSums, _) = attractionSums()
        for j in 0..<J { for m in 0..<M {
            let share = m == world.regions ? 0.05 : p.insideShare
            outsideRetail[j * M + m] = max(1e-300, retailSums[j * M + m] * (1 - share) / share)
            outsideWholesale[j * M + m] = max(1e-300, wholesaleSums[j * M + m] * (1 - share) / share)
        } }
        // Scale spending so that mean firm revenue is 1 rev (revenue is linear in spending).
        realizeDemand(creditLimits: false)
        var total = 0.0
        for s in 0..<firms.count { total += firms.revenue[s] }
        let scale = Double(firms.count) / max(total, 1e-12)
        for i in marketBase.indices { marketBase[i] *= scale }
        realizeDemand(creditLimits: false)
        initialSales = 0
        for s in 0..<firms.count { initialSales += firms.revenue[s] }
        for r in regions.indices { regions[r].salesRef = 0 }
        for s in 0..<firms.count { regions[Int(firms.region[s])].salesRef += firms.revenue[s] }
        for r in regions.indices { regions[r].carrierCapacity = p.capacityShare * regions[r].salesRef }
    }
}

/// Inverse standard normal CDF by bisection on erfc (used once at initialization).
func normalQuantile(_ q: Double) -> Double {
    if q <= 0 { return -.infinity }; if q >= 1 { return .infinity }
    var lo = -10.0, hi = 10.0
    for _ in 0..<100 {
        let mid = (lo + hi) / 2
        if 0.5 * erfc(-mid / 2.0.squareRoot()) < q { lo = mid } else { hi = mid }
    }
    return (lo + hi) / 2
}

import Foundation
