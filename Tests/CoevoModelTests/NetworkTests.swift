// Collaboration network invariants (MODEL.md §3(9)): links are symmetric, point at live firms,
// never exceed the degree cap, and partner slots and the id → slot map stay exact through entry and exit.

import CoevoModel
import Testing

@Suite struct NetworkTests {
    @Test func linksStaySymmetricAndLiveThroughEntryAndExit() {
        var model = Model(parameters: testParameters(firms: 2000, periods: 30), seed: 4)
        model.burnIn()
        var observer = Observer()
        var sawLinks = false
        for _ in 0..<30 {
            model.stepToObservation()
            _ = observer.observe(&model)
            model.finishPeriod()
            let f = model.firms, d = FirmStore.maxDegree
            for s in 0..<f.count {
                #expect(Int(f.slotOfID[Int(f.id[s])]) == s)
                var degree = 0
                for m in 0..<d where f.links[s * d + m] != FirmStore.noLink {
                    degree += 1
                    let o = Int(f.links[s * d + m])
                    #expect(o >= 0 && o < f.count, "firm \(f.id[s]) links to a firm that left")
                    if o >= 0 && o < f.count {
                        var back = false
                        for q in 0..<d where f.links[o * d + q] == UInt32(s) { back = true }
                        #expect(back, "link \(f.id[s])–\(f.links[s * d + m]) is one-sided")
                    }
                }
                #expect(degree == Int(f.degree[s]) && degree <= d)
                if degree > 0 { sawLinks = true }
            }
        }
        #expect(sawLinks)
    }
}

@Suite struct ReferredOrders {
    /// Partners refer orders: with referrals on, linked sellers' revenue relative to unlinked
    /// sellers' is higher than with referrals off (same seed, same network rules).
    @Test func partnersReferOrders() {
        func linkedPremium(_ referral: Double) -> Double {
            var ratio = 0.0
            _ = runSeries(testParameters(firms: 3000, periods: 20) { $0.referral = referral }, seed: 41) { o, m in
                guard o.period == 19 else { return }
                var linked = 0.0, nl = 0.0, unlinked = 0.0, nu = 0.0
                for s in 0..<m.firms.count where m.firms.role[s] != .supplier {
                    if m.firms.degree[s] > 0 { linked += m.firms.revenue[s]; nl += 1 } else { unlinked += m.firms.revenue[s]; nu += 1 }
                }
                ratio = (linked / max(nl, 1)) / max(unlinked / max(nu, 1), 1e-12)
            }
            return ratio
        }
        let with = linkedPremium(0.2), without = linkedPremium(0)
        #expect(with > without * 1.05, "linked/unlinked revenue \(with) with referrals, \(without) without")
    }
}
