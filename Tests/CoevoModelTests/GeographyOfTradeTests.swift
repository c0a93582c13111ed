// Geography in online demand and in B2B sourcing (docs/ODD.md §7.9, §7.12, §8.10): online
// consumers favour nearby sellers at `demand.online_distance` of the offline decay; other
// clusters' B2B suppliers weigh (1 + t)^(1−σ_in) within a region and less across regions, where
// the regional barrier multiplies the freight t as it multiplies a cross-region link's cost.

import Foundation
@testable import CoevoModel
import Testing

@Suite struct GeographyOfTradeTests {
    /// Online visibility is the offline visibility to the power δ_on, and online consumer sales
    /// depend on it: at 4,000 firms the online share of consumer sales at the end of 2017 (quarter
    /// 35) is 0.23 (seed 21) and 0.37 (seed 22) of what it is when online offers are seen alike
    /// everywhere (δ_on = 0).
    @Test func onlineConsumersFavourNearbySellers() {
        var checked = false
        let faded = runSeries(testParameters(periods: 36), seed: 21) { _, model in
            guard !checked else { return }
            checked = true
            let p = model.parameters, R = model.world.regions, M = R + 1
            for r in 0..<R {
                for m in 0..<R {
                    let d = model.world.distance[r * R + m]
                    let barrier = 1 - 0.5 * model.regions[r].policy[Lever.bar.rawValue]
                    let offline = exp(-p.visibilityDecay * d) * pow(1 + p.distanceMarkup * barrier * d, -p.thetaP)
                    #expect(abs(model.offlineVisibility[r * M + m] - offline) < 1e-14 * offline)
                    #expect(abs(model.onlineVisibility[r * M + m] - pow(offline, p.onlineDistanceShare)) < 1e-14)
                }
            }
        }
        let flat = runSeries(testParameters(periods: 36) { $0.onlineDistanceShare = 0 }, seed: 21)
        let shareFaded = faded["online.share.retail"][35], shareFlat = flat["online.share.retail"][35]
        #expect(checked)
        #expect(shareFlat > 0.1 && shareFaded < 0.6 * shareFlat, "online share of consumer sales, 2017: \(shareFaded) faded vs \(shareFlat) seen alike everywhere")
    }

    /// What consumers at home spend online, Σ_{j,m} X^on_{j,m}·(online offers seen in m)/D^ret_{j,m},
    /// arrives as sellers' RETAIL and LIVE revenue (before credit cuts, read back from their order
    /// books), every quarter: the consumers' denominators and the sellers' multipliers use the same
    /// regional visibility. The sums are recomputed on a copy of the model from the quarter's state
    /// (ranking off, since it reads last quarter's online sales, which demand has overwritten).
    @Test func onlineConsumerSpendingArrivesAtTheSellers() {
        let p = testParameters(firms: 3000, periods: 50) { $0.exitSolvent = false; $0.onlineRanking = 0 }
        var quarters = 0, largest = 0.0
        _ = runSeries(p, seed: 24) { _, model in
            var copy = model
            let (retail, _, offlineRetail) = copy.attractionSums()
            let q = model.parameters, J = model.world.industries, R = model.world.regions, M = R + 1
            let growth = pow(1 + q.marketGrowth, Double(model.period))
            var spent = 0.0
            for j in 0..<J {
                for m in 0..<R {
                    let xOn = model.onlineShoppers * (1 - q.wholesaleShare) * model.marketBase[j * M + m] * growth
                    let online = retail[j * M + m] - offlineRetail[j * M + m]
                    spent += xOn * online / (model.outsideRetail[j * M + m] + retail[j * M + m])
                }
            }
            let f = model.firms
            var earned = 0.0
            for s in 0..<f.count where f.role[s] != .supplier && f.revenue[s] > 0 {
                earned += (f.revenueRetail[s] + f.revenueLive[s]) * f.orders[s] / f.revenue[s]
            }
            guard spent > 0 else { return }
            quarters += 1
            largest = max(largest, abs(earned - spent) / spent)
        }
        #expect(quarters > 30, "quarters with online consumer sales: \(quarters)")
        #expect(largest < 1e-9, "largest relative gap between online consumer spending and sellers' RETAIL + LIVE sales: \(largest)")
    }

    /// W(r, r) = ω and W(r, q) = (1 + t·(1 + b_R(1 − Ḡ_bar)²))^(1−σ_in) with t = ω^(1/(1−σ_in)) − 1:
    /// at the defaults ω = 0.56, so t ≈ 0.213, and without government (Ḡ_bar = 0, b_R = 4) the
    /// cross-region weight is (1 + 5t)^(−3) ≈ 0.113.
    @Test func b2bWeightsFollowTheFreightAndTheBarrier() {
        func check(_ p: Parameters, noGovernment: Bool) {
            var seen = 0
            _ = runSeries(p, seed: 22) { _, model in
                seen += 1
                guard seen % 10 == 1 else { return }
                let q = model.parameters, R = model.world.regions, omega = q.b2bSupplierWeight
                let t = pow(omega, 1 / (1 - q.sigmaIn)) - 1
                for a in 0..<R {
                    for b in 0..<R {
                        let w = model.b2bRegionWeight[a * R + b]
                        if a == b { #expect(w == omega); continue }
                        let g = (model.regions[a].policy[Lever.bar.rawValue] + model.regions[b].policy[Lever.bar.rawValue]) / 2
                        let expected = pow(1 + t * (1 + q.regionBarrier * (1 - g) * (1 - g)), 1 - q.sigmaIn)
                        #expect(abs(w - expected) < 1e-14 && w < omega)
                        if noGovernment { #expect(abs(w - pow(1 + 5 * t, -3)) < 1e-14 && abs(w - 0.113) < 0.002, "\(w)") }
                    }
                }
            }
            #expect(seen > 0)
        }
        check(testParameters(firms: 2000, periods: 30), noGovernment: false)
        check(testParameters(firms: 2000, periods: 30) { $0.govReg = 0; $0.govPub = 0; $0.govTal = 0; $0.govInf = 0; $0.govBar = 0 },
              noGovernment: true)
    }

    /// What B2B buyers spend on other clusters' suppliers, E_i·B_i/I_i, is what those suppliers
    /// earn through B2B (before any credit cut, read back from their order books), every quarter:
    /// the buyers' pools and the suppliers' sales use the same region weights.
    @Test func b2bSpendingArrivesAtTheSuppliers() {
        // Ecosystem purchases off (they are booked as suppliers' B2B revenue too), credit cuts
        // undone through the order book, and no owner closing (a closed supplier's book is lost).
        // The default world puts an industry's clusters in different regions; with 2 regions and 18
        // clusters (3 per industry) two of an industry's clusters share a region, so both branches
        // of W are exercised.
        for (regions, clusters) in [(6, 12), (2, 18)] {
            let p = testParameters(firms: 3000, periods: 60) {
                $0.ecoSupplierWeight = 0; $0.exitSolvent = false; $0.regions = regions; $0.clusters = clusters
            }
            checkB2BConservation(p, label: "\(regions) regions, \(clusters) clusters")
        }
    }

    private func checkB2BConservation(_ p: Parameters, label: String) {
        var quarters = 0, largest = 0.0, sameRegionPairs = 0, counted = false
        _ = runSeries(p, seed: 23) { _, model in
            if !counted {
                counted = true
                let w = model.world
                for a in 0..<model.clusters.count {
                    for b in 0..<model.clusters.count where a < b && w.clusterIndustry[a] == w.clusterIndustry[b] && w.clusterRegion[a] == w.clusterRegion[b] {
                        sameRegionPairs += 1
                    }
                }
            }
            let f = model.firms
            var spent = 0.0, earned = 0.0
            for s in 0..<f.count {
                if f.role[s] == .supplier {
                    if f.revenue[s] > 0 { earned += f.revenueB2B[s] * f.orders[s] / f.revenue[s] }
                } else if f.inputSpending[s] > 0 && f.poolB2B[s] != 0 {
                    let total = f.poolLocal[s] + f.poolB2B[s] + f.poolNetwork[s] + f.poolEcosystem[s]
                    spent += f.inputSpending[s] * f.poolB2B[s] / total
                }
            }
            guard spent > 0 else { return }
            quarters += 1
            largest = max(largest, abs(earned - spent) / spent)
        }
        #expect(quarters > 20, "\(label): quarters with B2B sourcing: \(quarters)")
        #expect(largest < 1e-9, "\(label): largest relative gap between B2B spending and B2B sales: \(largest)")
        if p.regions == 2 { #expect(sameRegionPairs > 0, "\(label): no two clusters of an industry in one region") }
    }
}
