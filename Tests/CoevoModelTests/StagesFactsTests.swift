// MODEL.md §5 facts 4, 5, 8 and 9 (the stages and the widening of external economies) over ten
// fixed seeds, and the mechanism switches that make them fail: without sharing platforms there is
// no stage 2, without coordination capacity (no IINET, no ECO) the network chokes on its own cost.

import CoevoMeasure
import CoevoModel
import Testing

let stageSeeds: [UInt64] = Array(21...30)

/// One baseline run per seed, shared by the tests of this file (runs are deterministic).
let baselineRuns: [UInt64: RunSeries] = {
    var runs: [UInt64: RunSeries] = [:]
    for seed in stageSeeds { runs[seed] = runSeries(testParameters(), seed: seed, recordPanel: true) }
    return runs
}()

/// Period each platform type first entered, from the run's events.
func platformEntryOrder(_ r: RunSeries) -> [String: Int] {
    var first: [String: Int] = [:]
    for o in r.result.observations {
        for e in o.events where e.kind == "platform_entry" {
            let type = String(e.detail.prefix { $0 != " " })
            if first[type] == nil { first[type] = o.period }
        }
    }
    return first
}

func externalPart(_ r: RunSeries, at t: Int) -> Double {
    r["externality.cluster"][t] + r["externality.network"][t] + r["externality.ecosystem"][t] + r["externality.economy"][t]
}

@Suite("Fact 4: stages enter in order; platform entry follows fixed costs")
struct Fact4 {
    @Test func stagesInOrderAndStageFourReached() {
        var reachedFour = 0
        for seed in stageSeeds {
            let e = baselineRuns[seed]!.result.stageEntry
            guard let e1 = e[0], let e2 = e[1], let e3 = e[2] else {
                Issue.record("seed \(seed): stage 1, 2 or 3 never reached: \(e)"); continue
            }
            // Each stage lasts at least the 4 quarters of the persistence rule before the next.
            #expect(e1 + 4 <= e2 && e2 + 4 <= e3, "seed \(seed): entries \(e)")
            if let e4 = e[3] { reachedFour += 1; #expect(e3 + 4 <= e4, "seed \(seed): entries \(e)") }
        }
        // Stage 4 is reached within 80 quarters in at least 9 of the 10 seeds (4,000 firms; where an
        // ecosystem war splits sellers across families, embedding can stay just below the threshold).
        #expect(reachedFour >= 9, "stage 4 reached in \(reachedFour) of \(stageSeeds.count) seeds")
    }

    @Test func reorderedFixedCostsReorderPlatformEntry() {
        for seed in stageSeeds.prefix(4) {
            let base = platformEntryOrder(baselineRuns[seed]!)
            // Baseline: XBORDER before MAKE (its fixed cost is higher but its market larger).
            #expect(base["XBORDER"]! < base["MAKE"]!, "seed \(seed): baseline entry \(base)")
            // Swap the roles: MAKE cheap, XBORDER dear.
            let swapped = platformEntryOrder(runSeries(testParameters { $0.makeFixedCost = 0.0005; $0.xborderFixedCost = 0.02 }, seed: seed))
            #expect(swapped["MAKE"]! < swapped["XBORDER"] ?? Int.max, "seed \(seed): reordered entry \(swapped)")
        }
    }

    @Test func noSharingPlatformsNoStageTwo() {
        for seed in stageSeeds.prefix(3) {
            let r = runSeries(testParameters { $0.sharingPlatformsMax = 0 }, seed: seed)
            #expect(r.result.stageEntry[1] == nil, "seed \(seed): stage 2 without sharing platforms at \(String(describing: r.result.stageEntry[1]))")
            #expect(r["adoption.sharing"].allSatisfy { $0 == 0 })
        }
    }
}

@Suite("Fact 5: external economies widen and deepen")
struct Fact5 {
    @Test func externalPartGrowsAndNetworkAndEcosystemShareRises() {
        for seed in stageSeeds {
            let r = baselineRuns[seed]!
            let e = r.result.stageEntry
            guard let e2 = e[1], let e4 = e[3] else { continue }   // stage 4 not reached: counted in Fact 4
            let last = r["stage"].count - 1
            // The external part of the cost fall at the end of stages 1, 3 and 4 grows.
            let ends = [e2 - 1, e4 - 1, last]
            let external = ends.map { externalPart(r, at: $0) }
            #expect(external[0] < external[1] && external[1] < external[2], "seed \(seed): external part \(external)")
            // The network and ecosystem levels' share of it rises from stage 1 to stage 4.
            func wideShare(_ t: Int) -> Double { (r["externality.network"][t] + r["externality.ecosystem"][t]) / externalPart(r, at: t) }
            #expect(wideShare(e4 - 1) > wideShare(e2 - 1) && wideShare(last) > wideShare(e2 - 1),
                    "seed \(seed): network+ecosystem share \(wideShare(e2 - 1)) → \(wideShare(e4 - 1)) → \(wideShare(last))")
            #expect(r["externality.ecosystem"][last] > 0, "seed \(seed): no ecosystem level")
        }
    }

    @Test func elasticityNegativeFromStageTwoAndDeeperInStageFour() throws {
        var negative = 0, total = 0, deeper = 0, sum1 = 0.0, sum4 = 0.0
        for seed in stageSeeds {
            let panel = baselineRuns[seed]!.result.panel
            let fit = try externalityFit(panel)
            guard let b1 = fit[1], let b4 = fit[4] else { continue }   // stage 4 not reached: counted in Fact 4
            for s in 2...4 { if let b = fit[s] { total += 1; if b < 0 { negative += 1 } } }
            // Stages 3 and 4 (β ≈ −0.014 to −0.055 at ζ = 0.3) are negative in every seed.
            for s in 3...4 { if let b = fit[s] { #expect(b < 0, "seed \(seed): β_\(s) = \(b)") } }
            if b4 < b1 { deeper += 1 }
            sum1 += b1; sum4 += b4
        }
        // Stage 2's point estimates on 4,000-firm economies are small (≈ −0.013 to +0.002) and
        // noisy: most, not all, stage-seed cells must show it.
        #expect(Double(negative) >= 0.8 * Double(total), "β_s < 0 in \(negative) of \(total) stage-seed cells (stages 2–4)")
        // β_4 < β_1 on average over the seeds, and in all but at most one (10 of 10 at the defaults).
        #expect(sum4 < sum1, "summed β_4 \(sum4) vs β_1 \(sum1) over the seeds reaching stage 4")
        // Known issue (issue 13): 8 of the 9 seeds that reach stage 4 at 4,000 firms since the
        // levers act through mechanisms only (all 10 before).
        withKnownIssue("issue 13: β_4 < β_1 in 8 of 10 seeds at 4,000 firms", isIntermittent: true) {
            #expect(deeper >= 9, "β_4 < β_1 in \(deeper) of \(stageSeeds.count) seeds")
        }
    }
}

/// β_s by stage for reachable output (no bootstrap): ln AVC on ln Y^reach, ln q, firm and
/// industry × period effects, as `coevo run` estimates it.
func externalityFit(_ panel: FirmPanel) throws -> [Int: Double] {
    let data = panel.externalityPanel(.reachable)
    let fit = try estimateExternality(data, bootstrapDraws: 0, seed: 1)
    var out: [Int: Double] = [:]
    for (stage, c) in fit.byStage { out[stage] = c.estimate }
    return out
}

@Suite("Fact 8: U1 leads, D rises")
struct Fact8 {
    @Test func ccdStageOneFirstAndDRising() {
        for seed in stageSeeds {
            let r = baselineRuns[seed]!
            let e = r.result.stageCCDEntry
            guard let first = e[0] else { Issue.record("seed \(seed): stage.ccd 1 never entered: \(e)"); continue }
            for k in 1..<4 { if let t = e[k] { #expect(first < t, "seed \(seed): stage.ccd entries \(e)") } }
            let d = r["ccd.D"]
            #expect(slope(d.indices.map(Double.init), d) > 0, "seed \(seed): D slope")
            #expect(mean(d.suffix(8)) > mean(d.prefix(8)) + 0.05, "seed \(seed): D \(mean(d.prefix(8))) → \(mean(d.suffix(8)))")
        }
    }
}

/// Fact 9 as restated by issue 13 (docs/ODD.md §8.7): platform markets stay contested, within-type
/// HHI 0.3–0.6 at the end as China's data show, not the tipping to one platform per type that
/// MODEL.md's "platform HHI rises" described (with seller congestion off, tested below).
@Suite("Fact 9: heavy-tailed online sizes, contested platform concentration")
struct Fact9 {
    @Test func hillIndexAndHHI() {
        var hills: [Double] = []
        for seed in stageSeeds {
            let r = baselineRuns[seed]!
            let hill = mean(r["size.hill"].suffix(8))
            hills.append(hill)
            #expect(hill > 1 && hill < 2.5, "seed \(seed): Hill index \(hill)")
            // The last 8 quarters: 0.48–0.51 in seeds 21–30 at 4,000 firms.
            let end = mean(r["platform.hhi"].suffix(8))
            #expect(end >= 0.3 && end <= 0.6, "seed \(seed): final within-type HHI \(end)")
        }
        #expect(hills.reduce(0, +) / Double(hills.count) < 2.3, "mean Hill index over seeds \(hills)")
    }

    /// `platform.congestion` (κ_s = 1 by default): when a platform's sellers share its traffic, no
    /// type tips to one platform. At 6,000 firms the final within-type HHI is 0.95–0.98 without it
    /// (κ_s = 0) and 0.48–0.49 with κ_s = 1 (seeds 1–3).
    @Test func sellerCongestionStopsTipping() {
        for seed in [1, 2, 3] as [UInt64] {
            let off = runSeries(testParameters(firms: 6000) { $0.sellerCongestion = 0 }, seed: seed)
            let on = runSeries(testParameters(firms: 6000) { $0.sellerCongestion = 1 }, seed: seed)
            let hOff = off["platform.hhi"].last!, hOn = on["platform.hhi"].last!
            #expect(hOff > 0.85 && hOn < 0.6, "seed \(seed): HHI \(hOff) without congestion, \(hOn) with")
        }
    }

    @Test func salesRankingCarriesTheTail() {
        // The mechanism behind the fact: LIVE and XBORDER traffic favours sellers with high recent
        // sales. Without it (ζ = 0) the tail thins by 0.68–0.82 in every seed (Hill 1.30–1.66 with,
        // 1.97–2.45 without; seeds 21–24, 4,000 firms). Since online buyers favour nearby sellers
        // (`demand.online_distance`, docs/ODD.md §8.10) sellers' home markets differ in size and part
        // of the tail is geography: without ranking the mean Hill index is ≈ 2.3, at the fact's bound
        // (it was ≈ 3 when online offers were seen alike everywhere).
        var thinning: [Double] = []
        for seed in stageSeeds.prefix(4) {
            let flat = runSeries(testParameters { $0.onlineRanking = 0 }, seed: seed)
            let with = mean(baselineRuns[seed]!["size.hill"].suffix(8)), without = mean(flat["size.hill"].suffix(8))
            thinning.append(without - with)
            #expect(with < without - 0.5, "seed \(seed): Hill index \(with) with ranking vs \(without) without")
        }
        #expect(thinning.reduce(0, +) / Double(thinning.count) > 0.6, "Hill index without ranking minus with, by seed: \(thinning)")
    }
}

@Suite("Coordination capacity: without IINET and ECO the network chokes")
struct CoordinationCapacity {
    @Test func withoutCoordinationLinkCostStaysHighAndNetworkStops() {
        for seed in stageSeeds.prefix(3) {
            let on = baselineRuns[seed]!
            // No IINET platform ever enters, and ecosystem embedding brings no coordination.
            let off = runSeries(testParameters { $0.iinetFixedCost = 10; $0.coordECO = 0 }, seed: seed)
            #expect(off["adoption.iinet"].allSatisfy { $0 == 0 })
            let last = off["stage"].count - 1
            // The cost of a further link rises with the network (degree) without coordination capacity,
            // and falls when IINET and ECO raise that capacity. Without it the network grows, then sheds
            // the links that cost more than they bring, so the link cost ends where it was at quarter 30
            // (0.975–0.986 of it at 4,000 firms, seeds 21–23); with coordination it ends at 0.30–0.33
            // of it.
            let costOff = off["network.linkcost"], costOn = on["network.linkcost"]
            #expect(slope(off["network.degree"], costOff) > 0, "seed \(seed): link cost vs degree without coordination")
            #expect(abs(costOff[last] / costOff[30] - 1) < 0.1 && costOn[last] < 0.5 * costOn[30],
                    "seed \(seed): link cost \(costOff[30]) → \(costOff[last]) without coordination, \(costOn[30]) → \(costOn[last]) with")
            // So the network stops reaching out: few cross-cluster partners, slower degree growth, no stage 3.
            #expect(off["network.crosscluster"][last] < 0.25 * on["network.crosscluster"][last],
                    "seed \(seed): cross-cluster partners \(off["network.crosscluster"][last]) without coordination vs \(on["network.crosscluster"][last])")
            let growthOff = off["network.degree"][last] - off["network.degree"][30]
            let growthOn = on["network.degree"][last] - on["network.degree"][30]
            #expect(growthOff < 0.6 * growthOn, "seed \(seed): degree growth \(growthOff) without coordination vs \(growthOn)")
            // Stage 3 comes much later, if at all.
            #expect((off.result.stageEntry[2] ?? 1000) >= on.result.stageEntry[2]! + 8,
                    "seed \(seed): stage 3 at \(String(describing: off.result.stageEntry[2])) without coordination, \(String(describing: on.result.stageEntry[2])) with")
        }
    }
}

@Suite("Fact 7: without government, later or no stage 4 and stalling external economies")
struct Fact7 {
    static func noGovernment(_ p: inout Parameters) { p.govReg = 0; p.govPub = 0; p.govTal = 0; p.govInf = 0; p.govBar = 0 }

    @Test func noGovernmentNeverBreaksRegionalBoundariesUnlessTheBarrierFalls() {
        // Stage 4 needs ecosystems and a super-cluster spanning regions (paper §3(5): government
        // breaks the regional administrative barriers). Without government super-clusters rarely
        // cross a region and stage 4 never comes (4,000 firms, seeds 21–23); with the barrier friction
        // switched off it does (quarters 62–69), and stage 3 comes sooner.
        for seed in stageSeeds.prefix(3) {
            let base = baselineRuns[seed]!
            let none = runSeries(testParameters { Fact7.noGovernment(&$0) }, seed: seed)
            let open = runSeries(testParameters { Fact7.noGovernment(&$0); $0.regionBarrier = 0 }, seed: seed)
            #expect(base["superclusters.crossregion"].last! >= 1, "seed \(seed): no super-cluster across regions in the baseline")
            func quartersAcross(_ r: RunSeries) -> Int { r["superclusters.crossregion"].filter { $0 >= 1 }.count }
            #expect(2 * quartersAcross(none) < quartersAcross(base),
                    "seed \(seed): \(quartersAcross(none)) quarters with a super-cluster across regions without government, \(quartersAcross(base)) with")
            let b4 = base.result.stageEntry[3]!, n4 = none.result.stageEntry[3] ?? 1000
            #expect(n4 >= b4 + 12, "seed \(seed): stage 4 at \(n4) without government, \(b4) with")
            #expect(open.result.stageEntry[3] != nil, "seed \(seed): no stage 4 without government even with open regions")
            #expect((open.result.stageEntry[2] ?? 1000) < (none.result.stageEntry[2] ?? 1000), "seed \(seed): stage 3 not sooner with open regions")
        }
    }

    @Test func noGovernmentStallsAndCongestionAndFraudAreWhy() {
        var calmRise = 0.0, noneRise = 0.0, baseRise = 0.0
        for seed in stageSeeds {
            let base = baselineRuns[seed]!
            let none = runSeries(testParameters { Fact7.noGovernment(&$0) }, seed: seed)
            // Stage 4 later or never.
            let b4 = base.result.stageEntry[3] ?? 1000, n4 = none.result.stageEntry[3] ?? 1000
            #expect(n4 > b4, "seed \(seed): stage 4 at \(n4) without government, \(b4) with")
            // Economy-level external economies (logistics, platforms, credit) stop growing late in the
            // run: over the seeds by more than half (below), and in every seed clearly. Per seed the
            // ratio is 0.06–0.23 at 4,000 firms, 0.12 pooled (0.35–0.55 before cross-region B2B
            // sourcing bore the regional barrier, ODD §8.10); with no effect of government it would be ≈ 1.
            func rise(_ r: RunSeries) -> Double { r["externality.economy"][79] - r["externality.economy"][60] }
            #expect(rise(none) < 0.7 * rise(base), "seed \(seed): economy-level rise t60→79 \(rise(none)) without government vs \(rise(base))")
            noneRise += rise(none); baseRise += rise(base)
            #expect(none["logistics.cost"][79] > base["logistics.cost"][79] + 0.01, "seed \(seed): congestion without G_inf")
            // The forces the levers hold back: with congestion and fraud switched off, growth resumes.
            let calm = runSeries(testParameters { Fact7.noGovernment(&$0); $0.congestionWeight = 0; $0.fraudHazard = 0 }, seed: seed)
            // Per seed the ratio is 2.2–6.3 (3.3 pooled): every seed resumes, and over the seeds by half again.
            #expect(rise(calm) > 1.25 * rise(none), "seed \(seed): rise without congestion and fraud \(rise(calm)) vs \(rise(none))")
            calmRise += rise(calm)
        }
        #expect(noneRise < 0.5 * baseRise, "economy-level rise t60→79 over seeds \(noneRise) without government vs \(baseRise)")
        #expect(calmRise > 1.5 * noneRise, "rise over seeds without congestion and fraud \(calmRise) vs \(noneRise)")
    }
}
