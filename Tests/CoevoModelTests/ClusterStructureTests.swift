// Cluster platforms and entrepreneurs' mobility (MODEL.md §3(3), §3(8)): industrial-belt storefronts
// lower adoption cost, a cluster's vertical platform serves its own industry only and needs G_pub
// less as its market grows, and entrepreneurs move toward more profitable clusters, more freely as
// G_bar removes regional barriers.

import CoevoModel
import Testing

@Suite struct ClusterStructureTests {
    func events(_ r: RunSeries, _ kind: String) -> [(period: Int, detail: String)] {
        r.result.observations.flatMap { o in o.events.filter { $0.kind == kind }.map { (o.period, $0.detail) } }
    }

    @Test func storefrontsOpenAndSpeedAdoption() {
        for seed: UInt64 in [31, 32, 33] {
            let with = runSeries(testParameters(), seed: seed)
            let without = runSeries(testParameters { $0.storefrontThreshold = 100 }, seed: seed)
            #expect(!events(with, "storefront").isEmpty, "seed \(seed): no storefront opened")
            #expect(events(without, "storefront").isEmpty)
            // Lower adoption cost in storefront clusters: more sharing use late in the run.
            let w = mean(with["adoption.sharing"].suffix(10)), wo = mean(without["adoption.sharing"].suffix(10))
            #expect(w > wo, "seed \(seed): sharing adoption \(w) with storefronts, \(wo) without")
        }
    }

    @Test func verticalPlatformServesItsIndustryOnly() {
        var launched = false
        _ = runSeries(testParameters(periods: 60) { $0.verticalFixedCost = 0.001 }, seed: 34) { _, model in
            for (q, platform) in model.platforms.enumerated() where platform.industry >= 0 {
                launched = true
                #expect(platform.channel == .b2b && platform.family == -1)
                for s in 0..<model.firms.count where model.firms.platform(s, .b2b) == Int16(q) {
                    #expect(Int(model.firms.industry[s]) == platform.industry)
                }
            }
        }
        #expect(launched)
        // Without any vertical platform the choice set never holds one.
        let none = runSeries(testParameters(periods: 60) { $0.verticalFixedCost = 10 }, seed: 34)
        #expect(!events(none, "platform_entry").contains { $0.detail.hasPrefix("VERTICAL") })
    }

    @Test func verticalPlatformsComeEarlierWithPublicSupport() {
        func firstLaunch(_ edit: (inout Parameters) -> Void) -> Int {
            let r = runSeries(testParameters { $0.verticalFixedCost = 0.003; edit(&$0) }, seed: 35)
            return events(r, "platform_entry").first { $0.detail.hasPrefix("VERTICAL") }?.period ?? 1000
        }
        let supported = firstLaunch { $0.govReg = 0; $0.govTal = 0; $0.govInf = 0; $0.govBar = 0; $0.govPub = 1 }
        let unsupported = firstLaunch { $0.publicPlatformSupport = 0; $0.govReg = 0; $0.govTal = 0; $0.govInf = 0; $0.govBar = 0; $0.govPub = 1 }
        #expect(supported < unsupported, "first vertical platform at \(supported) with G_pub support, \(unsupported) without")
    }

    @Test func entrepreneursMoveTowardProfitAndMoreFreelyWithoutBarriers() {
        for seed: UInt64 in [36, 37] {
            var towardBetter = 0, total = 0
            var before: [UInt32: (cluster: Int32, rate: Double)] = [:]
            _ = runSeries(testParameters(periods: 60), seed: seed) { _, model in
                let f = model.firms
                for s in 0..<f.count {
                    if let b = before[f.id[s]], b.cluster != f.cluster[s] {
                        total += 1
                        if model.clusters[Int(f.cluster[s])].sellerProfitRate + model.clusters[Int(f.cluster[s])].supplierProfitRate
                            > model.clusters[Int(b.cluster)].sellerProfitRate + model.clusters[Int(b.cluster)].supplierProfitRate - 0.02 { towardBetter += 1 }
                    }
                }
                before = [:]
                for s in 0..<f.count { before[f.id[s]] = (f.cluster[s], 0) }
            }
            #expect(total > 0, "seed \(seed): nobody moved")
            #expect(Double(towardBetter) >= 0.7 * Double(total), "seed \(seed): \(towardBetter) of \(total) moves toward a cluster at least as profitable")
            let open = runSeries(testParameters(periods: 60) { $0.govReg = 0; $0.govPub = 0; $0.govTal = 0; $0.govInf = 0; $0.govBar = 1 }, seed: seed)
            let closed = runSeries(testParameters(periods: 60) { $0.govReg = 0; $0.govPub = 0; $0.govTal = 0; $0.govInf = 0; $0.govBar = 0 }, seed: seed)
            let moved = (open["firms.moved"].reduce(0, +), closed["firms.moved"].reduce(0, +))
            #expect(moved.0 > 1.5 * moved.1, "seed \(seed): moves \(moved.0) with G_bar, \(moved.1) without")
            let off = runSeries(testParameters(periods: 30) { $0.mobility = 0 }, seed: seed)
            #expect(off["firms.moved"].allSatisfy { $0 == 0 })
        }
    }
}

@Suite struct SuperClusters {
    /// Clusters tied by many links merge; their firms then learn from the super-cluster's best
    /// practice. What that adds came over cross-cluster links, so the network level of the cost
    /// fall is larger than with the merge switched off (paper §2.3.2; docs/ODD.md §7.30).
    @Test func superClustersActAsEconomicUnits() {
        for seed: UInt64 in [21, 22] {
            let on = runSeries(testParameters { $0.superclusterSpillover = 1 }, seed: seed)
            let off = runSeries(testParameters { $0.superclusterSpillover = 0 }, seed: seed)
            #expect(on["superclusters"].last! >= 1, "seed \(seed): no super-cluster formed")
            let last = on["stage"].count - 1
            #expect(on["externality.network"][last] > off["externality.network"][last] + 0.005,
                    "seed \(seed): network level \(on["externality.network"][last]) with super-clusters, \(off["externality.network"][last]) without")
        }
    }
}
