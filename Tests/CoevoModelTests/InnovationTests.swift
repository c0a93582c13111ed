// The innovation dilemma (MODEL.md §3(7), §5 fact 6): with digital commerce innovation keeps a
// positive share and quality keeps up with the frontier; without it (no platform) innovation stays
// rare, quality falls behind and the lock-in flag is raised. Each property is shown able to fail by
// removing the mechanism behind it. Registration royalties and design purchases are tested directly.

@testable import CoevoModel
import Testing

/// Seeds of the fact-6 runs: ten, as for the other part-2 facts (release builds: each pair of
/// 3,000-firm runs takes under a second).
private let innovationSeeds: [UInt64] = Array(1...10)

@Suite struct InnovationTests {
    @Test func innovationMovesQualityAndCostsMoney() {
        let on = runSeries(testParameters(firms: 3000, periods: 40), seed: 2)
        #expect(on["innovation.share"].suffix(20).reduce(0, +) > 0)
        let off = runSeries(testParameters(firms: 3000, periods: 40) { $0.innovation = false }, seed: 2)
        #expect(off["innovation.share"].allSatisfy { $0 == 0 })
        #expect(off["lockin"].allSatisfy { $0 == 0 })
    }

    @Test func standingStillMeansFallingBehind() {
        // Innovation on but unaffordable: relative quality of incumbents falls with the frontier.
        let r = runSeries(testParameters(firms: 3000, periods: 40) { $0.rdCost = 100; $0.imitationHazard = 0; $0.platforms = false }, seed: 2)
        #expect(r["innovation.share"].allSatisfy { $0 == 0 })
        #expect(r["quality.mean"].last! < r["quality.mean"].first! - 0.2)
        #expect(r["lockin"].last! == 1)
    }

    /// Fact 6, both halves, per seed: baseline keeps innovating (share of the last 8 quarters > 0.04,
    /// lock-in 0) and ends ahead of where it started relative to the frontier; no-digital ends locked
    /// in (share < 0.05, lock-in 1) with relative quality down by more than 0.2.
    @Test(arguments: innovationSeeds) func factSixLockInWithoutDigitalCommerce(seed: UInt64) {
        let base = runSeries(testParameters(firms: 3000), seed: seed)
        let none = runSeries(testParameters(firms: 3000) { $0.platforms = false }, seed: seed)
        let baseShare = mean(base["innovation.share"].suffix(8)), noneShare = mean(none["innovation.share"].suffix(8))
        #expect(base["lockin"].last! == 0)
        #expect(baseShare > 0.04)
        #expect(none["lockin"].last! == 1)
        #expect(noneShare < 0.05)
        #expect(none["quality.mean"].last! < none["quality.mean"].first! - 0.2)
        #expect(base["quality.mean"].last! > none["quality.mean"].last! + 0.2)
    }

    /// The baseline half can fail: without the channels through which digital commerce pays
    /// innovators (online buyers weighing quality, data lowering market risk, DESIGN sharing and
    /// royalties) the baseline innovates a fifth as often or less and falls behind the frontier.
    @Test(arguments: [UInt64(1), 2, 3]) func baselineLocksInWithoutTheDigitalReturnToQuality(seed: UInt64) {
        let base = runSeries(testParameters(firms: 3000), seed: seed)
        let r = runSeries(testParameters(firms: 3000) {
            $0.onlineQuality = 0; $0.innovationData = 0
            $0.designSuccess = 0; $0.designCostDiscount = 0; $0.designBuy = 0; $0.royalty = 0
        }, seed: seed)
        let share = mean(r["innovation.share"].suffix(8)), baseShare = mean(base["innovation.share"].suffix(8))
        #expect(share < 0.2 * baseShare, "seed \(seed): innovation share \(share) without digital returns vs \(baseShare)")
        #expect(r["quality.mean"].last! < base["quality.mean"].last! - 0.2, "seed \(seed): relative quality \(r["quality.mean"].last!) vs \(base["quality.mean"].last!)")
    }

    /// The no-digital half can fail: with cheap R&D traditional clusters keep innovating.
    @Test func noDigitalEscapesWithCheapRAndD() {
        let r = runSeries(testParameters(firms: 3000) { $0.platforms = false; $0.rdCost = 0.1 }, seed: 1)
        #expect(mean(r["innovation.share"].suffix(8)) > 0.1)
        #expect(r["lockin"].last! == 0)
    }

    /// DESIGN registration: imitators and buyers of a registered design pay its owners; the flows
    /// balance, buyers close ι of the gap, and without registration (or with ρ = 0) nothing is paid.
    @Test(arguments: [0.3, 0.0]) func royaltiesFlowFromCopiersToRegisteredOwners(rho: Double) throws {
        var m = Model(parameters: testParameters(firms: 600, periods: 4) { $0.rdCost = 100; $0.royalty = rho; $0.designBuy = 1 }, seed: 5)
        m.stepToObservation()
        let k = 0
        let sellers = (0..<m.firms.count).filter { m.firms.role[$0] != .supplier && m.firms.cluster[$0] == k }
        try #require(sellers.count >= 4)
        let owner = sellers[0], buyers = Array(sellers[1...2])
        m.firms.quality[owner] = m.clusters[k].bestQuality + 0.5
        m.firms.channels[owner] |= Channel.design.bit
        for b in buyers { m.firms.channels[b] |= Channel.design.bit; m.firms.quality[b] = m.clusters[k].bestQuality - 0.4 }
        let charge = (0..<m.firms.count).map { m.firms.rdCharge[$0] }, worth = m.firms.netWorth[owner]
        let quality = buyers.map { m.firms.quality[$0] }
        m.innovate()
        let paid = (0..<m.firms.count).reduce(0.0) { $0 + m.firms.rdCharge[$1] - charge[$1] }
        #expect(abs(paid - (m.firms.netWorth[owner] - worth)) < 1e-9)
        for (i, b) in buyers.enumerated() {
            #expect(abs(m.firms.quality[b] - quality[i] - m.parameters.imitationGap * 0.4) < 1e-9)
            if rho > 0 { #expect(m.firms.rdCharge[b] > charge[b]) } else { #expect(m.firms.rdCharge[b] == charge[b]) }
        }
    }

    @Test func unregisteredDesignsEarnNoRoyalty() {
        var m = Model(parameters: testParameters(firms: 600, periods: 4) { $0.rdCost = 100 }, seed: 5)
        m.stepToObservation()
        let charge = (0..<m.firms.count).map { m.firms.rdCharge[$0] }
        m.innovate()
        #expect((0..<m.firms.count).allSatisfy { m.firms.rdCharge[$0] == charge[$0] })
    }

    /// Registration lengthens the worth of a lead by ρ·h/(r + δ_q); DESIGN cuts R&D cost by des_cost.
    @Test func registrationAndDesignTerms() {
        let m = Model(parameters: testParameters(firms: 300, periods: 1), seed: 1)
        let p = m.parameters, persistence = p.innovationDiscount + p.obsolescence
        let h = 0.2
        #expect(abs(m.exclusivity(hazard: h, registered: false, persistence: persistence) - 1 / (h + persistence)) < 1e-12)
        #expect(abs(m.exclusivity(hazard: h, registered: true, persistence: persistence)
                    - (1 + p.royalty * h / persistence) / (h + persistence)) < 1e-12)
        #expect(abs(m.rdCost(position: -0.2, design: false) - p.rdCost * exp(p.rdCostGap * 0.2)) < 1e-12)
        #expect(abs(m.rdCost(position: -0.2, design: true) - (1 - p.designCostDiscount) * p.rdCost * exp(p.rdCostGap * 0.2)) < 1e-12)
    }
}

import Foundation
